import Foundation

/// ISO 8601 instants in UTC with millisecond precision, the one time format of this package's JSON.
///
/// Written as `2026-11-23T14:05:09.120Z`; read with or without the fraction (`…09Z`, `…09.1Z`,
/// `…09.123456Z`) and with a `Z` or numeric offset (`+07:00`). Fractions below a millisecond are rounded.
package enum Timestamp {
  /// The instant rounded to the nearest millisecond, the precision timelines keep.
  package static func millisecondPrecision(_ date: Date) -> Date {
    Date(timeIntervalSince1970: Double(milliseconds(date)) / 1000)
  }

  /// Milliseconds since 1970-01-01T00:00:00Z, rounded.
  package static func milliseconds(_ date: Date) -> Int64 {
    let value = (date.timeIntervalSince1970 * 1000).rounded()
    guard value.isFinite, value > -8.64e15, value < 8.64e15 else {
      return value < 0 ? -8_640_000_000_000_000 : 8_640_000_000_000_000
    }
    return Int64(value)
  }

  /// Formats an instant as `YYYY-MM-DDTHH:MM:SS.mmmZ`.
  package static func format(_ date: Date) -> String {
    let ms = milliseconds(date)
    let (days, msOfDay) = floorDivide(ms, 86_400_000)
    let (year, month, day) = civil(fromDays: days)
    let seconds = msOfDay / 1000
    var text = ""
    text.reserveCapacity(24)
    text += pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T"
    text += pad(seconds / 3600, 2) + ":" + pad(seconds / 60 % 60, 2) + ":" + pad(seconds % 60, 2)
    text += "." + pad(msOfDay % 1000, 3) + "Z"
    return text
  }

  /// Parses an ISO 8601 instant with a date, a time and an offset; `nil` when it is not one.
  package static func parse(_ text: String) -> Date? {
    let bytes = Array(text.utf8)
    guard bytes.count >= 20, bytes.count <= 40 else { return nil }
    func number(_ start: Int, _ count: Int) -> Int64? {
      guard start + count <= bytes.count else { return nil }
      var value: Int64 = 0
      for index in start..<(start + count) {
        let byte = bytes[index]
        guard byte >= 48, byte <= 57 else { return nil }
        value = value * 10 + Int64(byte - 48)
      }
      return value
    }
    guard let year = number(0, 4), bytes[4] == 45, let month = number(5, 2), bytes[7] == 45,
      let day = number(8, 2), bytes[10] == 84 || bytes[10] == 116, let hour = number(11, 2), bytes[13] == 58,
      let minute = number(14, 2), bytes[16] == 58, let second = number(17, 2)
    else { return nil }
    guard (1...12).contains(month), day >= 1, day <= daysInMonth(year: year, month: month), hour <= 23,
      minute <= 59, second <= 59
    else { return nil }
    var index = 19
    var fractionMs: Double = 0
    if index < bytes.count, bytes[index] == 46 {
      index += 1
      var scale = 100.0
      let start = index
      while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
        fractionMs += Double(bytes[index] - 48) * scale
        scale /= 10
        index += 1
      }
      guard index > start, index - start <= 9 else { return nil }
    }
    guard index < bytes.count else { return nil }
    var offsetSeconds: Int64 = 0
    if bytes[index] == 90 || bytes[index] == 122 {
      index += 1
    } else if bytes[index] == 43 || bytes[index] == 45 {
      let sign: Int64 = bytes[index] == 45 ? -1 : 1
      guard let offsetHour = number(index + 1, 2), index + 3 < bytes.count, bytes[index + 3] == 58,
        let offsetMinute = number(index + 4, 2), offsetHour <= 23, offsetMinute <= 59
      else { return nil }
      offsetSeconds = sign * (offsetHour * 3600 + offsetMinute * 60)
      index += 6
    } else {
      return nil
    }
    guard index == bytes.count else { return nil }
    let days = days(fromCivil: year, month: month, day: day)
    let wholeSeconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
    let ms = wholeSeconds * 1000 + Int64(fractionMs.rounded())
    return Date(timeIntervalSince1970: Double(ms) / 1000)
  }

  /// Days since 1970-01-01 of a proleptic Gregorian date.
  package static func days(fromCivil year: Int64, month: Int64, day: Int64) -> Int64 {
    Int64(CivilCalendar.days(year: Int(year), month: Int(month), day: Int(day)))
  }

  /// The proleptic Gregorian date of a day count since 1970-01-01.
  package static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
    let parts = CivilCalendar.civil(fromDays: Int(days))
    return (Int64(parts.year), Int64(parts.month), Int64(parts.day))
  }

  /// The number of days in a month of the proleptic Gregorian calendar.
  package static func daysInMonth(year: Int64, month: Int64) -> Int64 {
    Int64(CivilCalendar.daysInMonth(year: Int(year), month: Int(month)))
  }

  private static func floorDivide(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
    var quotient = value / divisor
    var remainder = value % divisor
    if remainder < 0 {
      quotient -= 1
      remainder += divisor
    }
    return (quotient, remainder)
  }

  private static func pad(_ value: Int64, _ width: Int) -> String {
    let digits = String(value.magnitude)
    let sign = value < 0 ? "-" : ""
    return sign + String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}
