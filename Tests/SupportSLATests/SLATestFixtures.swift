import Foundation
import SupportSLA
import SupportTickets

/// Parses an ISO 8601 instant such as `2026-11-22T03:00:00Z`.
func utc(_ text: String) -> Date {
  let formatter = ISO8601DateFormatter()
  formatter.formatOptions = [.withInternetDateTime]
  guard let date = formatter.date(from: text) else { fatalError("bad test instant \(text)") }
  return date
}

let oneMinute: TimeInterval = 60
let oneHour: TimeInterval = 3_600

/// Builds a ticket timeline event by event, with times given as offsets from the opening.
struct TimelineBuilder {
  let openedAt: Date
  let customer: CustomerID = "cust-1"
  private(set) var events: [TicketEvent]

  init(
    _ id: TicketID = "T-1", at openedAt: Date, priority: Priority = .normal, department: Department = .technical,
    tier: PlanTier? = nil
  ) {
    self.openedAt = openedAt
    let opening = TicketOpening(
      ticketID: id, customerID: "cust-1", subject: "Site down", body: "My site shows a 500 error",
      priority: priority, department: department,
      service: tier.map { ServiceReference(tier: $0, plan: "Plan") })
    events = [TicketEvent(id: "e1", instant: openedAt, author: .customer("cust-1"), kind: .created(opening))]
  }

  private mutating func add(_ offset: TimeInterval, _ author: TicketAuthor, _ kind: TicketEvent.Kind) {
    events.append(
      TicketEvent(
        id: EventID("e\(events.count + 1)"), instant: openedAt.addingTimeInterval(offset), author: author, kind: kind))
  }

  mutating func agentReply(after offset: TimeInterval) { add(offset, .agent("ana"), .agentReply(body: "Looking")) }
  mutating func customerReply(after offset: TimeInterval) {
    add(offset, .customer(customer), .customerReply(body: "Any news?"))
  }
  mutating func internalNote(after offset: TimeInterval) { add(offset, .agent("ana"), .internalNote(body: "Check")) }
  mutating func automatedMessage(after offset: TimeInterval) {
    add(offset, .system, .automatedMessage(body: "We received your request"))
  }
  mutating func status(_ status: TicketStatus, after offset: TimeInterval) {
    add(offset, .agent("ana"), .statusChanged(to: status))
  }
  mutating func priority(_ priority: Priority, after offset: TimeInterval) {
    add(offset, .agent("ana"), .priorityChanged(to: priority))
  }
  mutating func reopen(after offset: TimeInterval) { add(offset, .agent("ana"), .reopened) }
  mutating func assign(_ agent: AgentID?, after offset: TimeInterval) {
    add(offset, .agent("lead"), .assigneeChanged(to: agent))
  }

  func ticket() throws -> Ticket { try Ticket(events: events) }
}

/// Evaluates a ticket under the hosting default policies.
func evaluateDefault(_ builder: TimelineBuilder, at offset: TimeInterval) throws -> SLAStatus {
  let ticket = try builder.ticket()
  guard let status = SLAEvaluator().evaluate(SLASubject(ticket), now: builder.openedAt.addingTimeInterval(offset))
  else { fatalError("the hosting default covers every priority") }
  return status
}
