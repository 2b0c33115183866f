import Foundation
import SupportSLA

/// A slow, obviously correct model of a business calendar, used to check the fast one.
///
/// It walks every local day of a window with Foundation's `Calendar`, turns each written interval into real
/// instants with the rule "the first instant the wall clock reaches (or jumps past) this time", takes the union,
/// removes holidays' days the same way, and answers questions from that explicit list of intervals.
struct ReferenceCalendar {
  /// Merged real open intervals, ascending, as seconds since 1970.
  private(set) var intervals: [(start: Double, end: Double)] = []
  let windowStart: Double
  let windowEnd: Double
  private let timeZone: TimeZone

  init(_ calendar: BusinessCalendar, from windowStart: Date, to windowEnd: Date) {
    self.timeZone = calendar.timeZone
    self.windowStart = windowStart.timeIntervalSince1970
    self.windowEnd = windowEnd.timeIntervalSince1970
    var local = Calendar(identifier: .gregorian)
    local.timeZone = calendar.timeZone
    var utc = Calendar(identifier: .gregorian)
    utc.timeZone = TimeZone(secondsFromGMT: 0)!
    let first = local.dateComponents([.year, .month, .day], from: windowStart.addingTimeInterval(-3 * 86_400))
    var wallDay = utc.date(from: first)!
    let holidayKeys = Set(calendar.holidays.map { [$0.date.year, $0.date.month, $0.date.day] })
    let weekdays: [Weekday] = [.sunday, .monday, .tuesday, .wednesday, .thursday, .friday, .saturday]
    var open: [(Double, Double)] = []
    var closed: [(Double, Double)] = []
    while wallDay.timeIntervalSince1970 < self.windowEnd + 3 * 86_400 {
      let wall = wallDay.timeIntervalSince1970
      let parts = utc.dateComponents([.year, .month, .day, .weekday], from: wallDay)
      for interval in calendar.weekly[weekdays[parts.weekday! - 1]] {
        let openWall = wall + Double(interval.start.hour * 3600 + interval.start.minute * 60)
        var closeWall = wall + Double(interval.end.hour * 3600 + interval.end.minute * 60)
        if closeWall <= openWall { closeWall += 86_400 }
        open.append((firstInstant(reachingWall: openWall), firstInstant(reachingWall: closeWall)))
      }
      if holidayKeys.contains([parts.year!, parts.month!, parts.day!]) {
        closed.append((firstInstant(reachingWall: wall), firstInstant(reachingWall: wall + 86_400)))
      }
      wallDay = utc.date(byAdding: .day, value: 1, to: wallDay)!
    }
    intervals = subtract(closed, from: union(open))
  }

  /// The first instant at which the zone's wall clock shows `wall` or a later time.
  private func firstInstant(reachingWall wall: Double) -> Double {
    var segmentStart = wall - 2 * 86_400
    while true {
      let next =
        timeZone.nextDaylightSavingTimeTransition(after: Date(timeIntervalSince1970: segmentStart))?
        .timeIntervalSince1970 ?? .infinity
      let offset = Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: segmentStart)))
      let candidate = wall - offset
      if candidate < next { return max(candidate, segmentStart) }
      segmentStart = next
    }
  }

  private func union(_ list: [(Double, Double)]) -> [(start: Double, end: Double)] {
    var result: [(start: Double, end: Double)] = []
    for (start, end) in list.filter({ $0.1 > $0.0 }).sorted(by: { $0.0 < $1.0 }) {
      if let last = result.last, start <= last.end {
        result[result.count - 1].end = max(last.end, end)
      } else {
        result.append((start, end))
      }
    }
    return result
  }

  private func subtract(
    _ holes: [(Double, Double)], from list: [(start: Double, end: Double)]
  ) -> [(start: Double, end: Double)] {
    var pieces = list
    for (holeStart, holeEnd) in holes where holeEnd > holeStart {
      var next: [(start: Double, end: Double)] = []
      for piece in pieces {
        if piece.end <= holeStart || piece.start >= holeEnd {
          next.append(piece)
          continue
        }
        if piece.start < holeStart { next.append((piece.start, holeStart)) }
        if piece.end > holeEnd { next.append((holeEnd, piece.end)) }
      }
      pieces = next
    }
    return pieces
  }

  func isOpen(at time: Double) -> Bool {
    intervals.contains { $0.start <= time && time < $0.end }
  }

  func nextOpening(after time: Double) -> Double? {
    guard let interval = intervals.first(where: { $0.end > time }) else { return nil }
    return max(interval.start, time)
  }

  func businessTime(from start: Double, to end: Double) -> Double {
    if end < start { return -businessTime(from: end, to: start) }
    return intervals.reduce(0) { $0 + max(0, min(end, $1.end) - max(start, $1.start)) }
  }

  /// The earliest instant with `amount` open seconds since `start`, or `nil` if beyond the window.
  func date(adding amount: Double, to start: Double) -> Double? {
    if amount == 0 { return start }
    var remaining = amount
    for interval in intervals where interval.end > start {
      let from = max(interval.start, start)
      let length = interval.end - from
      if length >= remaining { return from + remaining }
      remaining -= length
    }
    return nil
  }
}

/// The kit's seeded generator (SplitMix64), so every run draws the same values.
typealias SeededGenerator = SplitMix64
