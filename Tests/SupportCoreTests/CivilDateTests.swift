import Foundation
import SupportCore
import Testing

@Suite("CivilDate and CivilMonth: one civil-date algorithm")
struct CivilDateTests {
  @Test("day numbers agree with Foundation's Gregorian calendar across years 1 to 9999")
  func agreesWithFoundation() throws {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    var random = SplitMix64(seed: 3)
    for _ in 0..<2_000 {
      let year = 1583 + random.below(9999 - 1583)
      let month = 1 + random.below(12)
      let day = 1 + random.below(28)
      let date = try CivilDate(year: year, month: month, day: day)
      let foundation = calendar.date(from: DateComponents(year: year, month: month, day: day))!
      #expect(date.date == foundation)
      #expect(CivilDate(foundation) == date)
      #expect(date.components == (year, month, day))
    }
  }

  @Test(
    "impossible dates are refused with a typed error",
    arguments: ["2026-02-29", "2025-13-01", "2025-00-10", "0000-01-01", "2025-1-01", "20250101", "2025-04-31", ""])
  func refusesImpossible(_ text: String) {
    #expect(throws: SupportCoreError.self) { try CivilDate(parsing: text) }
  }

  @Test("leap days exist exactly in leap years", arguments: [(2024, true), (2000, true), (1900, false), (2026, false)])
  func leapDays(year: Int, isLeap: Bool) {
    #expect(((try? CivilDate(year: year, month: 2, day: 29)) != nil) == isLeap)
  }

  @Test("the weekday of 1970-01-01 is Thursday and of 2026-12-07 is Monday")
  func weekdays() throws {
    #expect(CivilDate(dayNumber: 0).weekday == .thursday)
    #expect(try CivilDate(parsing: "2026-12-07").weekday == .monday)
  }

  @Test("adding months clamps to the end of the target month")
  func addingMonths() throws {
    #expect(try CivilDate(parsing: "2024-01-31").addingMonths(1).description == "2024-02-29")
    #expect(try CivilDate(parsing: "2024-03-31").addingMonths(-1).description == "2024-02-29")
  }

  @Test("months parse, print and step as integers")
  func months() throws {
    let month = try CivilMonth(parsing: "2026-12")
    #expect(month.advanced(by: 1).description == "2027-01")
    #expect(month.firstDay.description == "2026-12-01" && month.lastDay.description == "2026-12-31")
    #expect(throws: SupportCoreError.self) { try CivilMonth(parsing: "2026-13") }
    #expect(throws: SupportCoreError.self) { try CivilMonth(parsing: "0000-01") }
  }

  @Test("dates round-trip through JSON as YYYY-MM-DD")
  func json() throws {
    let date = try CivilDate(parsing: "0001-01-01")
    let data = try JSONEncoder().encode([date])
    #expect(String(decoding: data, as: UTF8.self) == #"["0001-01-01"]"#)
    #expect(try JSONDecoder().decode([CivilDate].self, from: data) == [date])
  }
}
