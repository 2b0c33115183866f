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
/// and, when the policy set has an ``SLAPolicySet/ageGuard``, for every active ticket (whether or not a policy
/// covers it):
/// - an **age alert**, ``SLAAlert/Kind/ageLimitExceeded(limit:)``, once per resolution cycle when the ticket's
///   wall-clock age reaches the limit, whatever its pauses ("open past 24 h").
///
/// Alerts whose key is in ``state`` are skipped and new ones are added to it, so repeated scans never repeat an
/// alert; a scan that comes late raises everything that became due meanwhile, in order. Persist ``state`` and
/// pass it back after a restart to keep that promise.
///
/// Keep one monitor for the life of the process and scan it on every tick: between scans it remembers, for each
/// ticket, the instant its next alert (SLA or age) can fall due. A later scan skips a ticket whose timeline (its
/// `version`) and segment are unchanged until that instant, so a steady stream of scans mostly re-evaluates the
/// tickets that changed or have something due. Replacing ``state`` or ``evaluator`` clears that memory.
///
/// ```swift
/// var monitor = SLAMonitor(policies: .hostingDefault, state: savedState)
/// for alert in monitor.scan(openTickets.map { SLASubject($0) }, now: now) { notify(alert) }
/// savedState = monitor.state
/// ```
public struct SLAMonitor: Sendable {
  /// When a ticket next needs evaluating, as far as the scan that evaluated it could tell.
  private struct WakeUp: Sendable {
    var version: Int
    var segment: CustomerSegment?
    var at: Date
  }

  /// The policies tickets are evaluated under.
  public var evaluator: SLAEvaluator {
    didSet { wakeUps.removeAll() }
  }
  var emittedState: SLAMonitorState
  private var wakeUps: [TicketID: WakeUp] = [:]

  /// The age guard of the policies (``SLAPolicySet/ageGuard``); set it through ``evaluator``.
  public var ageGuard: SLAAgeGuard? { evaluator.policies.ageGuard }

  /// The alerts emitted so far.
  public var state: SLAMonitorState {
    get { emittedState }
    set {
      emittedState = newValue
      wakeUps.removeAll()
    }
  }

  /// Creates a monitor.
  /// - Parameters:
  ///   - policies: The policies; ``SLAPolicySet/hostingDefault`` by default.
  ///   - state: The alerts emitted before (from a previous run); none by default.
  public init(policies: SLAPolicySet = .hostingDefault, state: SLAMonitorState = SLAMonitorState()) {
    self.evaluator = SLAEvaluator(policies: policies)
    self.emittedState = state
  }

  /// Returns the alerts due at `now` that were not emitted before, and records them as emitted.
  ///
  /// - Parameters:
  ///   - subjects: The tickets to watch with their customers' segments; solved tickets are skipped.
  ///   - now: The scan instant.
  /// - Returns: New alerts in the order of `subjects`, then metric, cycle and severity (a ticket's age alert after
  ///   its target alerts).
  /// - Complexity: O(*n*) for *n* subjects, plus an O(*e*) evaluation of each ticket that changed or may have
  ///   something due.
  public mutating func scan(_ subjects: [SLASubject], now: Date) -> [SLAAlert] {
    var alerts: [SLAAlert] = []
    let policySet = evaluator.policies.policies
    policySet.withUnsafeBufferPointer { policies in
      subjects.withUnsafeBufferPointer { subjects in
        for index in subjects.indices {
          let box = subjects[index].box
          let ticketID = box.id
          guard box.status.isActive else {
            if !wakeUps.isEmpty { wakeUps[ticketID] = nil }
            continue
          }
          let version = box.version
          let segment = subjects[index].segment
          if let wake = wakeUps[ticketID], wake.version == version, wake.segment == segment, now < wake.at { continue }
          var wakeAt = Date.distantFuture
          let policyIndex = SLAPolicySet.firstMatch(in: policies, for: subjects[index])
          if let policyIndex {
            let status = SLAEvaluator.evaluate(box, under: policies.baseAddress! + policyIndex, now: now)
            collectAlerts(for: status, under: policies[policyIndex], now: now, into: &alerts)
            wakeAt = Self.nextAlertInstant(of: status, under: policies[policyIndex], after: now)
          }
          if let ageGuard = evaluator.policies.ageGuard {
            let ageWake = guardAge(
              of: box, with: ageGuard, policyName: policyIndex.map { policies[$0].name } ?? SLAAgeGuard.policyName,
              now: now, into: &alerts)
            wakeAt = min(wakeAt, ageWake)
          }
          // Events after `now` (when replaying history) change the clocks without changing the version.
          if box.updatedAt > now {
            wakeAt = min(wakeAt, Self.firstEventInstant(of: box, after: now))
          }
          wakeUps[ticketID] = WakeUp(version: version, segment: segment, at: wakeAt)
        }
      }
    }
    return alerts
  }

  /// The instant of the first event after `now` (events are in time order).
  private static func firstEventInstant(of box: SLASubject.Box, after now: Date) -> Date {
    let events = box.ticket.events
    var low = 0
    var high = events.count
    while low < high {
      let middle = (low + high) / 2
      if events[middle].instant > now { high = middle } else { low = middle + 1 }
    }
    return low < events.count ? events[low].instant : .distantFuture
  }

  /// The earliest instant after `now` at which one of the status's running cycles reaches a warning threshold,
  /// its deadline or an escalation delay, assuming the timeline does not change (any change bumps the version).
  private static func nextAlertInstant(of status: SLAStatus, under policy: SLAPolicy, after now: Date) -> Date {
    var earliest = Date.distantFuture
    let targets = policy.targets
    for cycle in status.targets where cycle.isOpen && cycle.state != .paused {
      guard let targetIndex = targets.firstIndex(where: { $0.metric == cycle.metric }) else { continue }
      var need = TimeInterval.infinity
      for threshold in targets[targetIndex].warningThresholds where threshold * cycle.goal > cycle.elapsed {
        need = min(need, threshold * cycle.goal - cycle.elapsed)
      }
      if cycle.goal > cycle.elapsed { need = min(need, cycle.goal - cycle.elapsed) }
      for delay in targets[targetIndex].escalationDelays where cycle.goal + delay > cycle.elapsed {
        need = min(need, cycle.goal + delay - cycle.elapsed)
      }
      guard need.isFinite, let instant = try? targets[targetIndex].calendar.date(addingBusinessTime: need, to: now)
      else { continue }
      earliest = min(earliest, instant)
    }
    return earliest
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
        if emitted == nil { emitted = emittedState.byTicket[status.ticketID] ?? [] }
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
    if let emitted, emitted.count != (emittedState.byTicket[status.ticketID]?.count ?? 0) {
      emittedState.setEmitted(emitted, for: status.ticketID)
    }
  }
}
