import Foundation
import SupportTickets

/// The parts of a ticket's timeline the SLA clocks read: how its status moved and when agents replied publicly.
///
/// Status changes follow the same fold as ``Ticket/apply(_:)``: a customer reply reopens a resolved ticket and
/// returns a waiting or on-hold one to `open`; `reopened` opens; `merged` closes.
struct SLATicketTimeline {
  /// When the ticket was created.
  var createdAt: Date
  /// Every change of status, oldest first; the first entry is the creation (`open`). Only entries at or before
  /// the evaluation instant are kept.
  var statusInstants: [Date] = []
  var statuses: [TicketStatus] = []
  /// Public replies by human agents, oldest first, at or before the evaluation instant.
  var publicReplies: [Date] = []

  /// Reads a ticket's timeline up to `now`.
  /// - Parameters:
  ///   - ticket: The ticket.
  ///   - now: Events after this instant are ignored.
  init(_ ticket: Ticket, now: Date) {
    createdAt = ticket.createdAt
    statusInstants.reserveCapacity(4)
    statuses.reserveCapacity(4)
    var status = TicketStatus.open
    statusInstants.append(createdAt)
    statuses.append(status)
    for event in ticket.events {
      if event.instant > now { break }
      var next = status
      switch event.kind {
      case .customerReply:
        if status == .resolved || status == .waitingOnCustomer || status == .onHold { next = .open }
      case .agentReply:
        if event.isPublicAgentReply { publicReplies.append(event.instant) }
      case .statusChanged(let target):
        next = target
      case .merged:
        next = .closed
      case .reopened:
        next = .open
      default:
        break
      }
      if next != status {
        status = next
        statusInstants.append(event.instant)
        statuses.append(next)
      }
    }
  }

  /// The current status at the evaluation instant.
  var currentStatus: TicketStatus { statuses[statuses.count - 1] }
}
