import Foundation

/// Additive monthly counters — customers, MRR movements, the 12-month NRR/GRR sums and renewals — from which
/// every monthly metric is derived.
///
/// All counters are sums over customers, so the aggregate is mergeable: compute it per shard (each customer's
/// subscriptions in one shard) and ``merging(_:)`` the results gives exactly the single-pass aggregate.
/// Turn it into per-month metrics with ``snapshots(options:)``.
public struct RetentionAggregate: Hashable, Sendable, Codable {
  /// The report currency.
  public private(set) var currency: String
  /// The first month counted.
  public private(set) var firstMonth: CalendarMonth
  /// The month of the earliest subscription start (12-month NRR/GRR need 12 months of history after it).
  public private(set) var historyStart: CalendarMonth
  /// Per-month counters, `counters[i]` being month `firstMonth + i`.
  public private(set) var counters: [MonthlyCounters]

  /// An aggregate with no customers over a range of months.
  /// - Parameters:
  ///   - currency: The report currency.
  ///   - months: The months to cover.
  public init(currency: String, months: ClosedRange<CalendarMonth>) {
    self.currency = currency
    firstMonth = months.lowerBound
    historyStart = months.lowerBound
    counters = [MonthlyCounters](repeating: MonthlyCounters(), count: months.count)
  }

  /// The months covered.
  public var months: [CalendarMonth] { (0..<counters.count).map { firstMonth.advanced(by: $0) } }

  /// Computes the counters in one pass over the customers.
  ///
  /// Each customer's MRR is taken at every month end (a subscription counts on day d when
  /// start ≤ d < end, changes apply from their effective date); movements compare consecutive month ends.
  /// - Parameters:
  ///   - dataset: The validated subscriptions and changes.
  ///   - last: The last month to compute; renewals are counted up to its last day (the report date).
  ///   - segment: Which customers to count; all by default.
  /// - Complexity: O(n + c + Σ months each customer is followed + renewals), no dictionary or calendar work.
  public init(dataset: RetentionDataset, through last: CalendarMonth, segment: CustomerSegment = .all) {
    let first = dataset.firstMonth ?? last
    self.init(currency: dataset.currency, months: min(first, last)...last)
    historyStart = first
    let base = firstMonth.index
    let monthCount = counters.count
    var columns = CounterColumns(months: monthCount)
    var buffer = [Int64](repeating: 0, count: monthCount)
    buffer.withUnsafeMutableBufferPointer { buffer in
      for customer in 0..<dataset.customerCount where dataset.customer(customer, isIn: segment) {
        if let (active, lastActive) = dataset.fillMonthEndMRR(customer: customer, base: base, into: buffer) {
          columns.addMovements(of: buffer, from: active, through: min(monthCount - 1, lastActive + 12))
          for slot in active...lastActive { buffer[slot] = 0 }
        }
        columns.addRenewals(of: customer, in: dataset, base: base)
      }
    }
    counters = columns.counters()
  }

  /// Combines the aggregates of two disjoint sets of customers.
  /// - Parameter other: The aggregate of other customers, in the same currency.
  /// - Returns: The aggregate over both, covering the union of their months.
  /// - Throws: ``RetentionError/Code-swift.struct/mixedCurrencies`` when the currencies differ.
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
      for (index, counter) in part.counters.enumerated() { merged.counters[offset + index].add(counter) }
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

  /// Adds another shard's counters of the same month.
  /// - Parameter other: The counters to add.
  public mutating func add(_ other: MonthlyCounters) {
    customersStart += other.customersStart
    customersEnd += other.customersEnd
    newCustomers += other.newCustomers
    reactivatedCustomers += other.reactivatedCustomers
    churnedCustomers += other.churnedCustomers
    mrrStart += other.mrrStart
    mrrEnd += other.mrrEnd
    newMRR += other.newMRR
    reactivationMRR += other.reactivationMRR
    expansionMRR += other.expansionMRR
    contractionMRR += other.contractionMRR
    churnedMRR += other.churnedMRR
    nrrBaseCustomers += other.nrrBaseCustomers
    nrrBaseMRR += other.nrrBaseMRR
    nrrCurrentMRR += other.nrrCurrentMRR
    grrCurrentMRR += other.grrCurrentMRR
    for index in renewalsDue.indices {
      renewalsDue[index] += other.renewalsDue[index]
      renewalsRenewed[index] += other.renewalsRenewed[index]
    }
  }
}

/// Counters as flat columns while computing (one array per field keeps the hot loop cache-friendly).
private struct CounterColumns {
  var customersStart, customersEnd, newCustomers, reactivatedCustomers, churnedCustomers, nrrBaseCustomers: [Int]
  var mrrStart, mrrEnd, newMRR, reactivationMRR, expansionMRR, contractionMRR, churnedMRR: [Int64]
  var nrrBaseMRR, nrrCurrentMRR, grrCurrentMRR: [Int64]
  var renewalsDue, renewalsRenewed: [Int]
  let months: Int
  static let periods = BillingPeriod.allCases.count

  init(months: Int) {
    self.months = months
    let ints = [Int](repeating: 0, count: months)
    let amounts = [Int64](repeating: 0, count: months)
    (customersStart, customersEnd, newCustomers, reactivatedCustomers, churnedCustomers) = (
      ints, ints, ints, ints, ints
    )
    nrrBaseCustomers = ints
    (mrrStart, mrrEnd, newMRR, reactivationMRR, expansionMRR, contractionMRR) = (
      amounts, amounts, amounts, amounts, amounts, amounts
    )
    (churnedMRR, nrrBaseMRR, nrrCurrentMRR, grrCurrentMRR) = (amounts, amounts, amounts, amounts)
    renewalsDue = [Int](repeating: 0, count: months * Self.periods)
    renewalsRenewed = renewalsDue
  }

  mutating func addMovements(of mrr: UnsafeMutableBufferPointer<Int64>, from first: Int, through last: Int) {
    var previous: Int64 = first > 0 ? mrr[first - 1] : 0
    var everActive = false
    for month in first...last {
      let current = mrr[month]
      if previous > 0 {
        customersStart[month] += 1
        mrrStart[month] += previous
      }
      if current > 0 {
        customersEnd[month] += 1
        mrrEnd[month] += current
        if previous == 0 {
          if everActive {
            reactivatedCustomers[month] += 1
            reactivationMRR[month] += current
          } else {
            newCustomers[month] += 1
            newMRR[month] += current
          }
        } else if current > previous {
          expansionMRR[month] += current - previous
        } else if current < previous {
          contractionMRR[month] += previous - current
        }
        everActive = true
      } else if previous > 0 {
        churnedCustomers[month] += 1
        churnedMRR[month] += previous
      }
      if month >= 12 {
        let yearAgo = mrr[month - 12]
        if yearAgo > 0 {
          nrrBaseCustomers[month] += 1
          nrrBaseMRR[month] += yearAgo
          nrrCurrentMRR[month] += current
          grrCurrentMRR[month] += min(current, yearAgo)
        }
      }
      previous = current
    }
  }

  /// Renewal k of a subscription falls on start + k × period months (day clamped to the month's end). It is
  /// due when the subscription ran up to that day (start < d ≤ end, or still running) and d is on or before
  /// the report date; it renewed when service continued past d (end > d) or the customer started another
  /// subscription on d.
  mutating func addRenewals(of customer: Int, in dataset: RetentionDataset, base: Int) {
    let lastMonth = base + months - 1
    for position in dataset.customerOffsets[customer]..<dataset.customerOffsets[customer + 1] {
      let subscription = Int(dataset.order[position])
      let period = Int(dataset.periodMonths[subscription])
      let periodSlot = BillingPeriod.allCases.firstIndex { $0.months == period } ?? 0
      let endMonth = Int(dataset.endMonth[subscription])
      let limit = min(endMonth, lastMonth)
      var month = Int(dataset.startMonth[subscription]) + period
      while month <= limit {
        let slot = (month - base) * Self.periods + periodSlot
        if month < endMonth {
          renewalsDue[slot] += 1
          renewalsRenewed[slot] += 1
        } else {
          let startDay = CalendarDate(dayNumber: Int(dataset.startDay[subscription])).components.day
          let target = CalendarMonth(index: month)
          let day = Int32(
            CalendarDate.days(year: target.year, month: target.month, day: min(startDay, target.numberOfDays)))
          let end = dataset.endDay[subscription]
          if day < end {
            renewalsDue[slot] += 1
            renewalsRenewed[slot] += 1
          } else if day == end {
            renewalsDue[slot] += 1
            if dataset.customer(customer, startsSubscriptionOn: day, other: subscription) {
              renewalsRenewed[slot] += 1
            }
          }
        }
        month += period
      }
    }
  }

  func counters() -> [MonthlyCounters] {
    (0..<months).map { month in
      var counter = MonthlyCounters()
      counter.customersStart = customersStart[month]
      counter.customersEnd = customersEnd[month]
      counter.newCustomers = newCustomers[month]
      counter.reactivatedCustomers = reactivatedCustomers[month]
      counter.churnedCustomers = churnedCustomers[month]
      counter.mrrStart = mrrStart[month]
      counter.mrrEnd = mrrEnd[month]
      counter.newMRR = newMRR[month]
      counter.reactivationMRR = reactivationMRR[month]
      counter.expansionMRR = expansionMRR[month]
      counter.contractionMRR = contractionMRR[month]
      counter.churnedMRR = churnedMRR[month]
      counter.nrrBaseCustomers = nrrBaseCustomers[month]
      counter.nrrBaseMRR = nrrBaseMRR[month]
      counter.nrrCurrentMRR = nrrCurrentMRR[month]
      counter.grrCurrentMRR = grrCurrentMRR[month]
      counter.renewalsDue = Array(renewalsDue[(month * Self.periods)..<((month + 1) * Self.periods)])
      counter.renewalsRenewed = Array(renewalsRenewed[(month * Self.periods)..<((month + 1) * Self.periods)])
      return counter
    }
  }
}
