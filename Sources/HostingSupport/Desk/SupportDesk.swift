import FeedbackSentiment
import Foundation
import SupportSLA
import SupportTickets

/// The one object a panel developer holds: opens and updates tickets, watches SLAs, announces maintenance,
/// follows up feedback and computes customer health, sending every message through one transport.
///
/// ```swift
/// let desk = SupportDesk()                       // in memory, console transport, hosting-default SLAs
/// await desk.register(customers)
/// let update = try await desk.openTicket(for: "cust-1", subject: "Site down", body: "…", priority: .critical)
/// let report = try await desk.tick(now: Date())  // call every minute or so
/// ```
///
/// Every notification goes through a persisted queue: it is produced once (its idempotency key is derived from
/// what it is about), delivered by ``transport``, and its key recorded in the sent-log of ``stateStore``.
/// A notification whose delivery fails stays queued and is tried again on the next ``tick(now:)``; one whose
/// key is already in the sent-log is never sent again, across restarts too.
public actor SupportDesk {
  /// Where tickets live.
  public nonisolated let store: any TicketStore
  /// The SLA policies tickets are measured against.
  public nonisolated let policies: SLAPolicySet
  /// Classifies feedback.
  public nonisolated let classifier: any SentimentClassifier
  /// Delivers notifications.
  public nonisolated let transport: any NotificationTransport
  /// Keeps the sent-log, the queue, maintenance windows and feedback between runs.
  public nonisolated let stateStore: any DeskStateStore
  /// Settings.
  public nonisolated let configuration: DeskConfiguration
  nonisolated let clock: @Sendable () -> Date

  var customers: [CustomerID: CustomerProfile] = [:] {
    didSet { sortedCustomers = customers.values.sorted { $0.id < $1.id } }
  }
  private var sortedCustomers: [CustomerProfile] = []
  var state = DeskState()
  var sentKeys: Set<String> = []
  var pendingKeys: Set<String> = []
  var isDirty = false
  private var isLoaded = false

  /// A desk.
  /// - Parameters:
  ///   - store: The ticket store (default: a new `InMemoryTicketStore`).
  ///   - policies: The SLA policies (default `SLAPolicySet.hostingDefault`).
  ///   - classifier: The sentiment classifier (default: FeedbackSentiment's default classifier).
  ///   - transport: Where notifications go (default ``ConsoleTransport``).
  ///   - stateStore: Where the desk's own state goes (default in memory; use ``FileDeskStateStore`` next to a
  ///     file ticket store to survive restarts).
  ///   - customers: The customers known at start (more with ``register(_:)``).
  ///   - configuration: Settings.
  ///   - now: The date provider used when an operation is given no instant (default: the system clock).
  public init(
    store: any TicketStore = InMemoryTicketStore(),
    policies: SLAPolicySet = .hostingDefault,
    classifier: (any SentimentClassifier)? = nil,
    transport: any NotificationTransport = ConsoleTransport(),
    stateStore: any DeskStateStore = InMemoryDeskStateStore(),
    customers: [CustomerProfile] = [],
    configuration: DeskConfiguration = DeskConfiguration(),
    now: @escaping @Sendable () -> Date = { Date() }
  ) {
    self.store = store
    self.policies = policies
    self.classifier = classifier ?? ((try? DefaultSentimentClassifier.make()) ?? LexiconSentimentClassifier())
    self.transport = transport
    self.stateStore = stateStore
    self.configuration = configuration
    self.clock = now
    var byID: [CustomerID: CustomerProfile] = [:]
    for customer in customers { byID[customer.id] = customer }
    self.customers = byID
    self.sortedCustomers = byID.values.sorted { $0.id < $1.id }
  }

  // MARK: Customers

  /// Adds or replaces customers (the host calls this at start and whenever its billing data changes).
  /// - Parameter profiles: The customers.
  public func register(_ profiles: [CustomerProfile]) {
    var updated = customers
    for profile in profiles { updated[profile.id] = profile }
    customers = updated
  }

  /// The customer with that id, if registered.
  /// - Parameter id: The customer's id.
  public func customer(_ id: CustomerID) -> CustomerProfile? { customers[id] }

  /// Every registered customer, by id.
  public var registeredCustomers: [CustomerProfile] { sortedCustomers }

  // MARK: State

  func ensureLoaded() async throws {
    guard !isLoaded else { return }
    state = try await stateStore.loadState()
    sentKeys = try await stateStore.loadSentLog()
    pendingKeys = Set(state.pending.map(\.idempotencyKey))
    isLoaded = true
  }

  func persist() async throws {
    try await stateStore.saveState(state)
    isDirty = false
  }

  /// The notifications produced but not yet delivered.
  public func pendingNotifications() async throws -> [OutboundMessage] {
    try await ensureLoaded()
    return state.pending
  }

  /// Whether a notification with this key was delivered (it is in the sent-log).
  /// - Parameter key: An idempotency key.
  public func wasSent(_ key: String) async throws -> Bool {
    try await ensureLoaded()
    return sentKeys.contains(key)
  }

  /// Queues a notification unless one with the same key was sent or is queued.
  /// - Returns: Whether it was queued.
  @discardableResult
  func enqueue(_ notification: OutboundMessage) -> Bool {
    guard !isKnown(notification.idempotencyKey) else { return false }
    state.pending.append(notification)
    pendingKeys.insert(notification.idempotencyKey)
    isDirty = true
    return true
  }

  /// Whether a key was sent or is queued.
  func isKnown(_ key: String) -> Bool {
    sentKeys.contains(key) || pendingKeys.contains(key)
  }

  /// Tries to deliver every queued notification, oldest first; what fails stays queued.
  ///
  /// The keys delivered are appended to the sent-log together, once per flush: a crash in the middle of a
  /// flush may deliver a notification again after the restart, which at-least-once delivery allows and the
  /// idempotency key lets the receiver drop.
  /// - Returns: The notifications delivered and how many failed.
  func flush() async throws -> (delivered: [OutboundMessage], failures: Int) {
    guard !state.pending.isEmpty else {
      if isDirty { try await persist() }
      return ([], 0)
    }
    var delivered: [OutboundMessage] = []
    var remaining: [OutboundMessage] = []
    var failures = 0
    for notification in state.pending where !sentKeys.contains(notification.idempotencyKey) {
      do {
        try await transport.send(notification)
        delivered.append(notification)
      } catch {
        failures += 1
        remaining.append(notification)
      }
    }
    if !delivered.isEmpty {
      try await stateStore.appendToSentLog(delivered.map(\.idempotencyKey))
      sentKeys.formUnion(delivered.map(\.idempotencyKey))
    }
    state.pending = remaining
    pendingKeys = Set(remaining.map(\.idempotencyKey))
    try await persist()
    return (delivered, failures)
  }

  /// Delivers what is queued now, without waiting for the next tick.
  /// - Returns: The notifications delivered.
  @discardableResult
  public func deliverPending() async throws -> [OutboundMessage] {
    try await ensureLoaded()
    return try await flush().delivered
  }

  /// The SLA subject of a ticket: the ticket with its customer's segment.
  func slaSubject(_ ticket: Ticket) -> SLASubject {
    SLASubject(ticket, segment: customers[ticket.customerID]?.slaSegment.map { CustomerSegment(rawValue: $0) })
  }

  // MARK: Text helpers

  func profile(for id: CustomerID) -> CustomerProfile {
    customers[id]
      ?? CustomerProfile(
        id: id, name: id.rawValue, tier: .shared, monthlyRevenue: Money(minorUnits: 0, currency: "USD"),
        customerSince: .distantPast)
  }

  func customerNotification(
    _ template: NotificationTemplateName,
    kind: MessageKind,
    key: String,
    to customer: CustomerProfile,
    values: [String: String],
    at instant: Date,
    ticketID: TicketID? = nil,
    maintenanceID: MaintenanceID? = nil
  ) throws -> OutboundMessage {
    var allValues = values
    allValues["customerName"] = customer.name
    allValues["hostName"] = configuration.hostName
    let text = try configuration.templates.render(template, locale: customer.locale, values: allValues)
    return OutboundMessage(
      idempotencyKey: key,
      audience: .customer,
      customerID: customer.id,
      kind: kind,
      locale: customer.locale,
      subject: text.subject,
      body: text.body,
      createdAt: instant,
      ticketID: ticketID,
      maintenanceID: maintenanceID
    )
  }
}
