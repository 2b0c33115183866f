import Foundation
import HostingSupport
import HostingSupportTestKit
import RetentionMetrics
import SupportTickets
import Testing

@Suite("SupportDesk renewal-aware churn risk")
struct DeskChurnRiskTests {
  static func usd(_ cents: Int64) -> Money { Money(minorUnits: cents, currency: "USD") }

  static func customer(
    _ id: CustomerID, tier: PlanTier, cents: Int64, renewsIn days: Double?, period: BillingPeriod? = .monthly
  ) -> CustomerProfile {
    CustomerProfile(
      id: id, name: id.rawValue, tier: tier, monthlyRevenue: usd(cents),
      customerSince: Fixtures.referenceDate - 60 * day, nextRenewal: days.map { Fixtures.referenceDate + $0 * day },
      billingPeriod: period)
  }

  @Test("a shared-plan customer's expected upgrade value counts in the value at risk, with its reason")
  func upgradeValue() async throws {
    let shared = Self.customer("shared", tier: .shared, cents: 900, renewsIn: 10)
    let desk = SupportDesk(transport: RecordingTransport(), customers: [shared], now: { Fixtures.referenceDate })
    let expectation = UpgradeExpectation(probabilityWithin12Months: 0.5, typicalUpgradeMRR: Self.usd(4_000))
    let health = try await desk.health(
      of: "shared", now: Fixtures.referenceDate, options: ChurnRiskOptions(upgradeExpectation: expectation))
    #expect(health.expectedUpgradeMRR == Self.usd(2_000))
    let riskShare = Double(100 - health.score) / 100
    #expect(health.expectedValueAtRisk.minorUnits == Int64((2_900 * riskShare).rounded(.down)))
    let reason = try #require(health.valueFactors.first { $0.name == "upgradePotential" })
    #expect(reason.detail.contains("50 %") && reason.detail.contains("USD 40.00") && reason.detail.contains("assumed"))
  }

  @Test("a shared-plan customer renewing soon outranks a pricier one whose renewal is far away")
  func renewalProximity() async throws {
    let shared = Self.customer("shared-soon", tier: .shared, cents: 1_200, renewsIn: 12)
    let vps = Self.customer("vps-later", tier: .vps, cents: 2_000, renewsIn: 200, period: .annual)
    let desk = SupportDesk(transport: RecordingTransport(), customers: [shared, vps], now: { Fixtures.referenceDate })
    let risks = try await desk.churnRisks(now: Fixtures.referenceDate, options: ChurnRiskOptions(maximumScore: 100))
    #expect(risks.map(\.customerID) == ["shared-soon", "vps-later"])
    #expect(risks[0].renewalWeight == 1 && risks[1].renewalWeight == 0.25)
    #expect(
      risks[1].valueFactors.contains { $0.name == "renewal" && $0.detail.contains("annual plan renews in 200 days") })
    #expect(risks[0].valueExplanation.contains("renews in 12 day(s): counts in full"))
  }

  @Test(
    "renewal weight: due within 30 days, overdue or unknown counts in full; within 90 days half; later a quarter",
    arguments: [(5.0, 1.0), (-3, 1), (30, 1), (31, 0.5), (90, 0.5), (91, 0.25), (400, 0.25)] as [(Double, Double)])
  func renewalWeights(days: Double, weight: Double) async throws {
    let customer = Self.customer("c", tier: .vps, cents: 2_000, renewsIn: days)
    let desk = SupportDesk(transport: RecordingTransport(), customers: [customer], now: { Fixtures.referenceDate })
    #expect(try await desk.health(of: "c", now: Fixtures.referenceDate).renewalWeight == weight)
    let unknown = Self.customer("u", tier: .vps, cents: 2_000, renewsIn: nil, period: nil)
    await desk.register([unknown])
    #expect(try await desk.health(of: "u", now: Fixtures.referenceDate).renewalWeight == 1)
  }

  @Test("the upgrade expectation is measured from RetentionMetrics' 12-month upgrade funnel")
  func measuredExpectation() throws {
    func start(_ months: Int) -> CivilDate { try! CivilDate(year: 2024, month: 1, day: 1).addingMonths(months) }
    var subscriptions: [Subscription] = []
    for index in 0..<10 {
      let customer = CustomerID("c\(index)")
      let upgrades = index < 4
      subscriptions.append(
        Subscription(
          id: SubscriptionID("s\(index)"), customer: customer, tier: .shared, mrr: Self.usd(500),
          start: start(index % 3),
          end: upgrades ? start(index % 3 + 5) : nil))
      if upgrades {
        subscriptions.append(
          Subscription(
            id: SubscriptionID("v\(index)"), customer: customer, tier: .vps, mrr: Self.usd(index == 0 ? 6_000 : 2_500),
            start: start(index % 3 + 5)))
      }
    }
    let dataset = try RetentionDataset(subscriptions: subscriptions, currency: "USD")
    let expectation = try #require(UpgradeExpectation.measured(from: dataset, reportDate: start(24)))
    #expect(expectation.probabilityWithin12Months == 0.4 && expectation.measuredStarters == 10)
    #expect(expectation.typicalUpgradeMRR == Self.usd(2_500))
    #expect(expectation.expectedMonthlyValue(in: "USD") == Self.usd(1_000))
    #expect(expectation.expectedMonthlyValue(in: "EUR") == nil)
    let young = try RetentionDataset(subscriptions: Array(subscriptions.prefix(1)), currency: "USD")
    #expect(UpgradeExpectation.measured(from: young, reportDate: start(3)) == nil, "nobody observed 12 months")
    #expect(UpgradeExpectation.hostingDefault.probabilityWithin12Months == 0.2)
    #expect(UpgradeExpectation.hostingDefault.measuredStarters == nil)
  }
}
