import Foundation
import SupportTickets

extension SLAPolicySet {
  /// The promise a typical web host makes, ready to use: 24/7 support, critical issues resolved within
  /// 1 hour, nothing left open past 24 hours, and regular progress updates on long issues.
  ///
  /// One policy per priority, all on a 24/7 calendar, clocks paused while waiting on the customer or on hold:
  ///
  /// | priority | first response | next update every | resolution |
  /// |----------|----------------|-------------------|------------|
  /// | critical | 15 min         | 30 min            | 1 h        |
  /// | high     | 1 h            | 2 h               | 8 h        |
  /// | normal   | 4 h            | 8 h               | 24 h       |
  /// | low      | 8 h            | 12 h              | 24 h       |
  ///
  /// Every target warns at 75 % and 90 % of its goal and escalates to level 1 when it is overdue by a quarter of
  /// its goal and to level 2 when it is overdue by the whole goal (critical resolution: 15 min and 1 h late).
  public static let hostingDefault: SLAPolicySet = {
    let rows: [(Priority, String, first: TimeInterval, update: TimeInterval, resolution: TimeInterval)] = [
      (.critical, "Critical", 15 * 60, 30 * 60, 3_600),
      (.high, "High", 3_600, 2 * 3_600, 8 * 3_600),
      (.normal, "Normal", 4 * 3_600, 8 * 3_600, 24 * 3_600),
      (.low, "Low", 8 * 3_600, 12 * 3_600, 24 * 3_600),
    ]
    func target(_ metric: SLAMetric, _ goal: TimeInterval) -> SLATarget {
      // The goals above are positive and the thresholds valid, so this cannot throw.
      try! SLATarget(metric, within: goal, escalationDelays: [goal / 4, goal])
    }
    return SLAPolicySet(
      rows.map { row in
        try! SLAPolicy(
          name: row.1, conditions: SLAConditions(priorities: [row.0]),
          targets: [
            target(.firstResponse, row.first), target(.nextResponse, row.update),
            target(.resolution, row.resolution),
          ])
      })
  }()
}
