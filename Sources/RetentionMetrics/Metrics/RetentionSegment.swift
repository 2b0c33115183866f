import Foundation

/// A group of customers to compute metrics for: everyone, or one value of a dimension — a channel, a plan tier
/// or a partner.
///
/// The segment rules (see <doc:Metrics>):
/// - **channel** and **partner**: those of the customer's first subscription (earliest start date, then
///   subscription id); the partner is its reseller (`Subscription.partnerID`), else its affiliate
///   (`Subscription.affiliateID`), and customers without one form the ``noPartner`` segment. These segments
///   have every monthly counter.
/// - **tier** in monthly metrics: the highest tier (by ``PlanTier/segmentRank``) among the customer's active
///   subscriptions at the month's starting snapshot (the previous month end). An upgrade during the month
///   stays in the tier it started from. Only the start-based counters are kept (customers and MRR at the
///   start, churned customers and their MRR; see ``isStartBased``), since a customer who arrives during the
///   month has no starting tier.
/// - Cohort tables and satisfaction scores place a customer by its **first** subscription's tier (the tier it
///   signed up on).
public struct RetentionSegment: Hashable, Sendable, Codable, CustomStringConvertible {
  enum Kind: Hashable, Sendable, Codable {
    case all
    case tier(PlanTier)
    case channel(AcquisitionChannel)
    case partner(PartnerID?)
  }
  let kind: Kind

  /// A way of splitting customers into segments.
  public enum Dimension: String, Hashable, Sendable, Codable, CaseIterable {
    /// By the channel of the first subscription.
    case channel
    /// By the highest tier active at the start of each month.
    case tier
    /// By the partner of the first subscription.
    case partner
  }

  /// Every customer.
  public static let all = RetentionSegment(kind: .all)
  /// Customers by tier: in monthly metrics the highest tier active at the month's start, in cohorts and
  /// satisfaction the first subscription's tier.
  /// - Parameter tier: The tier.
  /// - Returns: The segment.
  public static func tier(_ tier: PlanTier) -> RetentionSegment { RetentionSegment(kind: .tier(tier)) }
  /// Customers whose first subscription came through this channel.
  /// - Parameter channel: The channel.
  /// - Returns: The segment.
  public static func channel(_ channel: AcquisitionChannel) -> RetentionSegment {
    RetentionSegment(kind: .channel(channel))
  }
  /// Customers whose first subscription came through this partner (its reseller, else its affiliate), or
  /// without a partner for `nil`.
  /// - Parameter partner: The partner, or `nil`.
  /// - Returns: The segment.
  public static func partner(_ partner: PartnerID?) -> RetentionSegment { RetentionSegment(kind: .partner(partner)) }
  /// Customers whose first subscription has no partner.
  public static let noPartner = RetentionSegment.partner(nil)
  /// The ``value`` of ``noPartner``: `(none)`. No partner id may be this text.
  public static let noPartnerValue = "(none)"

  /// Every segment: all, each tier, each well-known channel.
  public static var allSegments: [RetentionSegment] {
    [.all] + PlanTier.allCases.map { .tier($0) } + AcquisitionChannel.wellKnown.map { .channel($0) }
  }

  /// The dimension, or `nil` for ``all``.
  public var dimension: Dimension? {
    switch kind {
    case .all: nil
    case .tier: .tier
    case .channel: .channel
    case .partner: .partner
    }
  }

  /// The value within the dimension: `vps`, `affiliate`, a partner id, ``noPartnerValue``; `all` for everyone.
  public var value: String {
    switch kind {
    case .all: "all"
    case .tier(let tier): tier.rawValue
    case .channel(let channel): channel.rawValue
    case .partner(let partner): partner?.rawValue ?? Self.noPartnerValue
    }
  }

  /// Whether monthly metrics of this segment keep only the start-based counters (tier segments).
  public var isStartBased: Bool { dimension == .tier }

  /// `all`, `tier:vps`, `channel:affiliate`, `partner:acme`, `partner:(none)`.
  public var description: String {
    dimension.map { "\($0.rawValue):\(value)" } ?? "all"
  }
}

extension PlanTier {
  /// The order in which a customer's tiers are compared for the highest-tier rule of tier segments:
  /// other (0) < shared (1) < reseller (2) < vps (3) < dedicated (4).
  public var segmentRank: UInt8 {
    switch self {
    case .other: 0
    case .shared: 1
    case .reseller: 2
    case .vps: 3
    case .dedicated: 4
    }
  }

  /// The tiers by ``segmentRank``, lowest first.
  static let byRank: [PlanTier] = [.other, .shared, .reseller, .vps, .dedicated]
}
