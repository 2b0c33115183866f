import Foundation

/// When a support team is at work: an IANA time zone, a weekly schedule and holidays — or always open.
///
/// A calendar answers four questions SLA targets need: is it open now (``isOpen(at:)``), when does it next open
/// (``nextOpening(after:)``), how much business time lies between two instants (``businessTime(from:to:)``) and
/// when will a given amount of business time have passed (``date(addingBusinessTime:to:)``).
///
/// Wall-clock rules are evaluated in ``timeZone``. On the days the clocks change, an interval opens the first
/// time the wall clock reaches (or jumps past) its opening time and closes the first time it reaches its closing
/// time, so it lasts what it really lasts that day: `00:00–24:00` is 23 or 25 hours in New York; a boundary inside
/// the spring-forward gap is the transition instant; an ambiguous time means its first occurrence.
///
/// ```swift
/// let calendar = try BusinessCalendar(
///   timeZone: TimeZone(identifier: "Europe/London")!,
///   weekly: WeeklySchedule(days: Weekday.workdays, intervals: [try OpeningInterval("09:00", "17:00")]),
///   holidays: [try Holiday("2026-12-25", name: "Christmas Day")])
/// let due = try calendar.date(addingBusinessTime: 4 * 3600, to: openedAt)
/// ```
///
/// The calendar precomputes a week template of open intervals and the zone's UTC-offset transitions, so its
/// arithmetic jumps whole weeks and touches only the holidays and clock changes inside the range.
/// Equality compares the time zone identifier, the schedule as written and the holidays.
public struct BusinessCalendar: Sendable, Hashable {
  /// The zone in which opening hours and holidays are read.
  public let timeZone: TimeZone
  /// The weekly opening hours as written (``WeeklySchedule/allDay`` for an always-open calendar).
  public let weekly: WeeklySchedule
  /// The closed days, sorted by date (empty for an always-open calendar).
  public let holidays: [Holiday]
  /// The zone name to encode: as decoded (Foundation reports `UTC` as `GMT`), else the zone's identifier.
  private(set) var zoneName: String
  let engine: CalendarEngine

  /// Open every second of every day, in UTC. Holidays do not apply.
  public static let alwaysOpen = BusinessCalendar.alwaysOpen(timeZone: TimeZone(secondsFromGMT: 0)!).named("UTC")

  /// Open every second of every day; the zone only matters for display and encoding.
  ///
  /// - Parameter timeZone: The calendar's zone.
  /// - Returns: A 24/7 calendar: every second counts and holidays do not apply.
  public static func alwaysOpen(timeZone: TimeZone) -> BusinessCalendar {
    BusinessCalendar(
      timeZone: timeZone, weekly: .allDay, holidays: [],
      engine: CalendarEngine(template: WeekTemplate(.allDay), holidays: [], timeZone: timeZone))
  }

  /// Creates a calendar from weekly opening hours and holidays.
  ///
  /// A schedule that is open every second of the week with no holidays is ``isAlwaysOpen``.
  ///
  /// - Parameters:
  ///   - timeZone: The zone in which opening hours and holidays are read.
  ///   - weekly: The opening hours of each weekday; overlapping intervals are merged into their union.
  ///   - holidays: Days on which the calendar is closed.
  /// - Throws: ``SLAError`` with code ``SLAError/Code/emptySchedule`` when `weekly` has no interval.
  /// - Complexity: O(*i* log *i* + *h* log *h*) for *i* intervals and *h* holidays, plus a one-time scan of the
  ///   zone's offset transitions per process.
  public init(timeZone: TimeZone, weekly: WeeklySchedule, holidays: [Holiday] = []) throws {
    guard !weekly.isEmpty else { throw SLAError.emptySchedule() }
    let sortedHolidays = holidays.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }
      .map(\.element)
    self.init(
      timeZone: timeZone, weekly: weekly, holidays: sortedHolidays,
      engine: CalendarEngine(
        template: WeekTemplate(weekly), holidays: sortedHolidays.map(\.date.dayNumber), timeZone: timeZone))
  }

  private init(timeZone: TimeZone, weekly: WeeklySchedule, holidays: [Holiday], engine: CalendarEngine) {
    self.timeZone = timeZone
    self.weekly = weekly
    self.holidays = holidays
    self.zoneName = timeZone.identifier
    self.engine = engine
  }

  /// The same calendar, encoded with `name` as its zone (a spelling of the same zone, e.g. `UTC` for `GMT`).
  func named(_ name: String) -> BusinessCalendar {
    var copy = self
    copy.zoneName = name
    return copy
  }

  /// Whether every second counts: the schedule covers the whole week and there are no holidays.
  public var isAlwaysOpen: Bool { engine.isAlwaysOpen }

  /// Whether two calendars have the same zone, schedule as written and holidays.
  public static func == (lhs: BusinessCalendar, rhs: BusinessCalendar) -> Bool {
    lhs.timeZone.identifier == rhs.timeZone.identifier && lhs.weekly == rhs.weekly && lhs.holidays == rhs.holidays
  }

  /// Hashes the zone identifier, schedule and holidays.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(timeZone.identifier)
    hasher.combine(weekly)
    hasher.combine(holidays)
  }
}
