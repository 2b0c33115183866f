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
  /// Template open time on each holiday's day, and its running total (`openTimeBeforeHoliday[i]` sums the
  /// holidays before `i`), so the holidays inside a range are subtracted in O(1) and searched in O(log h).
  let holidayLoss: [Double]
  let openTimeBeforeHoliday: [Double]
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
    var loss: [Double] = []
    var before: [Double] = [0]
    for day in days {
      let dayStart = day * Self.day
      let openOnDay = Self.periodicOpenTime(template, from: dayStart, to: dayStart + Self.day)
      loss.append(openOnDay)
      before.append(before[before.count - 1] + openOnDay)
    }
    self.holidayLoss = loss
    self.openTimeBeforeHoliday = before
    self.isAlwaysOpen = template.coversWholeWeek && days.isEmpty
    self.zone =
      isAlwaysOpen ? ZoneTimeline(transitions: [], offsets: [0]) : ZoneTimeline.timeline(for: timeZone)
  }

  // MARK: Periodic part (template only)

  /// Open seconds of the template from the origin up to wall time `x`.
  @inline(__always)
  static func periodicOpenTime(_ template: WeekTemplate, upTo x: Double) -> Double {
    let shifted = x - mondayOrigin
    let weeks = (shifted / week).rounded(.down)
    let offset = min(max(shifted - weeks * week, 0), week)
    return weeks * template.weeklyTotal + template.openTime(before: offset)
  }

  @inline(__always)
  static func periodicOpenTime(_ template: WeekTemplate, from x: Double, to y: Double) -> Double {
    y <= x ? 0 : max(0, periodicOpenTime(template, upTo: y) - periodicOpenTime(template, upTo: x))
  }

  @inline(__always)
  func periodicOpenTime(upTo x: Double) -> Double { Self.periodicOpenTime(template, upTo: x) }

  /// Open seconds of the template in `[x, y)`.
  @inline(__always)
  func periodicOpenTime(from x: Double, to y: Double) -> Double { Self.periodicOpenTime(template, from: x, to: y) }

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
    if holidayDays.isEmpty { return total }
    // Holidays whose day overlaps [x, y): from the one containing x to the last starting before y.
    let first = firstHoliday(onOrAfter: (x / Self.day).rounded(.down))
    let end = firstHoliday(onOrAfter: (y / Self.day).rounded(.up))
    guard first < end else { return total }
    total -= openTimeBeforeHoliday[end] - openTimeBeforeHoliday[first]
    // The first and last may be cut by the range: put back what lies outside it.
    let firstStart = holidayDays[first] * Self.day
    let firstCut = firstStart < x
    if firstCut {
      total += holidayLoss[first] - periodicOpenTime(from: x, to: min(y, firstStart + Self.day))
    }
    let lastStart = holidayDays[end - 1] * Self.day
    if lastStart + Self.day > y && !(firstCut && end - 1 == first) {
      total += holidayLoss[end - 1] - periodicOpenTime(from: lastStart, to: y)
    }
    return max(0, total)
  }

  /// The earliest wall time `y ≥ x` with `amount` open seconds in `[x, y)`, for `amount > 0`.
  func wallTime(adding amount: Double, to x: Double) -> Double {
    if holidayDays.isEmpty { return periodicWallTime(adding: amount, to: x) }
    let first = firstHoliday(onOrAfter: (x / Self.day).rounded(.down))
    // Open time from x to the start of holiday j grows with j: find the first holiday reached only after the
    // amount has passed, galloping from `first` so only the holidays in range are touched. Each probe is O(1):
    // template time minus the running total of the holidays in between (the first one may contain x).
    let base = periodicOpenTime(upTo: x)
    var cutCorrection = 0.0
    if first < holidayDays.count, holidayDays[first] * Self.day < x {
      cutCorrection = holidayLoss[first] - periodicOpenTime(from: x, to: holidayDays[first] * Self.day + Self.day)
    }
    func openTime(before index: Int) -> Double {
      let dayStart = holidayDays[index] * Self.day
      if dayStart <= x { return 0 }
      return periodicOpenTime(upTo: dayStart) - base
        - (openTimeBeforeHoliday[index] - openTimeBeforeHoliday[first]) + cutCorrection
    }
    func reachesAmount(before index: Int) -> Bool { openTime(before: index) >= amount }
    var low = first  // every index below `low` is passed before the amount
    var high = holidayDays.count  // the answer is below `high` (count: no holiday stops it)
    var step = 1
    while low < high {
      let probe = min(low + step - 1, high - 1)
      if reachesAmount(before: probe) {
        high = probe
        break
      }
      low = probe + 1
      step *= 2
    }
    while low < high {
      let middle = (low + high) >> 1
      if reachesAmount(before: middle) { high = middle } else { low = middle + 1 }
    }
    // Resume after the last holiday passed; no holiday lies between there and the answer.
    let cursor = high > first ? max(x, holidayDays[high - 1] * Self.day + Self.day) : x
    let remaining = high > first ? amount - openTime(before: high - 1) : amount
    return periodicWallTime(adding: max(remaining, .leastNonzeroMagnitude), to: cursor)
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
