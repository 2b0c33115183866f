import Foundation

/// A day on which a ``BusinessCalendar`` is closed, optionally named.
///
/// A holiday closes every second whose local date (in the calendar's time zone) is that day, whichever opening
/// interval the second belongs to: the part of an overnight shift that runs past midnight into a normal day stays
/// open. Holidays do not apply to an always-open calendar.
///
/// JSON: either the bare date `"2026-12-25"` or `{"date": "2026-12-26", "name": "Boxing Day"}`.
public struct Holiday: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The closed day.
  public let date: CivilDate
  /// A display name such as "Boxing Day", if any.
  public let name: String?

  /// Creates a holiday.
  ///
  /// - Parameters:
  ///   - date: The closed day.
  ///   - name: A display name, if any.
  public init(date: CivilDate, name: String? = nil) {
    self.date = date
    self.name = name
  }

  /// Creates a holiday from `"YYYY-MM-DD"`.
  ///
  /// - Parameters:
  ///   - text: The date, e.g. `"2026-12-25"`.
  ///   - name: A display name, if any.
  /// - Throws: ``SLAError`` with code ``SLAError/Code/invalidDate`` for a malformed date.
  public init(_ text: String, name: String? = nil) throws {
    self.init(date: try CivilDate(parsing: text), name: name)
  }

  /// `"2026-12-26 Boxing Day"` or `"2026-12-25"`.
  public var description: String { name.map { "\(date) \($0)" } ?? date.description }

  private enum CodingKeys: String, CodingKey {
    case date
    case name
  }

  /// Decodes `"YYYY-MM-DD"` or `{"date": "YYYY-MM-DD", "name": "…"}`.
  ///
  /// - Parameter decoder: The decoder.
  /// - Throws: ``SLAError`` naming the field for a malformed date or a wrong JSON type.
  public init(from decoder: any Decoder) throws {
    let path = decoder.codingPath
    if let text = try? decoder.singleValueContainer().decode(String.self) {
      self.init(date: try parseHolidayDate(text, field: fieldPath(path)))
      return
    }
    let container = try withFieldErrors(at: path) {
      guard let container = try? decoder.container(keyedBy: CodingKeys.self) else {
        throw SLAError.invalidCalendar(
          field: fieldPath(path), message: "a holiday is \"YYYY-MM-DD\" or {\"date\": \"YYYY-MM-DD\", \"name\": \"…\"}")
      }
      return container
    }
    try rejectUnknownKeys(in: decoder, allowed: ["date", "name"])
    let text = try withFieldErrors(at: path) { try container.decode(String.self, forKey: .date) }
    let date = try parseHolidayDate(text, field: fieldPath(path, appending: "date"))
    let name = try withFieldErrors(at: path) { try container.decodeIfPresent(String.self, forKey: .name) }
    self.init(date: date, name: name)
  }

  /// Encodes the bare date when unnamed, otherwise `{"date": …, "name": …}`.
  ///
  /// - Parameter encoder: The encoder.
  public func encode(to encoder: any Encoder) throws {
    if let name {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(date, forKey: .date)
      try container.encode(name, forKey: .name)
    } else {
      var container = encoder.singleValueContainer()
      try container.encode(date)
    }
  }
}

/// Reads a holiday's `YYYY-MM-DD`, reporting a bad date as an ``SLAError`` that names the field.
func parseHolidayDate(_ text: String, field: String) throws(SLAError) -> CivilDate {
  do { return try CivilDate(parsing: text) } catch { throw SLAError.invalidDate(text, field: field) }
}
