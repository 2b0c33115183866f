import Foundation
import SupportSLA
import Testing

/// Random calendars and instants (fixed seed) checked against ``ReferenceCalendar`` and against the arithmetic's
/// own laws.
@Suite("Business calendar properties")
struct BusinessCalendarPropertyTests {
  static let zones = [
    "America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Kuala_Lumpur", "Asia/Vientiane",
    // Midnight changes (Havana) and a two-hour jump (Troll) as well.
    "America/Havana", "Antarctica/Troll",
  ]
  /// 2025-03-01 to 2027-03-01: two years with four clock changes in each DST zone.
  static let windowStart = Date(timeIntervalSince1970: 1_740_787_200)
  static let windowEnd = Date(timeIntervalSince1970: 1_803_859_200)

  /// A random schedule favouring the times at which clocks change (01:00–03:00) and overnight shifts.
  static func randomCalendar(zone: String, using random: inout SeededGenerator) throws -> BusinessCalendar {
    let interesting = ["00:00", "01:00", "01:30", "01:45", "02:00", "02:15", "02:30", "03:00", "24:00"]
    func time(allowEnd: Bool) -> String {
      if Int.random(in: 0..<3, using: &random) == 0 {
        let pick = interesting.randomElement(using: &random)!
        return pick == "24:00" && !allowEnd ? "23:30" : pick
      }
      let quarter = Int.random(in: 0..<96, using: &random)
      return String(format: "%02d:%02d", quarter / 4, quarter % 4 * 15)
    }
    var table: [Weekday: [OpeningInterval]] = [:]
    for day in Weekday.allCases where Int.random(in: 0..<10, using: &random) < 7 {
      for _ in 0..<Int.random(in: 1...3, using: &random) {
        table[day, default: []].append(try OpeningInterval(time(allowEnd: false), time(allowEnd: true)))
      }
    }
    if table.isEmpty { table[.monday] = [try OpeningInterval("09:00", "17:00")] }
    var holidays: [Holiday] = []
    // Up to 40 holidays, some in runs of consecutive days.
    var holidayDays: [Double] = []
    for _ in 0..<Int.random(in: 0...20, using: &random) {
      let day = Double.random(in: windowStart.timeIntervalSince1970..<windowEnd.timeIntervalSince1970, using: &random)
      holidayDays.append(day)
      if Bool.random(using: &random) { holidayDays.append(day + 86_400) }
    }
    for dayInstant in holidayDays {
      let day = Date(timeIntervalSince1970: dayInstant)
      var utc = Calendar(identifier: .gregorian)
      utc.timeZone = TimeZone(secondsFromGMT: 0)!
      let parts = utc.dateComponents([.year, .month, .day], from: day)
      let date = try CivilDate(year: parts.year!, month: parts.month!, day: parts.day!)
      holidays.append(Holiday(date: date, name: Bool.random(using: &random) ? "Day off" : nil))
    }
    return try BusinessCalendar(
      timeZone: TimeZone(identifier: zone)!, weekly: WeeklySchedule(table), holidays: holidays)
  }

  /// Instants spread over the window, half of them within a day and a half of a clock change.
  static func randomInstant(zone: String, using random: inout SeededGenerator) -> Double {
    let timeZone = TimeZone(identifier: zone)!
    var transitions: [Double] = []
    var cursor = windowStart
    while let next = timeZone.nextDaylightSavingTimeTransition(after: cursor), next < windowEnd {
      transitions.append(next.timeIntervalSince1970)
      cursor = next
    }
    if !transitions.isEmpty && Bool.random(using: &random) {
      let base = transitions.randomElement(using: &random)!
      // Whole and half minutes near the change, so boundaries themselves are hit.
      return base + Double(Int.random(in: -4320...4320, using: &random)) * 30
    }
    let lower = windowStart.timeIntervalSince1970 + 7 * 86_400
    let upper = windowEnd.timeIntervalSince1970 - 7 * 86_400
    if Bool.random(using: &random) { return (Double.random(in: lower..<upper, using: &random) / 900).rounded() * 900 }
    return Double.random(in: lower..<upper, using: &random)
  }

  static func randomAmount(using random: inout SeededGenerator) -> Double {
    let scales: [Double] = [0, 60, 3600, 8 * 3600, 86_400, 7 * 86_400, 30 * 86_400, 200 * 86_400]
    let scale = scales.randomElement(using: &random)!
    let amount = Double.random(in: 0...max(scale, 1), using: &random)
    return Bool.random(using: &random) ? amount.rounded() : amount
  }

  @Test("every operation agrees with the slow reference model", arguments: zones)
  func agreesWithReference(zone: String) throws {
    var random = SeededGenerator(seed: 0x5EED_0000 &+ UInt64(zone.utf8.count))
    for _ in 0..<6 {
      let calendar = try Self.randomCalendar(zone: zone, using: &random)
      let reference = ReferenceCalendar(calendar, from: Self.windowStart, to: Self.windowEnd)
      for _ in 0..<150 {
        let start = Self.randomInstant(zone: zone, using: &random)
        let end = Self.randomInstant(zone: zone, using: &random)
        let startDate = Date(timeIntervalSince1970: start)
        let context = Comment(
          rawValue: "\(calendar.weekly) \(calendar.holidays) \(startDate) → \(Date(timeIntervalSince1970: end))")
        #expect(calendar.isOpen(at: startDate) == reference.isOpen(at: start), context)
        let opening = calendar.nextOpening(after: startDate)?.timeIntervalSince1970
        #expect(opening == reference.nextOpening(after: start), context)
        let measured = calendar.businessTime(from: startDate, to: Date(timeIntervalSince1970: end))
        #expect(abs(measured - reference.businessTime(from: start, to: end)) < 1e-6, context)
        let amount = Self.randomAmount(using: &random)
        if let expected = reference.date(adding: amount, to: start),
          expected < reference.windowEnd - 4 * 86_400
        {
          let due = try calendar.date(addingBusinessTime: amount, to: startDate).timeIntervalSince1970
          #expect(abs(due - expected) < 1e-6, "\(context) + \(amount)")
        }
      }
    }
  }

  @Test("adding an amount then measuring returns the same amount", arguments: zones)
  func addThenMeasure(zone: String) throws {
    var random = SeededGenerator(seed: 0xADD0 &+ UInt64(zone.utf8.count))
    for _ in 0..<10 {
      let calendar = try Self.randomCalendar(zone: zone, using: &random)
      for _ in 0..<200 {
        let start = Date(timeIntervalSince1970: Self.randomInstant(zone: zone, using: &random))
        let amount = Self.randomAmount(using: &random)
        let due = try calendar.date(addingBusinessTime: amount, to: start)
        #expect(due >= start)
        let measured = calendar.businessTime(from: start, to: due)
        #expect(abs(measured - amount) <= 1e-6 * max(1, amount), "\(calendar.weekly) \(start) + \(amount)")
      }
    }
  }

  @Test("measuring then adding lands at or before the end with no open time left", arguments: zones)
  func measureThenAdd(zone: String) throws {
    var random = SeededGenerator(seed: 0x3EA5 &+ UInt64(zone.utf8.count))
    for _ in 0..<10 {
      let calendar = try Self.randomCalendar(zone: zone, using: &random)
      for _ in 0..<200 {
        let times = [Self.randomInstant(zone: zone, using: &random), Self.randomInstant(zone: zone, using: &random)]
        let start = Date(timeIntervalSince1970: times.min()!)
        let end = Date(timeIntervalSince1970: times.max()!)
        let measured = calendar.businessTime(from: start, to: end)
        let due = try calendar.date(addingBusinessTime: measured, to: start)
        #expect(due <= end.addingTimeInterval(1e-6))
        #expect(abs(calendar.businessTime(from: due, to: end)) < 1e-6)
      }
    }
  }

  @Test("results are monotonic in the amount and in the end instant", arguments: zones)
  func monotonic(zone: String) throws {
    var random = SeededGenerator(seed: 0x0770 &+ UInt64(zone.utf8.count))
    for _ in 0..<10 {
      let calendar = try Self.randomCalendar(zone: zone, using: &random)
      for _ in 0..<200 {
        let start = Date(timeIntervalSince1970: Self.randomInstant(zone: zone, using: &random))
        let amounts = [Self.randomAmount(using: &random), Self.randomAmount(using: &random)].sorted()
        let first = try calendar.date(addingBusinessTime: amounts[0], to: start)
        let second = try calendar.date(addingBusinessTime: amounts[1], to: start)
        #expect(first <= second)
        let ends = [Self.randomInstant(zone: zone, using: &random), Self.randomInstant(zone: zone, using: &random)]
          .sorted().map { Date(timeIntervalSince1970: $0) }
        #expect(calendar.businessTime(from: start, to: ends[0]) <= calendar.businessTime(from: start, to: ends[1]))
      }
    }
  }

  @Test("business time is additive over adjacent ranges and antisymmetric", arguments: zones)
  func additive(zone: String) throws {
    var random = SeededGenerator(seed: 0xADD1 &+ UInt64(zone.utf8.count))
    for _ in 0..<10 {
      let calendar = try Self.randomCalendar(zone: zone, using: &random)
      for _ in 0..<200 {
        let times = (0..<3).map { _ in Date(timeIntervalSince1970: Self.randomInstant(zone: zone, using: &random)) }
        let whole = calendar.businessTime(from: times[0], to: times[2])
        let parts =
          calendar.businessTime(from: times[0], to: times[1]) + calendar.businessTime(from: times[1], to: times[2])
        #expect(abs(whole - parts) < 1e-6)
        #expect(calendar.businessTime(from: times[2], to: times[0]) == -whole)
      }
    }
  }
}
