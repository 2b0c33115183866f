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

  /// The timeline of a boxed ticket up to `now`: a view of the prefix of the box's extracted timeline.
  ///
  /// Events are in time order (a ticket refuses an event before its last one), so the events at or before `now`
  /// are a prefix of the timeline, and so are the changes and replies they made.
  ///
  /// - Parameters:
  ///   - box: The ticket, read in place; the timeline must not outlive it.
  ///   - now: Events after this instant are ignored.
  /// - Complexity: O(*k*) for the *k* changes and replies after `now` (none when evaluating the present).
  init(_ box: SLASubject.Box, upTo now: Date) {
    let allChanges = UnsafeBufferPointer(box.changes)
    var changeCount = allChanges.count
    while changeCount > 1, allChanges[changeCount - 1].instant > now { changeCount -= 1 }
    let allReplies = UnsafeBufferPointer(box.publicReplies)
    var replyCount = allReplies.count
    while replyCount > 0, allReplies[replyCount - 1] > now { replyCount -= 1 }
    changes = UnsafeBufferPointer(rebasing: allChanges[..<changeCount])
    publicReplies = UnsafeBufferPointer(rebasing: allReplies[..<replyCount])
  }

  /// Folds a ticket's whole timeline into its status changes and public agent replies, in buffers the caller
  /// owns (and deallocates; both element types are trivial).
  ///
  /// - Parameter ticket: The ticket.
  /// - Returns: The changes (the first is the creation, `open`) and the public replies, oldest first.
  /// - Complexity: O(*e*) for *e* events.
  static func extract(
    from ticket: Ticket
  ) -> (changes: UnsafeMutableBufferPointer<Change>, publicReplies: UnsafeMutableBufferPointer<Date>) {
    ticket.events.withUnsafeBufferPointer { events in
      var changeCount = 0
      var replyCount = 0
      var status = TicketStatus.open
      // Every event makes at most one change or reply; the creation adds the first change.
      let changes = UnsafeMutableBufferPointer<Change>.allocate(capacity: events.count + 1)
      let replies = UnsafeMutableBufferPointer<Date>.allocate(capacity: max(events.count, 1))
      changes.initializeElement(at: 0, to: Change(instant: ticket.createdAt, status: status))
      changeCount = 1
      for index in events.indices {
        let instant = events[index].instant
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
      return (
        UnsafeMutableBufferPointer(rebasing: changes[..<changeCount]),
        UnsafeMutableBufferPointer(rebasing: replies[..<replyCount])
      )
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
