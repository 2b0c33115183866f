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
public struct Ticket: Sendable, Identifiable {
  /// The ticket's id.
  public private(set) var id: TicketID
  /// The customer the ticket belongs to.
  public private(set) var customerID: CustomerID
  /// The one-line subject.
  public private(set) var subject: String
  /// The current status.
  public private(set) var status: TicketStatus
  /// The current priority.
  public private(set) var priority: Priority
  /// The current department.
  public private(set) var department: Department
  /// How the ticket arrived.
  public private(set) var channel: Channel
  /// The product concerned, if known.
  public private(set) var service: ServiceReference?
  /// The agent responsible, if any.
  public private(set) var assignee: AgentID?
  /// When the ticket was opened.
  public private(set) var createdAt: Date
  /// The instant of the last event.
  public private(set) var updatedAt: Date
  /// The first public reply by a human agent, if any.
  public private(set) var firstAgentReplyAt: Date?
  /// The latest public reply by a human agent, if any.
  public private(set) var lastAgentReplyAt: Date?
  /// The latest message from the customer (the opening message counts).
  public private(set) var lastCustomerMessageAt: Date
  /// When the ticket was last resolved, while it is resolved or closed.
  public private(set) var resolvedAt: Date?
  /// When the ticket closed, once it is closed.
  public private(set) var closedAt: Date?
  /// How many times a resolved ticket was reopened.
  public private(set) var reopenCount: Int
  /// The ticket this one was merged into, if it was.
  public private(set) var mergedInto: TicketID?
  /// Tickets that were merged into this one.
  public private(set) var mergedTickets: [TicketID]
  /// The whole timeline, oldest first.
  public private(set) var events: [TicketEvent]
  /// The ids of ``events``, built only once a timeline is longer than ``linearScanLimit``: short timelines
  /// (almost all of them) are checked for repeated ids by a scan, which is cheaper than hashing.
  private var eventIDIndex: Set<EventID>
  private static let linearScanLimit = 24

  /// The number of events: the version a store's optimistic concurrency compares.
  public var version: Int { events.count }

  /// Folds a timeline into a ticket.
  ///
  /// The first event must be ``TicketEvent/Kind/created(_:)``; every later event is checked with the
  /// same rules as ``apply(_:)``.
  /// - Parameter events: The timeline, oldest first.
  /// - Throws: ``TicketError`` when the timeline breaks a lifecycle rule.
  /// - Complexity: O(n) in the number of events. The ticket shares the array's storage instead of
  ///   copying the events.
  public init(events: [TicketEvent]) throws {
    guard let first = events.first else { throw TicketError.invalidTimeline("a timeline needs a created event") }
    try self.init(opening: first)
    let usesIndex = events.count > Self.linearScanLimit
    var seen: Set<EventID> = usesIndex ? [first.id] : []
    for position in 1..<events.count {
      let event = events[position]
      try TicketEventRules.validate(event, appendingTo: self)
      let repeated: Bool
      if usesIndex {
        repeated = !seen.insert(event.id).inserted
      } else {
        repeated = events[..<position].contains { $0.id == event.id }
      }
      if repeated {
        throw TicketError.invalidEvent("the id is already in the timeline", eventID: event.id, ticketID: id)
      }
      try fold(event)
    }
    self.events = events
    eventIDIndex = seen
  }

  /// Opens a ticket from its `created` event.
  /// - Parameter event: A ``TicketEvent/Kind/created(_:)`` event.
  /// - Throws: ``TicketError`` when the event is not a valid opening.
  public init(opening event: TicketEvent) throws {
    guard case .created(let opening) = event.kind else {
      throw TicketError.invalidTimeline("the first event is \(event.kind.name), not created")
    }
    try TicketEventRules.validateOpening(event, opening)
    id = opening.ticketID
    customerID = opening.customerID
    subject = opening.subject
    status = .open
    priority = opening.priority
    department = opening.department
    channel = opening.channel
    service = opening.service
    assignee = nil
    createdAt = event.instant
    updatedAt = event.instant
    firstAgentReplyAt = nil
    lastAgentReplyAt = nil
    lastCustomerMessageAt = event.instant
    resolvedAt = nil
    closedAt = nil
    reopenCount = 0
    mergedInto = nil
    mergedTickets = []
    events = [event]
    eventIDIndex = []
  }

  /// Appends one event, checking the lifecycle rules first; on error the ticket is unchanged.
  /// - Parameter event: The next event; its instant must not be before ``updatedAt``.
  /// - Throws: ``TicketError`` (`invalidTransition`, `ticketClosed`, `invalidEvent`, `invalidTimeline`).
  /// - Complexity: Amortized O(1).
  public mutating func apply(_ event: TicketEvent) throws {
    try apply(event, checkingDuplicateID: true)
  }

  /// ``apply(_:)`` for callers that have already made sure the event's id is new (stores report a
  /// repeated id as their own error first).
  package mutating func apply(_ event: TicketEvent, checkingDuplicateID: Bool) throws {
    try TicketEventRules.validate(event, appendingTo: self)
    guard !checkingDuplicateID || !containsEvent(event.id) else {
      throw TicketError.invalidEvent("the id is already in the timeline", eventID: event.id, ticketID: id)
    }
    try fold(event)
    events.append(event)
    if events.count > Self.linearScanLimit {
      if eventIDIndex.isEmpty {
        eventIDIndex = Set(events.lazy.map(\.id))
      } else {
        eventIDIndex.insert(event.id)
      }
    }
  }

  /// Updates the state for a validated event (everything but the timeline itself); on error nothing changed.
  private mutating func fold(_ event: TicketEvent) throws {
    switch event.kind {
    case .created:
      throw TicketError.invalidTimeline("created can only be the first event", ticketID: id)
    case .customerReply:
      lastCustomerMessageAt = event.instant
      switch status {
      case .resolved: reopen(at: event.instant)
      case .waitingOnCustomer, .onHold: status = .open
      default: break
      }
    case .agentReply:
      if event.isPublicAgentReply {
        if firstAgentReplyAt == nil { firstAgentReplyAt = event.instant }
        lastAgentReplyAt = event.instant
      }
    case .automatedMessage, .internalNote:
      break
    case .statusChanged(let next):
      try move(to: next, at: event.instant)
    case .priorityChanged(let next):
      priority = next
    case .departmentChanged(let next):
      department = next
    case .assigneeChanged(let next):
      assignee = next
    case .merged(let target):
      guard target != id else {
        throw TicketError.invalidEvent("a ticket cannot be merged into itself", eventID: event.id, ticketID: id)
      }
      mergedInto = target
      status = .closed
      closedAt = event.instant
    case .mergedFrom(let source):
      guard source != id else {
        throw TicketError.invalidEvent("a ticket cannot absorb itself", eventID: event.id, ticketID: id)
      }
      mergedTickets.append(source)
    case .reopened:
      guard status == .resolved else { throw TicketError.invalidTransition(from: status, to: .open, ticketID: id) }
      reopen(at: event.instant)
    }
    updatedAt = event.instant
  }

  /// Whether the timeline already has an event with this id.
  /// - Parameter eventID: The id to look for.
  /// - Complexity: O(1) on average.
  package func containsEvent(_ eventID: EventID) -> Bool {
    if events.count > Self.linearScanLimit { return eventIDIndex.contains(eventID) }
    for event in events where event.id == eventID { return true }
    return false
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

  private mutating func move(to next: TicketStatus, at instant: Date) throws {
    guard status.canTransition(to: next) else {
      throw TicketError.invalidTransition(from: status, to: next, ticketID: id)
    }
    if status == .resolved, next.isActive {
      reopen(at: instant)
      status = next
      return
    }
    status = next
    switch next {
    case .resolved: resolvedAt = instant
    case .closed:
      closedAt = instant
      if resolvedAt == nil { resolvedAt = instant }
    default: break
    }
  }

  private mutating func reopen(at instant: Date) {
    status = .open
    resolvedAt = nil
    reopenCount += 1
  }
}

extension Ticket: Hashable {
  /// Two tickets are equal when their timelines are: the state is a deterministic fold of the events.
  public static func == (lhs: Ticket, rhs: Ticket) -> Bool { lhs.events == rhs.events }

  /// Hashes the id, the version and the last event (enough to agree with `==`, in O(1)).
  public func hash(into hasher: inout Hasher) {
    hasher.combine(id)
    hasher.combine(events.count)
    hasher.combine(events.last)
  }
}
