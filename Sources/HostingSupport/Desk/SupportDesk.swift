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
/// what it is about), delivered by ``transport``, and its sent mark recorded in ``stateStore`` as soon as it was
/// delivered. A notification whose delivery fails stays queued and is tried again, with backoff, by later
/// rounds; one with a sent mark is never sent again, across restarts too.
///
/// ## Concurrency
/// Every method may be called from many tasks at once, whatever the latency of the ticket store, the state store
/// and the transport: each decides, reserves and records what it changes before it awaits anything. See
/// <doc:DeskConcurrency> for the invariants and what they cost.
public actor SupportDesk {
  /// Where tickets live.
  public nonisolated let store: any TicketStore
  /// The SLA policies tickets are measured against.
  public nonisolated let policies: SLAPolicySet
  /// Classifies feedback.
  public nonisolated let classifier: any SentimentClassifier
  /// Delivers notifications.
  public nonisolated let transport: any NotificationTransport
  /// Keeps the sent marks, the queue, maintenance windows, feedback and breaches between runs.
  public nonisolated let stateStore: any DeskStateStore
  /// Settings.
  public nonisolated let configuration: DeskConfiguration
  nonisolated let clock: @Sendable () -> Date

  var customers: [CustomerID: CustomerProfile] = [:] {
    didSet {
      sortedCustomers = customers.values.sorted { $0.id < $1.id }
      customersRevision += 1
    }
  }
  /// Changes whenever customers are registered: segments and resellers (and so SLA subjects) may have changed.
  var customersRevision = 0
  private var sortedCustomers: [CustomerProfile] = []

  // State: loaded once, then changed only through `record(_:)`.
  var state = DeskState()
  var loadPhase = DeskLoadPhase.notLoaded
  var unwrittenChanges: [DeskChange] = []
  var bufferedChangeCount = 0
  var writtenChangeCount = 0
  var stateWriter: Task<Set<String>, any Error>?
  var changesBeingWritten: [DeskChange] = []
  var recordsInStore = 0
  var recordsAfterCompaction = 0
  /// How far this desk has read a shared state store's log (see `SupportDesk+Sharing.swift`).
  var sharedLog = SharedLogProgress()

  // Delivery: one round at a time; retry times of failed keys (in memory: a restart retries at once).
  var deliveryRound: Task<DeliveryOutcome, any Error>?
  var retries: [String: DeliveryRetry] = [:]

  // Ticks: one at a time; the monitor and what it watched persist across ticks.
  var runningTick: (now: Date, task: Task<TickReport, any Error>)?
  var monitor: SLAMonitor
  var ticketMemos: [TicketID: TicketMemo] = [:]

  // Feedback being processed, by id: a second call with the same id awaits the first.
  var feedbackInFlight: [String: Task<FeedbackOutcome, any Error>] = [:]
  // Surveys and incidents: what ticks remember in memory.
  var loopMemo = DeskLoopMemo()

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
    self.monitor = SLAMonitor(policies: policies)
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

  /// The SLA subject of a ticket: the ticket with its customer's segment and reseller.
  func slaSubject(_ ticket: Ticket) -> SLASubject {
    let customer = customers[ticket.customerID]
    return SLASubject(
      ticket, segment: customer?.slaSegment.map { CustomerSegment(rawValue: $0) }, reseller: customer?.partners.reseller
    )
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
    maintenanceID: MaintenanceID? = nil,
    unclipped: Set<String> = []
  ) throws -> OutboundMessage {
    // White label: a reseller's customer hears from the reseller, in a language the reseller speaks.
    let sender = configuration.sender(for: customer)
    let locale = configuration.messageLocale(for: customer)
    var allValues = values
    allValues["customerName"] = customer.name
    allValues["hostName"] = sender.displayName
    allValues["supportURL"] = sender.supportURL?.absoluteString ?? ""
    let whole = unclipped.union(["supportURL"])
    var text = try configuration.templates.render(template, locale: locale, values: allValues, unclipped: whole)
    if sender.supportURL != nil, configuration.templates.template(named: .supportFooter, locale: locale) != nil {
      let footer = try configuration.templates.render(
        .supportFooter, locale: locale, values: allValues, unclipped: whole)
      if !footer.body.isEmpty { text.body += "\n\n" + footer.body }
    }
    return OutboundMessage(
      idempotencyKey: key,
      audience: .customer,
      customerID: customer.id,
      kind: kind,
      locale: locale,
      subject: text.subject,
      body: text.body,
      createdAt: instant,
      ticketID: ticketID,
      maintenanceID: maintenanceID,
      sender: sender
    )
  }
}
