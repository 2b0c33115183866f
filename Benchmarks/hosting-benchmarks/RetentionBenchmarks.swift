import Foundation
import RetentionMetrics

/// Workloads for RetentionMetrics (issue 7).
///
/// The subscription workloads share one synthetic book of business: 1,000,000 subscriptions of about
/// 700,000 customers starting over 36 months (2022-01 … 2024-12), 55% of them ended, a tenth with an MRR
/// change. It is built once, lazily, outside the clock.
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
      subscriptions.append(
        Subscription(
          id: SubscriptionID(id), customer: CustomerID("cus-\(customer)"), plan: "plan",
          tier: PlanTier.allCases[(index + Int.random(in: 0..<5, using: &generator)) % 5],
          channel: AcquisitionChannel.wellKnown[Int.random(in: 0..<3, using: &generator)], billingPeriod: period,
          mrr: Money(minorUnits: prices.randomElement(using: &generator)!, currency: "USD"),
          start: CivilDate(dayNumber: start), end: end.map { CivilDate(dayNumber: $0) }))
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
