import CommandLineSupport
import Foundation
import SupportSLA

// RFC 3339 instants, parsed and written by hand, byte by byte: Foundation's ISO8601DateFormatter costs tens of
// microseconds a call, and even a `String` per instant shows on a run over a large export.

/// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`.
///
/// - Parameter text: The text to parse.
/// - Returns: The instant, or `nil` when the text is not such an instant.
func parseInstant(_ text: String) -> Date? {
  parseInstant(Array(text.utf8)[...])
}

/// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)` from bytes: a `T` or `t`, `Z` or `z`, 1 to 9 fraction
/// digits (kept whole, not rounded), an offset up to ±23:59, a date in the years 0001–9999.
///
/// - Parameter text: The instant's bytes (such as a JSON string's content).
/// - Returns: The instant, or `nil` when the bytes are not such an instant.
func parseInstant(_ text: ArraySlice<UInt8>) -> Date? {
  let bytes = InstantBytes(text)
  guard bytes.count >= 20, bytes[4] == ascii("-"), bytes[7] == ascii("-"),
    bytes[10] == ascii("T") || bytes[10] == ascii("t"), bytes[13] == ascii(":"), bytes[16] == ascii(":"),
    let year = bytes.digits(0, 4), let month = bytes.digits(5, 2), let day = bytes.digits(8, 2),
    let hour = bytes.digits(11, 2), let minute = bytes.digits(14, 2), let second = bytes.digits(17, 2),
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
      let offsetHours = bytes.digits(index + 1, 2), let offsetMinutes = bytes.digits(index + 4, 2),
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
  var text = JSONLineBytes(capacity: 24)
  guard appendInstant(date, to: &text) else { return nil }
  return String(decoding: text.bytes, as: UTF8.self)
}

/// Appends what ``formatInstant(_:)`` writes, byte by byte.
///
/// - Parameters:
///   - date: The instant.
///   - output: Where to append it.
/// - Returns: `false`, appending nothing, outside the years 0001…9999.
func appendInstant(_ date: Date, to output: inout JSONLineBytes) -> Bool {
  let seconds = date.timeIntervalSince1970
  // The milliseconds are rounded below, so the last half millisecond of 9999 would round into year 10000.
  guard seconds.isFinite, seconds >= -62_135_596_800, seconds < 253_402_300_799.9995 else { return false }
  let millis = Int64((seconds * 1000).rounded())
  let wholeSeconds = millis >= 0 ? millis / 1000 : (millis - 999) / 1000
  let milliseconds = Int(millis - wholeSeconds * 1000)
  let days = Int(wholeSeconds >= 0 ? wholeSeconds / 86_400 : (wholeSeconds - 86_399) / 86_400)
  let secondOfDay = Int(wholeSeconds - Int64(days) * 86_400)
  let (year, month, day) = CivilCalendar.civil(fromDays: days)
  output.append(atMost: 24) { text in
    text.append(digitsOf: year, width: 4)
    text.append(byte: ascii("-"))
    text.append(digitsOf: month, width: 2)
    text.append(byte: ascii("-"))
    text.append(digitsOf: day, width: 2)
    text.append(byte: ascii("T"))
    text.append(digitsOf: secondOfDay / 3600, width: 2)
    text.append(byte: ascii(":"))
    text.append(digitsOf: secondOfDay / 60 % 60, width: 2)
    text.append(byte: ascii(":"))
    text.append(digitsOf: secondOfDay % 60, width: 2)
    if milliseconds != 0 {
      text.append(byte: ascii("."))
      text.append(digitsOf: milliseconds, width: 3)
    }
    text.append(byte: ascii("Z"))
  }
  return true
}

/// The bytes of an instant's text, indexed from 0 whatever the slice's own indices.
private struct InstantBytes {
  let text: ArraySlice<UInt8>

  init(_ text: ArraySlice<UInt8>) { self.text = text }

  var count: Int { text.count }

  subscript(offset: Int) -> UInt8 { text[text.startIndex + offset] }

  /// `count` decimal digits from `start` as a number, or `nil` when one is not a digit.
  func digits(_ start: Int, _ count: Int) -> Int? {
    var value = 0
    for offset in start..<(start + count) {
      guard let digit = digitValue(self[offset]) else { return nil }
      value = value * 10 + digit
    }
    return value
  }
}

private func ascii(_ character: Unicode.Scalar) -> UInt8 { UInt8(character.value) }

private func digitValue(_ byte: UInt8) -> Int? {
  byte >= ascii("0") && byte <= ascii("9") ? Int(byte - ascii("0")) : nil
}
