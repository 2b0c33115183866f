import Foundation

/// Labels instants with their report period (`2026-W48`, `2026-11`), asking the calendar once per period.
///
/// Calendar arithmetic costs microseconds per call, and a report labels every cycle and every ticket; the periods
/// a report spans are few. The labeler keeps each period's interval (from the calendar, so time zones and DST are
/// exactly the calendar's) sorted by start and finds an instant's period by binary search.
struct SLAPeriodLabeler {
  private let period: SLAReportPeriod
  private let calendar: Calendar
  /// Known periods, sorted by start, non-overlapping.
  private var intervals: [(start: Date, end: Date, label: String)] = []

  init(period: SLAReportPeriod, timeZone: TimeZone) {
    self.period = period
    var calendar = Calendar(identifier: .iso8601)
    calendar.timeZone = timeZone
    self.calendar = calendar
  }

  /// The label of the period that contains `instant`.
  /// - Complexity: O(log *p*) for *p* periods seen so far; one calendar computation for a new period.
  mutating func label(for instant: Date) -> String {
    var low = 0
    var high = intervals.count
    while low < high {
      let middle = (low + high) / 2
      if intervals[middle].end <= instant { low = middle + 1 } else { high = middle }
    }
    if low < intervals.count, intervals[low].start <= instant { return intervals[low].label }
    let label = SLAComplianceReport.label(for: instant, period: period, calendar: calendar)
    let component: Calendar.Component = period == .week ? .weekOfYear : .month
    // Cache only a well-formed interval that contains the instant; otherwise just answer.
    if let interval = calendar.dateInterval(of: component, for: instant), interval.start <= instant,
      instant < interval.end
    {
      intervals.insert((interval.start, interval.end, label), at: low)
    }
    return label
  }
}
