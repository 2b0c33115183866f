public import Foundation
public import SupportTickets

/// A notice that a ticket's SLA target needs attention — approaching its deadline, past it, or escalated — or that
/// the ticket has stayed open past the age guard's limit.
public struct SLAAlert: Hashable, Sendable, Codable {
  /// How serious the alert is.
  ///
  /// New kinds may be added in later releases; switch over it with a `default` branch for the kinds you do not
  /// handle specially.
  public enum Kind: Hashable, Sendable, Comparable {
    /// The cycle has used this fraction of its goal (from ``SLATarget/warningThresholds``).
    case warning(threshold: Double)
    /// The deadline passed unfulfilled.
    case breach
    /// The cycle is overdue by the level's delay (from ``SLATarget/escalationDelays``); levels start at 1.
    case escalation(level: Int)
    /// The ticket is not resolved or closed and its wall-clock age has reached the ``SLAAgeGuard`` limit (in
    /// seconds), whatever its pauses: "open past 24 h". Raised once per resolution cycle; the alert's metric is
    /// ``SLAMetric/resolution``, its goal the limit, its elapsed time the ticket's age and its due date the
    /// instant the ticket reached the limit.
    case ageLimitExceeded(limit: TimeInterval)

    private var order: (Int, Double) {
      switch self {
      case .warning(let threshold): return (0, threshold)
      case .breach: return (1, 0)
      case .escalation(let level): return (2, Double(level))
      case .ageLimitExceeded(let limit): return (3, limit)
      }
    }

    /// Orders warnings (by threshold) before the breach before escalations (by level) before the age guard.
    public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.order < rhs.order }
  }

  /// The ticket.
  public var ticketID: TicketID
  /// The policy that applied.
  public var policyName: String
  /// The ticket's priority.
  public var priority: Priority
  /// The target's metric.
  public var metric: SLAMetric
  /// The target's cycle (see ``SLATargetStatus/cycle``).
  public var cycle: Int
  /// What the alert says.
  public var kind: Kind
  /// The cycle's deadline (when it breached, for breaches and escalations).
  public var dueAt: Date?
  /// Business time counted when the alert was raised.
  public var elapsed: TimeInterval
  /// The goal of the target.
  public var goal: TimeInterval
  /// The scan instant that raised the alert.
  public var raisedAt: Date

  /// Creates an alert (the monitor builds these).
  /// - Parameters:
  ///   - ticketID: The ticket.
  ///   - policyName: The policy that applied.
  ///   - priority: The ticket's priority.
  ///   - metric: The target's metric.
  ///   - cycle: The target's cycle.
  ///   - kind: What the alert says.
  ///   - dueAt: The cycle's deadline.
  ///   - elapsed: Business time counted.
  ///   - goal: The target's goal.
  ///   - raisedAt: The scan instant.
  public init(
    ticketID: TicketID, policyName: String, priority: Priority, metric: SLAMetric, cycle: Int, kind: Kind,
    dueAt: Date?, elapsed: TimeInterval, goal: TimeInterval, raisedAt: Date
  ) {
    self.ticketID = ticketID
    self.policyName = policyName
    self.priority = priority
    self.metric = metric
    self.cycle = cycle
    self.kind = kind
    self.dueAt = dueAt
    self.elapsed = elapsed
    self.goal = goal
    self.raisedAt = raisedAt
  }

  /// What identifies the alert across scans: the same key is never emitted twice.
  public var key: SLAAlertKey { SLAAlertKey(ticketID: ticketID, metric: metric, cycle: cycle, kind: kind) }
}

extension SLAAlert.Kind: Codable {
  private enum CodingKeys: String, CodingKey {
    case type
    case threshold
    case level
    case limit
  }

  /// Decodes `{"type":"warning","threshold":0.75}`, `{"type":"breach"}`, `{"type":"escalation","level":1}` or
  /// `{"type":"ageLimitExceeded","limit":86400}`.
  /// - Throws: `DecodingError` for an unknown type, a threshold outside (0, 1), a level below 1 or a limit that is
  ///   not positive.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    switch try container.decode(String.self, forKey: .type) {
    case "warning":
      let threshold = try container.decode(Double.self, forKey: .threshold)
      guard threshold > 0, threshold < 1 else {
        throw DecodingError.dataCorruptedError(
          forKey: .threshold, in: container, debugDescription: "a threshold lies strictly between 0 and 1")
      }
      self = .warning(threshold: threshold)
    case "breach":
      self = .breach
    case "escalation":
      let level = try container.decode(Int.self, forKey: .level)
      guard level >= 1 else {
        throw DecodingError.dataCorruptedError(forKey: .level, in: container, debugDescription: "levels start at 1")
      }
      self = .escalation(level: level)
    case "ageLimitExceeded":
      let limit = try container.decode(TimeInterval.self, forKey: .limit)
      guard limit.isFinite, limit > 0 else {
        throw DecodingError.dataCorruptedError(forKey: .limit, in: container, debugDescription: "a limit is positive")
      }
      self = .ageLimitExceeded(limit: limit)
    case let other:
      throw DecodingError.dataCorruptedError(
        forKey: .type, in: container,
        debugDescription: "unknown alert type '\(other)' (warning, breach, escalation, ageLimitExceeded)")
    }
  }

  /// Encodes as `{"type":…}` with the threshold, level or limit.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    switch self {
    case .warning(let threshold):
      try container.encode("warning", forKey: .type)
      try container.encode(threshold, forKey: .threshold)
    case .breach:
      try container.encode("breach", forKey: .type)
    case .escalation(let level):
      try container.encode("escalation", forKey: .type)
      try container.encode(level, forKey: .level)
    case .ageLimitExceeded(let limit):
      try container.encode("ageLimitExceeded", forKey: .type)
      try container.encode(limit, forKey: .limit)
    }
  }
}

/// Identifies an alert across scans: ticket, metric, cycle and kind.
public struct SLAAlertKey: Hashable, Sendable, Codable {
  /// The ticket.
  public var ticketID: TicketID
  /// The target's metric.
  public var metric: SLAMetric
  /// The target's cycle.
  public var cycle: Int
  /// What the alert says.
  public var kind: SLAAlert.Kind

  /// Creates a key.
  /// - Parameters:
  ///   - ticketID: The ticket.
  ///   - metric: The target's metric.
  ///   - cycle: The target's cycle.
  ///   - kind: What the alert says.
  public init(ticketID: TicketID, metric: SLAMetric, cycle: Int, kind: SLAAlert.Kind) {
    self.ticketID = ticketID
    self.metric = metric
    self.cycle = cycle
    self.kind = kind
  }
}
