import Foundation

/// How a partner's customers are doing: a reseller (or affiliate) with several at-risk customers is itself a risk
/// to the host — its whole book may follow it elsewhere.
///
/// ``SupportDesk/partnerHealth(now:options:rule:)`` computes one per partner. A customer counts for the partner
/// that resells to them and for the affiliate that referred them (``CustomerProfile/partners``).
public struct PartnerHealth: Hashable, Sendable, Codable {
  /// The partner.
  public var partnerID: PartnerID
  /// The partner's name, or `nil` when customers name a partner missing from ``DeskConfiguration/partners``.
  public var name: String?
  /// The partner's kind, or `nil` when it is missing from the directory.
  public var kind: PartnerKind?
  /// Registered customers who came through the partner.
  public var customers: Int
  /// Those whose health is at or below ``ChurnRiskOptions/maximumScore``, largest expected value at risk first
  /// (the order of ``SupportDesk/churnRisks(now:options:)``).
  public var atRiskCustomers: [CustomerID]
  /// The mean health score of the partner's customers, `nil` when it has none.
  public var meanHealthScore: Double?
  /// Their tickets not yet resolved or closed.
  public var openTickets: Int
  /// Their tickets that breached an SLA target in the health look-back (``DeskConfiguration/healthLookback``).
  public var slaBreaches: Int
  /// Their feedback the classifier found negative, in the health look-back.
  public var negativeFeedback: Int
  /// Whether the partner is a risk under the ``PartnerRiskRule``.
  public var isFlagged: Bool
  /// Why it is flagged, one sentence each; empty when it is not.
  public var flagReasons: [String]

  /// How many of the partner's customers are at risk.
  public var atRiskCount: Int { atRiskCustomers.count }

  /// The share of the partner's customers at risk, 0…1 (0 without customers).
  public var atRiskShare: Double { customers == 0 ? 0 : Double(atRiskCount) / Double(customers) }
}

/// When a partner counts as a risk (``PartnerHealth/isFlagged``). A partner is flagged when any of these holds:
///
/// 1. at least ``minimumAtRiskCustomers`` of its customers are at risk (default 3: several at-risk customers);
/// 2. it has at least ``minimumCustomersForShare`` customers (default 4) and at least ``atRiskShare`` of them
///    (default 25 %) are at risk — a share, so a large partner losing a quarter of its book is seen, while a
///    partner with one or two customers is not over-read from a single unhappy one;
/// 3. customers name it but the desk's partner directory lacks it: their notices cannot carry its brand.
public struct PartnerRiskRule: Hashable, Sendable, Codable {
  /// At-risk customers that flag a partner whatever its size.
  public var minimumAtRiskCustomers: Int
  /// The share of at-risk customers that flags a partner with at least ``minimumCustomersForShare`` customers.
  public var atRiskShare: Double
  /// The fewest customers for which the share counts.
  public var minimumCustomersForShare: Int

  /// A rule.
  /// - Parameters:
  ///   - minimumAtRiskCustomers: At-risk customers that flag a partner (default 3; at least 1).
  ///   - atRiskShare: At-risk share that flags a partner (default 0.25, clamped to 0…1).
  ///   - minimumCustomersForShare: Customers needed for the share to count (default 4; at least 1).
  public init(minimumAtRiskCustomers: Int = 3, atRiskShare: Double = 0.25, minimumCustomersForShare: Int = 4) {
    self.minimumAtRiskCustomers = max(1, minimumAtRiskCustomers)
    self.atRiskShare = atRiskShare.isFinite ? min(1, max(0, atRiskShare)) : 0.25
    self.minimumCustomersForShare = max(1, minimumCustomersForShare)
  }

  /// Why a partner is flagged under this rule; empty when it is not.
  /// - Parameter health: The partner's figures (``PartnerHealth/isFlagged`` and its reasons are not read).
  /// - Returns: One sentence per condition that holds.
  public func reasons(for health: PartnerHealth) -> [String] {
    var reasons: [String] = []
    if health.atRiskCount >= minimumAtRiskCustomers {
      reasons.append("\(health.atRiskCount) of its customers are at risk (flagged from \(minimumAtRiskCustomers))")
    }
    if health.customers >= minimumCustomersForShare, health.atRiskCount > 0, health.atRiskShare >= atRiskShare {
      let percent = Int((health.atRiskShare * 100).rounded())
      reasons.append(
        "\(percent) % of its \(health.customers) customers are at risk (flagged from \(Int((atRiskShare * 100).rounded())) %)"
      )
    }
    if health.name == nil {
      reasons.append("customers name this partner, but the desk's partner directory does not have it")
    }
    return reasons
  }
}
