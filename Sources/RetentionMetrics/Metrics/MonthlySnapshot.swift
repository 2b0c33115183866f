import Foundation

/// Choices where retention tools disagree; the defaults follow ChartMogul-style customer-level MRR.
public struct MetricOptions: Hashable, Sendable, Codable {
  /// The denominator of the customer churn rate.
  public enum ChurnDenominator: String, Hashable, Sendable, Codable {
    /// Customers at the start of the month (the ChartMogul definition; the default).
    case customersAtStart
    /// Customers at the start plus those who became active during the month (new and reactivated), as
    /// Stripe Billing's dashboard does.
    case customersAtStartPlusNew
  }

  /// The denominator of the customer churn rate; ``ChurnDenominator/customersAtStart`` by default.
  public var churnDenominator: ChurnDenominator
  /// The gross margin applied to LTV, in (0, 1]; `nil` (the default) means revenue LTV (margin 1).
  public var grossMargin: Decimal?

  /// Creates options.
  /// - Parameters:
  ///   - churnDenominator: The churn-rate denominator.
  ///   - grossMargin: The gross margin for LTV, or `nil` for revenue LTV.
  public init(churnDenominator: ChurnDenominator = .customersAtStart, grossMargin: Decimal? = nil) {
    self.churnDenominator = churnDenominator
    self.grossMargin = grossMargin
  }
}

/// Renewals due and done in one month for one billing period (or all).
public struct RenewalCount: Hashable, Sendable, Codable {
  /// Renewal dates reached while the subscription was running.
  public var due: Int
  /// Of those, the ones where service continued (or another plan started that day).
  public var renewed: Int
  /// renewed ÷ due, or `nil` when nothing was due.
  public var rate: Double? { due == 0 ? nil : Double(renewed) / Double(due) }
}

/// Every metric of one month, derived from ``MonthlyCounters``.
public struct MonthlySnapshot: Hashable, Sendable, Codable {
  /// The month.
  public var month: CivilMonth
  /// The month's additive counters (customers, MRR movements in minor units, renewals).
  public var counters: MonthlyCounters
  /// The report currency.
  public var currency: CurrencyCode
  /// churned ÷ denominator (see ``MetricOptions/ChurnDenominator``), `nil` when the denominator is 0.
  public var customerChurnRate: Double?
  /// (churned + contraction) ÷ MRR at start, `nil` when MRR at start is 0.
  public var grossMRRChurnRate: Double?
  /// MRR at the month end ÷ active customers, rounded half away from zero to the minor unit.
  public var arpa: Money?
  /// ARPA × gross margin ÷ customer churn rate, rounded; `nil` when churn is 0 or there are no customers.
  public var ltv: Money?
  /// Net revenue retention over 12 months; `nil` before 12 months of history or without a base.
  public var nrr12m: Double?
  /// Gross revenue retention over 12 months; `nil` like ``nrr12m``.
  public var grr12m: Double?
  /// Renewals per billing period, in `BillingPeriod.allCases` order.
  public var renewals: [RenewalCount]
  /// Renewals over every billing period.
  public var allRenewals: RenewalCount

  /// Renewals of one billing period.
  /// - Parameter period: The billing period.
  /// - Returns: Due and renewed counts.
  public func renewals(for period: BillingPeriod) -> RenewalCount {
    period.ordinal < renewals.count ? renewals[period.ordinal] : RenewalCount(due: 0, renewed: 0)
  }

  /// An amount of this report's currency.
  /// - Parameter minorUnits: The amount in minor units.
  /// - Returns: The money value.
  public func money(_ minorUnits: Int64) -> Money { Money(minorUnits: minorUnits, currency: currency) }
}

extension RetentionAggregate {
  /// The metrics of every month covered.
  /// - Parameter options: Denominator and margin choices.
  /// - Returns: One snapshot per month, oldest first.
  /// - Complexity: O(months).
  public func snapshots(options: MetricOptions = MetricOptions()) -> [MonthlySnapshot] {
    counters.enumerated().map { offset, counter in
      let month = firstMonth.advanced(by: offset)
      let denominator =
        options.churnDenominator == .customersAtStart
        ? counter.customersStart : counter.customersStart + counter.newCustomers + counter.reactivatedCustomers
      let churnRate = denominator == 0 ? nil : Double(counter.churnedCustomers) / Double(denominator)
      let hasHistory = historyStart.distance(to: month) >= 12 && counter.nrrBaseMRR > 0
      var arpa: Money?
      var ltv: Money?
      if counter.customersEnd > 0 {
        let exact = Decimal(counter.mrrEnd) / Decimal(counter.customersEnd)
        arpa = Money(minorUnits: roundedMinorUnits(exact), currency: currency)
        if counter.churnedCustomers > 0 {
          let margin = options.grossMargin ?? 1
          let value =
            Decimal(counter.mrrEnd) * Decimal(denominator) * margin
            / (Decimal(counter.customersEnd) * Decimal(counter.churnedCustomers))
          ltv = Money(minorUnits: roundedMinorUnits(value), currency: currency)
        }
      }
      let renewals = zip(counter.renewalsDue, counter.renewalsRenewed).map { RenewalCount(due: $0, renewed: $1) }
      return MonthlySnapshot(
        month: month, counters: counter, currency: currency, customerChurnRate: churnRate,
        grossMRRChurnRate: counter.mrrStart == 0
          ? nil : Double(counter.churnedMRR + counter.contractionMRR) / Double(counter.mrrStart),
        arpa: arpa, ltv: ltv,
        nrr12m: hasHistory ? Double(counter.nrrCurrentMRR) / Double(counter.nrrBaseMRR) : nil,
        grr12m: hasHistory ? Double(counter.grrCurrentMRR) / Double(counter.nrrBaseMRR) : nil,
        renewals: renewals,
        allRenewals: RenewalCount(
          due: counter.renewalsDue.reduce(0, +), renewed: counter.renewalsRenewed.reduce(0, +)))
    }
  }
}
