import Foundation
import RetentionMetrics

/// What losing a customer would cost, as ``SupportDesk/churnRisks(now:options:)`` ranks it, with the reasons.
struct ValueAtStake {
  var upgrade: Money?
  var renewalWeight: Double
  var expectedAtRisk: Money
  var factors: [CustomerHealth.Factor]

  init(_ customer: CustomerProfile, score: Int, now: Date, options: ChurnRiskOptions) {
    let mrr = customer.monthlyRevenue
    var stake = max(mrr.minorUnits, options.rankingMRRFloor)
    factors = [.init(name: "monthlyRevenue", points: 0, detail: "pays \(mrr) a month (\(customer.tier.rawValue))")]
    let expectation = options.upgradeExpectation
    if customer.tier == .shared, let expected = expectation.expectedMonthlyValue(in: mrr.currency) {
      upgrade = expected
      stake += expected.minorUnits
      let basis =
        expectation.measuredStarters.map { "measured over \($0) shared starters" }
        ?? "assumed; measure it from your upgrade history"
      let percent = Int((expectation.probabilityWithin12Months * 100).rounded())
      factors.append(
        .init(
          name: "upgradePotential", points: 0,
          detail: "shared plan: \(percent) % of shared customers move up within 12 months (\(basis)) × "
            + "\(expectation.typicalUpgradeMRR) typical upgrade = \(expected) a month more at stake"))
    }
    (renewalWeight, factors) = Self.renewal(customer, now: now, horizon: options.renewalHorizon, factors: factors)
    let expected = (Double(stake) * Double(100 - score) / 100 * renewalWeight).rounded(.down)
    expectedAtRisk = Money(minorUnits: Int64(expected), currency: mrr.currency)
  }

  private static func renewal(
    _ customer: CustomerProfile, now: Date, horizon: TimeInterval, factors: [CustomerHealth.Factor]
  ) -> (Double, [CustomerHealth.Factor]) {
    let plan = customer.billingPeriod.map { "\($0.rawValue) plan" } ?? "plan"
    let weight: Double
    let detail: String
    if let renewal = customer.nextRenewal {
      let days = Int((renewal.timeIntervalSince(now) / 86_400).rounded(.up))
      let span = renewal.timeIntervalSince(now)
      if span <= horizon {
        weight = 1
        detail =
          span < 0 ? "\(plan) renewal is overdue: counts in full" : "\(plan) renews in \(days) day(s): counts in full"
      } else if span <= 3 * horizon {
        weight = 0.5
        detail = "\(plan) renews in \(days) days: counts half"
      } else {
        weight = 0.25
        detail = "\(plan) renews in \(days) days: counts a quarter"
      }
    } else {
      weight = 1
      detail = "\(plan) with no known renewal date: counts in full"
    }
    return (weight, factors + [.init(name: "renewal", points: 0, detail: detail)])
  }
}
