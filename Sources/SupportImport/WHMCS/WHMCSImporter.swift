import Foundation
import RetentionMetrics
import SupportTickets

/// Reads the JSON that the WHMCS API returns and maps it to the kit's tickets and RetentionMetrics subscriptions.
///
/// Save each API response to a file (one response per file, or one per line), then:
///
/// ```swift
/// let importer = WHMCSImporter(timeZone: try ServerTimeZone(identifier: "Asia/Vientiane"), mapping: mapping)
/// let documents = try paths.map { try ImportDocument(contentsOf: URL(fileURLWithPath: $0)) }
/// let read = try importer.tickets(from: documents)              // GetTicket (+ GetTickets) responses
/// let summary = try await TicketImportWriter().write(read.tickets, to: store)
/// let book = try importer.subscriptions(from: documents)        // GetClientsProducts (+ clients, invoices…)
/// ```
///
/// WHMCS writes times on the server's local clock without an offset, so the importer needs the server's IANA
/// time zone (see ``ServerTimeZone``). Field by field, the mapping is documented in <doc:Importing>.
public struct WHMCSImporter: Sendable {
  /// The time zone of the WHMCS server's clock.
  public var timeZone: ServerTimeZone
  /// The host's statuses, priorities, departments, plan tiers and channels.
  public var mapping: ImportMapping

  /// The built-in ticket status table: WHMCS's six default statuses. `Closed` maps to `resolved` because a
  /// WHMCS client may reply to a closed ticket, which reopens it, and the kit's `closed` is final; map
  /// `"Closed": "closed"` to change that.
  public static let builtInStatuses: [String: TicketStatus] = [
    "Open": .open, "Answered": .waitingOnCustomer, "Customer-Reply": .open, "On Hold": .onHold,
    "In Progress": .inProgress, "Closed": .resolved,
  ]

  /// The built-in priority table: WHMCS's three priorities (`Low`, `Medium`, `High`).
  public static let builtInPriorities: [String: Priority] = ["Low": .low, "Medium": .normal, "High": .high]

  /// The built-in billing cycle table. `Free Account` and `One Time` are not recurring (see
  /// <doc:Importing#Subscriptions>).
  public static let builtInBillingCycles: [String: BillingPeriod] = [
    "Monthly": .monthly, "Quarterly": .quarterly, "Semi-Annually": .semiannual, "Annually": .annual,
    "Biennially": .biennial, "Triennially": .triennial,
  ]

  /// Creates an importer.
  /// - Parameters:
  ///   - timeZone: The WHMCS server's time zone.
  ///   - mapping: The host's own names; the built-in tables by default.
  public init(timeZone: ServerTimeZone, mapping: ImportMapping = ImportMapping()) {
    self.timeZone = timeZone
    self.mapping = mapping
  }

  /// Reads the tickets of an export: every `GetTicket` response becomes a ticket with its replies (customer or
  /// staff), admin notes (internal) and current status; reply ratings become CSAT answers. `GetTickets` pages
  /// are checked against them (a listed ticket without its `GetTicket` response is reported as a warning), and
  /// `GetClientsProducts` pages let a ticket name the service it is about. Other responses are ignored.
  /// - Parameter documents: The saved responses, in any order.
  /// - Returns: The tickets (in the order read; a ticket given twice keeps its last response), ratings and
  ///   warnings.
  /// - Throws: ``ImportError`` naming the file, line and JSON path of the first problem: malformed JSON, a
  ///   missing or mistyped field, a status or priority neither the built-in table nor the mapping knows.
  /// - Complexity: O(n) in the size of the documents; each document is parsed and mapped on its own.
  public func tickets(from documents: [ImportDocument]) throws(ImportError) -> TicketImport {
    var reader = WHMCSTicketReader(importer: self)
    for document in documents {
      try document.forEachValue { (source) throws(ImportError) in
        switch try WHMCSResponse.classify(source) {
        case .ticket(let record): try reader.read(ticket: record)
        case .ticketList(let record): try reader.read(list: record)
        case .products(let record): try reader.read(products: record)
        case .clients, .invoices, .cancellations: break
        }
      }
    }
    return reader.finish()
  }

  /// Reads the subscriptions of an export: every service of a `GetClientsProducts` response becomes a
  /// `Subscription` (see <doc:Importing#Subscriptions>); `GetClients` supplies client groups (channels),
  /// `GetInvoices` each client's currency and `GetCancelledPackages` cancellation dates. Ticket responses are
  /// ignored.
  /// - Parameters:
  ///   - documents: The saved responses, in any order.
  ///   - mode: `strict` throws at the first bad service; `lenient` leaves it out and reports it in
  ///     ``SubscriptionImport/warnings``.
  /// - Returns: The subscriptions, ordered by service id, and the services left out.
  /// - Throws: ``ImportError``: malformed JSON or fields, an unknown billing cycle or service status, a
  ///   product without a tier, an amount without a currency (in strict mode; syntax errors in either mode).
  /// - Complexity: O(n) in the size of the documents.
  public func subscriptions(from documents: [ImportDocument], mode: ImportMode = .strict) throws(ImportError)
    -> SubscriptionImport
  {
    var reader = WHMCSBillingReader(importer: self)
    for document in documents {
      try document.forEachValue { (source) throws(ImportError) in
        switch try WHMCSResponse.classify(source) {
        case .products(let record): try reader.read(products: record)
        case .clients(let record): try reader.read(clients: record)
        case .invoices(let record): try reader.read(invoices: record)
        case .cancellations(let record): try reader.read(cancellations: record)
        case .ticket, .ticketList: break
        }
      }
    }
    return try reader.subscriptions(mode: mode)
  }
}

/// The subscriptions read from a billing export.
public struct SubscriptionImport: Sendable {
  /// The subscriptions, ordered by the vendor's service id.
  public var subscriptions: [Subscription]
  /// Services that are not subscriptions (pending, fraud, one-time, free) with code `skipped`, and, in lenient
  /// mode, services left out for an error, with its code; each names its file and path.
  public var warnings: [ImportError]

  /// Creates a result.
  /// - Parameters:
  ///   - subscriptions: The subscriptions.
  ///   - warnings: The services left out.
  public init(subscriptions: [Subscription] = [], warnings: [ImportError] = []) {
    self.subscriptions = subscriptions
    self.warnings = warnings
  }
}
