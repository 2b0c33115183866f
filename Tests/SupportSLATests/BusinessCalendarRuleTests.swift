import Foundation
import SupportSLA
import Testing

/// The semantic rules of the issue, one test each. Week used: Monday 2026-11-16 … Sunday 2026-11-22 (UTC).
@Suite("Business calendar rules")
struct BusinessCalendarRuleTests {
  let nineToFive = try! calendar("UTC", workdays([("09:00", "17:00")]))

  @Test("business time counts the open seconds in [from, to)")
  func countsOpenSecondsInHalfOpenRange() {
    // Monday 08:00 → Tuesday 10:00: Monday 09–17 (8 h) + Tuesday 09–10 (1 h).
    #expect(
      nineToFive.businessTime(from: instant("2026-11-16T08:00:00Z"), to: instant("2026-11-17T10:00:00Z")) == 9 * hour)
    // The closing instant itself is not open; the opening instant is.
    #expect(!nineToFive.isOpen(at: instant("2026-11-16T17:00:00Z")))
    #expect(nineToFive.isOpen(at: instant("2026-11-16T09:00:00Z")))
    #expect(nineToFive.businessTime(from: instant("2026-11-16T09:00:00Z"), to: instant("2026-11-16T09:00:01Z")) == 1)
    #expect(nineToFive.businessTime(from: instant("2026-11-16T17:00:00Z"), to: instant("2026-11-17T09:00:00Z")) == 0)
  }

  @Test("business time with to before from is the negative of the reversed range")
  func reversedRangeIsNegative() {
    let start = instant("2026-11-17T10:00:00Z")
    let end = instant("2026-11-16T08:00:00Z")
    #expect(nineToFive.businessTime(from: start, to: end) == -9 * hour)
  }

  @Test("adding zero returns the start unchanged, even outside hours")
  func addingZeroReturnsStart() throws {
    let saturday = instant("2026-11-21T03:17:42Z")
    #expect(try nineToFive.date(addingBusinessTime: 0, to: saturday) == saturday)
  }

  @Test("a deadline that lands exactly on the end of an open interval is that end instant")
  func deadlineOnIntervalEndIsThatEnd() throws {
    // Friday 16:00 + 1 h = Friday 17:00, not Monday's opening.
    #expect(
      try nineToFive.date(addingBusinessTime: hour, to: instant("2026-11-20T16:00:00Z"))
        == instant("2026-11-20T17:00:00Z"))
  }

  @Test("a start outside hours begins counting at the next opening")
  func startOutsideHoursWaitsForOpening() throws {
    // Friday 18:00 + 2 h = Monday 11:00.
    #expect(
      try nineToFive.date(addingBusinessTime: 2 * hour, to: instant("2026-11-20T18:00:00Z"))
        == instant("2026-11-23T11:00:00Z"))
    #expect(nineToFive.nextOpening(after: instant("2026-11-20T18:00:00Z")) == instant("2026-11-23T09:00:00Z"))
  }

  @Test("a negative amount throws invalidAmount")
  func negativeAmountThrows() {
    #expect {
      try nineToFive.date(addingBusinessTime: -1, to: instant("2026-11-20T16:00:00Z"))
    } throws: { error in
      (error as? SLAError)?.code == .invalidAmount
    }
    #expect(throws: SLAError.self) { try BusinessCalendar.alwaysOpen.date(addingBusinessTime: -0.5, to: Date()) }
    #expect(throws: SLAError.self) { try nineToFive.date(addingBusinessTime: .nan, to: Date()) }
  }

  @Test("next opening is the instant itself when the calendar is open")
  func nextOpeningWhenOpen() {
    let noon = instant("2026-11-18T12:00:00Z")
    #expect(nineToFive.nextOpening(after: noon) == noon)
  }

  @Test("several intervals a day leave the lunch break closed")
  func lunchBreakIsClosed() throws {
    let withLunch = try calendar("UTC", workdays([("09:00", "12:00"), ("13:00", "17:00")]))
    #expect(!withLunch.isOpen(at: instant("2026-11-18T12:30:00Z")))
    #expect(withLunch.nextOpening(after: instant("2026-11-18T12:30:00Z")) == instant("2026-11-18T13:00:00Z"))
    #expect(
      withLunch.businessTime(from: instant("2026-11-18T00:00:00Z"), to: instant("2026-11-19T00:00:00Z")) == 7 * hour)
    // 11:00 + 2 h skips the break: 11–12 then 13–14.
    #expect(
      try withLunch.date(addingBusinessTime: 2 * hour, to: instant("2026-11-18T11:00:00Z"))
        == instant("2026-11-18T14:00:00Z"))
  }

  @Test("an overnight shift runs past midnight into the next day")
  func overnightShiftRunsIntoNextDay() throws {
    let nights = try calendar("UTC", [.friday: [("22:00", "06:00")]])
    #expect(nights.isOpen(at: instant("2026-11-21T05:59:59Z")))  // Saturday morning, Friday's shift
    #expect(!nights.isOpen(at: instant("2026-11-21T06:00:00Z")))
    #expect(nights.businessTime(from: instant("2026-11-16T00:00:00Z"), to: instant("2026-11-23T00:00:00Z")) == 8 * hour)
    // A Sunday shift wraps into Monday of the next week.
    let sundayNights = try calendar("UTC", [.sunday: [("20:00", "04:00")]])
    #expect(sundayNights.isOpen(at: instant("2026-11-23T03:00:00Z")))
    #expect(
      sundayNights.businessTime(from: instant("2026-11-16T00:00:00Z"), to: instant("2026-11-30T00:00:00Z"))
        == 16 * hour)
  }

  @Test("an interval whose end equals its start lasts 24 hours")
  func equalEndsLastADay() throws {
    let wholeDay = try calendar("UTC", [.wednesday: [("09:00", "09:00")]])
    #expect(
      wholeDay.businessTime(from: instant("2026-11-16T00:00:00Z"), to: instant("2026-11-23T00:00:00Z")) == 24 * hour)
    #expect(wholeDay.isOpen(at: instant("2026-11-19T08:59:59Z")))
  }

  @Test("24:00 is allowed as an end")
  func endOfDayAsEnd() throws {
    let evenings = try calendar("UTC", [.monday: [("18:00", "24:00")]])
    #expect(evenings.isOpen(at: instant("2026-11-16T23:59:59Z")))
    #expect(!evenings.isOpen(at: instant("2026-11-17T00:00:00Z")))
    #expect(throws: SLAError.self) { try OpeningInterval("24:00", "06:00") }
  }

  @Test("overlapping intervals are merged into their union")
  func overlapsAreMerged() throws {
    // Follow-the-sun: 06–14 and 12–20 overlap for two hours; the union is 06–20, 14 h, not 16 h.
    let overlapping = try calendar("UTC", [.tuesday: [("06:00", "14:00"), ("12:00", "20:00"), ("07:00", "08:00")]])
    let day = (instant("2026-11-17T00:00:00Z"), instant("2026-11-18T00:00:00Z"))
    #expect(overlapping.businessTime(from: day.0, to: day.1) == 14 * hour)
    #expect(try overlapping.date(addingBusinessTime: 10 * hour, to: day.0) == instant("2026-11-17T16:00:00Z"))
    // Monday's overnight shift overlapping Tuesday's morning also counts once: 22:00 → 09:00 = 11 h.
    let acrossDays = try calendar("UTC", [.monday: [("22:00", "07:00")], .tuesday: [("05:00", "09:00")]])
    #expect(
      acrossDays.businessTime(from: instant("2026-11-16T00:00:00Z"), to: instant("2026-11-18T00:00:00Z")) == 11 * hour)
  }

  @Test("holidays close every second of their local date, whichever interval it belongs to")
  func holidaysCloseTheirLocalDate() throws {
    // Christmas 2026 is a Friday. The Thursday night shift stops at midnight; Friday's own shift is closed until
    // midnight, then its part on Saturday counts.
    let nights = try calendar("Europe/London", everyDay([("22:00", "06:00")]), holidays: ["2026-12-25"])
    #expect(nights.isOpen(at: instant("2026-12-24T23:59:59Z")))
    #expect(!nights.isOpen(at: instant("2026-12-25T00:00:00Z")))
    #expect(!nights.isOpen(at: instant("2026-12-25T23:00:00Z")))
    #expect(nights.isOpen(at: instant("2026-12-26T00:00:00Z")))
    #expect(nights.nextOpening(after: instant("2026-12-25T03:00:00Z")) == instant("2026-12-26T00:00:00Z"))
    // 24 Dec 00:00 → 27 Dec 00:00: 24th 00–06 and 22–24 (8 h), 25th nothing, 26th 00–06 and 22–24 (8 h).
    #expect(
      nights.businessTime(from: instant("2026-12-24T00:00:00Z"), to: instant("2026-12-27T00:00:00Z")) == 16 * hour)
  }

  @Test("consecutive holidays are skipped together")
  func consecutiveHolidays() throws {
    let office = try calendar("Europe/London", workdays([("09:00", "17:00")]), holidays: ["2026-12-25", "2026-12-28"])
    // Thursday 24 Dec 16:00 + 2 h: 1 h on Thursday, then Friday (holiday), weekend, Monday (holiday) → Tuesday 10:00.
    #expect(
      try office.date(addingBusinessTime: 2 * hour, to: instant("2026-12-24T16:00:00Z"))
        == instant("2026-12-29T10:00:00Z"))
  }

  @Test("a 24/7 calendar is never closed at midnight")
  func alwaysOpenNeverClosedAtMidnight() throws {
    for zone in ["UTC", "America/New_York", "Australia/Lord_Howe"] {
      let always = BusinessCalendar.alwaysOpen(timeZone: TimeZone(identifier: zone)!)
      #expect(always.isAlwaysOpen)
      for day in 0..<400 {
        let midnight = instant("2026-01-01T00:00:00Z").addingTimeInterval(Double(day) * 86_400)
        #expect(always.isOpen(at: midnight))
        #expect(always.isOpen(at: midnight.addingTimeInterval(-0.5)))
      }
    }
    let start = instant("2026-03-07T23:59:00Z")
    let end = instant("2026-03-09T00:01:00Z")
    #expect(BusinessCalendar.alwaysOpen.businessTime(from: start, to: end) == end.timeIntervalSince(start))
  }

  @Test("holidays do not apply to an always-open calendar, but an all-day schedule with holidays is not always open")
  func holidaysAndAlwaysOpen() throws {
    let allDay = try calendar("UTC", everyDay([("00:00", "24:00")]))
    #expect(allDay.isAlwaysOpen)
    #expect(allDay == BusinessCalendar.alwaysOpen)
    let allDayWithHoliday = try calendar("UTC", everyDay([("00:00", "24:00")]), holidays: ["2026-12-25"])
    #expect(!allDayWithHoliday.isAlwaysOpen)
    #expect(!allDayWithHoliday.isOpen(at: instant("2026-12-25T12:00:00Z")))
  }

  @Test("an empty schedule is rejected")
  func emptyScheduleIsRejected() {
    #expect {
      try BusinessCalendar(timeZone: TimeZone(identifier: "UTC")!, weekly: WeeklySchedule([:]))
    } throws: { error in
      (error as? SLAError)?.code == .emptySchedule
    }
  }

  @Test("long spans jump whole weeks: ten years of a 40-hour week")
  func longSpansCountWholeWeeks() throws {
    let start = instant("2026-11-16T00:00:00Z")  // a Monday
    let weeks = 521.0
    let end = start.addingTimeInterval(weeks * 7 * 86_400)
    #expect(nineToFive.businessTime(from: start, to: end) == weeks * 40 * hour)
    #expect(try nineToFive.date(addingBusinessTime: weeks * 40 * hour, to: start) == end.addingTimeInterval(-55 * hour))
  }
}
