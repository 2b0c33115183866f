import Foundation

/// Does support experience drive retention? Groups a host's customers by the support they received — any SLA
/// breach or none, a breached critical ticket, a ticket left open past the age limit, their latest NPS category,
/// negative feedback followed up within a day or not — and compares each group's churn, renewals and
/// Kaplan–Meier survival with the log-rank test and the hazard of churn.
///
/// ```swift
/// let analysis = SupportExperienceAnalysis(policies: .hostingDefault, options: .init(minimumGroupSize: 30))
/// let report = try analysis.report(tickets: tickets, surveys: answers, retention: dataset, now: now)
/// print(report.comparison(.slaBreach)?.summary ?? "")
/// ```
///
/// Rules (see <doc:SupportExperienceAndRetention>):
/// - A customer's lifetime runs from their first subscription's start to the first day without any subscription
///   (churn), or is censored at the report date (the UTC day of `now`). Customers without a subscription are left
///   out and counted in ``SupportExperienceReport/customersWithoutSubscriptions``.
/// - Ticket groupings compare customers who opened at least one ticket (customers who never needed support are
///   not a fair "no breach" group); a ticket breached when any cycle of any target of its policy breached by `now`.
/// - Groups under ``SupportExperienceOptions/minimumGroupSize`` are reported with their counts and make no claim.
/// - Customers who stay longer open more tickets and so meet more breaches: a finding is an association, never a
///   proof of cause, and the summary says so.
public struct SupportExperienceAnalysis: Sendable {
  /// The policies tickets are measured against, and the age guard's limit.
  public var policies: SLAPolicySet
  /// Group sizes, the follow-up window and the statistical levels.
  public var options: SupportExperienceOptions

  /// Creates an analysis.
  /// - Parameters:
  ///   - policies: The SLA policies; `SLAPolicySet.hostingDefault` by default.
  ///   - options: The options.
  public init(policies: SLAPolicySet = .hostingDefault, options: SupportExperienceOptions = .init()) {
    self.policies = policies
    self.options = options
  }

  /// Each customer's support experience, sorted by customer id.
  /// - Parameters:
  ///   - tickets: The tickets (ids unique); tickets created after `now` are ignored.
  ///   - surveys: Survey answers; answers dated after `now`'s day are ignored.
  ///   - now: The instant the SLA clocks and the age guard are read at.
  /// - Returns: One experience per customer with a ticket or an answer.
  /// - Throws: ``HostingSupportError`` with ``HostingSupportError/Code/invalidRequest`` when two tickets share an
  ///   id (context `path` = `tickets[i]`, `ticket`), or ``HostingSupportError/Code/invalidConfiguration`` for
  ///   invalid options.
  /// - Complexity: O(e + s log r) for e ticket events, s answers and r agent replies per customer.
  public func experiences(tickets: [Ticket], surveys: [SurveyResponse], now: Date) throws(HostingSupportError)
    -> [CustomerExperience]
  {
    try collect(tickets: tickets, surveys: surveys, now: now).values.sorted { $0.customer < $1.customer }
  }

  /// Compares the retention of customers grouped by their support experience.
  /// - Parameters:
  ///   - tickets: The tickets (ids unique).
  ///   - surveys: Survey answers (NPS, CSAT; CES is not used).
  ///   - dataset: The subscriptions, for each customer's lifetime and renewals.
  ///   - now: The instant of the analysis; its UTC day is the report date.
  /// - Returns: The report, one comparison per ``ExperienceComparison/Kind`` static member.
  /// - Throws: As ``experiences(tickets:surveys:now:)``.
  /// - Complexity: That of ``experiences(tickets:surveys:now:)`` plus O(n log n) for n customers.
  public func report(tickets: [Ticket], surveys: [SurveyResponse], retention dataset: RetentionDataset, now: Date)
    throws(HostingSupportError) -> SupportExperienceReport
  {
    let byCustomer = try collect(tickets: tickets, surveys: surveys, now: now)
    let reportDate = CivilDate(now)
    let outcomes = dataset.customerOutcomes(reportDate: reportDate, unit: .days)
    let subscribed = Set(outcomes.map(\.customer))
    let joined = outcomes.map { (outcome: $0, experience: byCustomer[$0.customer]) }
    return SupportExperienceReport(
      reportDate: reportDate, options: options, customers: outcomes.count,
      customersWithTickets: joined.filter { ($0.experience?.tickets ?? 0) > 0 }.count,
      customersWithoutSubscriptions: byCustomer.keys.filter { !subscribed.contains($0) }.count,
      comparisons: ExperienceGrouping.standard(ageLimit: ageLimit, followUpWindow: options.followUpWindow).map {
        $0.compare(joined, options: options)
      })
  }

  /// The age guard's limit: the policies' own, else the standard one.
  private var ageLimit: TimeInterval { policies.ageGuard?.limit ?? SLAAgeGuard.defaultLimit }

  /// The experiences by customer, after checking the options.
  private func collect(tickets: [Ticket], surveys: [SurveyResponse], now: Date) throws(HostingSupportError)
    -> [CustomerID: CustomerExperience]
  {
    try options.validate()
    let collector = ExperienceCollector(
      evaluator: SLAEvaluator(policies: policies), ageLimit: ageLimit, followUpWindow: options.followUpWindow,
      now: now)
    return try collector.collect(tickets: tickets, surveys: surveys)
  }
}
