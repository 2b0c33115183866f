import Foundation
import HostingSupport
import HostingSupportTestKit
import Testing

@Suite("Support experience and retention: comparisons, tests and honest summaries")
struct SupportExperienceComparisonTests {
  /// Breached customers churn after 10 and 30 days; served ones after 20 days or not by day 40.
  static func handExample() throws -> ExperienceHistory {
    var history = ExperienceHistory()
    try history.add("a1", service: .normalBreach, lifetime: 10)
    try history.add("a2", service: .normalBreach, lifetime: 30)
    try history.add("b1", service: .good, lifetime: 20)
    try history.add("b2", service: .good, lifetime: nil)
    return history
  }

  @Test("the log-rank p-value matches a hand-computed two-group example")
  func logRankByHand() throws {
    // Censored at the day after the report date: day 39 + 1 = lifetime 40 for b2.
    let report = try Self.handExample().report(reportDay: 39, minimumGroupSize: 2)
    let test = try #require(report.comparison(.slaBreach)?.logRank)
    // At t = 10: 4 at risk (2 breached), 1 event in the breach group: E = 2/4, V = 1·3/3·2·2/16 = 1/4.
    // At t = 20: 3 at risk (1 breached), 1 event among the others:   E = 1/3, V = 1·2/2·1·2/9 = 2/9.
    // At t = 30: 2 at risk (1 breached), 1 event in the breach group: E = 1/2, V = 1·1/1·1·1/4 = 1/4.
    // O − E = 2 − 4/3 = 2/3; V = 13/18; χ² = (4/9)/(13/18) = 8/13; one degree of freedom: p = erfc(√(χ²/2)).
    let chiSquared = 8.0 / 13.0
    #expect(abs(test.statistic - chiSquared) < 1e-12)
    #expect(abs(test.pValue - erfc((chiSquared / 2).squareRoot())) < 1e-9)
    #expect(test.observed == [2, 1])
  }

  @Test("the hazard difference is churn events per customer-year of exposure, breached minus not")
  func hazardByHand() throws {
    let report = try Self.handExample().report(reportDay: 39, minimumGroupSize: 2)
    let hazard = try #require(report.comparison(.slaBreach)?.hazard)
    let exposed = 2 / (40 / 365.25)
    let reference = 1 / (60 / 365.25)
    #expect(abs(hazard.exposedRate - exposed) < 1e-9)
    #expect(abs(hazard.referenceRate - reference) < 1e-9)
    #expect(abs(hazard.difference - (exposed - reference)) < 1e-9)
    #expect(abs((hazard.ratio ?? 0) - exposed / reference) < 1e-9)
    #expect(hazard.ratioLowerBound! < hazard.ratio! && hazard.ratio! < hazard.ratioUpperBound!)
    #expect(hazard.differenceLowerBound < hazard.difference && hazard.difference < hazard.differenceUpperBound)
  }

  @Test("a renewal falls due each billing period and is renewed when service goes on past it")
  func renewals() throws {
    var history = ExperienceHistory()
    // Monthly from day 0: renewals on the same day of the next months. Ended on its third renewal day: 2 of 3.
    let start = ExperienceHistory.start
    try history.add("ended", service: .normalBreach, lifetime: start.addingMonths(3).dayNumber - start.dayNumber)
    try history.add("running", service: .normalBreach, lifetime: nil)
    let report = try history.report(reportDay: start.addingMonths(4).dayNumber - start.dayNumber, minimumGroupSize: 2)
    let group = try #require(report.comparison(.slaBreach)?.exposed)
    #expect(group.renewalsDue == 3 + 4)
    #expect(group.renewed == 2 + 4)
    #expect(group.churned == 1)
    #expect(group.churnRate == 0.5)
  }

  /// `breached` customers with a breach (`breachedChurn` of them churn after 30 days), `served` without
  /// (`servedChurn` churn after 30 days); the others are still subscribed on day 200.
  static func history(breached: Int, breachedChurn: Int, served: Int, servedChurn: Int) throws -> ExperienceHistory {
    var history = ExperienceHistory()
    for index in 0..<breached {
      try history.add("a\(index)", service: .normalBreach, lifetime: index < breachedChurn ? 30 + index : nil)
    }
    for index in 0..<served {
      try history.add("b\(index)", service: .good, lifetime: index < servedChurn ? 30 + index : nil)
    }
    return history
  }

  @Test("a group smaller than the minimum size is reported with its counts and makes no claim")
  func smallGroup() throws {
    let report = try Self.history(breached: 12, breachedChurn: 12, served: 60, servedChurn: 3).report(reportDay: 200)
    let comparison = try #require(report.comparison(.slaBreach))
    let exposed = try #require(comparison.exposed)
    #expect(exposed.customers == 12)
    #expect(exposed.churned == 12)
    #expect(!exposed.isLargeEnough)
    #expect(exposed.survival == nil)
    #expect(comparison.logRank == nil)
    #expect(comparison.hazard == nil)
    #expect(comparison.churnRatio == nil)
    #expect(comparison.isSignificant == nil)
    #expect(comparison.summary.hasPrefix("Too few customers to compare"))
    #expect(comparison.summary.contains("n = 12"))
    #expect(comparison.summary.contains("n = 60"))
    #expect(!comparison.summary.contains("×"))
    #expect(!comparison.summary.contains("p ="))
  }

  @Test("the summary states the churn ratio and p-value only when both groups are large enough")
  func ratioWhenLargeEnough() throws {
    let report = try Self.history(breached: 60, breachedChurn: 40, served: 60, servedChurn: 10).report(reportDay: 200)
    let comparison = try #require(report.comparison(.slaBreach))
    let test = try #require(comparison.logRank)
    #expect(comparison.churnRatio == (40.0 / 60) / (10.0 / 60))
    #expect(comparison.summary.contains(String(format: "churned %.1f× as often", (40.0 / 60) / (10.0 / 60))))
    #expect(comparison.summary.contains("40 of 60 vs 10 of 60"))
    #expect(test.pValue < 0.05)
    #expect(comparison.isSignificant == true)
    #expect(comparison.summary.contains(test.pValue < 0.001 ? "p < 0.001" : String(format: "p = %.2g", test.pValue)))
    #expect(comparison.summary.contains("association, not proof of cause"))
    #expect(comparison.exposed?.survival != nil && comparison.reference?.survival != nil)
  }

  @Test("no significant difference is said when p ≥ 0.05")
  func noSignificantDifference() throws {
    let report = try Self.history(breached: 40, breachedChurn: 10, served: 40, servedChurn: 10).report(reportDay: 200)
    let comparison = try #require(report.comparison(.slaBreach))
    let test = try #require(comparison.logRank)
    #expect(test.pValue >= 0.05)
    #expect(comparison.isSignificant == false)
    #expect(comparison.summary.hasPrefix("No significant difference"))
    #expect(!comparison.summary.contains("association"))
  }

  @Test("with no churn in either group the summary says there is nothing to compare")
  func noChurn() throws {
    let report = try Self.history(breached: 30, breachedChurn: 0, served: 30, servedChurn: 0).report(reportDay: 200)
    let comparison = try #require(report.comparison(.slaBreach))
    #expect(comparison.logRank == nil)
    #expect(comparison.summary.contains("nothing to compare"))
  }

  @Test("detractors are compared with promoters, and passives are shown beside them")
  func npsComparison() throws {
    var history = ExperienceHistory()
    for index in 0..<3 {
      try history.add("c\(index)", service: nil, lifetime: nil)
      try history.answer("c\(index)", .nps, [10, 7, 3][index])
    }
    let comparison = try #require(try history.report(reportDay: 100, minimumGroupSize: 2).comparison(.npsCategory))
    #expect(comparison.groups.map(\.name) == ["detractors", "promoters", "passives"])
    #expect(comparison.groups.map(\.customers) == [1, 1, 1])
  }

  @Test("the report survives a JSON round trip")
  func jsonRoundTrip() throws {
    let report = try Self.history(breached: 40, breachedChurn: 20, served: 40, servedChurn: 5).report(reportDay: 200)
    let data = try JSONEncoder().encode(report)
    #expect(try JSONDecoder().decode(SupportExperienceReport.self, from: data) == report)
  }

  @Test("the text report names every comparison and marks small groups")
  func text() throws {
    let report = try Self.history(breached: 5, breachedChurn: 2, served: 40, servedChurn: 5).report(reportDay: 200)
    let text = report.description
    for comparison in report.comparisons { #expect(text.contains(comparison.title)) }
    #expect(text.contains("SLA breach: 5 customers, 2 churned"))
    #expect(text.contains("too few to compare"))
  }
}

@Suite("Support experience and retention: the HTML section")
struct SupportExperienceHTMLTests {
  @Test("the report's section shows each summary, draws curves only for groups large enough, and passes the audit")
  func section() throws {
    let report = try SupportExperienceComparisonTests.history(
      breached: 40, breachedChurn: 20, served: 12, servedChurn: 2
    )
    .report(reportDay: 200)
    let html = HTMLReport(title: "Experience", subtitle: "", sections: [report.figures.htmlSection()]).rendered()
    #expect(HTMLReportAudit.problems(in: html) == [])
    for comparison in report.comparisons {
      #expect(html.contains(MarkupText.escaped(comparison.summary)))
    }
    #expect(html.contains("too few to compare"))
    // One chart per comparison with at least one group large enough to draw.
    let charts = report.comparisons.filter { $0.groups.contains { $0.isLargeEnough && $0.survival != nil } }.count
    #expect(charts > 0 && charts < report.comparisons.count)
    #expect(html.components(separatedBy: "<svg").count - 1 == charts)
  }
}
