import Foundation

/// Where a ticket is in its lifecycle.
///
/// The allowed moves are listed in ``allowedTransitions``:
///
/// | from \ to          | open | inProgress | waitingOnCustomer | onHold | resolved | closed |
/// |--------------------|------|------------|-------------------|--------|----------|--------|
/// | open               |      | ✓          | ✓                 | ✓      | ✓        | ✓      |
/// | inProgress         | ✓    |            | ✓                 | ✓      | ✓        | ✓      |
/// | waitingOnCustomer  | ✓    | ✓          |                   | ✓      | ✓        | ✓      |
/// | onHold             | ✓    | ✓          | ✓                 |        | ✓        | ✓      |
/// | resolved           | ✓    | ✓          |                   |        |          | ✓      |
/// | closed             |      |            |                   |        |          |        |
///
/// A status never "moves" to itself, `closed` is final (as in Zendesk: a customer who writes again gets a
/// follow-up ticket), and a resolved ticket can only be reopened (to `open` or `inProgress`) or closed.
public enum TicketStatus: String, CaseIterable, Hashable, Sendable, Codable {
  /// New or returned to the queue; the host owes the next move.
  case open
  /// An agent is working on it.
  case inProgress
  /// The host asked the customer something and waits for the answer (SLA clocks pause by default).
  case waitingOnCustomer
  /// Waiting on a third party, such as a datacenter or registrar (SLA clocks pause by default).
  case onHold
  /// The host believes the issue is fixed; the customer may still reply, which reopens it.
  case resolved
  /// Final. Resolved tickets close automatically after a configurable period (see ``AutoClosePolicy``).
  case closed

  /// The statuses each status may move to.
  public static let allowedTransitions: [TicketStatus: Set<TicketStatus>] = [
    .open: [.inProgress, .waitingOnCustomer, .onHold, .resolved, .closed],
    .inProgress: [.open, .waitingOnCustomer, .onHold, .resolved, .closed],
    .waitingOnCustomer: [.open, .inProgress, .onHold, .resolved, .closed],
    .onHold: [.open, .inProgress, .waitingOnCustomer, .resolved, .closed],
    .resolved: [.open, .inProgress, .closed],
    .closed: [],
  ]

  /// Whether the table allows moving from this status to `next`.
  /// - Parameter next: The status to move to.
  /// - Returns: `true` when ``allowedTransitions`` lists the move.
  /// - Complexity: O(1), a bit test (the table is compiled into one mask per status).
  public func canTransition(to next: TicketStatus) -> Bool {
    Self.transitionMasks[ordinal] & (1 << next.ordinal) != 0
  }

  /// ``allowedTransitions`` as bit masks indexed by ``ordinal``: folding checks a move without hashing.
  private static let transitionMasks: [UInt8] = allCases.map { status in
    (allowedTransitions[status] ?? []).reduce(0) { $0 | (1 << $1.ordinal) }
  }

  /// The status's position in `allCases`.
  private var ordinal: Int {
    switch self {
    case .open: return 0
    case .inProgress: return 1
    case .waitingOnCustomer: return 2
    case .onHold: return 3
    case .resolved: return 4
    case .closed: return 5
    }
  }

  /// Whether the ticket still needs work from someone (anything but resolved and closed).
  public var isActive: Bool { self != .resolved && self != .closed }

  /// Whether the issue counts as solved (resolved or closed).
  public var isSolved: Bool { !isActive }
}
