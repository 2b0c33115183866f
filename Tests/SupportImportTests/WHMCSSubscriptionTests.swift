import Foundation
import SupportImport
import Testing

@Suite("WHMCS services become subscriptions as Importing.md documents")
struct WHMCSSubscriptionTests {
  let book: SubscriptionImport

  init() throws {
    book = try SampleExports.whmcs().subscriptions(from: try SampleExports.documents("whmcs"))
  }

  func subscription(_ id: String) throws -> Subscription {
    try #require(book.subscriptions.first { $0.id.rawValue == id })
  }

  @Test("recurring services become subscriptions ordered by service id; the rest are reported, not dropped")
  func whichServices() {
    #expect(book.subscriptions.map(\.id.rawValue) == ["whmcs-S12", "whmcs-S13", "whmcs-S14"])
    let skipped = book.warnings.map { $0.context["path"] ?? "" }
    #expect(book.warnings.allSatisfy { $0.code == .skipped })
    #expect(
      skipped == ["products.product[3].billingcycle", "products.product[4].status", "products.product[5].status"])
  }

  @Test("an active monthly service: tier by product group, MRR in the client's invoice currency, no end")
  func activeMonthly() throws {
    let starter = try subscription("whmcs-S12")
    #expect(starter.customer == "whmcs-C7")
    #expect(starter.plan == "Shared Starter" && starter.tier == .shared)
    #expect(starter.billingPeriod == .monthly)
    #expect(starter.mrr == Money(minorUnits: 799, currency: "USD"))
    #expect(starter.start == (try CivilDate(parsing: "2023-01-15")) && starter.end == nil)
    #expect(starter.channel == .direct)
  }

  @Test("an annual price is divided by twelve; a terminated service ends on its next due date")
  func terminatedAnnual() throws {
    let vps = try subscription("whmcs-S13")
    #expect(vps.billingPeriod == .annual && vps.tier == .vps)
    #expect(vps.mrr == Money(minorUnits: 2399, currency: "USD"))  // 287.88 / 12
    #expect(vps.end == (try CivilDate(parsing: "2024-04-02")))
  }

  @Test(
    "an immediate cancellation ends the service the day after the request; a reseller group is the reseller channel")
  func immediateCancellation() throws {
    let server = try subscription("whmcs-S14")
    #expect(server.end == (try CivilDate(parsing: "2024-03-11")))
    #expect(server.channel == .reseller && server.partnerID == "sihavong-reseller" && server.affiliateID == nil)
    #expect(try subscription("whmcs-S12").partnerID == nil)
    #expect(server.tier == .dedicated)
  }

  @Test("free accounts are left out unless the mapping includes them, at zero MRR")
  func freeAccounts() throws {
    var importer = try SampleExports.whmcs()
    importer.mapping.includeFreeAccounts = true
    let book = try importer.subscriptions(from: try SampleExports.documents("whmcs"))
    let trial = try #require(book.subscriptions.first { $0.id == "whmcs-S15" })
    #expect(trial.mrr == Money(minorUnits: 0, currency: "USD") && trial.tier == .shared)
  }

  @Test("amounts follow the currency's exponent: JPY has no minor unit, KWD has three")
  func currencyExponent() throws {
    let products = """
      {"products":{"product":[
        {"id":"1","clientid":"1","pid":"1","name":"A","regdate":"2024-01-01","recurringamount":"1200.00",
         "billingcycle":"Quarterly","status":"Active"},
        {"id":"2","clientid":"2","pid":"1","name":"A","regdate":"2024-01-01","recurringamount":"12.345",
         "billingcycle":"Monthly","status":"Active"}]}}
      """
    let invoices = """
      {"invoices":{"invoice":[{"id":"1","userid":"1","currencycode":"JPY"},{"id":"2","userid":"2","currencycode":"KWD"}]}}
      """
    let importer = WHMCSImporter(timeZone: .utc, mapping: ImportMapping(defaultTier: .shared))
    let book = try importer.subscriptions(from: [
      SampleExports.document(products, name: "p.json"), SampleExports.document(invoices, name: "i.json"),
    ])
    #expect(
      book.subscriptions.map(\.mrr) == [
        Money(minorUnits: 400, currency: "JPY"), Money(minorUnits: 12_345, currency: "KWD"),
      ])
  }

  @Test("the subscriptions feed a RetentionDataset")
  func dataset() throws {
    let dataset = try RetentionDataset(subscriptions: book.subscriptions)
    #expect(dataset.firstMonth == (try CivilMonth(parsing: "2023-01")))
  }
}
