import Foundation
import HostingSupport
import RetentionMetrics

/// What the retention snapshot needs, in plain values: every plan a customer paid for, MRR changes, NPS answers.
struct DemoRetentionInput {
  struct Plan {
    var id: String
    var customer: String
    var tier: String
    var channel: String
    var period: BillingPeriod
    var mrrMinorUnits: Int64
    var start: Date
    var end: Date?
    var partner: String? = nil
    var affiliate: String? = nil
  }
  struct Change {
    var plan: String
    var date: Date
    var newMRRMinorUnits: Int64
  }
  var plans: [Plan] = []
  var changes: [Change] = []
  var nps: [(customer: String, date: Date, score: Int)] = []

  /// The customers' history: one plan each since they joined; about half of the VPS customers who joined more than
  /// 200 days ago started on shared hosting and moved up within their first year (the host's upgrade history).
  static func history(of customers: [CustomerProfile], random: inout DemoRandom) -> DemoRetentionInput {
    var input = DemoRetentionInput()
    for customer in customers {
      let id = "S-\(customer.id.rawValue)"
      let period = customer.billingPeriod ?? .monthly
      var start = customer.customerSince
      if customer.tier == .vps, DemoSimulation.start.timeIntervalSince(start) > 200 * 86_400, random.chance(0.55) {
        let moved = start + random.uniform(60...330) * 86_400
        input.plans.append(
          Plan(
            id: id + "-shared", customer: customer.id.rawValue, tier: "shared", channel: customer.acquisition.rawValue,
            period: period, mrrMinorUnits: 900, start: start, end: moved,
            partner: customer.partners.reseller?.rawValue, affiliate: customer.partners.affiliate?.rawValue))
        start = moved
      }
      input.plans.append(
        Plan(
          id: id, customer: customer.id.rawValue, tier: customer.tier.rawValue, channel: customer.acquisition.rawValue,
          period: period, mrrMinorUnits: customer.monthlyRevenue.minorUnits, start: start, end: nil,
          partner: customer.partners.reseller?.rawValue, affiliate: customer.partners.affiliate?.rawValue))
    }
    return input
  }

  /// The customer left.
  mutating func end(_ customer: String, at instant: Date) {
    for index in plans.indices where plans[index].customer == customer && plans[index].end == nil {
      plans[index].end = instant
    }
  }

  /// The customer moved from shared hosting to a VPS.
  mutating func upgrade(_ customer: String, channel: String, at instant: Date, mrrMinorUnits: Int64) {
    guard let index = plans.firstIndex(where: { $0.customer == customer && $0.end == nil }) else { return }
    plans[index].end = instant
    plans.append(
      Plan(
        id: plans[index].id + "-vps", customer: customer, tier: "vps", channel: channel, period: plans[index].period,
        mrrMinorUnits: mrrMinorUnits, start: instant, end: nil, partner: plans[index].partner,
        affiliate: plans[index].affiliate))
  }

  /// The plans as a RetentionMetrics dataset.
  func dataset() throws -> RetentionDataset {
    let subscriptions = plans.map { plan in
      Subscription(
        id: SubscriptionID(plan.id), customer: CustomerID(plan.customer), plan: plan.tier,
        tier: PlanTier(rawValue: plan.tier) ?? .other, channel: AcquisitionChannel(rawValue: plan.channel) ?? .direct,
        billingPeriod: plan.period, mrr: Money(minorUnits: plan.mrrMinorUnits, currency: "USD"),
        start: CivilDate(plan.start), end: plan.end.map { CivilDate($0) },
        partnerID: plan.partner.flatMap(PartnerID.init(rawValue:)),
        affiliateID: plan.affiliate.flatMap(PartnerID.init(rawValue:)))
    }
    let changes = changes.map {
      MRRChange(
        subscription: SubscriptionID($0.plan), effective: CivilDate($0.date),
        newMRR: Money(minorUnits: $0.newMRRMinorUnits, currency: "USD"))
    }
    return try RetentionDataset(subscriptions: subscriptions, changes: changes, currency: "USD")
  }
}

enum DemoRetention {
  /// The full retention report of the customers' history: the twelve months up to the end of the run.
  static func report(_ input: DemoRetentionInput, to end: Date) throws -> RetentionReport {
    let last = CivilDate(end).civilMonth
    let surveys = try input.nps.map { answer in
      try SurveyResponse(
        customer: CustomerID(answer.customer), date: CivilDate(answer.date), kind: .nps, score: answer.score)
    }
    return try RetentionReport(dataset: try input.dataset(), surveys: surveys, months: last.advanced(by: -11)...last)
  }

  static func snapshot(_ input: DemoRetentionInput, from start: Date, to end: Date) throws -> DemoReport.Retention {
    let dataset = try input.dataset()
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
    let month = snapshot.map { "\($0.month)" } ?? "–"
    let counters = snapshot?.counters
    let renewals = snapshot?.allRenewals
    let expectation = UpgradeExpectation.measured(from: dataset, reportDate: CivilDate(end))
    return DemoReport.Retention(
      month: month,
      activeAtStart: active(at: start),
      activeAtEnd: active(at: end),
      customerChurn: .init(
        percent: snapshot?.customerChurnRate.map { $0 * 100 }, count: counters?.churnedCustomers ?? 0,
        base: counters?.customersStart ?? 0,
        measures: "customers active on the first day of \(month) who had left by its end"),
      renewals: .init(
        percent: renewals?.rate.map { $0 * 100 }, count: renewals?.renewed ?? 0, base: renewals?.due ?? 0,
        measures: "billing terms that came up for renewal in \(month) and were renewed (a monthly plan comes up "
          + "every month, so this counts terms, not customers)"),
      netRevenueRetentionPercent: snapshot?.nrr12m.map { $0 * 100 },
      grossRevenueRetentionPercent: snapshot?.grr12m.map { $0 * 100 },
      upgradeFunnel: funnel.windows.map { window in
        .init(
          months: window.months, eligible: window.eligible, upgraded: window.upgraded,
          ratePercent: window.rate.map { $0 * 100 },
          measures: "of the shared starters whose first \(window.months) months lie before the report date, the "
            + "share that moved to a VPS or dedicated server within those \(window.months) months")
      },
      sharedStarters: funnel.sharedStarters,
      everUpgraded: funnel.everUpgraded,
      upgradeExpectation: expectation.map {
        .init(
          probabilityPercent: $0.probabilityWithin12Months * 100, typicalUpgradeMRR: $0.typicalUpgradeMRR.description,
          measuredStarters: $0.measuredStarters ?? 0)
      },
      nps: counts.nps,
      npsResponses: counts.npsResponses,
      wordOfMouthPositiveReach: reach.positive,
      wordOfMouthNegativeReach: reach.negative,
      wordOfMouthNetReach: reach.net
    )
  }
}
