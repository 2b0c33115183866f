public import Foundation
public import SupportTickets

/// Where one cycle of a target stands.
public enum SLAState: String, CaseIterable, Hashable, Sendable, Codable {
  /// The clock is counting and the deadline has not passed.
  case running
  /// The clock is stopped by a pause status (waiting on the customer, on hold) and the deadline has not passed.
  case paused
  /// Fulfilled in time.
  case achieved
  /// The deadline passed before the target was fulfilled (whether or not it has been fulfilled since).
  case breached
}

/// A change in a target's clock, as Zendesk's ticket metric events expose them.
public struct SLAMetricEvent: Hashable, Sendable, Codable {
  /// What happened to the clock.
  public enum Kind: String, CaseIterable, Hashable, Sendable, Codable {
    /// A cycle started counting (ticket created or reopened, or an agent reply started the next-update clock).
    case activated
    /// The ticket entered a pause status; the clock stopped.
    case paused
    /// The ticket left the pause status; the clock counts again.
    case resumed
    /// The target was met by a public agent reply or the resolution; the cycle ended.
    case fulfilled
    /// The deadline passed while the target was unfulfilled.
    case breached
  }

  /// What happened.
  public var kind: Kind
  /// When it happened.
  public var instant: Date

  /// Creates an event.
  /// - Parameters:
  ///   - kind: What happened.
  ///   - instant: When.
  public init(_ kind: Kind, at instant: Date) {
    self.kind = kind
    self.instant = instant
  }
}

/// One cycle of one target: its own clock, deadline and outcome, so a panel can show first response,
/// next update and resolution side by side.
///
/// Durations are business time on the target's calendar, excluding paused stretches.
public struct SLATargetStatus: Hashable, Sendable {
  /// What is measured.
  public var metric: SLAMetric
  /// Which cycle of the metric this is, from 1 (resolution: 2 after one reopening; next response: one per update).
  public var cycle: Int
  /// The business time allowed.
  public var goal: TimeInterval
  /// Where the cycle stands at the evaluation instant.
  public var state: SLAState
  /// When the cycle started.
  public var activatedAt: Date
  /// When it was fulfilled, if it has been by the evaluation instant.
  public var fulfilledAt: Date?
  /// Business time counted so far (until fulfilment or the evaluation instant), pauses excluded.
  public var elapsed: TimeInterval
  /// `goal − elapsed`: negative once breached.
  public var remaining: TimeInterval
  /// The deadline: when the cycle breaches if the clock keeps running (for a breached cycle, when it did; for an
  /// achieved one, the deadline in force when it was fulfilled). `nil` while paused, since it moves with the pause.
  public var dueAt: Date?
  /// When the deadline passed unfulfilled, if it did by the evaluation instant.
  public var breachedAt: Date?
  /// The pauses and resumptions (the other events follow from the instants above, so the common cycle without
  /// pauses stores no list at all).
  var pauseEvents: [SLAMetricEvent]

  /// Creates a cycle status (the evaluator builds these; hosts may build them for tests and reports).
  ///
  /// - Parameters:
  ///   - metric: What is measured.
  ///   - cycle: The cycle's number, from 1.
  ///   - goal: The business time allowed.
  ///   - state: Where it stands.
  ///   - activatedAt: When it started.
  ///   - fulfilledAt: When it was fulfilled.
  ///   - elapsed: Business time counted.
  ///   - dueAt: The deadline.
  ///   - breachedAt: When it breached.
  ///   - events: The clock's history; only its `paused` and `resumed` entries are kept, the others follow from
  ///     `activatedAt`, `breachedAt` and `fulfilledAt`.
  public init(
    metric: SLAMetric, cycle: Int, goal: TimeInterval, state: SLAState, activatedAt: Date, fulfilledAt: Date?,
    elapsed: TimeInterval, dueAt: Date?, breachedAt: Date?, events: [SLAMetricEvent]
  ) {
    self.metric = metric
    self.cycle = cycle
    self.goal = goal
    self.state = state
    self.activatedAt = activatedAt
    self.fulfilledAt = fulfilledAt
    self.elapsed = elapsed
    self.remaining = goal - elapsed
    self.dueAt = dueAt
    self.breachedAt = breachedAt
    self.pauseEvents = events.filter { $0.kind == .paused || $0.kind == .resumed }
  }

  /// Creates a cycle status from its pause events (the evaluator's path: no list for cycles without pauses).
  init(
    metric: SLAMetric, cycle: Int, goal: TimeInterval, state: SLAState, activatedAt: Date, fulfilledAt: Date?,
    elapsed: TimeInterval, dueAt: Date?, breachedAt: Date?, pauseEvents: [SLAMetricEvent]
  ) {
    self.metric = metric
    self.cycle = cycle
    self.goal = goal
    self.state = state
    self.activatedAt = activatedAt
    self.fulfilledAt = fulfilledAt
    self.elapsed = elapsed
    self.remaining = goal - elapsed
    self.dueAt = dueAt
    self.breachedAt = breachedAt
    self.pauseEvents = pauseEvents
  }

  /// The clock's history, oldest first: activated, then pauses, resumptions and the breach in time order (a
  /// breach comes before a pause at the same instant), then fulfilled.
  public var events: [SLAMetricEvent] {
    var events = [SLAMetricEvent(.activated, at: activatedAt)]
    var breachPending = breachedAt
    for event in pauseEvents {
      if let breach = breachPending, breach <= event.instant {
        events.append(SLAMetricEvent(.breached, at: breach))
        breachPending = nil
      }
      events.append(event)
    }
    if let breach = breachPending { events.append(SLAMetricEvent(.breached, at: breach)) }
    if let fulfilledAt { events.append(SLAMetricEvent(.fulfilled, at: fulfilledAt)) }
    return events
  }

  /// Whether the cycle has ended (fulfilled), in time or not.
  public var isFulfilled: Bool { fulfilledAt != nil }

  /// Whether the cycle is still counting or paused, i.e. not yet fulfilled.
  public var isOpen: Bool { fulfilledAt == nil }
}

extension SLATargetStatus: Codable {
  private enum CodingKeys: String, CodingKey {
    case metric, cycle, goal, state, activatedAt, fulfilledAt, elapsed, remaining, dueAt, breachedAt, events
  }

  /// Decodes the form ``encode(to:)`` writes; `remaining` is recomputed from `goal` and `elapsed`.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      metric: try container.decode(SLAMetric.self, forKey: .metric),
      cycle: try container.decode(Int.self, forKey: .cycle),
      goal: try container.decode(TimeInterval.self, forKey: .goal),
      state: try container.decode(SLAState.self, forKey: .state),
      activatedAt: try container.decode(Date.self, forKey: .activatedAt),
      fulfilledAt: try container.decodeIfPresent(Date.self, forKey: .fulfilledAt),
      elapsed: try container.decode(TimeInterval.self, forKey: .elapsed),
      dueAt: try container.decodeIfPresent(Date.self, forKey: .dueAt),
      breachedAt: try container.decodeIfPresent(Date.self, forKey: .breachedAt),
      events: try container.decode([SLAMetricEvent].self, forKey: .events))
  }

  /// Encodes every field, `remaining` and the whole `events` history included.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(metric, forKey: .metric)
    try container.encode(cycle, forKey: .cycle)
    try container.encode(goal, forKey: .goal)
    try container.encode(state, forKey: .state)
    try container.encode(activatedAt, forKey: .activatedAt)
    try container.encodeIfPresent(fulfilledAt, forKey: .fulfilledAt)
    try container.encode(elapsed, forKey: .elapsed)
    try container.encode(remaining, forKey: .remaining)
    try container.encodeIfPresent(dueAt, forKey: .dueAt)
    try container.encodeIfPresent(breachedAt, forKey: .breachedAt)
    try container.encode(events, forKey: .events)
  }
}

/// A ticket's SLA at one instant: the policy that applies and the status of every cycle of every target.
public struct SLAStatus: Hashable, Sendable, Codable {
  /// The ticket.
  public var ticketID: TicketID
  /// The name of the policy that applied.
  public var policyName: String
  /// The ticket's priority at evaluation.
  public var priority: Priority
  /// The ticket's department at evaluation.
  public var department: Department
  /// The instant the status describes.
  public var evaluatedAt: Date
  /// Every cycle of every target, ordered by metric then cycle.
  public var targets: [SLATargetStatus]

  /// Creates a status (the evaluator builds these).
  /// - Parameters:
  ///   - ticketID: The ticket.
  ///   - policyName: The policy that applied.
  ///   - priority: The ticket's priority.
  ///   - department: The ticket's department.
  ///   - evaluatedAt: The instant described.
  ///   - targets: Every cycle of every target.
  public init(
    ticketID: TicketID, policyName: String, priority: Priority, department: Department, evaluatedAt: Date,
    targets: [SLATargetStatus]
  ) {
    self.ticketID = ticketID
    self.policyName = policyName
    self.priority = priority
    self.department = department
    self.evaluatedAt = evaluatedAt
    self.targets = targets
  }

  /// The latest cycle of a metric: what a panel shows for it.
  /// - Parameter metric: The metric.
  /// - Returns: The latest cycle, or `nil` when the metric has not started or the policy has no such target.
  public func current(_ metric: SLAMetric) -> SLATargetStatus? {
    targets.last { $0.metric == metric }
  }

  /// All cycles of a metric, oldest first (earlier resolution cycles keep their outcome after a reopening).
  /// - Parameter metric: The metric.
  /// - Returns: The cycles.
  public func cycles(of metric: SLAMetric) -> [SLATargetStatus] {
    targets.filter { $0.metric == metric }
  }

  /// Whether any cycle of any target breached.
  public var hasBreach: Bool { targets.contains { $0.state == .breached } }
}
