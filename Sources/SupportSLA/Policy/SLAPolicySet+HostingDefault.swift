import Foundation
import SupportTickets

extension SLAPolicySet {
  /// The promise a typical web host makes, ready to use: 24/7 support, critical issues resolved within
  /// 1 hour, nothing left open past 24 hours in any case, and regular progress updates on long issues.
  ///
  /// One policy per priority, all on a 24/7 calendar:
  ///
  /// | priority | first response | next update every | resolution |
  /// |----------|----------------|-------------------|------------|
  /// | critical | 15 min         | 30 min            | 1 h        |
  /// | high     | 1 h            | 2 h               | 8 h        |
  /// | normal   | 4 h            | 8 h               | 24 h       |
  /// | low      | 8 h            | 12 h              | 24 h       |
  ///
  /// Every target measures **requester wait time** (``SLATarget/requesterWaitPauseStatuses``): its clock runs
  /// while the ticket is open, in progress or on hold, and stops only while waiting on the customer. Waiting on a
  /// third party is the host's problem, so an on-hold ticket keeps using its resolution time, and the periodic
  /// update (next response) stays due while on hold.
  ///
  /// Every target warns at 75 % and 90 % of its goal and escalates to level 1 when it is overdue by a quarter of
  /// its goal and to level 2 when it is overdue by the whole goal (critical resolution: 15 min and 1 h late).
  ///
  /// Independently of the targets and their pauses, the set's ``ageGuard`` (``SLAAgeGuard/hostingDefault``,
  /// 24 h) flags every ticket not resolved or closed whose wall-clock age passes 24 hours.
  ///
  /// To change a default, edit a copy: `var policies = SLAPolicySet.hostingDefault`, then replace a policy's
  /// targets, set `policies.ageGuard = try SLAAgeGuard(limit: 48 * 3600)`, or `nil` to turn the guard off.
  public static let hostingDefault: SLAPolicySet = {
    let rows: [(Priority, String, first: TimeInterval, update: TimeInterval, resolution: TimeInterval)] = [
      (.critical, "Critical", 15 * 60, 30 * 60, 3_600),
      (.high, "High", 3_600, 2 * 3_600, 8 * 3_600),
      (.normal, "Normal", 4 * 3_600, 8 * 3_600, 24 * 3_600),
      (.low, "Low", 8 * 3_600, 12 * 3_600, 24 * 3_600),
    ]
    func target(_ metric: SLAMetric, _ goal: TimeInterval) -> SLATarget {
      // The goals above are positive and the thresholds valid, so this cannot throw.
      try! SLATarget(
        metric, within: goal, pauseStatuses: SLATarget.requesterWaitPauseStatuses, escalationDelays: [goal / 4, goal])
    }
    return SLAPolicySet(
      rows.map { row in
        try! SLAPolicy(
          name: row.1, conditions: SLAConditions(priorities: [row.0]),
          targets: [
            target(.firstResponse, row.first), target(.nextResponse, row.update),
            target(.resolution, row.resolution),
          ])
      },
      ageGuard: .hostingDefault)
  }()
}
