import Foundation

// JSON format (documented in the "Business calendars" article):
//   {"timeZone":"Europe/London","weekly":{"monday":[["09:00","17:00"]]},"holidays":["2026-12-25",
//    {"date":"2026-12-26","name":"Boxing Day"}]}
//   {"timeZone":"UTC","alwaysOpen":true}

extension BusinessCalendar: Codable {
  private enum CodingKeys: String, CodingKey {
    case timeZone
    case alwaysOpen
    case weekly
    case holidays
  }

  /// Decodes a calendar from its JSON form, validating every field.
  ///
  /// - Parameter decoder: The decoder.
  /// - Throws: ``SLAError`` naming the field: an unknown zone, a malformed time (`"25:00"`, `"9am"`), an unknown
  ///   weekday, a malformed date, an empty schedule that is not `alwaysOpen`, or conflicting fields.
  public init(from decoder: any Decoder) throws {
    let path = decoder.codingPath
    let container = try withFieldErrors(at: path) { try decoder.container(keyedBy: CodingKeys.self) }
    try rejectUnknownKeys(in: decoder, allowed: ["timeZone", "alwaysOpen", "weekly", "holidays"])
    let zoneName = try withFieldErrors(at: path) { try container.decode(String.self, forKey: .timeZone) }
    guard let timeZone = TimeZone(identifier: zoneName) else {
      throw SLAError.unknownTimeZone(zoneName, field: fieldPath(path, appending: "timeZone"))
    }
    let alwaysOpen = try withFieldErrors(at: path) {
      try container.decodeIfPresent(Bool.self, forKey: .alwaysOpen) ?? false
    }
    let weekly = try withFieldErrors(at: path) { try container.decodeIfPresent(WeeklySchedule.self, forKey: .weekly) }
    let holidays = try withFieldErrors(at: path) { try container.decodeIfPresent([Holiday].self, forKey: .holidays) }
    if alwaysOpen {
      if weekly != nil {
        throw SLAError.invalidCalendar(
          field: fieldPath(path, appending: "weekly"),
          message: "an alwaysOpen calendar has no weekly schedule; remove one of the two")
      }
      if let holidays, !holidays.isEmpty {
        throw SLAError.invalidCalendar(
          field: fieldPath(path, appending: "holidays"),
          message: "holidays do not apply to an alwaysOpen calendar; remove them or give a weekly schedule")
      }
      self = BusinessCalendar.alwaysOpen(timeZone: timeZone).named(zoneName)
      return
    }
    guard let weekly, !weekly.isEmpty else {
      throw SLAError.emptySchedule(field: fieldPath(path, appending: "weekly"))
    }
    self = try BusinessCalendar(timeZone: timeZone, weekly: weekly, holidays: holidays ?? []).named(zoneName)
  }

  /// Encodes the calendar in its JSON form: `alwaysOpen` for a 24/7 calendar built that way, otherwise the
  /// weekly schedule and (when there are any) the holidays.
  ///
  /// - Parameter encoder: The encoder.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(zoneName, forKey: .timeZone)
    if isAlwaysOpen && weekly == .allDay {
      try container.encode(true, forKey: .alwaysOpen)
      return
    }
    try container.encode(weekly, forKey: .weekly)
    if !holidays.isEmpty { try container.encode(holidays, forKey: .holidays) }
  }
}
