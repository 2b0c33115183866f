import Foundation
import SupportSLA
import Testing

/// Clock changes: an interval opens the first time the wall clock reaches (or jumps past) its opening time and
/// closes the first time it reaches its closing time. Expected instants are worked out by hand from the zones'
/// published rules.
@Suite("Business calendar across clock changes")
struct BusinessCalendarDSTTests {
  struct DayLength: Sendable, CustomTestStringConvertible {
    var zone: String
    var day: String
    var next: String
    var hours: Double
    var testDescription: String { "\(zone) \(day): \(hours) h" }
  }

  @Test(
    "a 00:00–24:00 day lasts what it really lasts",
    arguments: [
      DayLength(zone: "America/New_York", day: "2026-03-08", next: "2026-03-09", hours: 23),
      DayLength(zone: "America/New_York", day: "2026-11-01", next: "2026-11-02", hours: 25),
      DayLength(zone: "America/New_York", day: "2026-11-02", next: "2026-11-03", hours: 24),
      DayLength(zone: "Europe/London", day: "2026-03-29", next: "2026-03-30", hours: 23),
      DayLength(zone: "Europe/London", day: "2026-10-25", next: "2026-10-26", hours: 25),
      DayLength(zone: "Australia/Lord_Howe", day: "2026-04-05", next: "2026-04-06", hours: 24.5),
      DayLength(zone: "Australia/Lord_Howe", day: "2026-10-04", next: "2026-10-05", hours: 23.5),
      DayLength(zone: "Asia/Kuala_Lumpur", day: "2026-03-08", next: "2026-03-09", hours: 24),
      DayLength(zone: "Asia/Vientiane", day: "2026-11-01", next: "2026-11-02", hours: 24),
    ])
  func wholeDayLength(_ case: DayLength) throws {
    // Only that weekday is open, so a generous window around it measures exactly that day.
    let date = try CivilDate(parsing: `case`.day)
    let oneDay = try calendar(`case`.zone, [date.weekday: [("00:00", "24:00")]])
    let around = instant("\(`case`.day)T00:00:00Z")
    let measured = oneDay.businessTime(
      from: around.addingTimeInterval(-2 * 86_400), to: around.addingTimeInterval(3 * 86_400))
    #expect(measured == `case`.hours * hour)
  }

  @Test("a 22:00–06:00 shift lasts 7 h on the spring-forward night and 9 h on the fall-back night in New York")
  func overnightShiftAcrossChanges() throws {
    let saturdayNights = try calendar("America/New_York", [.saturday: [("22:00", "06:00")]])
    // Saturday 2026-03-07 22:00 EST (03:00Z) → Sunday 06:00 EDT (10:00Z).
    #expect(
      saturdayNights.businessTime(from: instant("2026-03-07T00:00:00Z"), to: instant("2026-03-09T00:00:00Z"))
        == 7 * hour)
    #expect(saturdayNights.nextOpening(after: instant("2026-03-07T12:00:00Z")) == instant("2026-03-08T03:00:00Z"))
    #expect(!saturdayNights.isOpen(at: instant("2026-03-08T10:00:00Z")))
    // Saturday 2026-10-31 22:00 EDT (02:00Z) → Sunday 06:00 EST (11:00Z).
    #expect(
      saturdayNights.businessTime(from: instant("2026-10-31T00:00:00Z"), to: instant("2026-11-02T00:00:00Z"))
        == 9 * hour)
    #expect(
      try saturdayNights.date(addingBusinessTime: 9 * hour, to: instant("2026-10-31T12:00:00Z"))
        == instant("2026-11-01T11:00:00Z"))
  }

  @Test("a boundary inside the spring-forward gap is the transition instant")
  func gapBoundaryIsTransition() throws {
    // New York 2026-03-08: 02:00 EST (07:00Z) jumps to 03:00 EDT. 02:30 never happens.
    let sunday = try calendar("America/New_York", [.sunday: [("02:30", "05:00")]])
    #expect(!sunday.isOpen(at: instant("2026-03-08T06:59:59Z")))
    #expect(sunday.isOpen(at: instant("2026-03-08T07:00:00Z")))
    #expect(sunday.nextOpening(after: instant("2026-03-08T05:00:00Z")) == instant("2026-03-08T07:00:00Z"))
    // 03:00 EDT → 05:00 EDT is two hours.
    #expect(sunday.businessTime(from: instant("2026-03-08T00:00:00Z"), to: instant("2026-03-09T00:00:00Z")) == 2 * hour)
    // A closing time in the gap also takes effect at the transition: 01:00–02:30 lasts one hour.
    let early = try calendar("America/New_York", [.sunday: [("01:00", "02:30")]])
    #expect(early.businessTime(from: instant("2026-03-08T00:00:00Z"), to: instant("2026-03-09T00:00:00Z")) == hour)
    // An interval entirely inside the gap does not open that day.
    let inGap = try calendar("America/New_York", [.sunday: [("02:10", "02:50")]])
    #expect(inGap.businessTime(from: instant("2026-03-08T00:00:00Z"), to: instant("2026-03-09T00:00:00Z")) == 0)
    #expect(inGap.nextOpening(after: instant("2026-03-08T00:00:00Z")) == instant("2026-03-15T06:10:00Z"))
  }

  @Test("an ambiguous local time takes its first occurrence")
  func ambiguousTimeIsFirstOccurrence() throws {
    // New York 2026-11-01: 02:00 EDT (06:00Z) falls back to 01:00 EST; 01:30 happens at 05:30Z and 06:30Z.
    let late = try calendar("America/New_York", [.sunday: [("01:30", "03:00")]])
    #expect(late.nextOpening(after: instant("2026-11-01T00:00:00Z")) == instant("2026-11-01T05:30:00Z"))
    // Opens at the first 01:30 and stays open through the repeated hour until 03:00 EST (08:00Z): 2.5 h.
    #expect(late.isOpen(at: instant("2026-11-01T06:15:00Z")))
    #expect(late.businessTime(from: instant("2026-11-01T00:00:00Z"), to: instant("2026-11-02T00:00:00Z")) == 2.5 * hour)
    // Closing at 01:30 also means the first occurrence; the repeated 01:00–01:30 stays closed.
    let night = try calendar("America/New_York", [.sunday: [("00:00", "01:30")]])
    #expect(!night.isOpen(at: instant("2026-11-01T06:10:00Z")))
    #expect(
      night.businessTime(from: instant("2026-11-01T00:00:00Z"), to: instant("2026-11-02T00:00:00Z")) == 1.5 * hour)
  }

  @Test("Lord Howe's 30-minute shift moves boundaries by half an hour")
  func lordHoweHalfHour() throws {
    // 2026-10-04 02:00 +10:30 (2026-10-03T15:30Z) jumps to 02:30 +11. A 01:00–04:00 interval lasts 2.5 h.
    let sunday = try calendar("Australia/Lord_Howe", [.sunday: [("01:00", "04:00")]])
    #expect(
      sunday.businessTime(from: instant("2026-10-03T00:00:00Z"), to: instant("2026-10-05T00:00:00Z")) == 2.5 * hour)
    // 2026-04-05 02:00 +11 (2026-04-04T15:00Z) falls back to 01:30 +10:30: the same interval lasts 3.5 h.
    #expect(
      sunday.businessTime(from: instant("2026-04-04T00:00:00Z"), to: instant("2026-04-06T00:00:00Z")) == 3.5 * hour)
    // 01:00 +11 is 2026-04-04T14:00Z; 3.5 h later, 04:00 +10:30, is 17:30Z.
    #expect(
      try sunday.date(addingBusinessTime: 3.5 * hour, to: instant("2026-04-04T12:00:00Z"))
        == instant("2026-04-04T17:30:00Z"))
  }

  @Test("zones without daylight saving keep fixed offsets", arguments: ["Asia/Kuala_Lumpur", "Asia/Vientiane"])
  func zonesWithoutDST(zone: String) throws {
    let office = try calendar(zone, workdays([("09:00", "17:00")]))
    let offset = zone == "Asia/Kuala_Lumpur" ? 8.0 : 7.0
    // Monday 2026-11-16 09:00 local.
    let opening = instant("2026-11-16T09:00:00Z").addingTimeInterval(-offset * hour)
    #expect(office.nextOpening(after: instant("2026-11-15T12:00:00Z")) == opening)
    // A whole year is 52 weeks of 40 h plus one or two extra days.
    let start = instant("2026-01-01T00:00:00Z")
    let end = instant("2027-01-01T00:00:00Z")
    // 2026 has 261 weekdays (365 days starting on a Thursday: 52 weeks + Thursday).
    let measured = office.businessTime(
      from: start.addingTimeInterval(-offset * hour), to: end.addingTimeInterval(-offset * hour))
    #expect(measured == 261 * 8 * hour)
  }
}
