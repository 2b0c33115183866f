import Foundation
import SupportTickets

/// Groups cycles into the rows of a compliance report (metric × priority × department × period) and the totals
/// per metric, counting each cycle into its group's ``SLACycleTally`` instead of collecting copies of it.
///
/// Periods are numbered by ``SLAPeriodLabeler`` and departments here, so a group is found by hashing two integers
/// rather than the period label and the department name of every cycle.
struct SLARowGrouping {
  private struct Key: Hashable {
    var period: Int
    /// The department's number, the priority's bit and the metric's index, packed.
    var group: Int
  }

  private var labeler: SLAPeriodLabeler
  private var departmentNumbers: [Department: Int] = [:]
  private var departments: [Department] = []
  private var slots: [Key: Int] = [:]
  /// Each group's period number, department number, priority and metric, by slot.
  private var groups: [(period: Int, department: Int, priority: Priority, metric: SLAMetric)] = []
  private var tallies: [SLACycleTally] = []
  private var metricTotals = SLAMetricTallies()

  init(period: SLAReportPeriod, timeZone: TimeZone) {
    labeler = SLAPeriodLabeler(period: period, timeZone: timeZone)
  }

  /// Counts every cycle of a status, read in place.
  mutating func add(_ status: UnsafePointer<SLAStatus>) {
    let department: Int
    if let known = departmentNumbers[status.pointee.department] {
      department = known
    } else {
      department = departments.count
      departments.append(status.pointee.department)
      departmentNumbers[status.pointee.department] = department
    }
    let priority = status.pointee.priority
    let ticketGroup = department << 6 | Int(priority.slaBit) << 2
    status.pointee.targets.withUnsafeBufferPointer { cycles in
      metricTotals.add(cycles)
      for index in cycles.indices {
        let metric = cycles[index].metric
        let key = Key(period: labeler.number(for: cycles[index].activatedAt), group: ticketGroup | metric.tallyIndex)
        let slot: Int
        if let known = slots[key] {
          slot = known
        } else {
          slot = tallies.count
          slots[key] = slot
          groups.append((key.period, department, priority, metric))
          tallies.append(SLACycleTally())
        }
        tallies[slot].add(
          state: cycles[index].state, elapsed: cycles[index].elapsed, isFulfilled: cycles[index].fulfilledAt != nil)
      }
    }
  }

  /// The rows, ordered by period, metric, priority (most urgent first) and department.
  var rows: [SLAComplianceReport.Row] {
    tallies.indices.map { slot in
      let group = groups[slot]
      return tallies[slot].row(
        metric: group.metric, priority: group.priority, department: departments[group.department],
        period: labeler.labels[group.period])
    }
    .sorted { lhs, rhs in
      if lhs.period != rhs.period { return (lhs.period ?? "") < (rhs.period ?? "") }
      if lhs.metric != rhs.metric { return lhs.metric < rhs.metric }
      if lhs.priority != rhs.priority { return (lhs.priority ?? .low) > (rhs.priority ?? .low) }
      return (lhs.department?.rawValue ?? "") < (rhs.department?.rawValue ?? "")
    }
  }

  /// One row per metric over every cycle, in metric order.
  var totals: [SLAComplianceReport.Row] { metricTotals.rows }
}
