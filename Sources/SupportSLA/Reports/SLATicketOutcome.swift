import Foundation
import SupportTickets

/// What a compliance report reads of one ticket besides its SLA cycles: how it was solved, whether it came back,
/// who it is attributed to, and how old it is — all as of the report instant (later events are ignored).
struct SLATicketOutcome {
  var ticketID: TicketID
  var priority: Priority
  var department: Department
  var createdAt: Date
  /// The status at the report instant.
  var status: TicketStatus
  /// Whether the ticket was resolved or closed at least once by the report instant.
  var wasSolved: Bool
  /// Whether a solved ticket became active again (a reopening) by the report instant.
  var wasReopened: Bool
  /// Public replies by human agents by the report instant.
  var publicAgentReplies: Int
  /// The agent the ticket is attributed to: its assignee when it was last resolved or closed, or, for a ticket
  /// that is not solved at the report instant, its assignee then. `nil` when unassigned.
  var agent: AgentID?

  /// Reads a ticket as of `now`.
  /// - Complexity: O(*e*) for *e* events.
  init(_ subject: SLASubject, now: Date) {
    let box = subject.box
    ticketID = box.id
    priority = box.priority
    department = box.department
    createdAt = box.createdAt
    let timeline = SLATicketTimeline(box, upTo: now)
    var status = TicketStatus.open
    var wasSolved = false
    var wasReopened = false
    var lastSolvedAt: Date?
    for index in 0..<timeline.changes.count {
      let change = timeline.changes[index]
      if change.status.isSolved {
        wasSolved = true
        if status.isActive { lastSolvedAt = change.instant }  // solved now; a later close keeps this instant
      } else if status.isSolved {
        wasReopened = true
      }
      status = change.status
    }
    publicAgentReplies = timeline.publicReplies.count
    withExtendedLifetime(box) {}
    self.status = status
    self.wasSolved = wasSolved
    self.wasReopened = wasReopened
    agent = Self.assignee(of: box.ticket, at: status.isSolved ? (lastSolvedAt ?? now) : now)
  }

  /// Whether the ticket was solved on first contact, as Zendesk counts one-touch resolutions: solved (at the
  /// report instant) with exactly one public agent reply and never reopened.
  var isFirstContactResolution: Bool {
    status.isSolved && !wasReopened && publicAgentReplies == 1
  }

  /// The ticket's assignee at an instant: the last assignment at or before it.
  private static func assignee(of ticket: Ticket, at instant: Date) -> AgentID? {
    var assignee: AgentID?
    for event in ticket.events {
      guard event.instant <= instant else { break }
      if case .assigneeChanged(let agent) = event.kind { assignee = agent }
    }
    return assignee
  }
}
