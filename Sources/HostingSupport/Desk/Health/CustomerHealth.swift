import Foundation
import SupportTickets

/// How likely a customer is to stay, 0 (about to leave) to 100 (healthy), with the reasons.
public struct CustomerHealth: Hashable, Sendable, Codable {
  /// One reason the score moved.
  public struct Factor: Hashable, Sendable, Codable {
    /// Stable name: `slaBreaches`, `openTicketAge`, `sentimentTrend`, `tier`, `tenure`, `recentDowngrades`.
    public var name: String
    /// Points added (positive) or removed (negative).
    public var points: Int
    /// A sentence saying why.
    public var detail: String
  }

  /// The customer.
  public var customerID: CustomerID
  /// 0…100.
  public var score: Int
  /// The factors that moved the score away from 100, largest first.
  public var factors: [Factor]
  /// Monthly recurring revenue.
  public var monthlyRevenue: Money
  /// `(100 − score) / 100` of the MRR, rounded down to a minor unit: the revenue at risk.
  public var revenueAtRisk: Money
  /// For a shared-plan customer, the MRR they are expected to add by moving up within a year
  /// (``UpgradeExpectation``); `nil` for other plans.
  public var expectedUpgradeMRR: Money?
  /// When their plan next renews, if known.
  public var nextRenewal: Date?
  /// How much the renewal's proximity counts: 1 when it is due within ``ChurnRiskOptions/renewalHorizon`` (30
  /// days), overdue or unknown; 0.5 within three horizons; 0.25 later.
  public var renewalWeight: Double
  /// What the churn-risk ranking sorts by: `(100 − score) / 100 × (MRR + expected upgrade MRR) × renewal weight`,
  /// rounded down to a minor unit.
  public var expectedValueAtRisk: Money
  /// Why the value at stake is what it is (points 0): `monthlyRevenue`, `upgradePotential`, `renewal`.
  public var valueFactors: [Factor]

  /// The explanation as one line: `62/100: 2 SLA breaches in 90 days (−20); …`.
  public var explanation: String {
    let reasons = factors.filter { $0.points != 0 }.map {
      "\($0.detail) (\($0.points > 0 ? "+" : "−")\(abs($0.points)))"
    }
    return "\(score)/100" + (reasons.isEmpty ? "" : ": " + reasons.joined(separator: "; "))
  }

  /// Why the customer ranks where they do: `USD 4.80 expected at risk: …; …`.
  public var valueExplanation: String {
    "\(expectedValueAtRisk) expected at risk: " + valueFactors.map(\.detail).joined(separator: "; ")
  }
}

/// How ``SupportDesk/churnRisks(now:options:)`` ranks and filters customers.
public struct ChurnRiskOptions: Hashable, Sendable, Codable {
  /// Customers with a health score at or below this are listed.
  public var maximumScore: Int
  /// The lowest MRR used for ranking, in minor units of each customer's currency. With the default of 0
  /// the list is ordered strictly by expected value at risk; every customer below ``maximumScore`` is listed
  /// whatever their plan, so cheapest-plan customers are never left out.
  public var rankingMRRFloor: Int64
  /// What a shared-plan customer is expected to add by moving up (default ``UpgradeExpectation/hostingDefault``;
  /// measure it with ``UpgradeExpectation/measured(from:reportDate:)``).
  public var upgradeExpectation: UpgradeExpectation
  /// A renewal due within this counts in full (default 30 days); within three times this, half; later, a quarter.
  public var renewalHorizon: TimeInterval

  /// Options.
  /// - Parameters:
  ///   - maximumScore: Health at or below which a customer is at risk (default 70).
  ///   - rankingMRRFloor: Minimum MRR used for ranking (default 0).
  ///   - upgradeExpectation: The upgrade value of shared plans (default: the documented assumption).
  ///   - renewalHorizon: The renewal proximity that counts in full (default 30 days).
  public init(
    maximumScore: Int = 70, rankingMRRFloor: Int64 = 0, upgradeExpectation: UpgradeExpectation = .hostingDefault,
    renewalHorizon: TimeInterval = 30 * 86_400
  ) {
    self.maximumScore = maximumScore
    self.rankingMRRFloor = rankingMRRFloor
    self.upgradeExpectation = upgradeExpectation
    self.renewalHorizon = max(0, renewalHorizon)
  }
}
