public import Foundation
public import SupportTickets

/// What an SLA target measures.
public enum SLAMetric: String, CaseIterable, Hashable, Sendable, Codable, Comparable {
  /// From the ticket's creation to the first public reply by a human agent.
  ///
  /// Internal notes and automated messages never count. Measured once per ticket.
  case firstResponse
  /// The periodic update: while the ticket is unresolved, the customer hears from an agent at least every
  /// ``SLATarget/goal``. A cycle starts when the ticket is created or reopened and after every public agent
  /// reply; the next public agent reply (or the resolution) fulfils it.
  case nextResponse
  /// From the ticket's creation (or reopening) until it is resolved or closed. Reopening starts a new cycle.
  case resolution

  private var rank: Int {
    switch self {
    case .firstResponse: return 0
    case .nextResponse: return 1
    case .resolution: return 2
    }
  }

  /// Orders metrics as a panel shows them: first response, next response, resolution.
  public static func < (lhs: SLAMetric, rhs: SLAMetric) -> Bool { lhs.rank < rhs.rank }
}

/// One promise of a policy: a metric, how much business time it allows, and how that time is counted.
///
/// ```swift
/// let update = try SLATarget(.nextResponse, within: 4 * 3600, warningThresholds: [0.75, 0.9])
/// ```
public struct SLATarget: Hashable, Sendable {
  /// The statuses that pause every target unless a target says otherwise: waiting on the customer and on hold.
  ///
  /// With these pauses a target measures the team's own working time, like Zendesk's *agent work time*: time
  /// spent waiting for the customer or for a third party (a registrar, a data centre) does not count. For the
  /// customer's view, pause only while waiting on them: ``requesterWaitPauseStatuses``.
  public static let defaultPauseStatuses: Set<TicketStatus> = [.waitingOnCustomer, .onHold]
  /// The pauses of a target that measures *requester wait time*, the customer's view: the clock runs while the
  /// ticket is open, in progress and on hold (a third party the host waits on is the host's problem) and stops
  /// only while waiting on the customer, as Zendesk's requester-wait metric counts.
  /// ``SLAPolicySet/hostingDefault`` uses it for every target.
  public static let requesterWaitPauseStatuses: Set<TicketStatus> = [.waitingOnCustomer]
  /// The warning thresholds used unless a target says otherwise: 75 % and 90 % of the goal.
  public static let defaultWarningThresholds: [Double] = [0.75, 0.9]

  /// The target's fields, shared between copies: the evaluator copies targets for every ticket, and one
  /// reference count is cheaper than one per calendar, set and list.
  final class Storage: Sendable {
    let metric: SLAMetric
    let goal: TimeInterval
    let calendar: BusinessCalendar
    let pauseStatuses: Set<TicketStatus>
    let pauseMask: UInt8
    /// Whether ``calendar`` counts every second, so the evaluator can skip the calendar arithmetic.
    let isAlwaysOpen: Bool
    let warningThresholds: [Double]
    let escalationDelays: [TimeInterval]

    init(
      metric: SLAMetric, goal: TimeInterval, calendar: BusinessCalendar, pauseStatuses: Set<TicketStatus>,
      warningThresholds: [Double], escalationDelays: [TimeInterval]
    ) {
      self.metric = metric
      self.goal = goal
      self.calendar = calendar
      self.pauseStatuses = pauseStatuses
      self.pauseMask = TicketStatus.slaMask(of: pauseStatuses)
      self.isAlwaysOpen = calendar.isAlwaysOpen
      self.warningThresholds = warningThresholds
      self.escalationDelays = escalationDelays
    }

    func with(
      metric: SLAMetric? = nil, calendar: BusinessCalendar? = nil, pauseStatuses: Set<TicketStatus>? = nil
    ) -> Storage {
      Storage(
        metric: metric ?? self.metric, goal: goal, calendar: calendar ?? self.calendar,
        pauseStatuses: pauseStatuses ?? self.pauseStatuses, warningThresholds: warningThresholds,
        escalationDelays: escalationDelays)
    }
  }

  /// The shared fields; the evaluator reads `storage.calendar` in place instead of copying the calendar.
  private(set) var storage: Storage

  /// What is measured.
  public var metric: SLAMetric {
    get { storage.metric }
    set { storage = storage.with(metric: newValue) }
  }
  /// The business time allowed, in seconds (positive).
  public var goal: TimeInterval { storage.goal }
  /// The hours during which the clock runs.
  public var calendar: BusinessCalendar {
    get { storage.calendar }
    set { storage = storage.with(calendar: newValue) }
  }
  /// The statuses during which the clock stops. `resolved` and `closed` end a cycle instead and are ignored here.
  public var pauseStatuses: Set<TicketStatus> {
    get { storage.pauseStatuses }
    set { storage = storage.with(pauseStatuses: newValue) }
  }
  /// ``pauseStatuses`` as bits of `TicketStatus.slaBit`, so the evaluator never hashes.
  var pauseMask: UInt8 { storage.pauseMask }
  /// Fractions of ``goal`` (strictly between 0 and 1, ascending) at which ``SLAMonitor`` warns.
  public var warningThresholds: [Double] { storage.warningThresholds }
  /// Business time past the deadline (ascending, ≥ 0) at which ``SLAMonitor`` raises escalation level 1, 2, ….
  public var escalationDelays: [TimeInterval] { storage.escalationDelays }

  /// Creates a target.
  ///
  /// - Parameters:
  ///   - metric: What is measured.
  ///   - goal: The business time allowed, in seconds.
  ///   - calendar: The hours during which the clock runs; 24/7 by default.
  ///   - pauseStatuses: The statuses during which the clock stops; waitingOnCustomer and onHold by default.
  ///   - warningThresholds: Fractions of the goal at which to warn; 75 % and 90 % by default.
  ///   - escalationDelays: Business time past the deadline at which each escalation level is raised.
  /// - Throws: ``SLAError`` with code ``SLAError/Code/invalidDuration`` for a goal that is not positive and finite,
  ///   ``SLAError/Code/invalidThreshold`` for thresholds outside (0, 1) or delays that are negative; both lists
  ///   are sorted and deduplicated.
  public init(
    _ metric: SLAMetric,
    within goal: TimeInterval,
    calendar: BusinessCalendar = .alwaysOpen,
    pauseStatuses: Set<TicketStatus> = SLATarget.defaultPauseStatuses,
    warningThresholds: [Double] = SLATarget.defaultWarningThresholds,
    escalationDelays: [TimeInterval] = []
  ) throws {
    guard goal.isFinite, goal > 0 else { throw SLAError.invalidDuration("\(goal)", field: "goal") }
    for (index, threshold) in warningThresholds.enumerated() where !(threshold > 0 && threshold < 1) {
      throw SLAError.invalidThreshold(
        threshold, field: "warningThresholds[\(index)]",
        message: "a warning threshold is a fraction of the goal strictly between 0 and 1, got \(threshold)")
    }
    for (index, delay) in escalationDelays.enumerated() where !(delay.isFinite && delay >= 0) {
      throw SLAError.invalidThreshold(
        delay, field: "escalationDelays[\(index)]",
        message: "an escalation delay is business time past the deadline, ≥ 0, got \(delay)")
    }
    storage = Storage(
      metric: metric, goal: goal, calendar: calendar, pauseStatuses: pauseStatuses,
      warningThresholds: Array(Set(warningThresholds)).sorted(), escalationDelays: Array(Set(escalationDelays)).sorted()
    )
  }

  /// Equal when every field is.
  public static func == (lhs: SLATarget, rhs: SLATarget) -> Bool {
    lhs.storage === rhs.storage
      || (lhs.metric == rhs.metric && lhs.goal == rhs.goal && lhs.calendar == rhs.calendar
        && lhs.pauseStatuses == rhs.pauseStatuses && lhs.warningThresholds == rhs.warningThresholds
        && lhs.escalationDelays == rhs.escalationDelays)
  }

  /// Hashes every field.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(metric)
    hasher.combine(goal)
    hasher.combine(calendar)
    hasher.combine(pauseStatuses)
    hasher.combine(warningThresholds)
    hasher.combine(escalationDelays)
  }
}
