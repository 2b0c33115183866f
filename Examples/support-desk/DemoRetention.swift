import Foundation
import RetentionMetrics

/// What the retention snapshot needs, in plain values (so this file need not import the ticket modules).
struct DemoRetentionInput {
  struct Plan {
    var id: String
    var customer: String
    var tier: String
    var channel: String
    var mrrMinorUnits: Int64
    var start: Date
    var end: Date?
  }
  struct Change {
    var plan: String
    var date: Date
    var newMRRMinorUnits: Int64
  }
  var plans: [Plan] = []
  var changes: [Change] = []
  var nps: [(customer: String, date: Date, score: Int)] = []
}

enum DemoRetention {
  static func snapshot(_ input: DemoRetentionInput, from start: Date, to end: Date) throws -> DemoReport.Retention {
    let subscriptions = input.plans.map { plan in
      Subscription(
        id: SubscriptionID(plan.id),
        customer: CustomerID(plan.customer),
        plan: plan.tier,
        tier: PlanTier(rawValue: plan.tier) ?? .other,
        channel: AcquisitionChannel(rawValue: plan.channel) ?? .direct,
        mrr: Money(minorUnits: plan.mrrMinorUnits, currency: "USD"),
        start: CivilDate(plan.start),
        end: plan.end.map { CivilDate($0) }
      )
    }
    let changes = input.changes.map {
      MRRChange(
        subscription: SubscriptionID($0.plan), effective: CivilDate($0.date),
        newMRR: Money(minorUnits: $0.newMRRMinorUnits, currency: "USD"))
    }
    let dataset = try RetentionDataset(subscriptions: subscriptions, changes: changes, currency: "USD")
    let middle = CivilDate(start.addingTimeInterval(end.timeIntervalSince(start) / 2)).civilMonth
    let aggregate = RetentionAggregate(dataset: dataset, through: CivilDate(end).civilMonth)
    let snapshot = aggregate.snapshots().last { $0.month == middle } ?? aggregate.snapshots().last
    let funnel = UpgradeFunnel(dataset: dataset, reportDate: CivilDate(end), windows: [6, 12])
    var responses: [SurveyResponse] = []
    for answer in input.nps {
      responses.append(
        try SurveyResponse(
          customer: CustomerID(answer.customer), date: CivilDate(answer.date), kind: .nps, score: answer.score))
    }
    var counts = SatisfactionCounts()
    for response in responses { counts.add(response) }
    let reach = WordOfMouthModel().reach(of: responses)
    func active(at date: Date) -> Int {
      Set(input.plans.filter { $0.start <= date && ($0.end.map { $0 > date } ?? true) }.map(\.customer)).count
    }
    let activeAtStart = active(at: start)
    let churned = Set(input.plans.map(\.customer)).filter { customer in
      let plans = input.plans.filter { $0.customer == customer }
      return plans.allSatisfy { plan in plan.end.map { $0 > start && $0 <= end } ?? false }
    }.count
    var windows: [String: Double?] = [:]
    for window in funnel.windows { windows["\(window.months) months"] = window.rate }
    return DemoReport.Retention(
      month: snapshot.map { "\($0.month)" } ?? "–",
      activeAtStart: activeAtStart,
      activeAtEnd: active(at: end),
      churnedCustomers: churned,
      customerChurnRatePercent: snapshot?.customerChurnRate.map { $0 * 100 },
      renewalRatePercent: snapshot?.allRenewals.rate.map { $0 * 100 },
      netRevenueRetentionPercent: snapshot?.nrr12m.map { $0 * 100 },
      grossRevenueRetentionPercent: snapshot?.grr12m.map { $0 * 100 },
      upgradeFunnel: windows,
      sharedStarters: funnel.sharedStarters,
      everUpgraded: funnel.everUpgraded,
      nps: counts.nps,
      npsResponses: counts.npsResponses,
      wordOfMouthPositiveReach: reach.positive,
      wordOfMouthNegativeReach: reach.negative,
      wordOfMouthNetReach: reach.net
    )
  }
}
