import Foundation
import SupportSLA

// RFC 3339 instants, parsed and written by hand: Foundation's ISO8601DateFormatter costs tens of microseconds a
// call, which dominates a run over a large export.

/// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`.
///
/// - Parameter text: The text to parse.
/// - Returns: The instant, or `nil` when the text is not such an instant.
func parseInstant(_ text: String) -> Date? {
  let bytes = Array(text.utf8)
  guard bytes.count >= 20, bytes[4] == ascii("-"), bytes[7] == ascii("-"),
    bytes[10] == ascii("T") || bytes[10] == ascii("t"), bytes[13] == ascii(":"), bytes[16] == ascii(":"),
    let year = digits(bytes, 0, 4), let month = digits(bytes, 5, 2), let day = digits(bytes, 8, 2),
    let hour = digits(bytes, 11, 2), let minute = digits(bytes, 14, 2), let second = digits(bytes, 17, 2),
    hour <= 23, minute <= 59, second <= 59,
    let date = try? CivilDate(year: year, month: month, day: day)
  else { return nil }
  var index = 19
  var fraction = 0.0
  if bytes[index] == ascii(".") {
    index += 1
    var scale = 0.1
    let fractionStart = index
    while index < bytes.count, let digit = digitValue(bytes[index]) {
      fraction += Double(digit) * scale
      scale /= 10
      index += 1
    }
    guard index > fractionStart, index - fractionStart <= 9 else { return nil }
  }
  guard index < bytes.count else { return nil }
  var offset = 0
  switch bytes[index] {
  case ascii("Z"), ascii("z"):
    index += 1
  case ascii("+"), ascii("-"):
    guard bytes.count - index == 6, bytes[index + 3] == ascii(":"),
      let offsetHours = digits(bytes, index + 1, 2), let offsetMinutes = digits(bytes, index + 4, 2),
      offsetHours <= 23, offsetMinutes <= 59
    else { return nil }
    offset = (offsetHours * 3600 + offsetMinutes * 60) * (bytes[index] == ascii("-") ? -1 : 1)
    index += 6
  default:
    return nil
  }
  guard index == bytes.count else { return nil }
  let wall = date.dayNumber * 86_400 + hour * 3600 + minute * 60 + second
  return Date(timeIntervalSince1970: Double(wall - offset) + fraction)
}

/// Writes an instant in UTC with `Z`, adding milliseconds only when it has a fraction of a second.
///
/// - Parameter date: The instant.
/// - Returns: e.g. `2026-11-20T22:00:00Z` or `2026-11-22T04:00:00.250Z`; `nil` outside the years 0001…9999,
///   which RFC 3339 cannot write.
func formatInstant(_ date: Date) -> String? {
  let seconds = date.timeIntervalSince1970
  // The milliseconds are rounded below, so the last half millisecond of 9999 would round into year 10000.
  guard seconds.isFinite, seconds >= -62_135_596_800, seconds < 253_402_300_799.9995 else { return nil }
  let millis = Int64((seconds * 1000).rounded())
  let wholeSeconds = millis >= 0 ? millis / 1000 : (millis - 999) / 1000
  let milliseconds = Int(millis - wholeSeconds * 1000)
  let days = Int(wholeSeconds >= 0 ? wholeSeconds / 86_400 : (wholeSeconds - 86_399) / 86_400)
  let secondOfDay = Int(wholeSeconds - Int64(days) * 86_400)
  let (year, month, day) = civilDate(daysSinceEpoch: days)
  var text =
    "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(secondOfDay / 3600, 2)):"
    + "\(pad(secondOfDay / 60 % 60, 2)):\(pad(secondOfDay % 60, 2))"
  if milliseconds != 0 { text += ".\(pad(milliseconds, 3))" }
  return text + "Z"
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (eras of 400 years starting on 1 March).
private func civilDate(daysSinceEpoch: Int) -> (year: Int, month: Int, day: Int) {
  let shifted = daysSinceEpoch + 719_468
  let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
  let dayOfEra = shifted - era * 146_097
  let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
  let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
  let monthFromMarch = (5 * dayOfYear + 2) / 153
  let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
  let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
  return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
}

private func ascii(_ character: Unicode.Scalar) -> UInt8 { UInt8(character.value) }

private func digitValue(_ byte: UInt8) -> Int? {
  byte >= ascii("0") && byte <= ascii("9") ? Int(byte - ascii("0")) : nil
}

private func digits(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
  var value = 0
  for index in start..<(start + count) {
    guard let digit = digitValue(bytes[index]) else { return nil }
    value = value * 10 + digit
  }
  return value
}

private func pad(_ value: Int, _ width: Int) -> String {
  let text = String(value)
  return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
}
