import Foundation
import SupportTickets

/// The parts of a ticket's timeline the SLA clocks read: how its status moved and when agents replied publicly.
///
/// Status changes follow the same fold as ``Ticket/apply(_:)``: a customer reply reopens a resolved ticket and
/// returns a waiting or on-hold one to `open`; `reopened` opens; `merged` closes.
struct SLATicketTimeline {
  /// One change of status.
  struct Change {
    var instant: Date
    var status: TicketStatus
  }

  /// Every change of status, oldest first; the first entry is the creation (`open`). Only changes at or before
  /// the evaluation instant are kept.
  let changes: UnsafeBufferPointer<Change>
  /// Public replies by human agents, oldest first, at or before the evaluation instant.
  let publicReplies: UnsafeBufferPointer<Date>

  /// Reads a ticket's timeline up to `now` into temporary (usually stack) storage and runs `body` on it.
  ///
  /// - Parameters:
  ///   - ticket: The ticket.
  ///   - now: Events after this instant are ignored.
  ///   - body: Uses the timeline, which must not escape.
  /// - Returns: What `body` returns.
  static func reading<Result>(
    _ ticket: Ticket, now: Date, _ body: (SLATicketTimeline) -> Result
  ) -> Result {
    let capacity = ticket.events.count + 1
    return withUnsafeTemporaryAllocation(of: Change.self, capacity: capacity) { changes in
      withUnsafeTemporaryAllocation(of: Date.self, capacity: capacity) { replies in
        var changeCount = 0
        var replyCount = 0
        var status = TicketStatus.open
        changes.initializeElement(at: 0, to: Change(instant: ticket.createdAt, status: status))
        changeCount = 1
        ticket.events.withUnsafeBufferPointer { events in
          for index in events.indices {
            let instant = events[index].instant
            if instant > now { break }
            var next = status
            switch events[index].kind {
            case .customerReply:
              if status == .resolved || status == .waitingOnCustomer || status == .onHold { next = .open }
            case .agentReply:
              if events[index].isPublicAgentReply {
                replies.initializeElement(at: replyCount, to: instant)
                replyCount += 1
              }
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
              changes.initializeElement(at: changeCount, to: Change(instant: instant, status: next))
              changeCount += 1
            }
          }
        }
        // Both element types are trivial, so the buffers need no deinitialization.
        return body(
          SLATicketTimeline(
            changes: UnsafeBufferPointer(rebasing: changes[..<changeCount]),
            publicReplies: UnsafeBufferPointer(rebasing: replies[..<replyCount])))
      }
    }
  }
}

extension TicketStatus {
  /// A distinct bit per status, for hash-free membership tests.
  var slaBit: UInt8 {
    switch self {
    case .open: return 1
    case .inProgress: return 2
    case .waitingOnCustomer: return 4
    case .onHold: return 8
    case .resolved: return 16
    case .closed: return 32
    }
  }

  /// The bits of a set of statuses.
  static func slaMask(of statuses: Set<TicketStatus>) -> UInt8 {
    statuses.reduce(0) { $0 | $1.slaBit }
  }
}

extension Priority {
  /// A distinct bit per priority, for hash-free membership tests.
  var slaBit: UInt8 {
    switch self {
    case .low: return 1
    case .normal: return 2
    case .high: return 4
    case .critical: return 8
    }
  }

  /// The bits of a set of priorities.
  static func slaMask(of priorities: Set<Priority>) -> UInt8 {
    priorities.reduce(0) { $0 | $1.slaBit }
  }
}
