import Foundation

/// A weekly schedule flattened into merged open intervals measured in wall-clock seconds since Monday 00:00.
///
/// Overnight intervals run into the next day (Sunday's into Monday of the next week); overlapping and touching
/// intervals are merged, so the template is a sorted list of disjoint intervals inside `[0, 604 800)` with the
/// open time before each one, and arithmetic inside a week is a binary search.
struct WeekTemplate: Sendable {
  static let secondsPerWeek = 604_800.0
  static let secondsPerDay = 86_400.0

  /// Sorted, disjoint, non-touching interval starts in `[0, week)`.
  let starts: [Double]
  /// The matching ends, in `(0, week]`.
  let ends: [Double]
  /// Open seconds before interval `i` in the week.
  let openBefore: [Double]
  /// Open seconds in a whole week.
  let weeklyTotal: Double

  init(_ schedule: WeeklySchedule) {
    var raw: [(Double, Double)] = []
    for (day, intervals) in schedule.intervals {
      let dayStart = Double(day.index) * Self.secondsPerDay
      for interval in intervals {
        let start = dayStart + Double(interval.start.secondsSinceMidnight)
        let end = start + Double(interval.wallClockDuration)
        if end <= Self.secondsPerWeek {
          raw.append((start, end))
        } else {
          raw.append((start, Self.secondsPerWeek))
          raw.append((0, end - Self.secondsPerWeek))
        }
      }
    }
    raw.sort { $0.0 < $1.0 }
    var starts: [Double] = []
    var ends: [Double] = []
    for (start, end) in raw {
      if let last = ends.last, start <= last {
        ends[ends.count - 1] = max(last, end)
      } else {
        starts.append(start)
        ends.append(end)
      }
    }
    var openBefore: [Double] = []
    var total = 0.0
    for index in starts.indices {
      openBefore.append(total)
      total += ends[index] - starts[index]
    }
    self.starts = starts
    self.ends = ends
    self.openBefore = openBefore
    self.weeklyTotal = total
  }

  /// Whether the template is open all week long.
  var coversWholeWeek: Bool { weeklyTotal >= Self.secondsPerWeek }

  /// The index of the last interval starting at or before `offset`, or -1.
  @inline(__always)
  private func lastStart(atOrBefore offset: Double) -> Int {
    var low = 0
    var high = starts.count
    while low < high {
      let middle = (low + high) >> 1
      if starts[middle] <= offset { low = middle + 1 } else { high = middle }
    }
    return low - 1
  }

  /// Open seconds in `[0, offset)` of the week, for `offset` in `[0, week]`.
  func openTime(before offset: Double) -> Double {
    let index = lastStart(atOrBefore: offset)
    if index < 0 { return 0 }
    return openBefore[index] + min(offset, ends[index]) - starts[index]
  }

  /// Whether the second at `offset` (in `[0, week)`) is inside an interval.
  func contains(_ offset: Double) -> Bool {
    let index = lastStart(atOrBefore: offset)
    return index >= 0 && offset < ends[index]
  }

  /// The earliest offset at which `amount` open seconds have passed since the week's start, for `amount` in
  /// `(0, weeklyTotal]`.
  func offset(afterOpenTime amount: Double) -> Double {
    var low = 0
    var high = starts.count
    // The first interval whose cumulative end reaches `amount`.
    while low < high {
      let middle = (low + high) >> 1
      if openBefore[middle] + ends[middle] - starts[middle] < amount { low = middle + 1 } else { high = middle }
    }
    let index = min(low, starts.count - 1)
    return starts[index] + (amount - openBefore[index])
  }

  /// The first interval start at or after `offset` in the same week, if any.
  func nextStart(atOrAfter offset: Double) -> Double? {
    let index = lastStart(atOrBefore: offset)
    if index >= 0 && starts[index] == offset { return offset }
    return index + 1 < starts.count ? starts[index + 1] : nil
  }
}
