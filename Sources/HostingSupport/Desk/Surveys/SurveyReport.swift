import Foundation
import RetentionMetrics
import SupportSLA

/// How customers answered the desk's surveys, per period: how many were asked, how many answered, and how many
/// answers were followed up.
///
/// A survey counts in the period it was **requested** in (weeks or months in the report's time zone), so the
/// response rate of a period is the share of that period's requests that were answered, whenever the answer came.
public struct SurveyReport: Hashable, Sendable, Codable {
  /// The figures of one survey kind in one period (or over all periods, with no ``period``).
  public struct Row: Hashable, Sendable, Codable {
    /// `2026-11` or `2026-W45`; `nil` in ``SurveyReport/totals``.
    public var period: String?
    /// CSAT or NPS.
    public var kind: SurveyKind
    /// Surveys requested.
    public var requested: Int
    /// Of those, answered.
    public var answered: Int
    /// Of the answers, those without a comment.
    public var ratingOnly: Int
    /// Of the answers, those that opened a follow-up ticket (low score or negative comment).
    public var followedUp: Int
    /// answered ÷ requested, in percent; `nil` when nothing was requested.
    public var responseRatePercent: Double?
    /// followedUp ÷ answered, in percent; `nil` without answers.
    public var followUpRatePercent: Double?
    /// The mean score of the answers.
    public var averageScore: Double?
    /// CSAT: the share of answers rating 4 or 5, in percent (the usual "CSAT score"); `nil` for NPS.
    public var satisfiedPercent: Double?
    /// NPS: % promoters (9–10) − % detractors (0–6), −100…100; `nil` for CSAT.
    public var netPromoterScore: Double?
  }

  /// Weeks or months.
  public var period: SLAReportPeriod
  /// The zone whose calendar defines the periods.
  public var timeZoneIdentifier: String
  /// One row per period and kind, oldest period first, CSAT before NPS.
  public var rows: [Row]
  /// One row per kind over every period.
  public var totals: [Row]

  /// Builds the report.
  /// - Parameters:
  ///   - surveys: The surveys requested.
  ///   - answers: Their answers, by survey.
  ///   - followedUp: The surveys whose answer opened a follow-up.
  ///   - period: Weeks or months.
  ///   - timeZone: The zone of the periods.
  init(
    surveys: [SatisfactionSurvey], answers: [SurveyID: SurveyAnswer], followedUp: Set<SurveyID>,
    period: SLAReportPeriod, timeZone: TimeZone
  ) {
    self.period = period
    self.timeZoneIdentifier = timeZone.identifier
    var calendar = Calendar(identifier: .iso8601)
    calendar.timeZone = timeZone
    struct Key: Hashable {
      var period: String?
      var kind: SurveyKind
    }
    var groups: [Key: [SatisfactionSurvey]] = [:]
    for survey in surveys {
      let label = SLAComplianceReport.label(for: survey.requestedAt, period: period, calendar: calendar)
      groups[Key(period: label, kind: survey.kind), default: []].append(survey)
      groups[Key(period: nil, kind: survey.kind), default: []].append(survey)
    }
    func row(_ key: Key, _ group: [SatisfactionSurvey]) -> Row {
      let given = group.compactMap { answers[$0.id] }
      let scores = given.map(\.score)
      let followUps = group.count { answers[$0.id] != nil && followedUp.contains($0.id) }
      func percent(_ part: Int, _ whole: Int) -> Double? { whole == 0 ? nil : Double(part) / Double(whole) * 100 }
      return Row(
        period: key.period, kind: key.kind, requested: group.count, answered: given.count,
        ratingOnly: given.count { $0.comment == nil }, followedUp: followUps,
        responseRatePercent: percent(given.count, group.count), followUpRatePercent: percent(followUps, given.count),
        averageScore: scores.isEmpty ? nil : Double(scores.reduce(0, +)) / Double(scores.count),
        satisfiedPercent: key.kind == .csat ? percent(scores.count { $0 >= 4 }, scores.count) : nil,
        netPromoterScore: key.kind == .nps
          ? percent(scores.count { $0 >= 9 } - scores.count { $0 <= 6 }, scores.count) : nil)
    }
    let all = groups.map { row($0.key, $0.value) }
    func order(_ lhs: Row, _ rhs: Row) -> Bool {
      if lhs.period != rhs.period { return (lhs.period ?? "") < (rhs.period ?? "") }
      return lhs.kind == .csat && rhs.kind != .csat
    }
    rows = all.filter { $0.period != nil }.sorted(by: order)
    totals = all.filter { $0.period == nil }.sorted(by: order)
  }
}

extension SupportDesk {
  /// Survey response and follow-up rates per period (see ``SurveyReport``).
  /// - Parameters:
  ///   - period: Weeks or months (default months).
  ///   - timeZone: The zone whose calendar defines the periods (default UTC).
  /// - Returns: The report.
  /// - Throws: ``HostingSupportError`` `corruptState` when the desk's stored state is damaged; state store errors.
  /// - Complexity: O(*s*) for *s* surveys.
  public func surveyReport(period: SLAReportPeriod = .month, timeZone: TimeZone = TimeZone(identifier: "UTC")!)
    async throws -> SurveyReport
  {
    try await ensureCurrent()
    let followedUp = Set(
      state.loop.answers.keys.filter { state.feedback(id: $0.rawValue)?.followUpTicketID != nil })
    return SurveyReport(
      surveys: state.loop.allSurveys, answers: state.loop.answers, followedUp: followedUp, period: period,
      timeZone: timeZone)
  }
}
