import Foundation

/// One stretch of opening hours on a weekday, in wall-clock time: `["09:00", "17:00"]`.
///
/// An interval whose ``end`` is at or before its ``start`` is an overnight shift: it runs past midnight into the
/// next day (`["22:00", "06:00"]`; `["09:00", "09:00"]` lasts 24 hours). `24:00` is allowed as an end, never as a
/// start. Encoded in JSON as a two-element array of `"HH:MM"` strings.
public struct OpeningInterval: Sendable, Hashable, Codable, CustomStringConvertible {
  /// When the interval opens (wall clock).
  public let start: LocalTime
  /// When the interval closes (wall clock); at or before ``start`` means the next day.
  public let end: LocalTime

  /// Creates an interval.
  ///
  /// - Parameters:
  ///   - start: Opening time, `00:00` … `23:59`.
  ///   - end: Closing time, `00:00` … `24:00`; at or before `start` runs into the next day.
  /// - Throws: ``SLAError`` with code ``SLAError/Code/invalidTime`` when `start` is `24:00`.
  public init(start: LocalTime, end: LocalTime) throws {
    guard start.hour < 24 else {
      throw SLAError.invalidTime(
        start.description, field: "start", reason: "24:00 can only end an interval, not start one")
    }
    self.start = start
    self.end = end
  }

  /// Parses `"HH:MM"` bounds: `try OpeningInterval("09:00", "17:00")`.
  ///
  /// - Parameters:
  ///   - start: Opening time text.
  ///   - end: Closing time text.
  /// - Throws: ``SLAError`` with code ``SLAError/Code/invalidTime`` for malformed times or a `24:00` start.
  public init(_ start: String, _ end: String) throws {
    try self.init(start: LocalTime(parsing: start, field: "start"), end: LocalTime(parsing: end, field: "end"))
  }

  /// Whether the interval runs past midnight into the next day.
  public var isOvernight: Bool { end <= start }

  /// The wall-clock length in seconds (on a day without a clock change).
  public var wallClockDuration: Int {
    let length = end.secondsSinceMidnight - start.secondsSinceMidnight
    return length > 0 ? length : length + 86_400
  }

  /// `"09:00–17:00"`.
  public var description: String { "\(start)–\(end)" }

  /// Decodes `["HH:MM", "HH:MM"]`.
  ///
  /// - Parameter decoder: The decoder.
  /// - Throws: ``SLAError`` naming the field when it is not a two-element array of valid times.
  public init(from decoder: any Decoder) throws {
    let path = decoder.codingPath
    let (start, end) = try withFieldErrors(at: path) {
      var container = try decoder.unkeyedContainer()
      if let count = container.count, count != 2 {
        throw SLAError.invalidCalendar(
          field: fieldPath(path), message: "an interval is [\"HH:MM\", \"HH:MM\"], got \(count) elements")
      }
      let start = try container.decode(LocalTime.self)
      let end = try container.decode(LocalTime.self)
      return (start, end)
    }
    guard start.hour < 24 else {
      throw SLAError.invalidTime(
        start.description, field: fieldPath(path) + "[0]", reason: "24:00 can only end an interval, not start one")
    }
    self.start = start
    self.end = end
  }

  /// Encodes `["HH:MM", "HH:MM"]`.
  ///
  /// - Parameter encoder: The encoder.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.unkeyedContainer()
    try container.encode(start)
    try container.encode(end)
  }
}
