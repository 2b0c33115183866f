public import Foundation
public import SupportTickets

/// The alerts a monitor has already emitted: persist it (it is `Codable`) to stay exactly-once across restarts.
///
/// JSON: `{"emitted":[{"ticketID":"T-1","metric":"resolution","cycle":1,"kind":{"type":"breach"}},…]}`, sorted.
public struct SLAMonitorState: Hashable, Sendable {
  /// An alert key without its ticket: what is stored per ticket.
  struct Entry: Hashable, Sendable {
    var metric: SLAMetric
    var cycle: Int
    var kind: SLAAlert.Kind
  }

  /// Emitted alerts grouped by ticket, so a scan hashes each ticket's id at most once.
  private(set) var byTicket: [TicketID: [Entry]] = [:]

  /// Creates a state.
  /// - Parameter emitted: Alerts already emitted; none by default.
  public init(emitted: some Sequence<SLAAlertKey> = [SLAAlertKey]()) {
    for key in emitted { insert(key) }
  }

  /// The keys of every alert emitted so far.
  public var emitted: Set<SLAAlertKey> {
    var keys = Set<SLAAlertKey>()
    for (ticketID, entries) in byTicket {
      for entry in entries {
        keys.insert(SLAAlertKey(ticketID: ticketID, metric: entry.metric, cycle: entry.cycle, kind: entry.kind))
      }
    }
    return keys
  }

  /// How many alerts have been emitted.
  public var count: Int { byTicket.values.reduce(0) { $0 + $1.count } }

  /// Whether an alert was emitted.
  /// - Parameter key: The alert's key.
  /// - Returns: `true` when it is recorded.
  public func contains(_ key: SLAAlertKey) -> Bool {
    byTicket[key.ticketID]?.contains(Entry(metric: key.metric, cycle: key.cycle, kind: key.kind)) ?? false
  }

  /// Records an alert as emitted.
  /// - Parameter key: The alert's key.
  /// - Returns: `true` when it was not recorded before.
  @discardableResult
  public mutating func insert(_ key: SLAAlertKey) -> Bool {
    let entry = Entry(metric: key.metric, cycle: key.cycle, kind: key.kind)
    if byTicket[key.ticketID]?.contains(entry) == true { return false }
    byTicket[key.ticketID, default: []].append(entry)
    return true
  }

  /// Replaces the entries of one ticket (the monitor's batch update).
  mutating func setEmitted(_ entries: [Entry], for ticketID: TicketID) { byTicket[ticketID] = entries }

  /// Forgets the alerts of tickets that are no longer watched (solved or deleted), to keep the state small.
  ///
  /// Only forget a ticket once it can no longer raise alerts: a reopened ticket starts new cycles, whose keys
  /// differ, so forgetting solved tickets is safe.
  /// - Parameter ticketIDs: The tickets to forget.
  public mutating func forget(_ ticketIDs: some Sequence<TicketID>) {
    for ticketID in ticketIDs { byTicket[ticketID] = nil }
  }
}

extension SLAMonitorState {
  /// Two states are equal when they record the same alerts, whatever the order they were emitted in.
  public static func == (lhs: SLAMonitorState, rhs: SLAMonitorState) -> Bool { lhs.emitted == rhs.emitted }

  /// Hashes the recorded alerts.
  public func hash(into hasher: inout Hasher) { hasher.combine(emitted) }
}

extension SLAMonitorState: Codable {
  private enum CodingKeys: String, CodingKey {
    case emitted
  }

  /// Decodes `{"emitted":[…]}`.
  /// - Throws: `DecodingError` for a malformed key.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(emitted: try container.decode([SLAAlertKey].self, forKey: .emitted))
  }

  /// Encodes `{"emitted":[…]}`, sorted by ticket, metric, cycle and kind so the output is stable.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    let keys = emitted.sorted { lhs, rhs in
      (lhs.ticketID, lhs.metric, lhs.cycle) < (rhs.ticketID, rhs.metric, rhs.cycle)
        || ((lhs.ticketID, lhs.metric, lhs.cycle) == (rhs.ticketID, rhs.metric, rhs.cycle) && lhs.kind < rhs.kind)
    }
    try container.encode(keys, forKey: .emitted)
  }
}

/// Scans open tickets and returns each SLA alert — warning, breach, escalation level — exactly once.
///
/// For every active ticket (not resolved or closed) the monitor evaluates the SLA at `now` and raises, for each
/// cycle of each target:
/// - a **warning** per threshold of ``SLATarget/warningThresholds`` the unfulfilled cycle has used up,
/// - a **breach** once the cycle has breached (even if a late reply has fulfilled it since),
/// - an **escalation** of level *k* once the unfulfilled cycle is overdue by ``SLATarget/escalationDelays``[*k*−1].
///
/// Alerts whose key is in ``state`` are skipped and new ones are added to it, so repeated scans never repeat an
/// alert; a scan that comes late raises everything that became due meanwhile, in order. Persist ``state`` and
/// pass it back after a restart to keep that promise.
///
/// ```swift
/// var monitor = SLAMonitor(policies: .hostingDefault, state: savedState)
/// for alert in monitor.scan(openTickets.map { SLASubject($0) }, now: now) { notify(alert) }
/// savedState = monitor.state
/// ```
public struct SLAMonitor: Sendable {
  /// The policies tickets are evaluated under.
  public var evaluator: SLAEvaluator
  /// The alerts emitted so far.
  public var state: SLAMonitorState

  /// Creates a monitor.
  /// - Parameters:
  ///   - policies: The policies; ``SLAPolicySet/hostingDefault`` by default.
  ///   - state: The alerts emitted before (from a previous run); none by default.
  public init(policies: SLAPolicySet = .hostingDefault, state: SLAMonitorState = SLAMonitorState()) {
    self.evaluator = SLAEvaluator(policies: policies)
    self.state = state
  }

  /// Returns the alerts due at `now` that were not emitted before, and records them as emitted.
  ///
  /// - Parameters:
  ///   - subjects: The tickets to watch with their customers' segments; solved tickets are skipped.
  ///   - now: The scan instant.
  /// - Returns: New alerts in the order of `subjects`, then metric, cycle and severity.
  /// - Complexity: O(*n*) evaluations for *n* subjects, each O(*e*) in its events.
  public mutating func scan(_ subjects: [SLASubject], now: Date) -> [SLAAlert] {
    var alerts: [SLAAlert] = []
    let policies = evaluator.policies.policies
    subjects.withUnsafeBufferPointer { subjects in
      for index in subjects.indices where subjects[index].ticket.status.isActive {
        guard let policyIndex = evaluator.policies.policyIndex(for: subjects[index]) else { continue }
        let status = SLAEvaluator.evaluate(subjects[index].ticket, under: policies[policyIndex], now: now)
        collectAlerts(for: status, under: policies[policyIndex], now: now, into: &alerts)
      }
    }
    return alerts
  }

  /// Returns the new alerts for tickets without customer segments (see ``scan(_:now:)``).
  ///
  /// - Parameters:
  ///   - tickets: The tickets to watch; solved tickets are skipped.
  ///   - now: The scan instant.
  /// - Returns: New alerts in the order of `tickets`, then metric, cycle and severity.
  public mutating func scan(tickets: [Ticket], now: Date) -> [SLAAlert] {
    scan(tickets.map { SLASubject($0) }, now: now)
  }

  private mutating func collectAlerts(
    for status: SLAStatus, under policy: SLAPolicy, now: Date, into alerts: inout [SLAAlert]
  ) {
    var emitted: [SLAMonitorState.Entry]?
    let targets = policy.targets
    for cycleIndex in status.targets.indices {
      let metric = status.targets[cycleIndex].metric
      // Find the target in place: copying it would retain its calendar and lists.
      guard let targetIndex = targets.firstIndex(where: { $0.metric == metric }) else { continue }
      let elapsed = status.targets[cycleIndex].elapsed
      let goal = status.targets[cycleIndex].goal
      let isOpen = status.targets[cycleIndex].isOpen
      let isBreached = status.targets[cycleIndex].state == .breached
      let number = status.targets[cycleIndex].cycle
      func raise(_ kind: SLAAlert.Kind) {
        let entry = SLAMonitorState.Entry(metric: metric, cycle: number, kind: kind)
        // Look the ticket up once, and only when it has something due.
        if emitted == nil { emitted = state.byTicket[status.ticketID] ?? [] }
        guard emitted?.contains(entry) == false else { return }
        emitted?.append(entry)
        alerts.append(
          SLAAlert(
            ticketID: status.ticketID, policyName: status.policyName, priority: status.priority, metric: metric,
            cycle: number, kind: kind, dueAt: status.targets[cycleIndex].dueAt, elapsed: elapsed, goal: goal,
            raisedAt: now))
      }
      if isOpen {
        for threshold in targets[targetIndex].warningThresholds where elapsed >= threshold * goal {
          raise(.warning(threshold: threshold))
        }
      }
      if isBreached { raise(.breach) }
      if isOpen, isBreached {
        for (level, delay) in targets[targetIndex].escalationDelays.enumerated() where elapsed >= goal + delay {
          raise(.escalation(level: level + 1))
        }
      }
    }
    if let emitted, emitted.count != (state.byTicket[status.ticketID]?.count ?? 0) {
      state.setEmitted(emitted, for: status.ticketID)
    }
  }
}
