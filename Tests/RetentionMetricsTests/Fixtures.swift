import Foundation

@testable import RetentionMetrics

func day(_ text: String) -> CivilDate { try! CivilDate(parsing: text) }
func month(_ text: String) -> CivilMonth { try! CivilMonth(parsing: text) }
func usd(_ text: String) -> Money { try! Money(parsing: text, currency: "USD") }

func sub(
  _ id: String, _ customer: String, _ mrr: String, _ start: String, _ end: String? = nil, tier: PlanTier = .shared,
  channel: AcquisitionChannel = .direct, period: BillingPeriod = .monthly
) -> Subscription {
  Subscription(
    id: SubscriptionID(id), customer: CustomerID(customer), plan: "\(tier.rawValue)-plan", tier: tier,
    channel: channel, billingPeriod: period, mrr: usd(mrr), start: day(start), end: end.map(day))
}

func change(_ id: String, _ date: String, _ mrr: String) -> MRRChange {
  MRRChange(subscription: SubscriptionID(id), effective: day(date), newMRR: usd(mrr))
}

/// Five customers over January–April 2024, worked through by hand in MonthlyMetricsTests.
enum SmallHost {
  static let subscriptions = [
    sub("a1", "A", "10.00", "2024-01-15"),
    sub("b1", "B", "20.00", "2024-01-01", "2024-03-01", tier: .vps),
    sub("c1", "C", "5.00", "2024-02-10", "2024-02-20"),
    sub("d1", "D", "8.00", "2024-01-05"),
    sub("d2", "D", "30.00", "2024-02-01", "2024-04-01", tier: .vps),
    sub("e1", "E", "12.00", "2024-01-10", "2024-02-01", channel: .affiliate),
    sub("e2", "E", "12.00", "2024-04-03", channel: .affiliate),
  ]
  static let changes = [change("a1", "2024-03-10", "15.00")]
}

/// Random but reproducible subscription data for property tests.
func randomHost(seed: UInt64, customers: Int) -> (subscriptions: [Subscription], changes: [MRRChange]) {
  var generator = SeededGenerator(seed: seed)
  var subscriptions: [Subscription] = []
  var changes: [MRRChange] = []
  let origin = day("2022-01-01").dayNumber
  for customer in 0..<customers {
    for index in 0..<Int.random(in: 1...3, using: &generator) {
      let start = origin + Int.random(in: 0..<900, using: &generator)
      let end: Int? = Bool.random(using: &generator) ? start + Int.random(in: 0..<500, using: &generator) : nil
      let id = "s\(customer)-\(index)"
      subscriptions.append(
        Subscription(
          id: SubscriptionID(id), customer: CustomerID("c\(customer)"),
          tier: PlanTier.allCases.randomElement(using: &generator)!,
          channel: AcquisitionChannel.wellKnown.randomElement(using: &generator)!,
          billingPeriod: BillingPeriod.allCases.randomElement(using: &generator)!,
          mrr: Money(minorUnits: Int64.random(in: 0...5_000, using: &generator), currency: "USD"),
          start: CivilDate(dayNumber: start), end: end.map { CivilDate(dayNumber: $0) }))
      // Changes fall within the service period (a dataset refuses others): first day to the day before the end.
      let lastServiceDay = end.map { $0 - 1 } ?? start + 600
      for _ in 0..<Int.random(in: 0...2, using: &generator) where lastServiceDay >= start {
        changes.append(
          MRRChange(
            subscription: SubscriptionID(id),
            effective: CivilDate(dayNumber: Int.random(in: start...lastServiceDay, using: &generator)),
            newMRR: Money(minorUnits: Int64.random(in: 0...8_000, using: &generator), currency: "USD")))
      }
    }
  }
  return (subscriptions, changes)
}

/// The kit's seeded generator (SplitMix64), so every run draws the same values.
typealias SeededGenerator = SplitMix64
