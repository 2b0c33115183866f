import Foundation

/// A day on the proleptic Gregorian calendar (no time, no time zone), as billing systems write it: `2024-03-31`.
///
/// Stored as a day number (days since 1970-01-01) so comparisons and differences are integer arithmetic;
/// conversions use Howard Hinnant's civil-date algorithms, never `Calendar`. Encodes as `"YYYY-MM-DD"`.
public struct CalendarDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  /// Days since 1970-01-01 (negative before it).
  public var dayNumber: Int

  /// Creates a date from its day number.
  /// - Parameter dayNumber: Days since 1970-01-01.
  public init(dayNumber: Int) { self.dayNumber = dayNumber }

  /// Creates a date from year, month and day.
  /// - Parameters:
  ///   - year: The year (1...9999).
  ///   - month: The month (1...12).
  ///   - day: The day of the month (1...days in that month).
  /// - Throws: ``RetentionError/Code-swift.struct/invalidValue`` when the date does not exist.
  public init(year: Int, month: Int, day: Int) throws(RetentionError) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...CalendarMonth.daysIn(year: year, month: month)).contains(day)
    else {
      throw .invalidValue("\(year)-\(month)-\(day)", expected: "an existing date")
    }
    dayNumber = CalendarDate.days(year: year, month: month, day: day)
  }

  /// Parses `YYYY-MM-DD`.
  /// - Parameter text: The date text.
  /// - Throws: ``RetentionError/Code-swift.struct/invalidValue`` when the text is not an existing date.
  public init(parsing text: String) throws(RetentionError) {
    let bytes = Array(text.utf8)
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for index in range {
        let byte = bytes[index]
        guard byte >= 48 && byte <= 57 else { return nil }
        value = value * 10 + Int(byte - 48)
      }
      return value
    }
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
      let year = number(0..<4), let month = number(5..<7), let day = number(8..<10)
    else { throw .invalidValue(text, expected: "a date YYYY-MM-DD") }
    do { try self.init(year: year, month: month, day: day) } catch {
      throw .invalidValue(text, expected: "an existing date YYYY-MM-DD")
    }
  }

  /// The UTC day containing an instant.
  /// - Parameter date: An instant.
  public init(_ date: Date) {
    dayNumber = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
  }

  /// Midnight UTC at the start of this day.
  public var date: Date { Date(timeIntervalSince1970: Double(dayNumber) * 86_400) }

  /// The year, month and day.
  public var components: (year: Int, month: Int, day: Int) { CalendarDate.civil(dayNumber) }

  /// The month containing this date.
  public var month: CalendarMonth {
    let parts = components
    return CalendarMonth(index: parts.year * 12 + parts.month - 1)
  }

  /// This date plus a number of calendar months, clamped to the end of the target month
  /// (2024-01-31 plus one month is 2024-02-29).
  /// - Parameter months: How many months to add (may be negative).
  /// - Returns: The shifted date.
  public func addingMonths(_ months: Int) -> CalendarDate {
    let parts = components
    let target = CalendarMonth(index: parts.year * 12 + parts.month - 1 + months)
    let day = min(parts.day, target.numberOfDays)
    return CalendarDate(dayNumber: CalendarDate.days(year: target.year, month: target.month, day: day))
  }

  /// `YYYY-MM-DD`.
  public var description: String {
    let parts = components
    return "\(pad(parts.year, 4))-\(pad(parts.month, 2))-\(pad(parts.day, 2))"
  }

  /// Orders dates chronologically.
  /// - Parameters:
  ///   - lhs: A date.
  ///   - rhs: Another date.
  /// - Returns: Whether `lhs` is earlier.
  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.dayNumber < rhs.dayNumber }

  /// Decodes `"YYYY-MM-DD"`.
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: `DecodingError.dataCorrupted` for text that is not an existing date.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    do { try self.init(parsing: text) } catch {
      throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
    }
  }

  /// Encodes `"YYYY-MM-DD"`.
  /// - Parameter encoder: The encoder to write to.
  /// - Throws: Whatever the encoder throws.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }

  /// Days since 1970-01-01 of a civil date (Hinnant's `days_from_civil`).
  static func days(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The civil date of a day number (Hinnant's `civil_from_days`).
  static func civil(_ dayNumber: Int) -> (year: Int, month: Int, day: Int) {
    let z = dayNumber + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }
}

/// A calendar month such as 2024-03, counted as `year × 12 + month − 1` so month arithmetic is integer
/// arithmetic. Encodes as `"YYYY-MM"`.
public struct CalendarMonth: Hashable, Comparable, Strideable, Sendable, Codable, CustomStringConvertible {
  /// `year × 12 + (month − 1)`.
  public var index: Int

  /// Creates a month from its index.
  /// - Parameter index: `year × 12 + (month − 1)`.
  public init(index: Int) { self.index = index }

  /// Creates a month.
  /// - Parameters:
  ///   - year: The year.
  ///   - month: The month, 1...12.
  /// - Throws: ``RetentionError/Code-swift.struct/invalidValue`` when the month is out of range.
  public init(year: Int, month: Int) throws(RetentionError) {
    guard (1...9999).contains(year), (1...12).contains(month) else {
      throw .invalidValue("\(year)-\(month)", expected: "a month YYYY-MM")
    }
    index = year * 12 + month - 1
  }

  /// Parses `YYYY-MM`.
  /// - Parameter text: The month text.
  /// - Throws: ``RetentionError/Code-swift.struct/invalidValue`` for anything else.
  public init(parsing text: String) throws(RetentionError) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
      parts.allSatisfy({ $0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }),
      let year = Int(parts[0]), let month = Int(parts[1])
    else { throw .invalidValue(text, expected: "a month YYYY-MM") }
    try self.init(year: year, month: month)
  }

  /// The year.
  public var year: Int { index >= 0 ? index / 12 : (index - 11) / 12 }
  /// The month, 1...12.
  public var month: Int { index - year * 12 + 1 }
  /// The first day of the month.
  public var firstDay: CalendarDate { CalendarDate(dayNumber: CalendarDate.days(year: year, month: month, day: 1)) }
  /// The last day of the month: the day on which month-end snapshots are taken.
  public var lastDay: CalendarDate {
    CalendarDate(dayNumber: CalendarDate.days(year: year, month: month, day: numberOfDays))
  }
  /// How many days the month has.
  public var numberOfDays: Int { CalendarMonth.daysIn(year: year, month: month) }

  /// `YYYY-MM`.
  public var description: String { "\(pad(year, 4))-\(pad(month, 2))" }

  /// Orders months chronologically.
  /// - Parameters:
  ///   - lhs: A month.
  ///   - rhs: Another month.
  /// - Returns: Whether `lhs` is earlier.
  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.index < rhs.index }

  /// The number of months from this one to another.
  /// - Parameter other: Another month.
  /// - Returns: `other.index − index`.
  public func distance(to other: CalendarMonth) -> Int { other.index - index }

  /// The month a number of months away.
  /// - Parameter n: Months to add.
  /// - Returns: The shifted month.
  public func advanced(by n: Int) -> CalendarMonth { CalendarMonth(index: index + n) }

  /// Decodes `"YYYY-MM"`.
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: `DecodingError.dataCorrupted` for anything else.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    do { try self.init(parsing: text) } catch {
      throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
    }
  }

  /// Encodes `"YYYY-MM"`.
  /// - Parameter encoder: The encoder to write to.
  /// - Throws: Whatever the encoder throws.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }

  static func daysIn(year: Int, month: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }
}

private func pad(_ value: Int, _ width: Int) -> String {
  let text = String(value)
  return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
}
