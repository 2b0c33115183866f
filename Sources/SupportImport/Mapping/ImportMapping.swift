import Foundation
import RetentionMetrics
import SupportTickets

/// How a host's own vocabulary maps onto the kit's: custom ticket statuses and priorities, department names,
/// which products are which plan tier, which client groups came through a reseller.
///
/// Every table adds to (and overrides) the importer's built-in table for that vendor (see <doc:Importing>).
/// Names are matched exactly first, then ignoring case, spaces, `-` and `_` (`customer reply` finds
/// `Customer-Reply`).
///
/// Read from JSON with ``init(json:file:)``:
///
/// ```json
/// {
///   "statuses": {"Awaiting Parts": "onHold", "Closed": "closed"},
///   "priorities": {"Emergency": "critical"},
///   "departments": {"Technical Support": "technical", "Sales Enquiries": "sales"},
///   "productTiers": {"12": "vps", "Starter": "shared"},
///   "productGroupTiers": {"Shared Hosting": "shared", "Dedicated Servers": "dedicated"},
///   "defaultTier": "other",
///   "clientGroupChannels": {"3": "reseller", "4": "affiliate"},
///   "clientGroupPartners": {"3": "acme-reseller", "4": "hostreviews"},
///   "currency": "USD",
///   "includeFreeAccounts": false,
///   "satisfaction": {"good": 5, "bad": 1},
///   "zendeskExternalIDs": true
/// }
/// ```
public struct ImportMapping: Hashable, Sendable {
  /// Vendor ticket status → kit status, such as a WHMCS custom status `"Awaiting Parts"` → `onHold`.
  public var statuses: [String: TicketStatus]
  /// Vendor priority → kit priority.
  public var priorities: [String: Priority]
  /// Vendor department (WHMCS department name, Zendesk group name or id) → kit department. Unmapped names
  /// become their lower-case slug (`Technical Support` → `technical-support`).
  public var departments: [String: Department]
  /// WHMCS product id (`"12"`) or product name → plan tier. Ids are looked up first.
  public var productTiers: [String: PlanTier]
  /// WHMCS product group name → plan tier, for products the table above does not name.
  public var productGroupTiers: [String: PlanTier]
  /// The tier of any product neither table names; `nil` makes such a product an error (`unmappedProduct`).
  public var defaultTier: PlanTier?
  /// WHMCS client group id → acquisition channel; clients of other groups came `direct`.
  public var clientGroupChannels: [String: AcquisitionChannel]
  /// WHMCS client group id → the partner its clients came through: the reseller (`Subscription.partnerID`) of a
  /// group whose channel is `reseller`, the affiliate (`Subscription.affiliateID`) of one whose channel is
  /// `affiliate`; ignored for other channels (a mapping file with such an entry is refused). Without an entry a
  /// subscription has no partner, so retention by partner counts it under no partner.
  public var clientGroupPartners: [String: PartnerID]
  /// The currency of amounts whose client has no invoice saying otherwise.
  public var currency: CurrencyCode?
  /// Whether WHMCS services on the "Free Account" billing cycle become subscriptions at zero MRR (they are
  /// left out by default, as ChartMogul and Baremetrics leave out free plans).
  public var includeFreeAccounts: Bool
  /// The CSAT scores (1–5) a Zendesk `good` and `bad` rating stand for: 5 and 1 by default.
  public var satisfaction: SatisfactionScores
  /// Whether a Zendesk user's `external_id` (the host's own customer id, when the host sets it) is used as the
  /// customer id instead of `zendesk-U<id>`.
  public var zendeskExternalIDs: Bool

  /// Creates a mapping; every table is empty by default, so the built-in tables apply.
  /// - Parameters:
  ///   - statuses: Vendor status → kit status.
  ///   - priorities: Vendor priority → kit priority.
  ///   - departments: Vendor department → kit department.
  ///   - productTiers: WHMCS product id or name → plan tier.
  ///   - productGroupTiers: WHMCS product group → plan tier.
  ///   - defaultTier: The tier of products neither table names.
  ///   - clientGroupChannels: WHMCS client group id → channel.
  ///   - clientGroupPartners: WHMCS client group id → the group's reseller or affiliate.
  ///   - currency: The currency when no invoice names one.
  ///   - includeFreeAccounts: Whether free accounts become zero-MRR subscriptions.
  ///   - satisfaction: The CSAT scores of good and bad ratings.
  ///   - zendeskExternalIDs: Whether Zendesk users' external ids become customer ids.
  public init(
    statuses: [String: TicketStatus] = [:], priorities: [String: Priority] = [:],
    departments: [String: Department] = [:], productTiers: [String: PlanTier] = [:],
    productGroupTiers: [String: PlanTier] = [:], defaultTier: PlanTier? = nil,
    clientGroupChannels: [String: AcquisitionChannel] = [:], clientGroupPartners: [String: PartnerID] = [:],
    currency: CurrencyCode? = nil,
    includeFreeAccounts: Bool = false, satisfaction: SatisfactionScores = .init(),
    zendeskExternalIDs: Bool = false
  ) {
    self.statuses = statuses
    self.priorities = priorities
    self.departments = departments
    self.productTiers = productTiers
    self.productGroupTiers = productGroupTiers
    self.defaultTier = defaultTier
    self.clientGroupChannels = clientGroupChannels
    self.clientGroupPartners = clientGroupPartners
    self.currency = currency
    self.includeFreeAccounts = includeFreeAccounts
    self.satisfaction = satisfaction
    self.zendeskExternalIDs = zendeskExternalIDs
  }
}

/// The CSAT scores (on the 1–5 scale) that Zendesk's two-point ratings stand for.
public struct SatisfactionScores: Hashable, Sendable {
  /// The score of a `good` rating; 5 by default.
  public var good: Int
  /// The score of a `bad` rating; 1 by default.
  public var bad: Int

  /// Creates the scores.
  /// - Parameters:
  ///   - good: The CSAT score of a good rating, 1…5.
  ///   - bad: The CSAT score of a bad rating, 1…5.
  public init(good: Int = 5, bad: Int = 1) {
    self.good = good
    self.bad = bad
  }
}

/// A name table with its keys normalised once, for lookups that forgive case, spaces, `-` and `_`.
struct NameTable<Value: Sendable>: Sendable {
  private var exact: [String: Value] = [:]
  private var loose: [String: Value] = [:]

  /// A table of `builtIn` entries overridden by `custom` ones.
  init(builtIn: [String: Value] = [:], custom: [String: Value]) {
    for (key, value) in builtIn { add(key, value) }
    for (key, value) in custom { add(key, value) }
  }

  private mutating func add(_ key: String, _ value: Value) {
    exact[key] = value
    loose[Self.normalised(key)] = value
  }

  /// The value of `name`: an exact match, else a match ignoring case, spaces, `-` and `_`.
  /// - Complexity: O(n) in the name's length.
  func value(for name: String) -> Value? { exact[name] ?? loose[Self.normalised(name)] }

  static func normalised(_ name: String) -> String {
    String(
      name.lowercased().unicodeScalars.filter {
        !$0.properties.isWhitespace && $0 != "-" && $0 != "_"
      }.map(Character.init))
  }
}
