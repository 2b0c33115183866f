import Foundation

/// The precomputed state behind a ``BusinessCalendar``: week template, holiday days and zone offsets, with the
/// arithmetic on *wall-clock* time (local seconds since 1970-01-01 00:00, no clock changes).
///
/// Wall-clock arithmetic jumps whole weeks with the template's weekly total and subtracts only the holidays that
/// fall inside the range, found by binary search. ``BusinessCalendar`` maps real instants onto this wall-clock
/// line piece by piece between the zone's offset changes.
final class CalendarEngine: Sendable {
  let template: WeekTemplate
  /// Holiday days as days since 1970-01-01 (local), ascending, unique.
  let holidayDays: [Double]
  let zone: ZoneTimeline
  let isAlwaysOpen: Bool

  /// Wall-clock seconds of Monday 1970-01-05 00:00, the origin of week numbering.
  static let mondayOrigin = 4 * WeekTemplate.secondsPerDay
  static let day = WeekTemplate.secondsPerDay
  static let week = WeekTemplate.secondsPerWeek

  init(template: WeekTemplate, holidays: [Int], timeZone: TimeZone) {
    self.template = template
    var days: [Double] = []
    for day in holidays.sorted() where days.last != Double(day) { days.append(Double(day)) }
    self.holidayDays = days
    self.isAlwaysOpen = template.coversWholeWeek && days.isEmpty
    self.zone =
      isAlwaysOpen ? ZoneTimeline(transitions: [], offsets: [0]) : ZoneTimeline.timeline(for: timeZone)
  }

  // MARK: Periodic part (template only)

  /// Open seconds of the template from the origin up to wall time `x`.
  @inline(__always)
  func periodicOpenTime(upTo x: Double) -> Double {
    let shifted = x - Self.mondayOrigin
    let weeks = (shifted / Self.week).rounded(.down)
    let offset = min(max(shifted - weeks * Self.week, 0), Self.week)
    return weeks * template.weeklyTotal + template.openTime(before: offset)
  }

  /// Open seconds of the template in `[x, y)`.
  @inline(__always)
  func periodicOpenTime(from x: Double, to y: Double) -> Double {
    y <= x ? 0 : max(0, periodicOpenTime(upTo: y) - periodicOpenTime(upTo: x))
  }

  /// The earliest wall time `y ≥ x` with `amount` open template seconds in `[x, y)`, for `amount > 0`.
  func periodicWallTime(adding amount: Double, to x: Double) -> Double {
    let target = periodicOpenTime(upTo: x) + amount
    // Land inside week `k` with a residual in (0, total], so an exact multiple ends a week's last interval.
    let k = (target / template.weeklyTotal).rounded(.up) - 1
    let residual = min(max(target - k * template.weeklyTotal, .leastNonzeroMagnitude), template.weeklyTotal)
    let y = Self.mondayOrigin + k * Self.week + template.offset(afterOpenTime: residual)
    return max(y, x)
  }

  // MARK: Holidays

  /// The index of the first holiday on or after `day`.
  @inline(__always)
  func firstHoliday(onOrAfter day: Double) -> Int {
    var low = 0
    var high = holidayDays.count
    while low < high {
      let middle = (low + high) >> 1
      if holidayDays[middle] < day { low = middle + 1 } else { high = middle }
    }
    return low
  }

  @inline(__always)
  func isHoliday(day: Double) -> Bool {
    let index = firstHoliday(onOrAfter: day)
    return index < holidayDays.count && holidayDays[index] == day
  }

  // MARK: Wall-clock calendar (template minus holidays)

  /// Whether the wall-clock second at `x` is open.
  @inline(__always)
  func isOpen(wall x: Double) -> Bool {
    let shifted = x - Self.mondayOrigin
    let offset = shifted - (shifted / Self.week).rounded(.down) * Self.week
    guard template.contains(min(max(offset, 0), Self.week)) else { return false }
    return holidayDays.isEmpty || !isHoliday(day: (x / Self.day).rounded(.down))
  }

  /// Open wall-clock seconds in `[x, y)`: the template's minus the holidays' inside the range.
  func openTime(fromWall x: Double, to y: Double) -> Double {
    guard y > x else { return 0 }
    var total = periodicOpenTime(from: x, to: y)
    var index = firstHoliday(onOrAfter: (x / Self.day).rounded(.down))
    while index < holidayDays.count {
      let dayStart = holidayDays[index] * Self.day
      if dayStart >= y { break }
      total -= periodicOpenTime(from: max(x, dayStart), to: min(y, dayStart + Self.day))
      index += 1
    }
    return max(0, total)
  }

  /// The earliest wall time `y ≥ x` with `amount` open seconds in `[x, y)`, for `amount > 0`.
  func wallTime(adding amount: Double, to x: Double) -> Double {
    var remaining = amount
    var cursor = x
    var index = firstHoliday(onOrAfter: (x / Self.day).rounded(.down))
    while index < holidayDays.count {
      let dayStart = holidayDays[index] * Self.day
      if dayStart > cursor {
        let available = periodicOpenTime(from: cursor, to: dayStart)
        if available >= remaining { return periodicWallTime(adding: remaining, to: cursor) }
        remaining -= available
      }
      cursor = max(cursor, dayStart + Self.day)
      index += 1
    }
    return periodicWallTime(adding: remaining, to: cursor)
  }

  /// The first wall time `y ≥ x` that is open.
  func nextOpenWallTime(atOrAfter x: Double) -> Double {
    var cursor = x
    // Each step passes a holiday or reaches a template start, so the loop is bounded; the cap guards against
    // non-finite input.
    for _ in 0..<(2 * holidayDays.count + 8) {
      if isOpen(wall: cursor) { return cursor }
      let day = (cursor / Self.day).rounded(.down)
      if !holidayDays.isEmpty && isHoliday(day: day) {
        cursor = (day + 1) * Self.day
        continue
      }
      // Closed by the template: jump to the template's next start (this week or the next).
      let shifted = cursor - Self.mondayOrigin
      let weekStart = (shifted / Self.week).rounded(.down) * Self.week
      let offset = shifted - weekStart
      if let start = template.nextStart(atOrAfter: offset) {
        cursor = Self.mondayOrigin + weekStart + start
      } else {
        cursor = Self.mondayOrigin + weekStart + Self.week + (template.starts.first ?? 0)
      }
    }
    return cursor
  }
}
