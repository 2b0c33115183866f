import Foundation
import RetentionMetrics
import SupportTickets

/// Maps WHMCS services (`GetClientsProducts`) to RetentionMetrics subscriptions, with clients' groups and
/// currencies and cancellation requests beside them (see <doc:Importing#Subscriptions>).
struct WHMCSBillingReader {
  private let mapping: ImportMapping
  private let tiers: WHMCSTierTable
  private let cycles = NameTable(builtIn: WHMCSImporter.builtInBillingCycles, custom: [:])
  private let channels: NameTable<AcquisitionChannel>
  private var clock: LocalTimeConverter
  private var people = ImportedPeople(vendor: "whmcs", departments: [:])
  private var products: [String: Record] = [:]
  private var clientGroups: [String: String] = [:]
  private var clientCurrencies: [String: CurrencyCode] = [:]
  private var cancellations: [String: (day: CivilDate, immediate: Bool)] = [:]

  init(importer: WHMCSImporter) {
    mapping = importer.mapping
    tiers = WHMCSTierTable(importer.mapping)
    channels = NameTable(custom: importer.mapping.clientGroupChannels)
    clock = LocalTimeConverter(zone: importer.timeZone)
  }

  // MARK: Reading

  mutating func read(products record: Record) throws(ImportError) {
    for product in try record.records("products", element: "product") {
      products[try product.requiredVendorID("id")] = product
    }
  }

  mutating func read(clients record: Record) throws(ImportError) {
    for client in try record.records("clients", element: "client") {
      let id = try client.requiredVendorID("id")
      if let group = try client.vendorID("groupid") { clientGroups[id] = group }
      if let code = try client.firstText("currency_code", "currencycode") {
        clientCurrencies[id] = try currency(code, client, "currency_code")
      }
    }
  }

  mutating func read(invoices record: Record) throws(ImportError) {
    for invoice in try record.records("invoices", element: "invoice") {
      guard let client = try invoice.vendorID("userid"), clientCurrencies[client] == nil,
        let code = try invoice.nonEmptyText("currencycode")
      else { continue }
      clientCurrencies[client] = try currency(code, invoice, "currencycode")
    }
  }

  mutating func read(cancellations record: Record) throws(ImportError) {
    for request in try record.records("packages", element: "package") {
      guard let service = try request.vendorID("relid") else { continue }
      let text = try request.requiredText("date")
      guard let local = LocalTimeConverter.localSeconds(text) else {
        throw request.failure(.invalidValue, "date", "expected a local date and time YYYY-MM-DD HH:MM:SS", value: text)
      }
      let immediate = NameTable<Bool>.normalised(try request.text("type") ?? "") == "immediate"
      cancellations[service] = (LocalTimeConverter.day(ofLocalSeconds: local), immediate)
    }
  }

  private func currency(_ code: String, _ record: Record, _ key: String) throws(ImportError) -> CurrencyCode {
    guard let currency = try? CurrencyCode(validating: code) else {
      throw record.failure(.invalidValue, key, "expected a three-letter ISO 4217 currency code", value: code)
    }
    return currency
  }

  // MARK: Mapping

  mutating func subscriptions(mode: ImportMode) throws(ImportError) -> SubscriptionImport {
    var result = SubscriptionImport()
    for id in products.keys.sorted(by: VendorNumber.less) {
      guard let product = products[id] else { continue }
      do {
        switch try subscription(id, product) {
        case .success(let subscription): result.subscriptions.append(subscription)
        case .failure(let skipped): result.warnings.append(skipped)
        }
      } catch {
        guard mode == .lenient else { throw error }
        result.warnings.append(error)
      }
    }
    return result
  }

  /// The subscription of one service, or a `skipped` warning for a service that is not one.
  private mutating func subscription(_ id: String, _ product: Record) throws(ImportError)
    -> Result<Subscription, ImportError>
  {
    let statusName = try product.requiredText("status")
    let ended: Bool
    switch NameTable<Bool>.normalised(statusName) {
    case "active", "suspended": ended = false
    case "terminated", "cancelled", "canceled": ended = true
    case "pending", "fraud", "completed":
      return .failure(product.failure(.skipped, "status", "a \(statusName) service is not a subscription"))
    default: throw product.failure(.unknownStatus, "status", "unknown service status", value: statusName)
    }
    let cycleName = try product.requiredText("billingcycle")
    let normalisedCycle = NameTable<Bool>.normalised(cycleName)
    let period: BillingPeriod
    if normalisedCycle == "freeaccount" {
      guard mapping.includeFreeAccounts else {
        return .failure(product.failure(.skipped, "billingcycle", "a free account is not a subscription"))
      }
      period = .monthly
    } else if normalisedCycle == "onetime" {
      return .failure(product.failure(.skipped, "billingcycle", "a one-time purchase is not a subscription"))
    } else {
      guard let known = cycles.value(for: cycleName) else {
        throw product.failure(.unknownBillingCycle, "billingcycle", "unknown billing cycle", value: cycleName)
      }
      period = known
    }
    guard let tier = try tiers.tier(of: product) else {
      throw product.failure(
        .unmappedProduct, "name", "no plan tier for this product; add it to productTiers or productGroupTiers",
        value: try product.text("name") ?? id)
    }
    let client = try product.requiredVendorID("clientid")
    let currency = try currency(of: client, product)
    let mrr = normalisedCycle == "freeaccount" ? .zero(currency) : try monthlyRevenue(product, currency, period)
    let start = try date(product, "regdate")
    let end = ended ? try endDate(of: product, service: id) : nil
    if let end, end < start {
      throw product.failure(.invalidValue, "nextduedate", "the service ends (\(end)) before it starts (\(start))")
    }
    let group = clientGroups[client]
    let channel = group.flatMap { channels.value(for: $0) } ?? .direct
    let partner = group.flatMap { mapping.clientGroupPartners[$0] }
    let plan = SafeText.name(try product.text("name") ?? "")
    return .success(
      Subscription(
        id: SubscriptionID(derived: "whmcs-S\(id)"), customer: people.client(client),
        plan: plan.isEmpty ? "(unnamed)" : plan, tier: tier, channel: channel, billingPeriod: period,
        mrr: mrr, start: start, end: end, partnerID: channel == .reseller ? partner : nil,
        affiliateID: channel == .affiliate ? partner : nil))
  }

  private func currency(of client: String, _ product: Record) throws(ImportError) -> CurrencyCode {
    guard let currency = clientCurrencies[client] ?? mapping.currency else {
      throw product.failure(
        .unknownCurrency, "recurringamount",
        "no currency for client \(client): add its GetInvoices response or a currency to the mapping")
    }
    return currency
  }

  private func monthlyRevenue(_ product: Record, _ currency: CurrencyCode, _ period: BillingPeriod) throws(ImportError)
    -> Money
  {
    let text = try product.requiredText("recurringamount")
    guard let price = try? Money(parsing: text, currency: currency), price.minorUnits >= 0 else {
      throw product.failure(
        .invalidValue, "recurringamount", "expected an amount of \(currency) of at least 0", value: text)
    }
    return Money.monthlyRecurringRevenue(ofPrice: price, per: period)
  }

  /// The first day without service of an ended service (see <doc:Importing#Subscriptions>).
  private mutating func endDate(of product: Record, service: String) throws(ImportError) -> CivilDate {
    for key in ["terminationdate", "termination_date"] {
      if let day = try optionalDate(product, key) { return day }
    }
    if let request = cancellations[service] {
      if request.immediate { return request.day.adding(days: 1) }
      if let due = try optionalDate(product, "nextduedate") { return due }
    }
    if let due = try optionalDate(product, "nextduedate") { return due }
    throw product.failure(
      .missingEndDate, "nextduedate", "the service ended but has no termination date, cancellation or next due date")
  }

  private func date(_ record: Record, _ key: String) throws(ImportError) -> CivilDate {
    guard let day = try optionalDate(record, key) else {
      throw record.failure(.invalidValue, key, "expected a date YYYY-MM-DD", value: try record.text(key) ?? "")
    }
    return day
  }

  /// A `YYYY-MM-DD` date (a time after it is ignored); `nil` when absent, empty or WHMCS's zero date.
  private func optionalDate(_ record: Record, _ key: String) throws(ImportError) -> CivilDate? {
    guard let text = try record.nonEmptyText(key), !text.hasPrefix("0000-00-00") else { return nil }
    guard let day = try? CivilDate(parsing: String(text.prefix(10))), RetentionDataset.supportedDates.contains(day)
    else {
      throw record.failure(.invalidValue, key, "expected a date YYYY-MM-DD from 1970 to 2099", value: text)
    }
    return day
  }
}

/// Which plan tier a WHMCS product is: by product id, by name, by product group, or the mapping's default.
struct WHMCSTierTable: Sendable {
  private let products: NameTable<PlanTier>
  private let groups: NameTable<PlanTier>
  private let fallback: PlanTier?

  init(_ mapping: ImportMapping) {
    products = NameTable(custom: mapping.productTiers)
    groups = NameTable(custom: mapping.productGroupTiers)
    fallback = mapping.defaultTier
  }

  /// The product's tier, or `nil` when nothing names it.
  func tier(of product: Record) throws(ImportError) -> PlanTier? {
    if let pid = try product.vendorID("pid"), let tier = products.value(for: pid) { return tier }
    if let name = try product.nonEmptyText("name"), let tier = products.value(for: name) { return tier }
    if let group = try product.nonEmptyText("groupname"), let tier = groups.value(for: group) { return tier }
    return fallback
  }
}
