import Foundation

/// Opening hours for each day of the week, in wall-clock time.
///
/// Each weekday holds any number of ``OpeningInterval``s (several per day for lunch breaks; overnight shifts run
/// into the next day). Overlapping or touching intervals — also across days — count once: the calendar is open
/// on their union. Equality compares the schedule as written.
///
/// JSON: an object keyed by weekday name, each value an array of intervals; days left out are closed.
/// `{"monday":[["09:00","12:00"],["13:00","17:00"]],"saturday":[["10:00","14:00"]]}`
public struct WeeklySchedule: Sendable, Hashable, Codable {
  /// The intervals of each day, as written (days without intervals are absent).
  public let intervals: [Weekday: [OpeningInterval]]

  /// Creates a schedule from each day's intervals.
  ///
  /// - Parameter intervals: The intervals of each weekday; missing days are closed.
  public init(_ intervals: [Weekday: [OpeningInterval]]) {
    self.intervals = intervals.filter { !$0.value.isEmpty }
  }

  /// Creates a schedule with the same intervals on each of the given days.
  ///
  /// - Parameters:
  ///   - days: The open days, e.g. `Weekday.workdays`.
  ///   - intervals: The intervals of each of those days.
  public init(days: [Weekday], intervals: [OpeningInterval]) {
    var table: [Weekday: [OpeningInterval]] = [:]
    for day in days { table[day, default: []] += intervals }
    self.init(table)
  }

  /// Open every second of every day (`00:00–24:00` on all seven days).
  public static let allDay = WeeklySchedule(
    days: Weekday.allCases,
    intervals: [OpeningInterval(validStart: .midnight, end: .endOfDay)]
  )

  /// The intervals written for a day (empty when closed).
  ///
  /// - Parameter day: The weekday.
  public subscript(day: Weekday) -> [OpeningInterval] { intervals[day] ?? [] }

  /// Whether no day has any interval.
  public var isEmpty: Bool { intervals.isEmpty }

  /// Decodes `{"monday": [["09:00","17:00"]], …}`.
  ///
  /// - Parameter decoder: The decoder.
  /// - Throws: ``SLAError`` naming the field for an unknown weekday, a malformed interval or a wrong JSON type.
  public init(from decoder: any Decoder) throws {
    let path = decoder.codingPath
    let table = try withFieldErrors(at: path) {
      let container = try decoder.container(keyedBy: DayKey.self)
      var table: [Weekday: [OpeningInterval]] = [:]
      for key in container.allKeys {
        guard let day = Weekday(rawValue: key.stringValue) else {
          throw SLAError.invalidWeekday(key.stringValue, field: fieldPath(path, appending: key.stringValue))
        }
        table[day] = try container.decode([OpeningInterval].self, forKey: key)
      }
      return table
    }
    self.init(table)
  }

  /// Encodes `{"monday": [["09:00","17:00"]], …}` (closed days left out).
  ///
  /// - Parameter encoder: The encoder.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: DayKey.self)
    for day in Weekday.allCases {
      if let dayIntervals = intervals[day] {
        try container.encode(dayIntervals, forKey: DayKey(stringValue: day.rawValue))
      }
    }
  }
}

extension OpeningInterval {
  init(validStart start: LocalTime, end: LocalTime) {
    self = try! OpeningInterval(start: start, end: end)
  }
}

private struct DayKey: CodingKey {
  var stringValue: String
  var intValue: Int? { nil }
  init(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { nil }
}
