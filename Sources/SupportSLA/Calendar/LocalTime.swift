import Foundation

/// A wall-clock time of day, `00:00` … `24:00`, to the minute.
///
/// `24:00` means the end of the day and is accepted only as the end of an ``OpeningInterval``.
/// Encoded in JSON as the string `"HH:MM"` (two digits each).
public struct LocalTime: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  /// The hour, 0…24.
  public let hour: Int
  /// The minute, 0…59 (0 when ``hour`` is 24).
  public let minute: Int

  /// Creates a time of day.
  ///
  /// - Parameters:
  ///   - hour: 0…24.
  ///   - minute: 0…59; must be 0 when `hour` is 24.
  /// - Throws: ``SLAError`` with code ``SLAError/Code/invalidTime`` when out of range.
  public init(hour: Int, minute: Int = 0) throws {
    guard (0...23).contains(hour) && (0...59).contains(minute) || hour == 24 && minute == 0 else {
      throw SLAError.invalidTime("\(hour):\(minute)", field: "time")
    }
    self.hour = hour
    self.minute = minute
  }

  /// Parses `"HH:MM"`, e.g. `"09:00"`, `"17:30"`, `"24:00"`.
  ///
  /// - Parameters:
  ///   - text: The text to parse.
  ///   - field: The field name to report in an error.
  /// - Throws: ``SLAError`` with code ``SLAError/Code/invalidTime`` for anything else (`"9am"`, `"25:00"`).
  public init(parsing text: String, field: String = "time") throws {
    let bytes = Array(text.utf8)
    guard bytes.count == 5, bytes[2] == UInt8(ascii: ":"),
      let hour = twoDigits(bytes[0], bytes[1]), let minute = twoDigits(bytes[3], bytes[4])
    else { throw SLAError.invalidTime(text, field: field) }
    guard (0...23).contains(hour) && minute <= 59 || hour == 24 && minute == 0 else {
      throw SLAError.invalidTime(text, field: field, reason: "'\(text)' is out of range; use 00:00 to 24:00")
    }
    self.hour = hour
    self.minute = minute
  }

  /// Midnight at the start of the day.
  public static let midnight = LocalTime(validHour: 0, minute: 0)
  /// `24:00`, the end of the day.
  public static let endOfDay = LocalTime(validHour: 24, minute: 0)

  init(validHour hour: Int, minute: Int) {
    self.hour = hour
    self.minute = minute
  }

  /// Seconds since midnight, 0…86 400.
  public var secondsSinceMidnight: Int { hour * 3600 + minute * 60 }

  /// `"HH:MM"`.
  public var description: String {
    let hh = hour < 10 ? "0\(hour)" : "\(hour)"
    let mm = minute < 10 ? "0\(minute)" : "\(minute)"
    return "\(hh):\(mm)"
  }

  /// Whether `lhs` is earlier in the day than `rhs`.
  public static func < (lhs: LocalTime, rhs: LocalTime) -> Bool {
    lhs.secondsSinceMidnight < rhs.secondsSinceMidnight
  }

  /// Decodes `"HH:MM"`.
  ///
  /// - Parameter decoder: The decoder.
  /// - Throws: ``SLAError`` naming the field when the text is not a valid time.
  public init(from decoder: any Decoder) throws {
    let text = try withFieldErrors(at: decoder.codingPath) {
      try decoder.singleValueContainer().decode(String.self)
    }
    try self.init(parsing: text, field: fieldPath(decoder.codingPath))
  }

  /// Encodes `"HH:MM"`.
  ///
  /// - Parameter encoder: The encoder.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}

private func twoDigits(_ first: UInt8, _ second: UInt8) -> Int? {
  let zero = UInt8(ascii: "0")
  let nine = UInt8(ascii: "9")
  guard (zero...nine).contains(first), (zero...nine).contains(second) else { return nil }
  return Int(first - zero) * 10 + Int(second - zero)
}
