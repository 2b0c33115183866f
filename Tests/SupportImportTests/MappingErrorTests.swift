import Foundation
import SupportImport
import Testing

@Suite("Values the mapping does not cover are typed errors naming the file and the JSON path")
struct MappingErrorTests {
  /// The error a throwing call throws, or `nil`.
  static func error(_ body: () throws -> Void) -> ImportError? {
    do {
      try body()
      return nil
    } catch let error as ImportError {
      return error
    } catch {
      Issue.record("not an ImportError: \(error)")
      return nil
    }
  }

  @Test("a WHMCS custom status without a mapping is unknownStatus at its file, line and path")
  func unknownWHMCSStatus() throws {
    let importer = WHMCSImporter(timeZone: try ServerTimeZone(identifier: "Asia/Vientiane"))
    let documents = try SampleExports.documents("whmcs")
    let error = try #require(Self.error { _ = try importer.tickets(from: documents) })
    #expect(error.code == .unknownStatus)
    #expect(error.file?.hasSuffix("whmcs/ticket-details.jsonl") == true)
    #expect(error.line == 2)  // ticket 102 is the second line
    #expect(error.path == "status")
    #expect(error.context["value"] == "Awaiting Parts")
  }

  @Test("an unknown priority is unknownPriority; a status in a Zendesk audit names its event's path")
  func unknownPriorityAndAuditStatus() throws {
    let whmcs = WHMCSFixtures.ticket(priority: "Emergency")
    let priority = try #require(Self.error { _ = try WHMCSImporter(timeZone: .utc).tickets(from: [whmcs]) })
    #expect(priority.code == .unknownPriority && priority.path == "priority")
    let audits = SampleExports.document(
      """
      {"audits":[{"id":1,"ticket_id":7,"created_at":"2024-01-01T00:00:00Z","author_id":3,
        "events":[{"id":2,"type":"Change","field_name":"priority","value":"high"},
                  {"id":3,"type":"Change","field_name":"status","value":"escalated"}]}]}
      """, name: "audits.json")
    let status = try #require(Self.error { _ = try ZendeskImporter().tickets(from: [audits]) })
    #expect(status.code == .unknownStatus && status.file == "audits.json")
    #expect(status.path == "audits[0].events[1].value")
  }

  @Test("a mapped custom status imports")
  func mappedStatus() throws {
    let importer = WHMCSImporter(timeZone: .utc, mapping: ImportMapping(statuses: ["Escalated": .inProgress]))
    let read = try importer.tickets(from: [WHMCSFixtures.ticket(status: "escalated")])
    #expect(read.tickets.first?.events.last?.kind == .statusChanged(to: .inProgress))
  }

  @Test(
    "billing problems name the service's path",
    arguments: [
      (#""billingcycle":"Fortnightly""#, ImportError.Code.unknownBillingCycle, "products.product[0].billingcycle"),
      (#""status":"Frozen""#, .unknownStatus, "products.product[0].status"),
      (#""recurringamount":"ten""#, .invalidValue, "products.product[0].recurringamount"),
      (#""regdate":"0000-00-00""#, .invalidValue, "products.product[0].regdate"),
      (#""name":"Mystery Box""#, .unmappedProduct, "products.product[0].name"),
    ])
  func billingErrors(field: String, code: ImportError.Code, path: String) throws {
    var fields = [
      "name": #""name":"Starter""#, "billingcycle": #""billingcycle":"Monthly""#, "status": #""status":"Active""#,
      "recurringamount": #""recurringamount":"5.00""#, "regdate": #""regdate":"2024-01-01""#,
    ]
    fields[String(field.dropFirst().prefix { $0 != "\"" })] = field
    let products =
      #"{"products":{"product":[{"id":"1","clientid":"1",\#(fields.values.sorted().joined(separator: ","))}]}}"#
    let importer = WHMCSImporter(
      timeZone: .utc, mapping: ImportMapping(productTiers: ["Starter": .shared], currency: "USD"))
    let error = try #require(
      Self.error { _ = try importer.subscriptions(from: [SampleExports.document(products, name: "products.json")]) })
    #expect(error.code == code)
    #expect(error.path == path)
    #expect(error.file == "products.json")
    let lenient = try importer.subscriptions(
      from: [SampleExports.document(products, name: "products.json")], mode: .lenient)
    #expect(lenient.subscriptions.isEmpty && lenient.warnings.map(\.code) == [code])
  }

  @Test("an amount without a known currency is unknownCurrency")
  func unknownCurrency() throws {
    let products =
      #"{"products":[{"id":"1","clientid":"1","name":"A","billingcycle":"Monthly","status":"Active","recurringamount":"5","regdate":"2024-01-01"}]}"#
    let importer = WHMCSImporter(timeZone: .utc, mapping: ImportMapping(defaultTier: .shared))
    let error = try #require(Self.error { _ = try importer.subscriptions(from: [SampleExports.document(products)]) })
    #expect(error.code == .unknownCurrency && error.path == "products[0].recurringamount")
  }

  @Test("mapping files: unknown keys and values are invalidMapping at their path")
  func mappingFiles() throws {
    let typo = Self.error { _ = try ImportMapping(json: Data(#"{"statuse": {}}"#.utf8), file: "map.json") }
    #expect(typo?.code == .invalidMapping && typo?.path == "statuse" && typo?.file == "map.json")
    let value = Self.error {
      _ = try ImportMapping(json: Data(#"{"statuses": {"Awaiting Parts": "parked"}}"#.utf8), file: "map.json")
    }
    #expect(value?.code == .invalidMapping && value?.path == "statuses.Awaiting Parts")
    let flat = try ImportMapping.statusMap(json: Data(#"{"Awaiting Parts": "onHold"}"#.utf8), file: "s.json")
    #expect(flat == ["Awaiting Parts": .onHold])
    let badFlat = Self.error { _ = try ImportMapping.statusMap(json: Data(#"{"A": 3}"#.utf8), file: "s.json") }
    #expect(badFlat?.code == .invalidMapping && badFlat?.path == "A")
    let directPartner = Self.error {
      _ = try ImportMapping(json: Data(#"{"clientGroupPartners": {"3": "acme"}}"#.utf8), file: "map.json")
    }
    #expect(directPartner?.code == .invalidMapping && directPartner?.path == "clientGroupPartners.3")
    let partners = try ImportMapping(
      json: Data(#"{"clientGroupChannels": {"4": "affiliate"}, "clientGroupPartners": {"4": "reviews"}}"#.utf8),
      file: "map.json")
    #expect(partners.clientGroupPartners == ["4": "reviews"])
  }

  @Test("a group's affiliate is the subscription's affiliate, a reseller group's partner its reseller")
  func groupPartners() throws {
    let documents = [
      SampleExports.document(#"{"clients":{"client":[{"id":"1","groupid":"4"},{"id":"2","groupid":"3"}]}}"#),
      SampleExports.document(
        #"{"products":{"product":[{"id":"1","clientid":"1","name":"A","regdate":"2024-01-01","#
          + #""recurringamount":"5.00","billingcycle":"Monthly","status":"Active"},{"id":"2","clientid":"2","#
          + #""name":"A","regdate":"2024-01-01","recurringamount":"5.00","billingcycle":"Monthly","status":"Active"}]}}"#
      ),
    ]
    let mapping = ImportMapping(
      defaultTier: .shared, clientGroupChannels: ["4": .affiliate, "3": .reseller],
      clientGroupPartners: ["4": "reviews", "3": "acme"], currency: "USD")
    let book = try WHMCSImporter(timeZone: .utc, mapping: mapping).subscriptions(from: documents)
    #expect(book.subscriptions.map(\.affiliateID) == ["reviews", nil])
    #expect(book.subscriptions.map(\.partnerID) == [nil, "acme"])
  }

  @Test("API error responses, foreign documents and orphaned comment pages are typed errors")
  func documents() throws {
    let vendor = Self.error {
      _ = try WHMCSImporter(timeZone: .utc).tickets(from: [
        SampleExports.document(#"{"result":"error","message":"Authentication Failed"}"#)
      ])
    }
    #expect(vendor?.code == .vendorError && vendor?.context["value"] == "Authentication Failed")
    let foreign = Self.error { _ = try ZendeskImporter().tickets(from: [SampleExports.document(#"{"kind":"x"}"#)]) }
    #expect(foreign?.code == .unrecognisedDocument)
    let orphan = Self.error {
      _ = try ZendeskImporter().tickets(from: [
        SampleExports.document(#"{"comments":[]}"#, name: "comments.json")
      ])
    }
    #expect(orphan?.code == .missingField && orphan?.path == "ticket_id")
  }

  @Test("a syntax error names the line of a JSON-lines file")
  func syntaxLine() throws {
    let lines = "{\"tickets\": []}\n{\"tickets\": [}\n"
    let error = Self.error { _ = try ZendeskImporter().tickets(from: [SampleExports.document(lines, name: "x.jsonl")]) }
    #expect(error?.code == .malformed && error?.line == 2 && error?.file == "x.jsonl")
  }
}
