import Foundation

/// The proleptic Gregorian calendar as integer arithmetic: the one civil-date algorithm of the kit
/// (H. Hinnant's `days_from_civil` / `civil_from_days`), used by ``CivilDate``, ``CivilMonth`` and the
/// RFC 3339 instant codec. Never `Calendar`, so results are the same on every platform and fast.
package enum CivilCalendar {
  /// Days since 1970-01-01 of a date (negative before it). Valid for any year that keeps the result in range.
  /// - Complexity: O(1).
  @inlinable
  package static func days(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The date of a day count since 1970-01-01.
  /// - Complexity: O(1).
  @inlinable
  package static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  /// Whether a year has 29 February.
  @inlinable
  package static func isLeapYear(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  /// The number of days in a month (1…12) of a year.
  @inlinable
  package static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2: return isLeapYear(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Day 1 of year 1 (0001-01-01) as a day number.
  package static let firstSupportedDay = -719_162
  /// Day 31 December 9999 as a day number.
  package static let lastSupportedDay = 2_932_896

  /// Reads exactly `count` ASCII digits starting at `start`, or `nil`.
  package static func digits(_ bytes: some Collection<UInt8>, from start: Int, count: Int) -> Int? {
    var value = 0
    var index = bytes.index(bytes.startIndex, offsetBy: start)
    for _ in 0..<count {
      guard index < bytes.endIndex else { return nil }
      let byte = bytes[index]
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      value = value * 10 + Int(byte - UInt8(ascii: "0"))
      index = bytes.index(after: index)
    }
    return value
  }

  /// `value` as decimal text padded with zeros to `width` digits (a minus sign before the zeros).
  package static func padded(_ value: Int, _ width: Int) -> String {
    let digits = String(value.magnitude)
    let sign = value < 0 ? "-" : ""
    return sign + String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}
