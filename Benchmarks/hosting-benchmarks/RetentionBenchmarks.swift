import Foundation
import RetentionMetrics

/// Workloads for RetentionMetrics (issue 7).
///
/// The subscription workloads share one synthetic book of business: 1,000,000 subscriptions of about
/// 700,000 customers starting over 36 months (2022-01 … 2024-12), 55% of them ended, a tenth with an MRR
/// change; reseller and affiliate subscriptions name one of 50 partners (issue 17). It is built once, lazily,
/// outside the clock.
func retentionBenchmarks() -> [Benchmark] {
  let last = try! CivilMonth(year: 2024, month: 12)
  return [
    Benchmark(
      name: "retention.dataset-index-1M-subscriptions",
      summary: "validate and index 1M subscriptions + 100k MRR changes (RetentionDataset.init)",
      operations: 1_000_000, unit: "subscriptions", iterations: 3,
      prepare: {
        let input = retentionBenchmarkInput
        return { keep(try RetentionDataset(subscriptions: input.subscriptions, changes: input.changes)) }
      }),
    Benchmark(
      name: "retention.monthly-metrics-1M-subscriptions-36-months",
      summary: "all monthly metrics (movements, churn, renewals, NRR/GRR, ARPA, LTV) from an indexed dataset",
      operations: 1_000_000, unit: "subscriptions", goal: .runTime(atMost: 1.0),
      prepare: {
        let dataset = retentionBenchmarkDataset
        return {
          let snapshots = RetentionAggregate(dataset: dataset, through: last).snapshots()
          blackHole(snapshots.count)
          keep(snapshots)
        }
      }),
    Benchmark(
      name: "retention.index-and-monthly-metrics-1M-subscriptions",
      summary: "validate and index 1M subscriptions, then all monthly metrics (from [Subscription] to snapshots)",
      operations: 1_000_000, unit: "subscriptions", goal: .runTime(atMost: 1.0), iterations: 3,
      prepare: {
        let input = retentionBenchmarkInput
        return {
          let dataset = try RetentionDataset(subscriptions: input.subscriptions, changes: input.changes)
          keep(RetentionAggregate(dataset: dataset, through: last).snapshots())
          keep(dataset)
        }
      }),
    Benchmark(
      name: "retention.segmented-monthly-metrics-channel-tier-partner-1M-36-months",
      summary: "monthly metrics of the whole and of every channel, tier and partner (50) segment, in one pass",
      operations: 1_000_000, unit: "subscriptions", goal: .runTime(atMost: 2.0),
      prepare: {
        let dataset = retentionBenchmarkDataset
        return {
          let segmented = SegmentedRetentionAggregate(
            dataset: dataset, through: last, by: [.channel, .tier, .partner])
          precondition(segmented.segments.count >= 50, "every partner segment is computed")
          keep(segmented.segments.values.map { $0.snapshots() })
        }
      }),
    Benchmark(
      name: "retention.import-1M-subscriptions-csv",
      summary: "read 1M subscription rows from CSV bytes (byte-level scanner, no String per field)",
      operations: 1_000_000, unit: "rows", iterations: 3,
      prepare: {
        let csv = retentionBenchmarkCSV
        return {
          let result = try RetentionCSVImporter().subscriptions(csv: csv, file: "subscriptions.csv")
          precondition(result.records.count == 1_000_000, "every row is read")
          keep(result.records)
        }
      }),
    Benchmark(
      name: "retention.kaplan-meier-json-1M-all-distinct",
      summary: "Kaplan–Meier of 1M distinct lifetimes written as JSON bytes (7M shortest round-trip numbers)",
      operations: 1_000_000, unit: "subjects", iterations: 3,
      prepare: {
        let lifetimes = survivalBenchmarkInput(distinct: true)
        return {
          let estimate = try KaplanMeierEstimate(durations: lifetimes.durations, observed: lifetimes.observed)
          let bytes = estimate.jsonBytes()
          precondition(bytes.count > 7_000_000, "the whole table is written")
          keep(bytes)
        }
      }),
    Benchmark(
      name: "retention.cohort-table-1M-subscriptions-36-months",
      summary: "cohort table (customers and MRR by signup month × age) of all customers",
      operations: 1_000_000, unit: "subscriptions", goal: .runTime(atMost: 1.0),
      prepare: {
        let dataset = retentionBenchmarkDataset
        return { keep(CohortTable(dataset: dataset, through: last)) }
      }),
    Benchmark(
      name: "retention.cohort-tables-all-segments-1M",
      summary: "cohort tables for all customers, each tier and each channel in one pass",
      operations: 1_000_000, unit: "subscriptions",
      prepare: {
        let dataset = retentionBenchmarkDataset
        return { keep(CohortTable.tables(dataset: dataset, through: last)) }
      }),
    Benchmark(
      name: "retention.kaplan-meier-1M-72-distinct",
      summary: "Kaplan–Meier with Greenwood bounds and median, 1M lifetimes in whole months 1…72",
      operations: 1_000_000, unit: "subjects", goal: .runTime(atMost: 0.005), iterations: 11,
      prepare: {
        let lifetimes = survivalBenchmarkInput(distinct: false)
        return {
          let estimate = try KaplanMeierEstimate(durations: lifetimes.durations, observed: lifetimes.observed)
          blackHole(estimate.survival.reduce(0, +))
          keep(estimate)
        }
      }),
    Benchmark(
      name: "retention.kaplan-meier-1M-all-distinct",
      summary: "Kaplan–Meier with Greenwood bounds and median, 1M lifetimes all distinct",
      operations: 1_000_000, unit: "subjects", goal: .runTime(atMost: 0.100), iterations: 7,
      prepare: {
        let lifetimes = survivalBenchmarkInput(distinct: true)
        return {
          let estimate = try KaplanMeierEstimate(durations: lifetimes.durations, observed: lifetimes.observed)
          blackHole(estimate.survival.reduce(0, +))
          keep(estimate)
        }
      }),
  ]
}

private let retentionBenchmarkInput: (subscriptions: [Subscription], changes: [MRRChange]) = {
  var generator = SeededGenerator(seed: 0x5EED_0007)
  let origin = try! CivilDate(year: 2022, month: 1, day: 1).dayNumber
  let span = try! CivilDate(year: 2025, month: 1, day: 1).dayNumber - origin
  let prices: [Int64] = [299, 499, 799, 1299, 2499, 4999, 8999, 14_999]
  var subscriptions: [Subscription] = []
  var changes: [MRRChange] = []
  subscriptions.reserveCapacity(1_000_000)
  var customer = 0
  while subscriptions.count < 1_000_000 {
    customer += 1
    let count = Int.random(in: 0..<10, using: &generator) < 6 ? 1 : 2
    for index in 0..<count where subscriptions.count < 1_000_000 {
      let start = origin + Int.random(in: 0..<span, using: &generator)
      let ended = Int.random(in: 0..<100, using: &generator) < 55
      let end = ended ? start + 1 + Int.random(in: 0..<700, using: &generator) : nil
      let id = "sub-\(subscriptions.count)"
      let period = BillingPeriod.allCases[Int.random(in: 0..<10, using: &generator) < 7 ? 0 : 3]
      // Drawn in the same order as before partners were added, so the data is unchanged.
      let tier = PlanTier.allCases[(index + Int.random(in: 0..<5, using: &generator)) % 5]
      let channel = AcquisitionChannel.wellKnown[Int.random(in: 0..<3, using: &generator)]
      subscriptions.append(
        Subscription(
          id: SubscriptionID(id), customer: CustomerID("cus-\(customer)"), plan: "plan",
          tier: tier,
          channel: channel, billingPeriod: period,
          mrr: Money(minorUnits: prices.randomElement(using: &generator)!, currency: "USD"),
          start: CivilDate(dayNumber: start), end: end.map { CivilDate(dayNumber: $0) },
          partnerID: channel == .reseller ? benchmarkPartners[customer % 20] : nil,
          affiliateID: channel == .affiliate ? benchmarkPartners[20 + customer % 30] : nil))
      if Int.random(in: 0..<10, using: &generator) == 0 {
        let effective = start + Int.random(in: 30..<400, using: &generator)
        let newMRR = Money(minorUnits: prices.randomElement(using: &generator)!, currency: "USD")
        // A dataset refuses changes outside their subscription's service period.
        if end.map({ effective < $0 }) ?? true {
          changes.append(
            MRRChange(subscription: SubscriptionID(id), effective: CivilDate(dayNumber: effective), newMRR: newMRR))
        }
      }
    }
  }
  return (subscriptions, changes)
}()

/// 20 resellers and 30 affiliates.
private let benchmarkPartners: [PartnerID] =
  (1...20).map { PartnerID("reseller-\($0)") } + (1...30).map { PartnerID("affiliate-\($0)") }

/// The benchmark's subscriptions as one CSV file's bytes.
private let retentionBenchmarkCSV: Data = {
  var text =
    "customer_id,subscription_id,plan,tier,channel,billing_period,start_date,end_date,mrr,partner_id,affiliate_id\n"
  text.reserveCapacity(100_000_000)
  for subscription in retentionBenchmarkInput.subscriptions {
    let fields = [
      subscription.customer.rawValue, subscription.id.rawValue, subscription.plan, subscription.tier.rawValue,
      subscription.channel.rawValue, subscription.billingPeriod.rawValue, subscription.start.description,
      subscription.end?.description ?? "", subscription.mrr.decimalString, subscription.partnerID?.rawValue ?? "",
      subscription.affiliateID?.rawValue ?? "",
    ]
    text += fields.joined(separator: ",") + "\n"
  }
  return Data(text.utf8)
}()

private let retentionBenchmarkDataset: RetentionDataset = {
  try! RetentionDataset(subscriptions: retentionBenchmarkInput.subscriptions, changes: retentionBenchmarkInput.changes)
}()

private func survivalBenchmarkInput(distinct: Bool) -> (durations: [Double], observed: [Bool]) {
  var generator = SeededGenerator(seed: distinct ? 11 : 12)
  var durations = [Double](repeating: 0, count: 1_000_000)
  var observed = [Bool](repeating: false, count: 1_000_000)
  for index in durations.indices {
    if distinct {
      // Exponential lifetimes in days with a unique sub-day offset each: no two are equal.
      durations[index] =
        (-log(Double.random(in: Double.ulpOfOne..<1, using: &generator)) * 400).rounded(.down)
        + Double(index) / 1_000_000
    } else {
      durations[index] = Double(Int.random(in: 1...72, using: &generator))
    }
    observed[index] = Int.random(in: 0..<10, using: &generator) < 6
  }
  return (durations, observed)
}
