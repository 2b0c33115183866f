import Foundation

/// A day on the proleptic Gregorian calendar, with no time and no time zone, as billing systems and holiday
/// lists write it: `2026-03-31`.
///
/// Stored as a day number (days since 1970-01-01), so comparison, differences and adding days are integer
/// arithmetic; conversions use one integer algorithm, never `Calendar`. Dates read from text or built from
/// parts lie in years 1…9999. Encodes as `"YYYY-MM-DD"`.
public struct CivilDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  /// Days since 1970-01-01 (negative before it).
  public var dayNumber: Int

  /// Creates a date from its day number.
  /// - Parameter dayNumber: Days since 1970-01-01.
  public init(dayNumber: Int) { self.dayNumber = dayNumber }

  /// Creates a date from year, month and day.
  /// - Parameters:
  ///   - year: The year, 1…9999.
  ///   - month: The month, 1…12.
  ///   - day: The day of the month, 1…the number of days in that month.
  /// - Throws: ``SupportCoreError`` with code ``SupportCoreError/Code/invalidDate`` for a date that does not
  ///   exist.
  public init(year: Int, month: Int, day: Int) throws(SupportCoreError) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...CivilCalendar.daysInMonth(year: year, month: month)).contains(day)
    else { throw .invalidDate("\(year)-\(month)-\(day)") }
    dayNumber = CivilCalendar.days(year: year, month: month, day: day)
  }

  /// Parses `YYYY-MM-DD`.
  /// - Parameter text: The date text.
  /// - Throws: ``SupportCoreError`` with code ``SupportCoreError/Code/invalidDate`` for anything that is not
  ///   an existing date in years 1…9999.
  /// - Complexity: O(1).
  public init(parsing text: String) throws(SupportCoreError) {
    let bytes = text.utf8
    guard bytes.count == 10, let year = CivilCalendar.digits(bytes, from: 0, count: 4),
      bytes[bytes.index(bytes.startIndex, offsetBy: 4)] == UInt8(ascii: "-"),
      let month = CivilCalendar.digits(bytes, from: 5, count: 2),
      bytes[bytes.index(bytes.startIndex, offsetBy: 7)] == UInt8(ascii: "-"),
      let day = CivilCalendar.digits(bytes, from: 8, count: 2)
    else { throw .invalidDate(text) }
    do { try self.init(year: year, month: month, day: day) } catch { throw .invalidDate(text) }
  }

  /// The UTC day containing an instant.
  /// - Parameter date: An instant.
  public init(_ date: Date) {
    dayNumber = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
  }

  /// Midnight UTC at the start of this day.
  public var date: Date { Date(timeIntervalSince1970: Double(dayNumber) * 86_400) }

  /// The year, month and day.
  public var components: (year: Int, month: Int, day: Int) { CivilCalendar.civil(fromDays: dayNumber) }
  /// The year.
  public var year: Int { components.year }
  /// The month, 1…12.
  public var month: Int { components.month }
  /// The day of the month, 1…31.
  public var day: Int { components.day }

  /// The month containing this date.
  public var civilMonth: CivilMonth {
    let parts = components
    return CivilMonth(index: parts.year * 12 + parts.month - 1)
  }

  /// The day of the week.
  public var weekday: Weekday {
    // 1970-01-01 was a Thursday (index 3 counting from Monday).
    Weekday.allCases[((dayNumber + 3) % 7 + 7) % 7]
  }

  /// This date plus a number of days.
  /// - Parameter days: Days to add (may be negative).
  /// - Returns: The shifted date.
  public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

  /// This date plus a number of calendar months, clamped to the end of the target month
  /// (2024-01-31 plus one month is 2024-02-29).
  /// - Parameter months: How many months to add (may be negative).
  /// - Returns: The shifted date.
  public func addingMonths(_ months: Int) -> CivilDate {
    let parts = components
    let target = CivilMonth(index: parts.year * 12 + parts.month - 1 + months)
    let day = min(parts.day, target.numberOfDays)
    return CivilDate(dayNumber: CivilCalendar.days(year: target.year, month: target.month, day: day))
  }

  /// `YYYY-MM-DD`.
  public var description: String {
    let parts = components
    return CivilCalendar.padded(parts.year, 4) + "-" + CivilCalendar.padded(parts.month, 2) + "-"
      + CivilCalendar.padded(parts.day, 2)
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
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}
