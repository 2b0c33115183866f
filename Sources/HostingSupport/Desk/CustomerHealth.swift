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

  /// The explanation as one line: `62/100: 2 SLA breaches in 90 days (−20); …`.
  public var explanation: String {
    let reasons = factors.filter { $0.points != 0 }.map {
      "\($0.detail) (\($0.points > 0 ? "+" : "−")\(abs($0.points)))"
    }
    return "\(score)/100" + (reasons.isEmpty ? "" : ": " + reasons.joined(separator: "; "))
  }
}

/// How ``SupportDesk/churnRisks(now:options:)`` ranks and filters customers.
public struct ChurnRiskOptions: Hashable, Sendable, Codable {
  /// Customers with a health score at or below this are listed.
  public var maximumScore: Int
  /// The lowest MRR used for ranking, in minor units of each customer's currency. With the default of 0
  /// the list is ordered strictly by MRR at risk; every customer below ``maximumScore`` is listed whatever
  /// their plan, so cheapest-plan customers are never left out.
  public var rankingMRRFloor: Int64

  /// Options.
  /// - Parameters:
  ///   - maximumScore: Health at or below which a customer is at risk (default 70).
  ///   - rankingMRRFloor: Minimum MRR used for ranking (default 0).
  public init(maximumScore: Int = 70, rankingMRRFloor: Int64 = 0) {
    self.maximumScore = maximumScore
    self.rankingMRRFloor = rankingMRRFloor
  }
}
