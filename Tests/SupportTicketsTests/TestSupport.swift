import Foundation
import SupportTickets

/// The kit's seeded generator (SplitMix64), so every run draws the same values.
typealias SeededGenerator = SplitMix64

/// 2026-11-23T10:00:00Z, the instant every test timeline starts at.
let referenceInstant = Date(timeIntervalSince1970: 1_795_428_000)

/// Builds timelines event by event with increasing instants and fresh ids.
struct TimelineBuilder {
  let ticketID: TicketID
  let customerID: CustomerID
  let agent: AgentID
  private(set) var events: [TicketEvent] = []
  private(set) var instant: Date

  init(
    ticketID: TicketID = "T-1", customerID: CustomerID = "cust-1", agent: AgentID = "ana",
    start: Date = referenceInstant, subject: String = "Site down", body: String = "example.com shows a 500 error",
    priority: Priority = .normal
  ) {
    self.ticketID = ticketID
    self.customerID = customerID
    self.agent = agent
    self.instant = start
    let opening = TicketOpening(
      ticketID: ticketID, customerID: customerID, subject: subject, body: body, priority: priority,
      service: ServiceReference(tier: .shared, plan: "Starter", domain: "example.com"))
    events = [TicketEvent(id: "e0", instant: start, author: .customer(customerID), kind: .created(opening))]
  }

  /// The next event, one minute after the previous one.
  mutating func next(_ kind: TicketEvent.Kind, by author: TicketAuthor? = nil, after seconds: Double = 60)
    -> TicketEvent
  {
    instant.addTimeInterval(seconds)
    let defaultAuthor: TicketAuthor
    switch kind {
    case .customerReply: defaultAuthor = .customer(customerID)
    case .automatedMessage: defaultAuthor = .system
    default: defaultAuthor = .agent(agent)
    }
    return TicketEvent(id: EventID("e\(events.count)"), instant: instant, author: author ?? defaultAuthor, kind: kind)
  }

  /// Appends the next event to the timeline and returns it.
  @discardableResult
  mutating func add(_ kind: TicketEvent.Kind, by author: TicketAuthor? = nil, after seconds: Double = 60)
    -> TicketEvent
  {
    let event = next(kind, by: author, after: seconds)
    events.append(event)
    return event
  }

  /// Appends an event made with ``next(_:by:after:)``.
  mutating func append(_ event: TicketEvent) { events.append(event) }

  func ticket() throws -> Ticket { try Ticket(events: events) }
}

/// A way to bring a fresh ticket into `status`, by the shortest allowed route from `open`.
func ticket(in status: TicketStatus) throws -> (Ticket, TimelineBuilder) {
  var builder = TimelineBuilder()
  if status != .open { builder.add(.statusChanged(to: status)) }
  let ticket = try builder.ticket()
  return (ticket, builder)
}

/// Random, valid timelines of every event kind, for property tests.
struct RandomTimelines {
  var generator: SeededGenerator

  init(seed: UInt64) { generator = SeededGenerator(seed: seed) }

  mutating func timeline(ticketID: TicketID = "T-1", customerID: CustomerID = "cust-1", maxEvents: Int = 30)
    -> [TicketEvent]
  {
    var builder = TimelineBuilder(ticketID: ticketID, customerID: customerID)
    var ticket = try! builder.ticket()
    let length = Int.random(in: 0...maxEvents, using: &generator)
    var attempts = 0
    while builder.events.count <= length, attempts < length * 4 {
      attempts += 1
      let event = builder.next(randomKind(status: ticket.status), by: randomAuthor(builder), after: 30)
      do {
        try ticket.apply(event)
        builder.append(event)
      } catch {
        continue  // refused events (e.g. a move the table forbids) are simply not part of the timeline
      }
      if ticket.status == .closed { break }
    }
    return builder.events
  }

  private mutating func randomAuthor(_ builder: TimelineBuilder) -> TicketAuthor? {
    Int.random(in: 0..<10, using: &generator) == 0 ? .system : nil
  }

  private mutating func randomKind(status: TicketStatus) -> TicketEvent.Kind {
    let texts = ["Please check", "internal: db01 disk full", "Root password: Hunter2!", "Thanks!", "ok"]
    let text = texts.randomElement(using: &generator)!
    switch Int.random(in: 0..<12, using: &generator) {
    case 0, 1: return .customerReply(body: text)
    case 2, 3: return .agentReply(body: text)
    case 4, 5: return .internalNote(body: "note: " + text)
    case 6: return .automatedMessage(body: "We received your message.")
    case 7: return .statusChanged(to: TicketStatus.allCases.randomElement(using: &generator)!)
    case 8: return .priorityChanged(to: Priority.allCases.randomElement(using: &generator)!)
    case 9: return .assigneeChanged(to: Bool.random(using: &generator) ? "bo" : nil)
    case 10: return .mergedFrom(TicketID("T-\(Int.random(in: 2...9, using: &generator))"))
    default: return status == .resolved ? .reopened : .departmentChanged(to: .billing)
    }
  }
}
