import Foundation
import Testing

@testable import RetentionMetrics

/// Amounts and dates at the edges: typed errors, never a wrapped negative MRR, a trap or a huge allocation.
@Suite("Retention input limits")
struct InputLimitsTests {
  static let huge = Money(minorUnits: Int64.max / 2 + 1, currency: "USD")

  func subscription(_ id: String, _ customer: String, _ mrr: Money) -> Subscription {
    Subscription(
      id: SubscriptionID(id), customer: CustomerID(customer), plan: "dedicated", tier: .dedicated, channel: .direct,
      billingPeriod: .monthly, mrr: mrr, start: day("2024-01-01"))
  }

  @Test("MRR whose sum overflows Int64 is a typed overflow error, not a negative MRR")
  func mrrSumOverflows() {
    let subscriptions = [subscription("s1", "A", Self.huge), subscription("s2", "B", Self.huge)]
    #expect {
      _ = try RetentionDataset(subscriptions: subscriptions)
    } throws: { error in
      (error as? RetentionError)?.code == .overflow
    }
    // One customer holding both: the same error, not a trap while adding the customer's month-end MRR.
    let same = [subscription("s1", "A", Self.huge), subscription("s2", "A", Self.huge)]
    #expect(throws: RetentionError.self) { try RetentionDataset(subscriptions: same) }
  }

  @Test("an MRR change that makes the total overflow is a typed overflow error")
  func changeOverflows() {
    let subscriptions = [subscription("s1", "A", Self.huge)]
    let changes = [MRRChange(subscription: "s1", effective: day("2024-03-01"), newMRR: Self.huge)]
    #expect {
      _ = try RetentionDataset(subscriptions: subscriptions, changes: changes)
    } throws: { error in
      (error as? RetentionError)?.code == .overflow
    }
  }

  @Test("amounts just inside the limit give exact, non-negative sums")
  func largeButFitting() throws {
    let big = Money(minorUnits: Int64.max / 4, currency: "USD")
    let dataset = try RetentionDataset(subscriptions: [subscription("s1", "A", big), subscription("s2", "B", big)])
    let aggregate = RetentionAggregate(dataset: dataset, through: month("2024-03"))
    #expect(aggregate.counters.allSatisfy { $0.mrrEnd == 2 * (Int64.max / 4) })
  }

  @Test("merging counters whose sums overflow is a typed overflow error, not a trap")
  func mergeOverflows() throws {
    let big = Money(minorUnits: Int64.max / 2 + 1, currency: "USD")
    let first = RetentionAggregate(
      dataset: try RetentionDataset(subscriptions: [subscription("s1", "A", big)]), through: month("2024-02"))
    let second = RetentionAggregate(
      dataset: try RetentionDataset(subscriptions: [subscription("s2", "B", big)]), through: month("2024-02"))
    #expect {
      _ = try first.merging(second)
    } throws: { error in
      (error as? RetentionError)?.code == .overflow
    }
  }

  @Test(
    "an MRR change dated before its subscription starts, or on or after its end, is refused by the dataset",
    arguments: ["2023-12-31", "2024-06-01", "2024-07-15"])
  func changeOutsideSubscription(date: String) {
    let subscriptions = [sub("s1", "A", "10.00", "2024-01-01", "2024-06-01")]
    #expect {
      _ = try RetentionDataset(subscriptions: subscriptions, changes: [change("s1", date, "99.00")])
    } throws: { error in
      (error as? RetentionError)?.code == .changeOutsideSubscription
    }
  }

  @Test("changes on the first day and the last day of service are kept")
  func changesAtTheEdges() throws {
    let subscriptions = [sub("s1", "A", "10.00", "2024-01-01", "2024-06-01")]
    let changes = [change("s1", "2024-01-01", "12.00"), change("s1", "2024-05-31", "15.00")]
    #expect(try RetentionDataset(subscriptions: subscriptions, changes: changes).changes.count == 2)
  }

  @Test(
    "the CSV importer refuses a change outside its subscription in strict mode and skips it, reported, in lenient mode")
  func importerChangeOutsideSubscription() throws {
    let subscriptions = [sub("s1", "A", "10.00", "2024-02-01")]
    let csv = "subscription_id,effective_date,new_mrr\ns1,2024-03-01,12.00\ns1,2024-01-15,99.00\n"
    #expect {
      _ = try RetentionCSVImporter().changes(csv: csv, file: "changes.csv", subscriptions: subscriptions)
    } throws: { error in
      let error = error as? RetentionError
      return error?.code == .changeOutsideSubscription && error?.location?.line == 3
        && error?.location?.column == "effective_date"
    }
    let lenient = try RetentionCSVImporter(mode: .lenient)
      .changes(csv: csv, file: "changes.csv", subscriptions: subscriptions)
    #expect(lenient.records.map(\.effective) == [day("2024-03-01")])
    #expect(lenient.issues.map(\.code) == [.changeOutsideSubscription])
  }

  @Test("a report over more than 1200 months, or outside 1970-01 … 2099-12, is refused before any table is built")
  func reportRange() throws {
    let dataset = try RetentionDataset(subscriptions: SmallHost.subscriptions)
    for range in [
      month("0001-01")...month("9999-12"), month("1970-01")...month("2070-01"), month("2099-01")...month("2100-01"),
    ] {
      #expect {
        _ = try RetentionReport(dataset: dataset, months: range)
      } throws: { error in
        (error as? RetentionError)?.code == .invalidArgument
      }
    }
    #expect(try RetentionReport(dataset: dataset, months: month("1970-01")...month("2069-12")).months.count == 1200)
  }
}
