import Foundation
import Testing

@testable import RetentionMetrics

@Suite("Monthly customer and MRR metrics")
struct MonthlyMetricsTests {
  func snapshots(
    _ subscriptions: [Subscription] = SmallHost.subscriptions, _ changes: [MRRChange] = SmallHost.changes,
    through last: String = "2024-04", options: MetricOptions = MetricOptions()
  ) throws -> [MonthlySnapshot] {
    let dataset = try RetentionDataset(subscriptions: subscriptions, changes: changes)
    return RetentionAggregate(dataset: dataset, through: month(last)).snapshots(options: options)
  }

  @Test("customers are counted at month ends: new, churned, reactivated, and a same-month visitor in neither")
  func customerCounts() throws {
    let months = try snapshots()
    #expect(months.map(\.month.description) == ["2024-01", "2024-02", "2024-03", "2024-04"])
    #expect(months.map(\.counters.customersStart) == [0, 4, 3, 2])
    #expect(months.map(\.counters.customersEnd) == [4, 3, 2, 3])
    #expect(months.map(\.counters.newCustomers) == [4, 0, 0, 0])
    #expect(months.map(\.counters.churnedCustomers) == [0, 1, 1, 0])
    #expect(months.map(\.counters.reactivatedCustomers) == [0, 0, 0, 1])
  }

  @Test("MRR movements are customer level: a second plan is expansion, ending one of several is contraction")
  func movements() throws {
    let months = try snapshots()
    #expect(months.map(\.counters.mrrEnd) == [5000, 6800, 5300, 3500])
    #expect(months.map(\.counters.newMRR) == [5000, 0, 0, 0])
    #expect(months.map(\.counters.expansionMRR) == [0, 3000, 500, 0])
    #expect(months.map(\.counters.contractionMRR) == [0, 0, 0, 3000])
    #expect(months.map(\.counters.churnedMRR) == [0, 1200, 2000, 0])
    #expect(months.map(\.counters.reactivationMRR) == [0, 0, 0, 1200])
  }

  @Test("churn rate uses customers at start by default and start + new as Stripe does on request")
  func churnRates() throws {
    #expect(try snapshots().map(\.customerChurnRate) == [nil, 0.25, 1.0 / 3, 0])
    let stripe = try snapshots(options: MetricOptions(churnDenominator: .customersAtStartPlusNew))
    #expect(stripe.map(\.customerChurnRate) == [0, 0.25, 1.0 / 3, 0])
  }

  @Test("gross MRR churn is churned plus contraction MRR over MRR at start")
  func grossMRRChurn() throws {
    // February 12 / 50, March 20 / 68, April 30 / 53 (D's VPS ended: contraction).
    #expect(try snapshots().map(\.grossMRRChurnRate) == [nil, 12.0 / 50, 20.0 / 68, 30.0 / 53])
  }

  @Test("ARPA is month-end MRR per active customer and LTV is ARPA ÷ churn, times the gross margin")
  func arpaAndLTV() throws {
    let months = try snapshots()
    #expect(months.map { $0.arpa?.decimalString } == ["12.50", "22.67", "26.50", "11.67"])
    #expect(months.map { $0.ltv?.decimalString } == [nil, "90.67", "79.50", nil])
    let margin = try snapshots(options: MetricOptions(grossMargin: Decimal(string: "0.8")))
    // 68/3 ÷ 0.25 × 0.8 = 72.5333…; 26.50 × 3 × 0.8 = 63.60
    #expect(margin.map { $0.ltv?.decimalString } == [nil, "72.53", "63.60", nil])
  }

  @Test("a renewal is due on each period anniversary while running, and missed when service ends that day")
  func renewals() throws {
    let months = try snapshots()
    #expect(months.map(\.allRenewals.due) == [0, 3, 4, 3])
    #expect(months.map(\.allRenewals.renewed) == [0, 3, 3, 2])
    #expect(months[2].renewals(for: .monthly).rate == 0.75)
    #expect(months[2].renewals(for: .annual).rate == nil)
  }

  @Test("switching plans on the renewal date counts as a renewal, and month-end dates clamp")
  func renewalByPlanChange() throws {
    let subscriptions = [
      sub("f1", "F", "5.00", "2023-01-31", "2024-01-31", period: .annual),
      sub("f2", "F", "20.00", "2024-01-31", "2024-03-01", tier: .vps),
      sub("g1", "G", "5.00", "2023-01-31", "2024-01-31", period: .annual),
    ]
    let months = try snapshots(subscriptions, [], through: "2024-03")
    let january = try #require(months.first { $0.month == month("2024-01") })
    #expect(january.renewals(for: .annual) == RenewalCount(due: 2, renewed: 1))
    // f2 renews on 2024-02-29 (31 clamped), then ends 2024-03-01 before its 2024-03-31 date.
    let february = try #require(months.first { $0.month == month("2024-02") })
    #expect(february.renewals(for: .monthly) == RenewalCount(due: 1, renewed: 1))
    #expect(months.last?.allRenewals.due == 0)
  }

  @Test("12-month NRR and GRR follow the customers paying 12 months ago, null before 12 months of history")
  func netAndGrossRetention() throws {
    let subscriptions = [
      sub("x", "X", "10.00", "2023-01-01"), sub("y", "Y", "20.00", "2023-01-01", "2023-06-01"),
      sub("z", "Z", "10.00", "2023-01-01"), sub("w", "W", "50.00", "2023-06-01"),
    ]
    let changes = [change("x", "2024-01-05", "15.00"), change("z", "2023-12-01", "4.00")]
    let months = try snapshots(subscriptions, changes, through: "2024-01")
    #expect(months.dropLast().allSatisfy { $0.nrr12m == nil && $0.grr12m == nil })
    #expect(months.last?.nrr12m == 19.0 / 40)
    #expect(months.last?.grr12m == 14.0 / 40)
  }

  @Test("start + new + reactivation + expansion − contraction − churn = end, exactly, every month (seeded)")
  func movementIdentity() throws {
    let (subscriptions, changes) = randomHost(seed: 42, customers: 400)
    let months = try snapshots(subscriptions, changes, through: "2025-06")
    for (index, snapshot) in months.enumerated() {
      let c = snapshot.counters
      #expect(c.mrrStart + c.newMRR + c.reactivationMRR + c.expansionMRR - c.contractionMRR - c.churnedMRR == c.mrrEnd)
      #expect(c.customersStart + c.newCustomers + c.reactivatedCustomers - c.churnedCustomers == c.customersEnd)
      if index > 0 {
        #expect(c.mrrStart == months[index - 1].counters.mrrEnd)
      }
    }
  }

  @Test("the one-pass counters equal a day-by-day recomputation from the definitions (seeded)")
  func againstDefinitions() throws {
    let (subscriptions, changes) = randomHost(seed: 9, customers: 150)
    let months = try snapshots(subscriptions, changes, through: "2025-03")
    let customers = Set(subscriptions.map(\.customer))
    func mrr(_ customer: CustomerID, at month: CivilMonth) -> Int64 {
      let endDay = month.lastDay
      return subscriptions.filter {
        $0.customer == customer && $0.start <= endDay && ($0.end.map { endDay < $0 } ?? true)
      }
      .reduce(0) { total, subscription in
        let latest = changes.enumerated().filter {
          $0.element.subscription == subscription.id && $0.element.effective <= endDay
        }
        .max { ($0.element.effective, $0.offset) < ($1.element.effective, $1.offset) }
        return total + (latest?.element.newMRR.minorUnits ?? subscription.mrr.minorUnits)
      }
    }
    var everPaid = Set<CustomerID>()
    for snapshot in months {
      var expected = MonthlyCounters()
      for customer in customers {
        let before = mrr(customer, at: snapshot.month.advanced(by: -1))
        let now = mrr(customer, at: snapshot.month)
        if before > 0 { expected.customersStart += 1 }
        if now > 0 { expected.customersEnd += 1 }
        if before == 0 && now > 0 {
          if everPaid.contains(customer) { expected.reactivatedCustomers += 1 } else { expected.newCustomers += 1 }
        }
        if before > 0 && now == 0 { expected.churnedMRR += before }
        if before > 0 && now > 0 && now > before { expected.expansionMRR += now - before }
      }
      for customer in customers where mrr(customer, at: snapshot.month) > 0 { everPaid.insert(customer) }
      #expect(snapshot.counters.customersStart == expected.customersStart, "\(snapshot.month)")
      #expect(snapshot.counters.customersEnd == expected.customersEnd, "\(snapshot.month)")
      #expect(snapshot.counters.newCustomers == expected.newCustomers, "\(snapshot.month)")
      #expect(snapshot.counters.reactivatedCustomers == expected.reactivatedCustomers, "\(snapshot.month)")
      #expect(snapshot.counters.churnedMRR == expected.churnedMRR, "\(snapshot.month)")
      #expect(snapshot.counters.expansionMRR == expected.expansionMRR, "\(snapshot.month)")
    }
  }

  @Test("aggregates computed per shard of customers and merged equal the single-pass aggregate (seeded)")
  func mergeable() throws {
    let (subscriptions, changes) = randomHost(seed: 2024, customers: 600)
    let whole = RetentionAggregate(
      dataset: try RetentionDataset(subscriptions: subscriptions, changes: changes), through: month("2025-06"))
    var generator = SeededGenerator(seed: 5)
    let shardOf = Dictionary(
      grouping: Set(subscriptions.map(\.customer)), by: { _ in Int.random(in: 0..<4, using: &generator) })
    var merged: RetentionAggregate?
    for (_, members) in shardOf.sorted(by: { $0.key < $1.key }) {
      let ids = Set(members.flatMap { customer in subscriptions.filter { $0.customer == customer }.map(\.id) })
      let part = RetentionAggregate(
        dataset: try RetentionDataset(
          subscriptions: subscriptions.filter { ids.contains($0.id) },
          changes: changes.filter { ids.contains($0.subscription) },
          currency: "USD"),
        through: month("2025-06"))
      merged = try merged.map { try $0.merging(part) } ?? part
    }
    #expect(merged == whole)
    #expect(merged?.snapshots() == whole.snapshots())
  }

  @Test("merging aggregates of different currencies is an error")
  func mergeCurrencies() {
    let usd = RetentionAggregate(currency: "USD", months: month("2024-01")...month("2024-02"))
    let eur = RetentionAggregate(currency: "EUR", months: month("2024-01")...month("2024-02"))
    #expect(throws: RetentionError.self) { try usd.merging(eur) }
  }

  @Test("a channel segment counts the customers whose first subscription came through it, with every key")
  func channelSegment() throws {
    let dataset = try RetentionDataset(subscriptions: SmallHost.subscriptions, changes: SmallHost.changes)
    let affiliate = RetentionAggregate(dataset: dataset, through: month("2024-04"), segment: .channel(.affiliate))
    #expect(affiliate.snapshots().map(\.counters.reactivatedCustomers) == [0, 0, 0, 1])
    #expect(affiliate.snapshots().map(\.counters.customersEnd) == [1, 0, 0, 1])
    #expect(affiliate.months == RetentionAggregate(dataset: dataset, through: month("2024-04")).months)
  }

  @Test("a tier segment counts customers by their highest active tier at the month's start; an upgrade stays put")
  func tierSegmentAtStart() throws {
    // D has shared d1 and, from 1 February, VPS d2: in February D starts (31 January) on shared only.
    let dataset = try RetentionDataset(subscriptions: SmallHost.subscriptions, changes: SmallHost.changes)
    let vps = RetentionAggregate(dataset: dataset, through: month("2024-04"), segment: .tier(.vps)).snapshots()
    #expect(vps.map(\.counters.customersStart) == [0, 1, 2, 1])
    #expect(vps.map(\.counters.mrrStart) == [0, 2000, 5800, 3800])
    #expect(vps.map(\.counters.churnedCustomers) == [0, 0, 1, 0])
    let shared = RetentionAggregate(dataset: dataset, through: month("2024-04"), segment: .tier(.shared)).snapshots()
    #expect(shared.map(\.counters.customersStart) == [0, 3, 1, 1])
    // Only the start-based counters are kept for tiers.
    #expect(vps.allSatisfy { $0.counters.customersEnd == 0 && $0.counters.newCustomers == 0 })
  }

  @Test("the dataset rejects duplicate ids, end before start, mixed currencies and unknown subscriptions")
  func datasetValidation() {
    #expect(throws: RetentionError.self) {
      try RetentionDataset(subscriptions: [sub("a", "A", "1", "2024-01-01"), sub("a", "B", "1", "2024-01-01")])
    }
    #expect(throws: RetentionError.self) {
      try RetentionDataset(subscriptions: [sub("a", "A", "1", "2024-02-01", "2024-01-01")])
    }
    var euro = sub("b", "B", "1", "2024-01-01")
    euro.mrr.currency = "EUR"
    #expect(throws: RetentionError.self) {
      try RetentionDataset(subscriptions: [sub("a", "A", "1", "2024-01-01"), euro])
    }
    #expect(throws: RetentionError.self) {
      try RetentionDataset(
        subscriptions: [sub("a", "A", "1", "2024-01-01")], changes: [change("zz", "2024-02-01", "2")])
    }
  }
}
