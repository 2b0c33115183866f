import Foundation
import RetentionMetrics

/// How much more a shared-hosting customer is expected to pay within a year because they move up to a VPS or a
/// dedicated server: the upgrade probability within 12 months × the typical MRR of the plan they move to.
///
/// Hosts see it every day: customers on the cheapest plan often move up within 6–12 months, so losing one loses
/// that future too. ``SupportDesk/churnRisks(now:options:)`` adds the expected value to a shared customer's MRR.
/// Measure it from the host's subscription history with ``measured(from:reportDate:)`` (RetentionMetrics'
/// `UpgradeFunnel`, 12-month window); without history, ``hostingDefault`` assumes 20 % × 20.00 USD.
public struct UpgradeExpectation: Hashable, Sendable, Codable {
  /// The share of shared starters who move up within 12 months, 0…1.
  public var probabilityWithin12Months: Double
  /// The MRR of the plan they typically move to.
  public var typicalUpgradeMRR: Money
  /// How many shared starters the probability was measured over (their first 12 months observed), or `nil`
  /// when it is an assumption.
  public var measuredStarters: Int?

  /// An expectation.
  /// - Parameters:
  ///   - probabilityWithin12Months: The upgrade probability, clamped to 0…1.
  ///   - typicalUpgradeMRR: The typical MRR after an upgrade.
  ///   - measuredStarters: The starters it was measured over, or `nil` for an assumption.
  public init(probabilityWithin12Months: Double, typicalUpgradeMRR: Money, measuredStarters: Int? = nil) {
    self.probabilityWithin12Months = probabilityWithin12Months.isNaN ? 0 : min(1, max(0, probabilityWithin12Months))
    self.typicalUpgradeMRR = typicalUpgradeMRR
    self.measuredStarters = measuredStarters
  }

  /// The assumption used without history: 20 % of shared customers move up within 12 months, to an entry VPS of
  /// 20.00 USD a month.
  public static let hostingDefault = UpgradeExpectation(
    probabilityWithin12Months: 0.2, typicalUpgradeMRR: Money(minorUnits: 2_000, currency: "USD"))

  /// The expectation a funnel measured.
  /// - Parameters:
  ///   - funnel: An upgrade funnel with a 12-month window.
  ///   - typicalUpgradeMRR: The typical MRR after an upgrade.
  /// - Returns: `nil` when the funnel has no 12-month window or nobody in it was observed 12 months.
  public init?(funnel: UpgradeFunnel, typicalUpgradeMRR: Money) {
    guard let window = funnel.windows.first(where: { $0.months == 12 }), let rate = window.rate else { return nil }
    self.init(probabilityWithin12Months: rate, typicalUpgradeMRR: typicalUpgradeMRR, measuredStarters: window.eligible)
  }

  /// Measures the expectation from subscription history: the 12-month rate of RetentionMetrics' `UpgradeFunnel`,
  /// and the median MRR of the first VPS or dedicated subscription of the shared starters who moved up.
  /// - Parameters:
  ///   - dataset: The host's subscriptions.
  ///   - reportDate: The last day observed.
  /// - Returns: `nil` when no shared starter was observed for 12 months.
  /// - Complexity: O(*n* log *n*) for *n* subscriptions.
  public static func measured(from dataset: RetentionDataset, reportDate: CivilDate) -> UpgradeExpectation? {
    let funnel = UpgradeFunnel(dataset: dataset, reportDate: reportDate, windows: [12])
    var upgradeMRR: [Int64] = []
    for subscriptions in Dictionary(grouping: dataset.subscriptions, by: \.customer).values {
      let ordered = subscriptions.sorted { $0.start < $1.start }
      guard ordered.first?.tier == .shared,
        let upgrade = ordered.first(where: { ($0.tier == .vps || $0.tier == .dedicated) && $0.start <= reportDate })
      else { continue }
      upgradeMRR.append(upgrade.mrr.minorUnits)
    }
    upgradeMRR.sort()
    let typical =
      upgradeMRR.isEmpty
      ? Money(minorUnits: 0, currency: dataset.currency)
      : Money(minorUnits: upgradeMRR[(upgradeMRR.count - 1) / 2], currency: dataset.currency)
    return UpgradeExpectation(funnel: funnel, typicalUpgradeMRR: typical)
  }

  /// probability × typical upgrade MRR, rounded down to a minor unit, or `nil` in another currency than `currency`.
  /// - Parameter currency: The customer's currency.
  public func expectedMonthlyValue(in currency: CurrencyCode) -> Money? {
    guard typicalUpgradeMRR.currency == currency else { return nil }
    let minor = (Double(typicalUpgradeMRR.minorUnits) * probabilityWithin12Months).rounded(.down)
    return Money(minorUnits: Int64(minor), currency: currency)
  }
}
