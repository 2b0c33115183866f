public import Foundation
public import SupportTickets

/// The alerts a monitor has already emitted: persist it (it is `Codable`) to stay exactly-once across restarts.
public struct SLAMonitorState: Hashable, Sendable, Codable {
  /// The keys of every alert emitted so far.
  public var emitted: Set<SLAAlertKey>

  /// Creates a state.
  /// - Parameter emitted: Alerts already emitted; none by default.
  public init(emitted: Set<SLAAlertKey> = []) { self.emitted = emitted }

  /// Forgets the alerts of tickets that are no longer watched (solved or deleted), to keep the state small.
  ///
  /// Only forget a ticket once it can no longer raise alerts: a reopened ticket starts new cycles, whose keys
  /// differ, so forgetting solved tickets is safe.
  /// - Parameter ticketIDs: The tickets to forget.
  public mutating func forget(_ ticketIDs: some Sequence<TicketID>) {
    let doomed = Set(ticketIDs)
    emitted = emitted.filter { !doomed.contains($0.ticketID) }
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
    for subject in subjects where subject.ticket.status.isActive {
      guard let policy = evaluator.policies.policy(for: subject) else { continue }
      let status = SLAEvaluator.evaluate(subject.ticket, under: policy, now: now)
      collectAlerts(for: status, under: policy, now: now, into: &alerts)
    }
    return alerts
  }

  /// Returns the new alerts for tickets without customer segments (see ``scan(_:now:)-(_,_)``).
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
    for cycle in status.targets {
      guard let target = policy.target(for: cycle.metric) else { continue }
      func raise(_ kind: SLAAlert.Kind) {
        let key = SLAAlertKey(ticketID: status.ticketID, metric: cycle.metric, cycle: cycle.cycle, kind: kind)
        guard state.emitted.insert(key).inserted else { return }
        alerts.append(
          SLAAlert(
            ticketID: status.ticketID, policyName: status.policyName, priority: status.priority,
            metric: cycle.metric, cycle: cycle.cycle, kind: kind, dueAt: cycle.dueAt, elapsed: cycle.elapsed,
            goal: cycle.goal, raisedAt: now))
      }
      if cycle.isOpen {
        for threshold in target.warningThresholds where cycle.elapsed >= threshold * cycle.goal {
          raise(.warning(threshold: threshold))
        }
      }
      if cycle.state == .breached { raise(.breach) }
      if cycle.isOpen, cycle.state == .breached {
        for (index, delay) in target.escalationDelays.enumerated() where cycle.elapsed >= cycle.goal + delay {
          raise(.escalation(level: index + 1))
        }
      }
    }
  }
}
