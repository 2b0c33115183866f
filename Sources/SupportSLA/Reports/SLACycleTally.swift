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
    let (median, p90) = Self.medianAndP90(of: fulfilledTimes)
    let measured = achieved + breached
    return SLAComplianceReport.Row(
      metric: metric, priority: priority, department: department, period: period, measured: measured,
      achieved: achieved, breached: breached, open: cycles - measured,
      attainmentPercent: measured == 0 ? nil : Double(achieved) / Double(measured) * 100,
      medianSeconds: median, p90Seconds: p90)
  }

  /// The median and the 90th percentile of `times`, as ``SLAComplianceReport/percentile(_:ofSorted:)`` reads them
  /// from the sorted times, found by selecting the four ranks they interpolate between instead of sorting.
  ///
  /// Every rank holds the same value in any order that the sort would give (equal doubles are equal, and the
  /// interpolation never yields a negative zero), so the figures are the sort's; times with a NaN, which has no
  /// rank, are sorted.
  /// - Complexity: O(*n*) expected for *n* times.
  static func medianAndP90(of times: [TimeInterval]) -> (median: TimeInterval?, p90: TimeInterval?) {
    guard !times.isEmpty else { return (nil, nil) }
    if times.contains(where: \.isNaN) {
      let sorted = times.sorted()
      return (
        SLAComplianceReport.percentile(0.5, ofSorted: sorted), SLAComplianceReport.percentile(0.9, ofSorted: sorted)
      )
    }
    var values = times
    return values.withUnsafeMutableBufferPointer { values in
      // Ranks are asked for in ascending order. values[selected - 1] holds its rank's value, and no value after it
      // is smaller, so the ranks from `selected` on are those of values[selected...].
      var selected = 0
      func value(atRank rank: Int) -> TimeInterval {
        if rank >= selected {
          select(rank, in: values, from: selected)
          selected = rank + 1
        }
        return values[rank]
      }
      func percentile(_ p: Double) -> TimeInterval {
        let position = p * Double(values.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, values.count - 1)
        let low = value(atRank: lower)
        return low + (value(atRank: upper) - low) * (position - Double(lower))
      }
      let median = percentile(0.5)
      return (median, percentile(0.9))
    }
  }

  /// Moves the value of rank `rank` in `values[start...]` to index `rank`, with no greater value before it and no
  /// smaller one after it (Hoare's selection, median-of-three pivots). The values must not be NaN.
  static func select(_ rank: Int, in values: UnsafeMutableBufferPointer<Double>, from start: Int) {
    var low = start
    var high = values.count - 1
    while high > low {
      if high - low < 16 {
        // Insertion sort of a short range.
        for index in (low + 1)...high {
          let value = values[index]
          var hole = index
          while hole > low, value < values[hole - 1] {
            values[hole] = values[hole - 1]
            hole -= 1
          }
          values[hole] = value
        }
        return
      }
      let middle = low + (high - low) / 2
      if values[middle] < values[low] { values.swapAt(middle, low) }
      if values[high] < values[low] { values.swapAt(high, low) }
      if values[high] < values[middle] { values.swapAt(high, middle) }
      let pivot = values[middle]
      var left = low
      var right = high
      while left <= right {
        while values[left] < pivot { left += 1 }
        while pivot < values[right] { right -= 1 }
        if left <= right {
          values.swapAt(left, right)
          left += 1
          right -= 1
        }
      }
      // values[low...right] ≤ pivot ≤ values[left...high]; anything between equals the pivot.
      if rank <= right {
        high = right
      } else if rank >= left {
        low = left
      } else {
        return
      }
    }
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
