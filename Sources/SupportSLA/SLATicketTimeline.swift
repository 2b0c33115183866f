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
  var changes: [Change]
  /// Public replies by human agents, oldest first, at or before the evaluation instant.
  var publicReplies: [Date] = []

  /// Reads a ticket's timeline up to `now`.
  /// - Parameters:
  ///   - ticket: The ticket.
  ///   - now: Events after this instant are ignored.
  init(_ ticket: Ticket, now: Date) {
    var status = TicketStatus.open
    changes = [Change(instant: ticket.createdAt, status: status)]
    ticket.events.withUnsafeBufferPointer { events in
      for index in events.indices {
        let instant = events[index].instant
        if instant > now { break }
        var next = status
        switch events[index].kind {
        case .customerReply:
          if status == .resolved || status == .waitingOnCustomer || status == .onHold { next = .open }
        case .agentReply:
          if events[index].isPublicAgentReply { publicReplies.append(instant) }
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
          changes.append(Change(instant: instant, status: next))
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
