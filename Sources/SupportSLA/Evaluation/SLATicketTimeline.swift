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
  let changes: Changes
  /// Public replies by human agents, oldest first, at or before the evaluation instant.
  let publicReplies: UnsafeBufferPointer<Date>

  /// The changes as two packed runs, their instants and their statuses (one byte each), as a box stores them.
  struct Changes {
    let instants: UnsafePointer<Date>
    let statuses: UnsafeRawPointer
    let count: Int
    subscript(position: Int) -> Change {
      Change(instant: instants[position], status: statuses.load(fromByteOffset: position, as: TicketStatus.self))
    }
  }

  /// How many `Date`-sized slots a box's tail needs for `changes` changes and `replies` replies: the change
  /// instants, the reply instants, then the change statuses packed one byte each.
  static func slotCount(changes: Int, replies: Int) -> Int {
    changes + replies + (changes + MemoryLayout<Date>.stride - 1) / MemoryLayout<Date>.stride
  }

  /// The timeline of a boxed ticket up to `now`: a view of the prefix of the timeline the box holds.
  ///
  /// Events are in time order (a ticket refuses an event before its last one), so the events at or before `now`
  /// are a prefix of the timeline, and so are the changes and replies they made.
  ///
  /// - Parameters:
  ///   - box: The ticket, read in place; the timeline must not outlive it.
  ///   - now: Events after this instant are ignored.
  /// - Complexity: O(*k*) for the *k* changes and replies after `now` (none when evaluating the present).
  init(_ box: SLASubject.Box, upTo now: Date) {
    let facts = box.facts
    let allChangeCount = Int(facts.pointee.changeCount)
    let allReplyCount = Int(facts.pointee.replyCount)
    let slots = box.withUnsafeMutablePointerToElements { UnsafePointer($0) }
    var changeCount = allChangeCount
    while changeCount > 1, slots[changeCount - 1] > now { changeCount -= 1 }
    var replyCount = allReplyCount
    while replyCount > 0, slots[allChangeCount + replyCount - 1] > now { replyCount -= 1 }
    changes = Changes(
      instants: slots, statuses: UnsafeRawPointer(slots + allChangeCount + allReplyCount), count: changeCount)
    publicReplies = UnsafeBufferPointer(start: slots + allChangeCount, count: replyCount)
  }

  /// Folds a ticket's whole timeline into its status changes and public agent replies, in temporary storage.
  ///
  /// - Parameters:
  ///   - ticket: The ticket.
  ///   - body: Receives the changes (the first is the creation, `open`) and the public replies, oldest first;
  ///     they must not escape.
  /// - Returns: What `body` returns.
  /// - Complexity: O(*e*) for *e* events.
  static func extract<Result>(
    from ticket: Ticket, _ body: (UnsafeBufferPointer<Change>, UnsafeBufferPointer<Date>) -> Result
  ) -> Result {
    ticket.events.withUnsafeBufferPointer { events in
      // Every event makes at most one change or reply; the creation adds the first change.
      withUnsafeTemporaryAllocation(of: Change.self, capacity: events.count + 1) { changes in
        withUnsafeTemporaryAllocation(of: Date.self, capacity: events.count + 1) { replies in
          var changeCount = 0
          var replyCount = 0
          var status = TicketStatus.open
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
          // Both element types are trivial, so the buffers need no deinitialization.
          return body(
            UnsafeBufferPointer(rebasing: changes[..<changeCount]),
            UnsafeBufferPointer(rebasing: replies[..<replyCount]))
        }
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

extension SLATicketTimeline {
  /// Where the ticket stands in its resolution cycles at the end of the timeline.
  struct ResolutionPosition {
    /// How many resolution cycles have started: 1 at creation, one more per reopening.
    var cycles: Int
    /// Whether the ticket is active (not resolved or closed) at the end of the timeline.
    var isActive: Bool
    /// The number of the running resolution cycle, or `nil` when the ticket is solved.
    var activeCycle: Int? { isActive ? cycles : nil }
  }

  /// Counts the resolution cycles (active stretches, as ``SLACycleMeasurer`` walks them) and reads the last status.
  /// - Complexity: O(*c*) for *c* status changes.
  func resolutionCycle() -> ResolutionPosition {
    var cycles = 0
    var wasActive = false
    for index in 0..<changes.count {
      let isActive = changes[index].status.isActive
      if isActive, !wasActive { cycles += 1 }
      wasActive = isActive
    }
    return ResolutionPosition(cycles: cycles, isActive: wasActive)
  }
}
