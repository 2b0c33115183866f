import Foundation

/// A calendar month such as 2026-03, counted as `year × 12 + month − 1` so month arithmetic is integer
/// arithmetic. Encodes as `"YYYY-MM"`.
public struct CivilMonth: Hashable, Comparable, Strideable, Sendable, Codable, CustomStringConvertible {
  /// `year × 12 + (month − 1)`.
  public var index: Int

  /// Creates a month from its index.
  /// - Parameter index: `year × 12 + (month − 1)`.
  public init(index: Int) { self.index = index }

  /// Creates a month.
  /// - Parameters:
  ///   - year: The year, 1…9999.
  ///   - month: The month, 1…12.
  /// - Throws: ``SupportCoreError`` with code ``SupportCoreError/Code/invalidDate`` when out of range.
  public init(year: Int, month: Int) throws(SupportCoreError) {
    guard (1...9999).contains(year), (1...12).contains(month) else {
      throw .invalidDate("\(year)-\(month)", expected: "a month YYYY-MM in years 1…9999")
    }
    index = year * 12 + month - 1
  }

  /// Parses `YYYY-MM`.
  /// - Parameter text: The month text.
  /// - Throws: ``SupportCoreError`` with code ``SupportCoreError/Code/invalidDate`` for anything else.
  public init(parsing text: String) throws(SupportCoreError) {
    let bytes = text.utf8
    guard bytes.count == 7, let year = CivilCalendar.digits(bytes, from: 0, count: 4),
      bytes[bytes.index(bytes.startIndex, offsetBy: 4)] == UInt8(ascii: "-"),
      let month = CivilCalendar.digits(bytes, from: 5, count: 2)
    else { throw .invalidDate(text, expected: "a month YYYY-MM in years 1…9999") }
    do { try self.init(year: year, month: month) } catch {
      throw .invalidDate(text, expected: "a month YYYY-MM in years 1…9999")
    }
  }

  /// The year.
  public var year: Int { index >= 0 ? index / 12 : (index - 11) / 12 }
  /// The month, 1…12.
  public var month: Int { index - year * 12 + 1 }
  /// The first day of the month.
  public var firstDay: CivilDate { CivilDate(dayNumber: CivilCalendar.days(year: year, month: month, day: 1)) }
  /// The last day of the month.
  public var lastDay: CivilDate {
    CivilDate(dayNumber: CivilCalendar.days(year: year, month: month, day: numberOfDays))
  }
  /// How many days the month has.
  public var numberOfDays: Int { CivilCalendar.daysInMonth(year: year, month: month) }

  /// `YYYY-MM`.
  public var description: String { CivilCalendar.padded(year, 4) + "-" + CivilCalendar.padded(month, 2) }

  /// Orders months chronologically.
  /// - Parameters:
  ///   - lhs: A month.
  ///   - rhs: Another month.
  /// - Returns: Whether `lhs` is earlier.
  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.index < rhs.index }

  /// The number of months from this one to another.
  /// - Parameter other: Another month.
  /// - Returns: `other.index − index`.
  public func distance(to other: CivilMonth) -> Int { other.index - index }

  /// The month a number of months away.
  /// - Parameter n: Months to add.
  /// - Returns: The shifted month.
  public func advanced(by n: Int) -> CivilMonth { CivilMonth(index: index + n) }

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
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}
