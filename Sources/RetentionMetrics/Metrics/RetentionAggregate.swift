import Foundation

/// Additive monthly counters — customers, MRR movements, the 12-month NRR/GRR sums and renewals — from which
/// every monthly metric is derived.
///
/// All counters are sums over customers, so the aggregate is mergeable: compute it per shard (each customer's
/// subscriptions in one shard) and ``merging(_:)`` the results gives exactly the single-pass aggregate.
/// Turn it into per-month metrics with ``snapshots(options:)``.
public struct RetentionAggregate: Hashable, Sendable, Codable {
  /// The report currency.
  public private(set) var currency: CurrencyCode
  /// The first month counted.
  public private(set) var firstMonth: CivilMonth
  /// The month of the earliest subscription start (12-month NRR/GRR need 12 months of history after it).
  public internal(set) var historyStart: CivilMonth
  /// Per-month counters, `counters[i]` being month `firstMonth + i`.
  public private(set) var counters: [MonthlyCounters]

  /// An aggregate with no customers over a range of months.
  /// - Parameters:
  ///   - currency: The report currency.
  ///   - months: The months to cover.
  public init(currency: CurrencyCode, months: ClosedRange<CivilMonth>) {
    self.currency = currency
    firstMonth = months.lowerBound
    historyStart = months.lowerBound
    counters = [MonthlyCounters](repeating: MonthlyCounters(), count: months.count)
  }

  /// The months covered.
  public var months: [CivilMonth] { (0..<counters.count).map { firstMonth.advanced(by: $0) } }

  /// Computes the counters in one pass over the customers.
  ///
  /// Each customer's MRR is taken at every month end (a subscription counts on day d when
  /// start ≤ d < end, changes apply from their effective date); movements compare consecutive month ends.
  /// - Parameters:
  ///   - dataset: The validated subscriptions and changes.
  ///   - last: The last month to compute; renewals are counted up to its last day (the report date).
  ///   - segment: Which customers to count; all by default. A tier segment counts, each month, the customers
  ///     whose highest active tier at the month's start is that tier, and only the start-based counters (see
  ///     ``RetentionSegment``); to compute many segments, ``SegmentedRetentionAggregate`` does it in one pass.
  /// - Complexity: O(n + c + Σ months each customer is followed + renewals), no dictionary or calendar work.
  public init(dataset: RetentionDataset, through last: CivilMonth, segment: RetentionSegment = .all) {
    if let dimension = segment.dimension {
      let segmented = SegmentedRetentionAggregate(dataset: dataset, through: last, by: [dimension])
      self = segmented.segments[segment] ?? segmented.total.emptied()
    } else {
      self.init(dataset: dataset, through: last, segment: .all, counting: true)
    }
  }

  /// The months from the dataset's first through `last`; counts every customer when `counting`.
  init(dataset: RetentionDataset, through last: CivilMonth, segment: RetentionSegment, counting: Bool) {
    let first = dataset.firstMonth ?? last
    self.init(currency: dataset.currency, months: min(first, last)...last)
    historyStart = first
    guard counting else { return }
    let base = firstMonth.index
    let monthCount = counters.count
    var cells = [Int64](repeating: 0, count: monthCount * CounterCells.fields)
    var buffer = [Int64](repeating: 0, count: monthCount)
    cells.withUnsafeMutableBufferPointer { cells in
      buffer.withUnsafeMutableBufferPointer { buffer in
        let counters = CounterCells(cells: cells.baseAddress!, months: monthCount)
        for customer in 0..<dataset.customerCount {
          if let (active, lastActive) = dataset.fillMonthEndMRR(customer: customer, base: base, into: buffer) {
            counters.addMovements(of: buffer, from: active, through: min(monthCount - 1, lastActive + 12))
            for slot in active...lastActive { buffer[slot] = 0 }
          }
          counters.addRenewals(of: customer, in: dataset, base: base)
        }
      }
    }
    counters = CounterCells.counters(from: cells, months: monthCount)
  }

  /// The months covered, as a range.
  var monthRange: ClosedRange<CivilMonth> { firstMonth...firstMonth.advanced(by: counters.count - 1) }

  /// Replaces the counters (same number of months).
  mutating func replaceCounters(_ counters: [MonthlyCounters]) {
    assert(counters.count == self.counters.count, "a segment covers the same months as the whole")
    self.counters = counters
  }

  /// The same months with every counter zero.
  func emptied() -> RetentionAggregate {
    var empty = RetentionAggregate(currency: currency, months: monthRange)
    empty.historyStart = historyStart
    return empty
  }

  /// Combines the aggregates of two disjoint sets of customers.
  /// - Parameter other: The aggregate of other customers, in the same currency.
  /// - Returns: The aggregate over both, covering the union of their months.
  /// - Throws: ``RetentionError/Code-swift.struct/mixedCurrencies`` when the currencies differ;
  ///   ``RetentionError/Code-swift.struct/overflow`` when a sum does not fit in 64 bits.
  /// - Complexity: O(months).
  public func merging(_ other: RetentionAggregate) throws(RetentionError) -> RetentionAggregate {
    guard currency == other.currency else { throw .mixedCurrencies(found: other.currency, expected: currency) }
    let lower = min(firstMonth, other.firstMonth)
    let upper = max(
      firstMonth.advanced(by: counters.count - 1), other.firstMonth.advanced(by: other.counters.count - 1))
    var merged = RetentionAggregate(currency: currency, months: lower...upper)
    merged.historyStart = min(historyStart, other.historyStart)
    for part in [self, other] {
      let offset = lower.distance(to: part.firstMonth)
      for (index, counter) in part.counters.enumerated() { try merged.counters[offset + index].add(counter) }
    }
    return merged
  }
}

/// The additive counters of one month. Amounts are in minor units of the aggregate's currency.
public struct MonthlyCounters: Hashable, Sendable, Codable {
  /// Customers with MRR > 0 at the previous month end.
  public var customersStart = 0
  /// Customers with MRR > 0 at this month end.
  public var customersEnd = 0
  /// Customers going from 0 to > 0 for the first time.
  public var newCustomers = 0
  /// Customers going from 0 to > 0 after having had MRR at an earlier month end.
  public var reactivatedCustomers = 0
  /// Customers going from > 0 to 0.
  public var churnedCustomers = 0
  /// MRR at the previous month end.
  public var mrrStart: Int64 = 0
  /// MRR at this month end.
  public var mrrEnd: Int64 = 0
  /// MRR of new customers.
  public var newMRR: Int64 = 0
  /// MRR of reactivated customers.
  public var reactivationMRR: Int64 = 0
  /// Increases of continuing customers.
  public var expansionMRR: Int64 = 0
  /// Decreases of continuing customers (positive number).
  public var contractionMRR: Int64 = 0
  /// The previous MRR of churned customers (positive number).
  public var churnedMRR: Int64 = 0
  /// Customers who had MRR > 0 twelve month ends earlier.
  public var nrrBaseCustomers = 0
  /// Their MRR twelve month ends earlier.
  public var nrrBaseMRR: Int64 = 0
  /// Their MRR now.
  public var nrrCurrentMRR: Int64 = 0
  /// Their MRR now, each capped at its MRR twelve month ends earlier.
  public var grrCurrentMRR: Int64 = 0
  /// Renewals due this month per billing period, in `BillingPeriod.allCases` order.
  public var renewalsDue = [Int](repeating: 0, count: BillingPeriod.allCases.count)
  /// Renewals that happened, per billing period.
  public var renewalsRenewed = [Int](repeating: 0, count: BillingPeriod.allCases.count)

  /// Empty counters.
  public init() {}

  /// Adds another shard's counters of the same month, with checked arithmetic.
  /// - Parameter other: The counters to add.
  /// - Throws: ``RetentionError/Code-swift.struct/overflow`` when a sum does not fit in 64 bits (counters
  ///   decoded from elsewhere can hold any values); the counters are then left unchanged.
  public mutating func add(_ other: MonthlyCounters) throws(RetentionError) {
    var sum = self
    sum.customersStart = try checkedSum(customersStart, other.customersStart, "customers at the start")
    sum.customersEnd = try checkedSum(customersEnd, other.customersEnd, "customers at the end")
    sum.newCustomers = try checkedSum(newCustomers, other.newCustomers, "new customers")
    sum.reactivatedCustomers = try checkedSum(
      reactivatedCustomers, other.reactivatedCustomers, "reactivated customers")
    sum.churnedCustomers = try checkedSum(churnedCustomers, other.churnedCustomers, "churned customers")
    sum.mrrStart = try checkedSum(mrrStart, other.mrrStart, "MRR at the start")
    sum.mrrEnd = try checkedSum(mrrEnd, other.mrrEnd, "MRR at the end")
    sum.newMRR = try checkedSum(newMRR, other.newMRR, "new MRR")
    sum.reactivationMRR = try checkedSum(reactivationMRR, other.reactivationMRR, "reactivation MRR")
    sum.expansionMRR = try checkedSum(expansionMRR, other.expansionMRR, "expansion MRR")
    sum.contractionMRR = try checkedSum(contractionMRR, other.contractionMRR, "contraction MRR")
    sum.churnedMRR = try checkedSum(churnedMRR, other.churnedMRR, "churned MRR")
    sum.nrrBaseCustomers = try checkedSum(nrrBaseCustomers, other.nrrBaseCustomers, "NRR base customers")
    sum.nrrBaseMRR = try checkedSum(nrrBaseMRR, other.nrrBaseMRR, "NRR base MRR")
    sum.nrrCurrentMRR = try checkedSum(nrrCurrentMRR, other.nrrCurrentMRR, "NRR current MRR")
    sum.grrCurrentMRR = try checkedSum(grrCurrentMRR, other.grrCurrentMRR, "GRR current MRR")
    for index in renewalsDue.indices {
      sum.renewalsDue[index] = try checkedSum(renewalsDue[index], other.renewalsDue[index], "renewals due")
      sum.renewalsRenewed[index] = try checkedSum(
        renewalsRenewed[index], other.renewalsRenewed[index], "renewals renewed")
    }
    self = sum
  }
}

/// `a + b`, or an ``RetentionError/Code-swift.struct/overflow`` error naming what was being added.
func checkedSum<Value: FixedWidthInteger>(_ a: Value, _ b: Value, _ what: String) throws(RetentionError) -> Value {
  let (sum, overflow) = a.addingReportingOverflow(b)
  if overflow { throw .overflow("the merged sum of \(what)") }
  return sum
}

extension MonthlyCounters {
  /// Decodes counters, checking that the renewal arrays have one entry per billing period.
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: `DecodingError.dataCorrupted` for renewal arrays of the wrong length.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    customersStart = try c.decode(Int.self, forKey: .customersStart)
    customersEnd = try c.decode(Int.self, forKey: .customersEnd)
    newCustomers = try c.decode(Int.self, forKey: .newCustomers)
    reactivatedCustomers = try c.decode(Int.self, forKey: .reactivatedCustomers)
    churnedCustomers = try c.decode(Int.self, forKey: .churnedCustomers)
    mrrStart = try c.decode(Int64.self, forKey: .mrrStart)
    mrrEnd = try c.decode(Int64.self, forKey: .mrrEnd)
    newMRR = try c.decode(Int64.self, forKey: .newMRR)
    reactivationMRR = try c.decode(Int64.self, forKey: .reactivationMRR)
    expansionMRR = try c.decode(Int64.self, forKey: .expansionMRR)
    contractionMRR = try c.decode(Int64.self, forKey: .contractionMRR)
    churnedMRR = try c.decode(Int64.self, forKey: .churnedMRR)
    nrrBaseCustomers = try c.decode(Int.self, forKey: .nrrBaseCustomers)
    nrrBaseMRR = try c.decode(Int64.self, forKey: .nrrBaseMRR)
    nrrCurrentMRR = try c.decode(Int64.self, forKey: .nrrCurrentMRR)
    grrCurrentMRR = try c.decode(Int64.self, forKey: .grrCurrentMRR)
    renewalsDue = try c.decode([Int].self, forKey: .renewalsDue)
    renewalsRenewed = try c.decode([Int].self, forKey: .renewalsRenewed)
    let periods = BillingPeriod.allCases.count
    guard renewalsDue.count == periods, renewalsRenewed.count == periods else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "renewal counts need one entry per billing period"))
    }
  }
}
