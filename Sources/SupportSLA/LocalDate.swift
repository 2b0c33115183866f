import Foundation

/// A calendar date without a time or zone, `YYYY-MM-DD` (proleptic Gregorian calendar).
public struct LocalDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  /// The year, 1…9999.
  public let year: Int
  /// The month, 1…12.
  public let month: Int
  /// The day of the month, 1…31 (valid for the month and year).
  public let day: Int

  /// Creates a date.
  ///
  /// - Parameters:
  ///   - year: 1…9999.
  ///   - month: 1…12.
  ///   - day: 1…the number of days in that month.
  /// - Throws: ``SLAError`` with code ``SLAError/Code/invalidDate`` for a date that does not exist.
  public init(year: Int, month: Int, day: Int) throws {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...daysInMonth(year: year, month: month)).contains(day)
    else { throw SLAError.invalidDate("\(year)-\(month)-\(day)", field: "date") }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses `"YYYY-MM-DD"`.
  ///
  /// - Parameters:
  ///   - text: The text to parse.
  ///   - field: The field name to report in an error.
  /// - Throws: ``SLAError`` with code ``SLAError/Code/invalidDate`` for anything else.
  public init(parsing text: String, field: String = "date") throws {
    let bytes = Array(text.utf8)
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
      let year = decimal(bytes[0..<4]), let month = decimal(bytes[5..<7]), let day = decimal(bytes[8..<10]),
      (1...9999).contains(year), (1...12).contains(month), (1...daysInMonth(year: year, month: month)).contains(day)
    else { throw SLAError.invalidDate(text, field: field) }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Days since 1970-01-01 (negative before).
  public var daysSinceEpoch: Int {
    // Days-from-civil: count in 400-year eras starting on 1 March, so leap days fall at the end of a year.
    let shiftedYear = month <= 2 ? year - 1 : year
    let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
    let yearOfEra = shiftedYear - era * 400
    let monthFromMarch = (month + 9) % 12
    let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The day of the week.
  public var weekday: Weekday {
    // 1970-01-01 was a Thursday (index 3 counting from Monday).
    let index = ((daysSinceEpoch + 3) % 7 + 7) % 7
    return Weekday.allCases[index]
  }

  /// `"YYYY-MM-DD"`.
  public var description: String {
    func pad(_ value: Int, _ width: Int) -> String {
      let digits = String(value)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }

  /// Whether `lhs` is an earlier date than `rhs`.
  public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  /// Decodes `"YYYY-MM-DD"`.
  ///
  /// - Parameter decoder: The decoder.
  /// - Throws: ``SLAError`` naming the field for a malformed or impossible date.
  public init(from decoder: any Decoder) throws {
    let text = try withFieldErrors(at: decoder.codingPath) {
      try decoder.singleValueContainer().decode(String.self)
    }
    try self.init(parsing: text, field: fieldPath(decoder.codingPath))
  }

  /// Encodes `"YYYY-MM-DD"`.
  ///
  /// - Parameter encoder: The encoder.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}

private func daysInMonth(year: Int, month: Int) -> Int {
  switch month {
  case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
  case 4, 6, 9, 11: return 30
  default: return 31
  }
}

private func decimal(_ bytes: ArraySlice<UInt8>) -> Int? {
  var value = 0
  for byte in bytes {
    guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
    value = value * 10 + Int(byte - UInt8(ascii: "0"))
  }
  return value
}
