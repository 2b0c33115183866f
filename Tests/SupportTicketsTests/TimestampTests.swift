import Foundation
import Testing

@testable import SupportTickets

@Suite("Timestamps")
struct TimestampTests {
  @Test(
    "instants are written as UTC with milliseconds",
    arguments: [
      (0.0, "1970-01-01T00:00:00.000Z"), (1_795_428_000.5, "2026-11-23T10:00:00.500Z"),
      (951_782_400, "2000-02-29T00:00:00.000Z"), (-1, "1969-12-31T23:59:59.000Z"),
      (253_402_300_799.999, "9999-12-31T23:59:59.999Z"),
    ])
  func format(seconds: Double, expected: String) {
    #expect(Timestamp.format(Date(timeIntervalSince1970: seconds)) == expected)
  }

  @Test(
    "instants are read with or without a fraction and with any offset",
    arguments: [
      ("2026-11-23T10:00:00Z", 1_795_428_000.0), ("2026-11-23T10:00:00.5Z", 1_795_428_000.5),
      ("2026-11-23T10:00:00.123456Z", 1_795_428_000.123), ("2026-11-23t10:00:00z", 1_795_428_000),
      ("2026-11-23T17:00:00+07:00", 1_795_428_000), ("2026-11-23T04:30:00-05:30", 1_795_428_000),
      ("2026-11-24T00:00:00+14:00", 1_795_428_000), ("2026-11-23T10:00:00.000+00:00", 1_795_428_000),
      ("2024-02-29T12:00:00Z", 1_709_208_000),
    ])
  func parse(text: String, seconds: Double) {
    #expect(Timestamp.parse(text) == Date(timeIntervalSince1970: seconds))
  }

  @Test(
    "invalid dates and times are refused",
    arguments: [
      "2026-02-30T10:00:00Z", "2025-02-29T10:00:00Z", "1900-02-29T00:00:00Z", "2026-04-31T00:00:00Z",
      "2026-11-23T25:00:00Z", "2026-11-23T24:00:00Z", "2026-11-23T10:60:00Z", "2026-11-23T10:00:60Z",
      "2026-13-01T10:00:00Z", "2026-00-10T10:00:00Z", "2026-11-00T10:00:00Z", "2026-11-23T10:00:00",
      "2026-11-23 10:00:00Z", "2026-11-23T10:00:00+7:00", "2026-11-23T10:00:00+07:60", "2026-11-23T10:00:00.Z",
      "2026-11-23T10:00:00.1234567890Z", "2026-11-23T10:00:00Z ", "", "not a date", "2026-11-23",
      "２０２６-11-23T10:00:00Z", "2026-11-23T10:00:00+24:00",
    ])
  func invalid(text: String) {
    #expect(Timestamp.parse(text) == nil)
  }

  @Test("format and parse are inverse over random instants (millisecond precision)")
  func roundTrip() {
    var generator = SeededGenerator(seed: 8601)
    for _ in 0..<5_000 {
      let milliseconds = Int64.random(in: -62_135_596_800_000...253_402_300_799_999, using: &generator)
      let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
      let text = Timestamp.format(date)
      #expect(Timestamp.parse(text) == date, "\(text)")
      #expect(Timestamp.milliseconds(date) == milliseconds)
    }
  }

  @Test("the civil-date conversion agrees with Foundation's Gregorian calendar")
  func civilAgreesWithCalendar() throws {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
    var generator = SeededGenerator(seed: 1582)
    for _ in 0..<2_000 {
      let days = Int64.random(in: -100_000...100_000, using: &generator)
      let date = Date(timeIntervalSince1970: Double(days) * 86_400)
      let parts = calendar.dateComponents([.year, .month, .day], from: date)
      let civil = Timestamp.civil(fromDays: days)
      #expect(Int(civil.year) == parts.year && Int(civil.month) == parts.month && Int(civil.day) == parts.day)
      #expect(Timestamp.days(fromCivil: civil.year, month: civil.month, day: civil.day) == days)
    }
  }

  @Test("event instants are kept to the millisecond")
  func eventPrecision() {
    let event = TicketEvent(
      id: "e", instant: Date(timeIntervalSince1970: 1.0006), author: .system, kind: .automatedMessage(body: "x"))
    #expect(event.instant == Date(timeIntervalSince1970: 1.001))
  }
}
