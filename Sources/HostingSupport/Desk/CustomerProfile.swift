import Foundation
import RetentionMetrics
import SupportTickets

/// What the desk knows about one customer: who to write to and in which language, what they run where,
/// and what they are worth. A host fills it from its billing system.
public struct CustomerProfile: Hashable, Sendable, Codable, Identifiable {
  /// The customer's id.
  public var id: CustomerID
  /// The name used in greetings.
  public var name: String
  /// The language of their notifications.
  public var locale: MessageLocale
  /// The IANA time zone their notification times are written in (`Asia/Vientiane`).
  public var timeZoneIdentifier: String
  /// Their (highest) plan tier.
  public var tier: PlanTier
  /// How they came to the host.
  public var acquisition: AcquisitionChannel
  /// How they usually contact support.
  public var preferredChannel: Channel
  /// Monthly recurring revenue.
  public var monthlyRevenue: Money
  /// When they became a customer.
  public var customerSince: Date
  /// The servers their services run on (host names as used in maintenance windows).
  public var servers: Set<String>
  /// The services they use (`mail`, `dns`, `backup`, `web`…), as used in maintenance windows.
  public var services: Set<String>
  /// When they moved to a cheaper plan, if ever (used by ``CustomerHealth``).
  public var downgrades: [Date]
  /// The SLA customer segment their tickets are evaluated with (matched by `SLAConditions.segments`), if any.
  public var slaSegment: String?
  /// When their plan next renews (the next invoice due date), if known: a renewal within 30 days is when a
  /// customer decides to stay, so ``SupportDesk/churnRisks(now:options:)`` weighs it.
  public var nextRenewal: Date?
  /// How often they are invoiced (RetentionMetrics' `BillingPeriod`), if known.
  public var billingPeriod: BillingPeriod?
  /// The reseller who bills and supports them and the affiliate who referred them, if any. A reseller's customer
  /// hears from the desk under the reseller's brand (``DeskConfiguration/partners``), its tickets are measured
  /// with the SLA policies that match its reseller, and it counts in its partners' ``PartnerHealth``. Absent from
  /// JSON: a direct customer.
  public var partners: CustomerPartners

  /// A customer profile.
  /// - Parameters:
  ///   - id: The customer's id.
  ///   - name: The name used in greetings.
  ///   - locale: Their language (default English).
  ///   - timeZoneIdentifier: Their IANA time zone (default `UTC`).
  ///   - tier: Their plan tier.
  ///   - acquisition: How they came (default direct).
  ///   - preferredChannel: How they contact support (default panel).
  ///   - monthlyRevenue: Their MRR.
  ///   - customerSince: When they signed up.
  ///   - servers: The servers they are on.
  ///   - services: The services they use.
  ///   - downgrades: When they moved to cheaper plans.
  ///   - slaSegment: Their SLA segment.
  ///   - nextRenewal: When their plan next renews.
  ///   - billingPeriod: How often they are invoiced.
  ///   - partners: Their reseller and referring affiliate (default none: a direct customer).
  public init(
    id: CustomerID,
    name: String,
    locale: MessageLocale = .english,
    timeZoneIdentifier: String = "UTC",
    tier: PlanTier,
    acquisition: AcquisitionChannel = .direct,
    preferredChannel: Channel = .panel,
    monthlyRevenue: Money,
    customerSince: Date,
    servers: Set<String> = [],
    services: Set<String> = [],
    downgrades: [Date] = [],
    slaSegment: String? = nil,
    nextRenewal: Date? = nil,
    billingPeriod: BillingPeriod? = nil,
    partners: CustomerPartners = .none
  ) {
    self.id = id
    self.name = name
    self.locale = locale
    self.timeZoneIdentifier = timeZoneIdentifier
    self.tier = tier
    self.acquisition = acquisition
    self.preferredChannel = preferredChannel
    self.monthlyRevenue = monthlyRevenue
    self.customerSince = customerSince
    self.servers = servers
    self.services = services
    self.downgrades = downgrades
    self.slaSegment = slaSegment
    self.nextRenewal = nextRenewal
    self.billingPeriod = billingPeriod
    self.partners = partners
  }

  private enum CodingKeys: String, CodingKey {
    case id, name, locale, timeZoneIdentifier, tier, acquisition, preferredChannel, monthlyRevenue, customerSince
    case servers, services, downgrades, slaSegment, nextRenewal, billingPeriod, partners
  }

  /// Decodes a profile; `partners` may be absent (a direct customer), as in profiles written before partners.
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: `DecodingError` for a missing or invalid field.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      id: try container.decode(CustomerID.self, forKey: .id),
      name: try container.decode(String.self, forKey: .name),
      locale: try container.decode(MessageLocale.self, forKey: .locale),
      timeZoneIdentifier: try container.decode(String.self, forKey: .timeZoneIdentifier),
      tier: try container.decode(PlanTier.self, forKey: .tier),
      acquisition: try container.decode(AcquisitionChannel.self, forKey: .acquisition),
      preferredChannel: try container.decode(Channel.self, forKey: .preferredChannel),
      monthlyRevenue: try container.decode(Money.self, forKey: .monthlyRevenue),
      customerSince: try container.decode(Date.self, forKey: .customerSince),
      servers: try container.decode(Set<String>.self, forKey: .servers),
      services: try container.decode(Set<String>.self, forKey: .services),
      downgrades: try container.decode([Date].self, forKey: .downgrades),
      slaSegment: try container.decodeIfPresent(String.self, forKey: .slaSegment),
      nextRenewal: try container.decodeIfPresent(Date.self, forKey: .nextRenewal),
      billingPeriod: try container.decodeIfPresent(BillingPeriod.self, forKey: .billingPeriod),
      partners: try container.decodeIfPresent(CustomerPartners.self, forKey: .partners) ?? .none)
  }

  /// An instant written for this customer: `2026-11-25 02:00 (Asia/Vientiane)`, in their time zone.
  /// Digits and layout are the same in every language so the text reads unambiguously.
  /// - Parameter date: The instant.
  /// - Returns: The local date and time with the zone's name.
  public func localTime(_ date: Date) -> String {
    let zone = TimeZone(identifier: timeZoneIdentifier) ?? TimeZone(identifier: "UTC")!
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
    let text = String(
      format: "%04d-%02d-%02d %02d:%02d",
      parts.year ?? 0,
      parts.month ?? 0,
      parts.day ?? 0,
      parts.hour ?? 0,
      parts.minute ?? 0
    )
    return "\(text) (\(zone.identifier))"
  }
}
