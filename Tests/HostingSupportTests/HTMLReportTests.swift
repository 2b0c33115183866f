import Foundation
import HostingSupport
import HostingSupportTestKit
import Testing

@Suite("The HTML report: desk, retention and experience sections")
struct HTMLReportTests {
  static let hostile = "Evil & Co's <script>alert(\"pwned\")</script> \"><img src=x onerror=alert(1)>"

  /// Two years of a small host: seeded starts, tiers, channels and cancellations.
  static func retentionReport(seed: UInt64 = 7) throws -> RetentionReport {
    var random = SplitMix64(seed: seed)
    let tiers: [PlanTier] = [.shared, .vps, .dedicated]
    var subscriptions: [Subscription] = []
    for index in 0..<80 {
      let start = CivilDate(dayNumber: try CivilDate(year: 2024, month: 1, day: 1).dayNumber + Int(random.next() % 600))
      let ends = random.next() % 3 == 0
      subscriptions.append(
        Subscription(
          id: SubscriptionID("S\(index)"), customer: CustomerID("C\(index)"), tier: tiers[index % 3],
          channel: index % 4 == 0 ? .reseller : .direct,
          mrr: Money(minorUnits: Int64(500 + index * 37), currency: "USD"),
          start: start, end: ends ? CivilDate(dayNumber: start.dayNumber + 20 + Int(random.next() % 300)) : nil))
    }
    let dataset = try RetentionDataset(subscriptions: subscriptions, changes: [])
    let surveys = try (0..<30).map {
      try SurveyResponse(
        customer: CustomerID("C\($0)"), date: try CivilDate(year: 2025, month: 3 + $0 % 6, day: 10), kind: .nps,
        score: $0 % 11)
    }
    return try RetentionReport(
      dataset: dataset, surveys: surveys,
      months: try CivilMonth(year: 2025, month: 1)...CivilMonth(year: 2025, month: 12))
  }

  /// Desk figures whose every name is hostile.
  static func deskFigures(experience: ExperienceComparisonFigures? = nil) -> DeskReportFigures {
    var figures = DeskReportFigures()
    figures.sla = [
      .init(
        priority: "critical", tickets: 4, firstResponseAttainment: 0.75, resolutionAttainment: nil, breachedTickets: 1),
      .init(priority: hostile, tickets: 9, firstResponseAttainment: 1, resolutionAttainment: 0.5, breachedTickets: 2),
    ]
    figures.ageAlertsSent = 2
    figures.openPastAgeLimit = [hostile]
    figures.agedTickets = [
      .init(ticket: hostile, status: "onHold", ageHours: 30, onHoldHours: 12, waitingOnCustomerHours: 4)
    ]
    figures.alertsByDay = [
      .init(day: "2026-11-02", warnings: 3, breaches: 1, openPastAgeLimit: 0),
      .init(day: "2026-11-03", warnings: 1, breaches: 0, openPastAgeLimit: 1),
    ]
    figures.sentimentByLanguage = [.init(name: hostile, negative: 2, neutral: 1, positive: 5)]
    figures.sentimentByAspect = [.init(name: "uptime", negative: 3, neutral: 0, positive: 1)]
    figures.suggestions = [.init(aspect: hostile, count: 3, new: 1, planned: 1, done: 1, examples: [hostile])]
    figures.churnRisks = [
      .init(
        customer: "C-1", name: hostile, tier: "shared", health: 41, monthlyRevenue: "USD 9.00",
        expectedValueAtRisk: "USD 120.00", expectedValueAtRiskAmount: 120, nextRenewal: "2026-12-01",
        reasons: [hostile])
    ]
    figures.experience = experience
    return figures
  }

  static func experience() throws -> ExperienceComparisonFigures {
    let report = try retentionReport()
    return ExperienceComparisonFigures(
      comparisons: [
        .init(
          title: "Any SLA breach vs none",
          groups: [
            .init(
              name: "No breach", customers: 60, churned: 6, churnRate: 0.1, renewalRate: 0.9,
              survival: report.survival),
            .init(
              name: hostile, customers: 30, churned: 9, churnRate: 0.3, renewalRate: 0.7,
              survival: report.survivalByTier.estimates.first),
            .init(
              name: "Tiny group", customers: 3, churned: 3, churnRate: 1, renewalRate: nil, survival: report.survival),
          ], pValue: 0.003, summary: "Customers with a breach churned 3× as often.")
      ], minimumGroupSize: 20)
  }

  static func page(_ sections: [HTMLReport.Section]) -> String {
    HTMLReport(title: hostile, subtitle: hostile, sections: sections).rendered()
  }

  @Test("hostile names with script tags, quotes and ampersands stay text in every desk section")
  func escaping() throws {
    let html = Self.page(Self.deskFigures(experience: try Self.experience()).htmlSections())
    #expect(!html.contains("<script"))
    #expect(!html.contains("<img"))
    #expect(html.contains("Evil &amp; Co&#39;s &lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;"))
    #expect(HTMLReportAudit.problems(in: html) == [])
  }

  @Test("the page holds no URL and no script: nothing to fetch, nothing to run")
  func nothingFetched() throws {
    let html = Self.page(
      Self.deskFigures(experience: try Self.experience()).htmlSections() + (try Self.retentionReport()).htmlSections())
    for forbidden in ["http://", "https://", "//", "<script", "<img"] {
      #expect(!html.contains(forbidden), "\(forbidden)")
    }
    #expect(html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\""))
  }

  @Test("every chart is an svg role=img with a title and a desc, and has a data table as its text alternative")
  func everyChartAccessible() throws {
    let html = Self.page(
      Self.deskFigures(experience: try Self.experience()).htmlSections() + (try Self.retentionReport()).htmlSections())
    let charts = html.components(separatedBy: "<svg").count - 1
    // SLA, aged tickets, alerts, two sentiment charts, suggestions, experience, churn; retention: MRR, rates,
    // cohorts, survival, funnel, satisfaction.
    #expect(charts == 14)
    #expect(html.components(separatedBy: "<details><summary>Data table</summary>").count - 1 == charts)
    #expect(html.components(separatedBy: "<title id=").count - 1 == charts)
    #expect(html.components(separatedBy: "<desc id=").count - 1 == charts)
    #expect(HTMLReportAudit.problems(in: html) == [])
  }

  @Test("the same figures render the same bytes")
  func deterministic() throws {
    let first = Self.page(
      Self.deskFigures(experience: try Self.experience()).htmlSections() + (try Self.retentionReport()).htmlSections())
    let second = Self.page(
      Self.deskFigures(experience: try Self.experience()).htmlSections() + (try Self.retentionReport()).htmlSections())
    #expect(first == second)
    #expect(first != Self.page(try Self.retentionReport(seed: 8).htmlSections()))
  }

  @Test("the experience comparison appears only when given, and a group under the minimum size gets no curve")
  func experienceSection() throws {
    let without = DeskReportFigures().htmlSections()
    #expect(!without.contains { $0.id == "desk-experience" })
    let with = Self.deskFigures(experience: try Self.experience()).htmlSections()
    let section = try #require(with.first { $0.id == "desk-experience" })
    let html = Self.page([section])
    #expect(html.contains("Customers with a breach churned 3× as often. (log-rank p = 0.003)"))
    #expect(html.contains("<th scope=\"row\">Tiny group</th><td class=\"num\">3</td>"))
    #expect(html.contains("too few to compare"))
    // Two curves are drawn (the tiny group is left out of the chart and its survival table).
    #expect(html.components(separatedBy: "<svg").count - 1 == 1)
    #expect(html.contains("(No breach, \(MarkupText.escaped(Self.hostile)))"))
  }

  @Test("sections without data are left out rather than shown empty")
  func emptySectionsLeftOut() {
    let sections = DeskReportFigures().htmlSections()
    // Only the age guard's section always speaks: "No ticket is open past 24 hours now."
    #expect(sections.map(\.id) == ["desk-aged"])
    #expect(Self.page(sections).contains("No ticket is open past 24 hours now."))
  }

  @Test("survival curves come with their confidence bands in the chart and in the table")
  func survivalBands() throws {
    let report = try Self.retentionReport()
    let section = try #require(report.htmlSections().first { $0.id == "retention-survival" })
    let html = Self.page([section])
    #expect(html.contains("fill-opacity="))
    #expect(html.contains("<th scope=\"col\">Confidence band</th>"))
    #expect(html.contains("95% confidence"))
  }
}
