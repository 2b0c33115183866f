import Foundation

/// The folded state of a ticket and its timeline; ``Ticket`` keeps one in a shared, copy-on-write box.
struct TicketState {
  // Fields that every append reads or writes come first, so that they share cache lines.
  /// The whole timeline, oldest first.
  var events: [TicketEvent]
  /// The ids of ``events``, built only once a timeline is longer than ``linearScanLimit``: short timelines
  /// (almost all of them) are checked for repeated ids by a scan, which is cheaper than hashing.
  private(set) var eventIDIndex: Set<EventID>
  /// The bits of every event id (see ``idBit(_:)``): an id whose bit is clear is not in the timeline, which
  /// is then neither scanned nor looked up. Almost every new id is decided so, without reading the events.
  private(set) var eventIDBits: UInt64
  /// The current status.
  var status: TicketStatus
  /// The instant of the last event.
  var updatedAt: Date
  /// The ticket's id.
  var id: TicketID
  /// The customer the ticket belongs to.
  var customerID: CustomerID
  /// The latest message from the customer (the opening message counts).
  var lastCustomerMessageAt: Date
  /// The first public reply by a human agent, if any.
  var firstAgentReplyAt: Date?
  /// The latest public reply by a human agent, if any.
  var lastAgentReplyAt: Date?
  /// The agent responsible, if any.
  var assignee: AgentID?
  /// The current priority.
  var priority: Priority
  /// The current department.
  var department: Department
  /// When the ticket was last resolved, while it is resolved or closed.
  var resolvedAt: Date?
  /// When the ticket closed, once it is closed.
  var closedAt: Date?
  /// How many times a resolved ticket was reopened.
  var reopenCount: Int
  /// When the ticket was opened.
  var createdAt: Date
  /// The one-line subject.
  var subject: String
  /// How the ticket arrived.
  var channel: Channel
  /// The ticket this one was merged into, if it was.
  var mergedInto: TicketID?
  /// Tickets that were merged into this one.
  var mergedTickets: [TicketID]
  /// The product concerned, if known.
  var service: ServiceReference?
  /// The reseller whose customers the ticket belongs to, or `nil` for a direct customer.
  var resellerID: PartnerID?
  static let linearScanLimit = 24
  /// The capacity a timeline of fewer events grows to on its first reallocation.
  static let initialGrowth = 8

  /// The number of events: the version a store's optimistic concurrency compares.
  var version: Int { events.count }

  /// Folds a timeline into a ticket.
  ///
  /// The first event must be ``TicketEvent/Kind/created(_:)``; every later event is checked with the
  /// same rules as ``apply(_:)``.
  /// - Parameter events: The timeline, oldest first.
  /// - Throws: ``TicketError`` when the timeline breaks a lifecycle rule.
  /// - Complexity: O(n) in the number of events. The ticket shares the array's storage instead of
  ///   copying the events.
  init(events: [TicketEvent]) throws {
    guard !events.isEmpty else { throw TicketError.invalidTimeline("a timeline needs a created event") }
    // Start from the whole timeline (shared, not copied); the fold below checks every later event.
    try self.init(opening: events[0], timeline: events)
    guard events.count > 1 else { return }
    if events.count > Self.linearScanLimit {
      eventIDIndex.reserveCapacity(events.count)
      eventIDIndex.insert(events[0].id)
    }
    try events.withUnsafeBufferPointer { timeline in
      for position in 1..<timeline.count { try foldTimelineEvent(timeline, at: position) }
    }
  }

  /// Checks and folds the event at `position` of the timeline being folded, whose earlier events are folded.
  private mutating func foldTimelineEvent(_ timeline: UnsafeBufferPointer<TicketEvent>, at position: Int) throws {
    // One copy of the event, that the checks and the fold then share (reading the buffer in each of them
    // copies it for each).
    let event = timeline[position]
    try TicketEventRules.validate(event, ticketID: id, customerID: customerID, status: status, updatedAt: updatedAt)
    let eventID = event.id
    let bit = Self.idBit(eventID)
    let repeated: Bool
    if timeline.count > Self.linearScanLimit {
      repeated = !eventIDIndex.insert(eventID).inserted
    } else {
      repeated = eventIDBits & bit != 0 && timeline[..<position].contains { $0.id == eventID }
    }
    if repeated {
      throw TicketError.invalidEvent("the id is already in the timeline", eventID: eventID, ticketID: id)
    }
    eventIDBits |= bit
    try fold(event)
  }

  /// Opens a ticket from its `created` event.
  /// - Parameter event: A ``TicketEvent/Kind/created(_:)`` event.
  /// - Throws: ``TicketError`` when the event is not a valid opening.
  init(opening event: TicketEvent, timeline: [TicketEvent]? = nil) throws {
    guard case .created(let opening) = event.kind else {
      throw TicketError.invalidTimeline("the first event is \(event.kind.name), not created")
    }
    try TicketEventRules.validateOpening(event, opening)
    self.init(checked: opening, eventID: event.id, instant: event.instant, timeline: timeline ?? [event])
  }

  /// The state of a ticket just opened, from an opening that passed the rules. (Not throwing, so that the
  /// fields are written where the state is returned instead of being copied there.)
  private init(checked opening: TicketOpening, eventID: EventID, instant: Date, timeline: [TicketEvent]) {
    id = opening.ticketID
    customerID = opening.customerID
    subject = opening.subject
    status = .open
    priority = opening.priority
    department = opening.department
    channel = opening.channel
    service = opening.service
    resellerID = opening.resellerID
    assignee = nil
    createdAt = instant
    updatedAt = instant
    firstAgentReplyAt = nil
    lastAgentReplyAt = nil
    lastCustomerMessageAt = instant
    resolvedAt = nil
    closedAt = nil
    reopenCount = 0
    mergedInto = nil
    mergedTickets = []
    events = timeline
    eventIDIndex = []
    eventIDBits = Self.idBit(eventID)
  }

  /// Appends one event, checking the lifecycle rules first; on error the ticket is unchanged.
  /// - Parameter event: The next event; its instant must not be before ``updatedAt``.
  /// - Throws: ``TicketError`` (`invalidTransition`, `ticketClosed`, `invalidEvent`, `invalidTimeline`).
  /// - Complexity: Amortized O(1).

  /// ``apply(_:)`` for callers that have already made sure the event's id is new (stores report a
  /// repeated id as their own error first).
  mutating func apply(_ event: TicketEvent, checkingDuplicateID: Bool) throws {
    try TicketEventRules.validate(event, ticketID: id, customerID: customerID, status: status, updatedAt: updatedAt)
    guard !checkingDuplicateID || !containsEvent(event.id) else {
      throw TicketError.invalidEvent("the id is already in the timeline", eventID: event.id, ticketID: id)
    }
    try fold(event)
    // A timeline that grows usually grows to several events: go to `initialGrowth` at once rather than
    // reallocating at 2 and 4 (each reallocation is a new block of memory and a copy of the events).
    if events.count < Self.initialGrowth, events.count == events.capacity {
      events.reserveCapacity(Self.initialGrowth)
    }
    events.append(event)
    eventIDBits |= Self.idBit(event.id)
    if events.count > Self.linearScanLimit {
      if eventIDIndex.isEmpty {
        eventIDIndex = Set(events.lazy.map(\.id))
      } else {
        eventIDIndex.insert(event.id)
      }
    }
  }

  /// Updates the state for a validated event (everything but the timeline itself); on error nothing changed.
  /// (Inlined, so that an event lent from a buffer is read in place rather than copied for the call.)
  @inline(__always)
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
    case .resellerChanged(let next):
      guard next != resellerID else {
        throw TicketError.invalidEvent(
          "the ticket already belongs to \(next.map { "reseller \($0)" } ?? "no reseller")", eventID: event.id,
          ticketID: id)
      }
      resellerID = next
    case .reopened:
      guard status == .resolved else { throw TicketError.invalidTransition(from: status, to: .open, ticketID: id) }
      reopen(at: event.instant)
    }
    updatedAt = event.instant
  }

  /// Whether the timeline already has an event with this id.
  /// - Parameter eventID: The id to look for.
  /// - Complexity: O(1) on average.
  func containsEvent(_ eventID: EventID) -> Bool {
    Self.contains(eventID, in: events, index: eventIDIndex, bits: eventIDBits)
  }

  /// Whether `eventID` is among `events`, whose ids set `bits` (see ``idBit(_:)``) and, once they are more
  /// than ``linearScanLimit``, are held by `index`. The predicate borrows each event, where a `for` loop
  /// would copy it.
  static func contains(_ eventID: EventID, in events: [TicketEvent], index: Set<EventID>, bits: UInt64) -> Bool {
    guard bits & idBit(eventID) != 0 else { return false }
    if events.count > linearScanLimit { return index.contains(eventID) }
    return events.contains { $0.id == eventID }
  }

  /// One of 64 bits, chosen by a hash of the id's bytes (FNV-1a, folded): equal ids have the same bit.
  static func idBit(_ eventID: EventID) -> UInt64 {
    func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
      var hash: UInt64 = 0xcbf2_9ce4_8422_2325
      for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
      return hash
    }
    // Native and small strings lend their bytes; others are read through their UTF-8 view.
    let utf8 = eventID.rawValue.utf8
    let value = utf8.withContiguousStorageIfAvailable { hash($0) } ?? hash(utf8)
    return 1 &<< ((value ^ value &>> 32) & 63)
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
