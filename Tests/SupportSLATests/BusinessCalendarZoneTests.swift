import Foundation
import SupportSLA
import Testing

/// Day boundaries cross-checked with Foundation's own `Calendar.dateInterval(of: .day, for:)` over two centuries,
/// including zones whose clocks changed at midnight.
@Suite("Business calendar and the zone database")
struct BusinessCalendarZoneTests {
  @Test(
    "a 00:00–24:00 day starts and lasts as Foundation's calendar day does",
    arguments: [
      "America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Kuala_Lumpur", "Asia/Vientiane",
      "America/Sao_Paulo", "America/Havana", "Pacific/Chatham",
    ])
  func dayBoundariesMatchFoundation(zone: String) throws {
    let timeZone = TimeZone(identifier: zone)!
    var gregorian = Calendar(identifier: .gregorian)
    gregorian.timeZone = timeZone
    var random = SeededGenerator(seed: 0xDA7 &+ UInt64(zone.utf8.count))
    // A far-away holiday keeps the all-day calendar off the always-open shortcut.
    let farHoliday = try Holiday("1800-01-01")
    var calendars: [Weekday: BusinessCalendar] = [:]
    for day in Weekday.allCases {
      calendars[day] = try BusinessCalendar(
        timeZone: timeZone,
        weekly: WeeklySchedule([day: [try OpeningInterval("00:00", "24:00")]]),
        holidays: [farHoliday])
    }
    // 1950-01-01 … 2150-01-01.
    for _ in 0..<400 {
      let moment = Date(timeIntervalSince1970: Double.random(in: -631_152_000..<5_680_281_600, using: &random))
      let interval = try #require(gregorian.dateInterval(of: .day, for: moment))
      let parts = gregorian.dateComponents([.year, .month, .day], from: interval.start)
      let date = try CivilDate(year: parts.year!, month: parts.month!, day: parts.day!)
      let calendar = calendars[date.weekday]!
      let context = Comment(rawValue: "\(zone) \(date)")
      #expect(calendar.nextOpening(after: interval.start.addingTimeInterval(-3 * 86_400)) == interval.start, context)
      let measured = calendar.businessTime(
        from: interval.start.addingTimeInterval(-2 * 86_400), to: interval.end.addingTimeInterval(2 * 86_400))
      #expect(measured == interval.duration, context)
    }
  }

  @Test("extreme and non-finite instants and amounts never trap")
  func extremeInputs() throws {
    let office = try calendar("America/New_York", workdays([("09:00", "17:00")]), holidays: ["2026-12-25"])
    let instants = [
      Date.distantPast, Date.distantFuture, Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: -1e15),
      Date(timeIntervalSince1970: 1e15), Date(timeIntervalSince1970: .infinity), Date(timeIntervalSince1970: .nan),
    ]
    for start in instants {
      _ = office.isOpen(at: start)
      _ = office.nextOpening(after: start)
      for end in instants { _ = office.businessTime(from: start, to: end) }
      for amount in [0, 1, 1e9, 1e300] { _ = try office.date(addingBusinessTime: amount, to: start) }
      #expect(throws: SLAError.self) { try office.date(addingBusinessTime: .infinity, to: start) }
    }
    // Far outside the zone table the edge offset continues: still 40 h a week.
    let start = instant("2400-01-03T05:00:00Z")  // a Monday, 00:00 at -05:00
    #expect(office.businessTime(from: start, to: start.addingTimeInterval(7 * 86_400)) == 40 * hour)
  }
}
