import Foundation
import SupportTickets

/// Counts one group of cycles for a report row without keeping the cycles: how many there are, how many were
/// achieved and breached, and the business times of the fulfilled ones (for the median and p90).
///
/// A report groups every cycle several times over (its row, its metric's total, its agent, its department);
/// counting instead of collecting copies of ``SLATargetStatus`` keeps that to a few numbers per cycle.
struct SLACycleTally {
  var cycles = 0
  var achieved = 0
  var breached = 0
  /// The elapsed business time of every fulfilled cycle, in the order the cycles were added.
  var fulfilledTimes: [TimeInterval] = []

  /// Counts a cycle.
  @inline(__always)
  mutating func add(state: SLAState, elapsed: TimeInterval, isFulfilled: Bool) {
    cycles += 1
    if state == .achieved { achieved += 1 } else if state == .breached { breached += 1 }
    if isFulfilled { fulfilledTimes.append(elapsed) }
  }

  /// The row of the counted cycles: attainment, open cycles and the percentiles of the fulfilled times.
  func row(
    metric: SLAMetric, priority: Priority?, department: Department?, period: String?
  ) -> SLAComplianceReport.Row {
    let times = fulfilledTimes.sorted()
    let measured = achieved + breached
    return SLAComplianceReport.Row(
      metric: metric, priority: priority, department: department, period: period, measured: measured,
      achieved: achieved, breached: breached, open: cycles - measured,
      attainmentPercent: measured == 0 ? nil : Double(achieved) / Double(measured) * 100,
      medianSeconds: SLAComplianceReport.percentile(0.5, ofSorted: times),
      p90Seconds: SLAComplianceReport.percentile(0.9, ofSorted: times))
  }
}

/// One tally per metric, for the attainment of a group of tickets over all their cycles.
struct SLAMetricTallies {
  private var tallies = [SLACycleTally](repeating: SLACycleTally(), count: SLAMetric.allCases.count)

  /// Counts every cycle of a ticket's targets.
  mutating func add(_ cycles: UnsafeBufferPointer<SLATargetStatus>) {
    for index in cycles.indices {
      tallies[cycles[index].metric.tallyIndex].add(
        state: cycles[index].state, elapsed: cycles[index].elapsed, isFulfilled: cycles[index].fulfilledAt != nil)
    }
  }

  /// One row per metric that has cycles, in metric order.
  var rows: [SLAComplianceReport.Row] {
    SLAMetric.allCases.compactMap { metric in
      let tally = tallies[metric.tallyIndex]
      return tally.cycles == 0 ? nil : tally.row(metric: metric, priority: nil, department: nil, period: nil)
    }
  }
}

extension SLAMetric {
  /// The metric's position in `allCases` (which is metric order), for arrays indexed by metric.
  var tallyIndex: Int {
    switch self {
    case .firstResponse: return 0
    case .nextResponse: return 1
    case .resolution: return 2
    }
  }
}
