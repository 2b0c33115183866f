import Foundation
import SupportSLA

/// Parses an ISO 8601 instant with offset, e.g. `2026-11-20T16:00:00Z` or `2026-03-08T01:59:00-05:00`.
func instant(_ text: String) -> Date {
  let formatter = ISO8601DateFormatter()
  formatter.formatOptions = [.withInternetDateTime]
  guard let date = formatter.date(from: text) else { fatalError("bad test instant \(text)") }
  return date
}

/// A calendar from compact literals: `calendar("UTC", [.monday: [("09:00", "17:00")]])`.
func calendar(
  _ zone: String,
  _ table: [Weekday: [(String, String)]],
  holidays: [String] = []
) throws -> BusinessCalendar {
  var intervals: [Weekday: [OpeningInterval]] = [:]
  for (day, pairs) in table { intervals[day] = try pairs.map { try OpeningInterval($0.0, $0.1) } }
  return try BusinessCalendar(
    timeZone: TimeZone(identifier: zone)!,
    weekly: WeeklySchedule(intervals),
    holidays: try holidays.map { try Holiday($0) }
  )
}

/// The same intervals on every day of the week.
func everyDay(_ pairs: [(String, String)]) -> [Weekday: [(String, String)]] {
  Dictionary(uniqueKeysWithValues: Weekday.allCases.map { ($0, pairs) })
}

/// The same intervals Monday to Friday.
func workdays(_ pairs: [(String, String)]) -> [Weekday: [(String, String)]] {
  Dictionary(uniqueKeysWithValues: Weekday.workdays.map { ($0, pairs) })
}

let hour = 3600.0
