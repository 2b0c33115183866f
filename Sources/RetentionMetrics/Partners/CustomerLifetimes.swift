import Foundation

/// Customer lifetimes for survival by channel and by partner: from a customer's first start to the first day
/// it has no subscription at all.
///
/// Subscriptions that follow each other without a gap (a plan change on the day the old plan ends, or
/// overlapping plans) are one lifetime. The first gap ends it: an observed event when that day is on or before
/// the day after the report date, otherwise the lifetime is censored at the report date. A customer who comes
/// back later is not followed further (the lifetime measured is the time to the first churn). Customers whose
/// first start is after the report date are left out.
enum CustomerLifetimes {
  /// Each counted customer's lifetime, in customer order.
  static func lifetimes(
    in dataset: RetentionDataset, reportDate: CivilDate, unit: SubscriptionLifetimes.Unit
  ) -> (customers: [Int32], durations: [Double], observed: [Bool]) {
    let horizon = Int32(clamping: reportDate.dayNumber + 1)
    var customers: [Int32] = []
    var durations: [Double] = []
    var observed: [Bool] = []
    customers.reserveCapacity(dataset.customerCount)
    durations.reserveCapacity(dataset.customerCount)
    observed.reserveCapacity(dataset.customerCount)
    for customer in 0..<dataset.customerCount {
      let range = dataset.customerOffsets[customer]..<dataset.customerOffsets[customer + 1]
      let first = Int(dataset.order[range.lowerBound])
      let start = dataset.startDay[first]
      guard start < horizon else { continue }
      // Subscriptions are sorted by start: extend the covered span until a gap.
      var coveredUntil = dataset.endDay[first]
      for position in range.dropFirst() {
        let subscription = Int(dataset.order[position])
        if dataset.startDay[subscription] > coveredUntil { break }
        coveredUntil = max(coveredUntil, dataset.endDay[subscription])
      }
      let event = coveredUntil <= horizon
      let stop = CivilDate(dayNumber: Int(event ? coveredUntil : horizon))
      customers.append(Int32(customer))
      durations.append(SubscriptionLifetimes.duration(from: CivilDate(dayNumber: Int(start)), to: stop, unit: unit))
      observed.append(event)
    }
    return (customers, durations, observed)
  }
}

/// Survival of customer lifetimes per group (each channel, or each partner), each group tested against the
/// customers who came direct with the log-rank test — "do customers of this partner stay as long as our own?".
public struct SurvivalAgainstDirect: Sendable {
  /// One group.
  public struct Group: Sendable {
    /// The channel or partner.
    public var name: String
    /// Customers in the group.
    public var customers: Int
    /// The Kaplan–Meier estimate of their lifetimes.
    public var estimate: KaplanMeierEstimate
    /// The log-rank test of this group against direct customers; `nil` for the direct group itself, or when
    /// there are no direct customers or no events.
    public var testAgainstDirect: LogRankTest?
  }

  /// The groups, sorted by name.
  public var groups: [Group]

  /// Estimates each group and tests it against the `direct` table.
  init(
    tables: [(name: String, table: SurvivalTable)], direct: SurvivalTable?, directName: String?, confidenceLevel: Double
  )
    throws(RetentionError)
  {
    var groups: [Group] = []
    for (name, table) in tables {
      var test: LogRankTest?
      if let direct, name != directName, direct.subjectCount > 0, table.subjectCount > 0 {
        test = try? LogRankTest(groups: [(name: "direct", table: direct), (name: name, table: table)])
      }
      groups.append(
        Group(
          name: name, customers: table.subjectCount,
          estimate: try KaplanMeierEstimate(table, confidenceLevel: confidenceLevel), testAgainstDirect: test))
    }
    self.groups = groups
  }
}

extension SurvivalAgainstDirect {
  /// `{"groups": {"name": {"customers": n, "survival": KaplanMeier, "vs_direct": LogRank | null}, …}}`.
  var jsonValue: JSONValue {
    .object([
      (
        "groups",
        .object(
          groups.map { group in
            (
              group.name,
              .object([
                ("customers", .int(group.customers)), ("survival", group.estimate.jsonValue),
                ("vs_direct", group.testAgainstDirect?.jsonValue ?? .null),
              ])
            )
          })
      )
    ])
  }
}
