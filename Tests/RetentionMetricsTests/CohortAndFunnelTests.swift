import Foundation
import Testing

@testable import RetentionMetrics

@Suite("Cohorts, upgrade funnel and subscription lifetimes")
struct CohortAndFunnelTests {
  @Test("cohorts group customers by their first paying month and follow customers and MRR by age")
  func cohortTable() throws {
    let dataset = try RetentionDataset(subscriptions: SmallHost.subscriptions, changes: SmallHost.changes)
    let table = CohortTable(dataset: dataset, through: month("2024-04"))
    #expect(table.rows.map(\.cohort.description) == ["2024-01", "2024-02", "2024-03", "2024-04"])
    #expect(table.rows[0].customers == [4, 3, 2, 3])
    #expect(table.rows[0].mrr == [5000, 6800, 5300, 3500])
    #expect(table.rows[1].customers == [0, 0, 0])
    #expect(table.rows[0].customerRetention(atAge: 2) == 0.5)
    #expect(table.rows[0].revenueRetention(atAge: 1) == 1.36)
    #expect(table.rows[1].customerRetention(atAge: 0) == nil)
  }

  @Test("cohort tables by tier and channel use the customer's first subscription")
  func cohortSegments() throws {
    let dataset = try RetentionDataset(subscriptions: SmallHost.subscriptions, changes: SmallHost.changes)
    let tables = CohortTable.tables(
      dataset: dataset, through: month("2024-04"), segments: [.tier(.vps), .tier(.shared), .channel(.affiliate)])
    #expect(tables.map { $0.rows[0].customers } == [[1, 1, 0, 0], [3, 2, 2, 3], [1, 0, 0, 1]])
  }

  @Test("cohort tables of customer shards merge into the single-pass table (seeded)")
  func cohortMerge() throws {
    let (subscriptions, changes) = randomHost(seed: 77, customers: 300)
    let last = month("2025-03")
    let whole = CohortTable(
      dataset: try RetentionDataset(subscriptions: subscriptions, changes: changes), through: last)
    var merged: CohortTable?
    for shard in 0..<3 {
      let part = subscriptions.filter { abs($0.customer.rawValue.hashValue % 3) == shard }
      let ids = Set(part.map(\.id))
      let table = CohortTable(
        dataset: try RetentionDataset(subscriptions: part, changes: changes.filter { ids.contains($0.subscription) }),
        through: last)
      merged = try merged.map { try $0.merging(table) } ?? table
    }
    #expect(merged?.rows.filter { $0.customers[0] > 0 } == whole.rows.filter { $0.customers[0] > 0 })
  }

  @Test("the upgrade funnel counts shared starters moving to VPS or dedicated within 6 and 12 months")
  func upgradeFunnel() throws {
    let subscriptions = [
      sub("p1", "P", "5", "2023-01-10"), sub("p2", "P", "20", "2023-03-10", tier: .vps),
      sub("p3", "P", "90", "2023-10-01", tier: .dedicated),
      sub("q1", "Q", "5", "2023-02-01"), sub("q2", "Q", "90", "2023-09-01", tier: .dedicated),
      sub("r1", "R", "5", "2023-03-01"),
      sub("s1", "S", "20", "2023-01-01", tier: .vps),
      sub("t1", "T", "5", "2024-01-01"), sub("t2", "T", "20", "2024-02-01", tier: .vps),
    ]
    let funnel = UpgradeFunnel(
      dataset: try RetentionDataset(subscriptions: subscriptions), reportDate: day("2024-06-30"))
    #expect(funnel.sharedStarters == 4)
    #expect(funnel.everUpgraded == 3)
    let six = funnel.windows[0]
    #expect(
      [six.months, six.eligible, six.upgraded, six.movedToVPS, six.movedToDedicated] as [Int] == [6, 4, 2, 2, 0])
    #expect(six.rate == 0.5)
    let twelve = funnel.windows[1]
    #expect(
      [twelve.months, twelve.eligible, twelve.upgraded, twelve.movedToVPS, twelve.movedToDedicated] as [Int] == [
        12, 3, 2, 1, 2,
      ])
    #expect(funnel.medianDaysToUpgrade == 59)
    #expect(funnel.meanDaysToUpgrade == 302.0 / 3)
  }

  @Test("a subscription's lifetime ends at its end date or is censored the day after the report date")
  func lifetimes() {
    let report = day("2024-04-30")
    let days = SubscriptionLifetimes.table(of: SmallHost.subscriptions, reportDate: report)
    // a1 censored at 107 days, b1 ended after 60, c1 after 10, d1 censored 117, d2 ended 60, e1 22, e2 censored 28.
    #expect(days.times == [0, 10, 22, 28, 60, 107, 117])
    #expect(days.events == [0, 1, 1, 0, 2, 0, 0])
    #expect(days.censored == [0, 0, 0, 1, 0, 1, 1])
    let months = SubscriptionLifetimes.table(of: SmallHost.subscriptions, reportDate: report, unit: .months)
    #expect(months.times == [0, 2, 3])
    #expect(months.events == [2, 2, 0])  // c1, e1 within a month; b1 and d2 two months; e2 censored at 0
    let byTier = SubscriptionLifetimes.tables(of: SmallHost.subscriptions, reportDate: report) { $0.tier.rawValue }
    #expect(byTier.map(\.name) == ["shared", "vps"])
    #expect(byTier[1].table.subjectCount == 2)
  }
}

@Suite("Satisfaction and word of mouth")
struct SatisfactionTests {
  func answer(_ customer: String, _ date: String, _ kind: SurveyKind, _ score: Int) -> SurveyResponse {
    try! SurveyResponse(customer: CustomerID(customer), date: day(date), kind: kind, score: score)
  }

  @Test("NPS counts promoters 9–10 minus detractors 0–6, CSAT the share of 4–5, CES the mean")
  func scores() throws {
    let responses = [
      answer("A", "2024-01-03", .nps, 10), answer("B", "2024-01-04", .nps, 9), answer("D", "2024-01-05", .nps, 8),
      answer("E", "2024-01-06", .nps, 6), answer("X", "2024-01-07", .nps, 0),
      answer("A", "2024-02-03", .nps, 10), answer("B", "2024-02-03", .nps, 10), answer("D", "2024-02-03", .nps, 7),
      answer("E", "2024-02-03", .nps, 3),
      answer("A", "2024-02-09", .csat, 5), answer("B", "2024-02-09", .csat, 4), answer("D", "2024-02-09", .csat, 3),
      answer("E", "2024-02-09", .csat, 1),
      answer("A", "2024-02-10", .ces, 7), answer("B", "2024-02-10", .ces, 5), answer("D", "2024-02-10", .ces, 3),
      answer("A", "2024-05-01", .nps, 0),
    ]
    let dataset = try RetentionDataset(subscriptions: SmallHost.subscriptions, changes: SmallHost.changes)
    let report = SatisfactionReport(responses: responses, dataset: dataset, months: month("2024-01")...month("2024-04"))
    #expect(report.months.map(\.overall.nps) == [0, 25, nil, nil])
    #expect(report.months[1].overall.csat == 50)
    #expect(report.months[1].overall.ces == 5)
    #expect(report.overall.npsResponses == 9)
    // B is the only VPS customer: a 9 in January and a 10 in February.
    #expect(report.segments["tier:vps"]?.nps == 100)
    #expect(report.months[0].segments["channel:affiliate"]?.nps == -100)
    #expect(report.months[0].segments["tier:shared"]?.npsResponses == 3)
  }

  @Test("100 happy and 10 unhappy customers net out with the default tell-rates")
  func wordOfMouth() {
    let reach = WordOfMouthModel().reach(happy: 100, unhappy: 10)
    #expect(reach.positive == 300)
    #expect(reach.negative == 330)
    #expect(reach.net == -30)
    #expect(reach.happyPerUnhappy == 11)
    let custom = WordOfMouthModel(happyTellRate: 5, unhappyTellRate: 20).reach(happy: 40, neutral: 3, unhappy: 10)
    #expect(custom.net == 0)
  }

  @Test("word-of-mouth mood comes from each customer's latest answer on any scale")
  func moodFromSurveys() {
    let responses = [
      answer("A", "2024-01-01", .nps, 2), answer("A", "2024-03-01", .nps, 10),
      answer("B", "2024-01-01", .csat, 2), answer("C", "2024-01-01", .ces, 4), answer("D", "2024-01-01", .ces, 6),
    ]
    let reach = WordOfMouthModel().reach(of: responses)
    #expect([reach.happy, reach.neutral, reach.unhappy] as [Int] == [2, 1, 1])
    #expect(reach.positive == 6 && reach.negative == 33)
  }

  @Test("word of mouth as of a date counts each customer's latest answer given by then")
  func moodAsOfADate() {
    let responses = [
      answer("A", "2024-01-01", .nps, 2), answer("A", "2024-03-01", .nps, 10), answer("B", "2024-04-01", .nps, 0),
      answer("C", "2024-01-01", .nps, 9), answer("C", "2024-01-01", .nps, 3),
    ]
    let reach = WordOfMouthModel().reach(of: responses, through: day("2024-02-29"))
    // A's later praise and B's answer come after the date; C's two same-day answers: the later row wins.
    #expect([reach.happy, reach.neutral, reach.unhappy] as [Int] == [0, 0, 2])
    #expect(WordOfMouthModel().reach(of: responses, through: nil) == WordOfMouthModel().reach(of: responses))
  }
}
