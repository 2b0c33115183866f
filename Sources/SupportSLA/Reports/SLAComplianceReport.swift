public import Foundation
public import SupportTickets

/// How a compliance report groups cycles in time.
public enum SLAReportPeriod: String, CaseIterable, Hashable, Sendable, Codable {
  /// ISO 8601 weeks (Monday to Sunday), labelled like `2026-W48`.
  case week
  /// Calendar months, labelled like `2026-11`.
  case month
}

/// How well SLA targets were kept — attainment, typical times and breaches, per target × priority × department ×
/// week or month — and, when built from tickets with ``make(_:evaluator:now:period:timeZone:)``, how well tickets
/// were resolved (reopen rate, first-contact resolution, answered on time but resolved late), attainment per agent
/// and per department, and the tickets open past the age guard's limit.
///
/// Each cycle counts once, in the period in which it was activated (read in the report's time zone):
/// - **measured** cycles are the achieved plus the breached ones; cycles still running or paused within their
///   goal are counted as **open** and left out of the attainment;
/// - **attainment** is achieved ÷ measured × 100;
/// - **median** and **p90** are taken over the business time of the *fulfilled* cycles (time to first response,
///   between updates, to resolution), by linear interpolation between closest ranks (the default of NumPy's
///   `percentile` and Excel's `PERCENTILE.INC`).
///
/// The ticket figures are described on ``ResolutionQuality``, ``AgentFigures``, ``DepartmentFigures`` and
/// ``OpenPastAgeLimit``.
///
/// ```swift
/// let report = SLAComplianceReport.make(subjects, evaluator: SLAEvaluator(), now: now, period: .month)
/// print(report)  // tables
/// report.openPastAgeLimit?.tickets.map(\.ticketID)   // open past 24 h, whatever their pauses
/// report.quality?.firstContactResolutionPercent
/// ```
public struct SLAComplianceReport: Hashable, Sendable, Codable, CustomStringConvertible {
  /// One group of cycles and how they fared.
  public struct Row: Hashable, Sendable, Codable {
    /// The target's metric.
    public var metric: SLAMetric
    /// The tickets' priority, or `nil` in a total over all priorities.
    public var priority: Priority?
    /// The tickets' department, or `nil` in a total over all departments.
    public var department: Department?
    /// The period label (`2026-W48`, `2026-11`), or `nil` in a total over all periods.
    public var period: String?
    /// Achieved plus breached cycles.
    public var measured: Int
    /// Cycles fulfilled in time.
    public var achieved: Int
    /// Cycles whose deadline passed unfulfilled.
    public var breached: Int
    /// Cycles still running or paused within their goal.
    public var open: Int
    /// `achieved ÷ measured × 100`, or `nil` when nothing was measured.
    public var attainmentPercent: Double?
    /// The median business time of the fulfilled cycles, in seconds.
    public var medianSeconds: TimeInterval?
    /// The 90th percentile of the business time of the fulfilled cycles, in seconds.
    public var p90Seconds: TimeInterval?
  }

  /// How cycles are grouped in time.
  public var period: SLAReportPeriod
  /// The zone whose calendar defines weeks and months.
  public var timeZoneIdentifier: String
  /// One row per metric × priority × department × period that has cycles, ordered by period, metric,
  /// priority (most urgent first) and department.
  public var rows: [Row]
  /// One row per metric over everything.
  public var totals: [Row]
  /// The resolution quality of every ticket; `nil` for a report built from statuses alone.
  public var quality: ResolutionQuality?
  /// The resolution quality per period, in period order; empty for a report built from statuses alone.
  public var qualityByPeriod: [PeriodQuality]
  /// Attainment and resolution quality per agent (assignee at resolution), by agent id with unassigned tickets
  /// last; empty for a report built from statuses alone.
  public var byAgent: [AgentFigures]
  /// Attainment and resolution quality per department, by name; empty for a report built from statuses alone.
  public var byDepartment: [DepartmentFigures]
  /// The tickets open past the age guard's limit at the report instant; `nil` when the policies have no age
  /// guard or the report was built from statuses alone.
  public var openPastAgeLimit: OpenPastAgeLimit?

  /// Builds a report from evaluated statuses: the rows and totals only (the ticket figures need the tickets; see
  /// ``make(_:evaluator:now:period:timeZone:)``).
  ///
  /// - Parameters:
  ///   - statuses: One status per ticket (from ``SLAEvaluator``).
  ///   - period: Weeks or months.
  ///   - timeZone: The zone whose calendar defines the periods; UTC by default.
  /// - Complexity: O(*c* log *c*) for *c* cycles.
  public init(statuses: [SLAStatus], period: SLAReportPeriod, timeZone: TimeZone = TimeZone(identifier: "UTC")!) {
    self.period = period
    self.timeZoneIdentifier = timeZone.identifier
    quality = nil
    qualityByPeriod = []
    byAgent = []
    byDepartment = []
    openPastAgeLimit = nil
    var grouping = SLARowGrouping(period: period, timeZone: timeZone)
    statuses.withUnsafeBufferPointer { statuses in
      for index in statuses.indices { grouping.add(statuses.baseAddress! + index) }
    }
    rows = grouping.rows
    totals = grouping.totals
  }

  /// Evaluates tickets and builds their report, with every ticket figure.
  ///
  /// Tickets opened after `now` are left out. Tickets no policy matches have no cycles in the rows, but still
  /// count in the resolution quality and the age guard's list.
  ///
  /// - Parameters:
  ///   - subjects: The tickets with their customers' segments.
  ///   - evaluator: The evaluator with the policies and their age guard.
  ///   - now: The evaluation instant.
  ///   - period: Weeks or months.
  ///   - timeZone: The zone whose calendar defines the periods; UTC by default.
  /// - Returns: The report.
  /// - Complexity: O(*n* · *e* + *c* log *c*) for *n* tickets of *e* events and *c* cycles.
  public static func make(
    _ subjects: [SLASubject], evaluator: SLAEvaluator, now: Date, period: SLAReportPeriod,
    timeZone: TimeZone = TimeZone(identifier: "UTC")!
  ) -> SLAComplianceReport {
    let statuses = evaluator.evaluate(subjects, now: now)
    var report = SLAComplianceReport(statuses: statuses.compactMap { $0 }, period: period, timeZone: timeZone)
    report.addTicketFigures(
      subjects: subjects, statuses: statuses, ageGuard: evaluator.policies.ageGuard, now: now, timeZone: timeZone)
    return report
  }

  /// The period label of an instant: `2026-W48` (ISO week-year and week) or `2026-11`.
  package static func label(for instant: Date, period: SLAReportPeriod, calendar: Calendar) -> String {
    switch period {
    case .week:
      let parts = calendar.dateComponents([.yearForWeekOfYear, .weekOfYear], from: instant)
      return String(format: "%04d-W%02d", parts.yearForWeekOfYear ?? 0, parts.weekOfYear ?? 0)
    case .month:
      let parts = calendar.dateComponents([.year, .month], from: instant)
      return String(format: "%04d-%02d", parts.year ?? 0, parts.month ?? 0)
    }
  }

  /// The `p`-quantile of sorted values by linear interpolation between closest ranks (R type 7).
  ///
  /// - Parameters:
  ///   - p: The quantile, 0…1.
  ///   - values: Values in ascending order.
  /// - Returns: The quantile, or `nil` for no values.
  static func percentile(_ p: Double, ofSorted values: [Double]) -> Double? {
    guard !values.isEmpty else { return nil }
    let position = p * Double(values.count - 1)
    let lower = Int(position.rounded(.down))
    let upper = min(lower + 1, values.count - 1)
    return values[lower] + (values[upper] - values[lower]) * (position - Double(lower))
  }
}
