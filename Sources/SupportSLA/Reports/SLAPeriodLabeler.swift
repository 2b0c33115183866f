import Foundation

/// Labels instants with their report period (`2026-W48`, `2026-11`), asking the calendar once per period.
///
/// Calendar arithmetic costs microseconds per call, and a report labels every cycle and every ticket; the periods
/// a report spans are few. The labeler keeps each period's interval (from the calendar, so time zones and DST are
/// exactly the calendar's) sorted by start and finds an instant's period by binary search.
///
/// Each distinct label gets a small number (``number(for:)``) in the order labels are first seen, so a report
/// can group by period in arrays instead of hashing label strings.
struct SLAPeriodLabeler {
  private let period: SLAReportPeriod
  private let calendar: Calendar
  /// Known periods, sorted by start, non-overlapping, with their label's number.
  private var intervals: [(start: Date, end: Date, number: Int)] = []
  /// Every label seen, by number.
  private(set) var labels: [String] = []
  private var numbers: [String: Int] = [:]

  init(period: SLAReportPeriod, timeZone: TimeZone) {
    self.period = period
    var calendar = Calendar(identifier: .iso8601)
    calendar.timeZone = timeZone
    self.calendar = calendar
  }

  /// The label of the period that contains `instant`.
  /// - Complexity: O(log *p*) for *p* periods seen so far; one calendar computation for a new period.
  mutating func label(for instant: Date) -> String {
    labels[number(for: instant)]
  }

  /// The number of the label of the period that contains `instant` (an index into ``labels``): equal numbers,
  /// equal labels.
  /// - Complexity: O(log *p*) for *p* periods seen so far; one calendar computation for a new period.
  mutating func number(for instant: Date) -> Int {
    var low = 0
    var high = intervals.count
    while low < high {
      let middle = (low + high) / 2
      if intervals[middle].end <= instant { low = middle + 1 } else { high = middle }
    }
    if low < intervals.count, intervals[low].start <= instant { return intervals[low].number }
    let label = SLAComplianceReport.label(for: instant, period: period, calendar: calendar)
    let number: Int
    if let known = numbers[label] {
      number = known
    } else {
      number = labels.count
      labels.append(label)
      numbers[label] = number
    }
    let component: Calendar.Component = period == .week ? .weekOfYear : .month
    // Cache only a well-formed interval that contains the instant; otherwise just answer.
    if let interval = calendar.dateInterval(of: component, for: instant), interval.start <= instant,
      instant < interval.end
    {
      intervals.insert((interval.start, interval.end, number), at: low)
    }
    return number
  }
}
