import Foundation

/// A support ticket: an append-only timeline of ``TicketEvent``s and the state it folds into.
///
/// A ticket is never edited in place. Every change is an event appended to ``events``; the properties
/// below are what those events add up to, recomputed deterministically by ``init(events:)``.
///
/// ```swift
/// var ticket = try Ticket(events: [opening])
/// try ticket.apply(TicketEvent(id: "e2", instant: now, author: .agent("ana"), kind: .agentReply(body: "On it")))
/// ticket.version  // 2
/// ```
///
/// `Ticket` is a value type with copy-on-write storage: copying one costs a reference count, and a
/// ticket that is not shared is changed in place.
public struct Ticket: Sendable, Identifiable {
  /// The state lives in a class so that copies (returned by stores, kept in pages) are cheap.
  private final class Storage: @unchecked Sendable {
    // Safe to send: a storage that is shared is never mutated (see `withUniqueState`). Exclusive access
    // is guaranteed by that uniqueness check, so the runtime check is skipped.
    @exclusivity(unchecked) var state: TicketState
    init(_ state: TicketState) { self.state = state }
  }

  private var storage: Storage

  private var state: TicketState {
    _read { yield storage.state }
  }

  /// Runs `body` on state that no other ticket shares, copying it first if needed.
  private mutating func withUniqueState<Result>(_ body: (inout TicketState) throws -> Result) rethrows -> Result {
    if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.state) }
    return try body(&storage.state)
  }

  /// The ticket's id.
  public var id: TicketID { state.id }
  /// The customer the ticket belongs to.
  public var customerID: CustomerID { state.customerID }
  /// The one-line subject.
  public var subject: String { state.subject }
  /// The current status.
  public var status: TicketStatus { state.status }
  /// The current priority.
  public var priority: Priority { state.priority }
  /// The current department.
  public var department: Department { state.department }
  /// How the ticket arrived.
  public var channel: Channel { state.channel }
  /// The product concerned, if known.
  public var service: ServiceReference? { state.service }
  /// The reseller whose customers the ticket belongs to (set when opened, moved by
  /// ``TicketEvent/Kind/resellerChanged(to:)``), or `nil` for a direct customer's ticket.
  public var resellerID: PartnerID? { state.resellerID }
  /// The agent responsible, if any.
  public var assignee: AgentID? { state.assignee }
  /// When the ticket was opened.
  public var createdAt: Date { state.createdAt }
  /// The instant of the last event.
  public var updatedAt: Date { state.updatedAt }
  /// The first public reply by a human agent, if any.
  public var firstAgentReplyAt: Date? { state.firstAgentReplyAt }
  /// The latest public reply by a human agent, if any.
  public var lastAgentReplyAt: Date? { state.lastAgentReplyAt }
  /// The latest message from the customer (the opening message counts).
  public var lastCustomerMessageAt: Date { state.lastCustomerMessageAt }
  /// When the ticket was last resolved, while it is resolved or closed.
  public var resolvedAt: Date? { state.resolvedAt }
  /// When the ticket closed, once it is closed.
  public var closedAt: Date? { state.closedAt }
  /// How many times a resolved ticket was reopened.
  public var reopenCount: Int { state.reopenCount }
  /// The ticket this one was merged into, if it was.
  public var mergedInto: TicketID? { state.mergedInto }
  /// Tickets that were merged into this one.
  public var mergedTickets: [TicketID] { state.mergedTickets }
  /// The whole timeline, oldest first.
  public var events: [TicketEvent] { state.events }
  /// The number of events: the version a store's optimistic concurrency compares.
  public var version: Int { state.events.count }

  /// Folds a timeline into a ticket.
  ///
  /// The first event must be ``TicketEvent/Kind/created(_:)``; every later event is checked with the
  /// same rules as ``apply(_:)``.
  /// - Parameter events: The timeline, oldest first.
  /// - Throws: ``TicketError`` when the timeline breaks a lifecycle rule.
  /// - Complexity: O(n) in the number of events. The ticket shares the array's storage instead of
  ///   copying the events.
  public init(events: [TicketEvent]) throws {
    storage = Storage(try TicketState(events: events))
  }

  /// Opens a ticket from its `created` event.
  /// - Parameter event: A ``TicketEvent/Kind/created(_:)`` event.
  /// - Throws: ``TicketError`` when the event is not a valid opening.
  public init(opening event: TicketEvent) throws {
    storage = Storage(try TicketState(opening: event))
  }

  /// Appends one event, checking the lifecycle rules first; on error the ticket is unchanged.
  /// - Parameter event: The next event; its instant must not be before ``updatedAt``.
  /// - Throws: ``TicketError`` (`invalidTransition`, `ticketClosed`, `invalidEvent`, `invalidTimeline`).
  /// - Complexity: Amortized O(1) when the ticket is not shared; a shared ticket copies its timeline first.
  public mutating func apply(_ event: TicketEvent) throws {
    try withUniqueState { try $0.apply(event, checkingDuplicateID: true) }
  }

  /// ``apply(_:)`` for callers that have already made sure the event's id is new (stores report a
  /// repeated id as their own error first).
  package mutating func apply(_ event: TicketEvent, checkingDuplicateID: Bool) throws {
    try withUniqueState { try $0.apply(event, checkingDuplicateID: checkingDuplicateID) }
  }

  /// A copy with more events applied.
  /// - Parameter newEvents: Events to append, oldest first.
  /// - Returns: The updated ticket.
  /// - Throws: ``TicketError`` for the first event that breaks a rule.
  public func applying(_ newEvents: [TicketEvent]) throws -> Ticket {
    var copy = self
    for event in newEvents { try copy.apply(event) }
    return copy
  }

  /// Whether the timeline already has an event with this id.
  /// - Parameter eventID: The id to look for.
  /// - Complexity: O(1) on average.
  package func containsEvent(_ eventID: EventID) -> Bool {
    // Fields rather than a method of the whole state: calling a method on a class's stored struct copies
    // the struct (retaining every field) first.
    TicketState.contains(
      eventID, in: storage.state.events, index: storage.state.eventIDIndex, bits: storage.state.eventIDBits)
  }
}

extension Ticket: Hashable {
  /// Two tickets are equal when their timelines are: the state is a deterministic fold of the events.
  public static func == (lhs: Ticket, rhs: Ticket) -> Bool {
    lhs.storage === rhs.storage || lhs.events == rhs.events
  }

  /// Hashes the id, the version and the last event (enough to agree with `==`, in O(1)).
  public func hash(into hasher: inout Hasher) {
    hasher.combine(id)
    hasher.combine(version)
    hasher.combine(events.last)
  }
}
