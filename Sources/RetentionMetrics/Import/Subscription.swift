import Foundation

/// How often a subscription is invoiced. MRR is always the monthly amount: an annual plan's MRR is its
/// price ÷ 12 (see `Money.monthlyRecurringRevenue(ofPrice:per:)`).
public enum BillingPeriod: String, Hashable, Sendable, Codable, CaseIterable {
  /// Every month.
  case monthly
  /// Every 3 months.
  case quarterly
  /// Every 6 months.
  case semiannual
  /// Every 12 months.
  case annual
  /// Every 24 months.
  case biennial
  /// Every 36 months.
  case triennial

  /// The length of one period in months.
  public var months: Int {
    switch self {
    case .monthly: 1
    case .quarterly: 3
    case .semiannual: 6
    case .annual: 12
    case .biennial: 24
    case .triennial: 36
    }
  }

  var ordinal: Int {
    switch self {
    case .monthly: 0
    case .quarterly: 1
    case .semiannual: 2
    case .annual: 3
    case .biennial: 4
    case .triennial: 5
    }
  }
}

/// One plan a customer pays for, from its start date up to (not including) its end date.
///
/// The subscription is active on day `d` when `start ≤ d < end` (`end` is the first day without service;
/// `nil` while it runs).
public struct Subscription: Hashable, Sendable, Codable {
  /// The subscription's unique identifier.
  public var id: SubscriptionID
  /// The paying customer.
  public var customer: CustomerID
  /// The plan's name, e.g. `"Starter"`.
  public var plan: String
  /// How the customer arrived.
  public var channel: AcquisitionChannel
  /// The monthly recurring revenue at the start (later changes come as ``MRRChange`` events).
  public var mrr: Money
  /// The first day of service.
  public var start: CivilDate
  /// The reseller who sells, bills and supports the subscription, if any (CSV column `partner_id`).
  public var partnerID: PartnerID?
  /// The affiliate who referred the customer, if any (CSV column `affiliate_id`; attribution only).
  public var affiliateID: PartnerID?
  /// The first day without service, or `nil` while it runs.
  public var end: CivilDate?
  /// The kind of hosting.
  public var tier: PlanTier
  /// How often it is invoiced.
  public var billingPeriod: BillingPeriod
  // (Stored in this order so the one-byte fields share the end date's padding: 144 bytes a subscription.)

  /// Creates a subscription.
  /// - Parameters:
  ///   - id: The subscription's unique identifier.
  ///   - customer: The paying customer.
  ///   - plan: The plan's name.
  ///   - tier: The kind of hosting.
  ///   - channel: How the customer arrived.
  ///   - billingPeriod: How often it is invoiced.
  ///   - mrr: The monthly recurring revenue.
  ///   - start: The first day of service.
  ///   - end: The first day without service, or `nil`.
  ///   - partnerID: The reseller who sells and bills it, or `nil`.
  ///   - affiliateID: The affiliate who referred the customer, or `nil`.
  public init(
    id: SubscriptionID, customer: CustomerID, plan: String = "", tier: PlanTier, channel: AcquisitionChannel = .direct,
    billingPeriod: BillingPeriod = .monthly, mrr: Money, start: CivilDate, end: CivilDate? = nil,
    partnerID: PartnerID? = nil, affiliateID: PartnerID? = nil
  ) {
    self.id = id
    self.customer = customer
    self.plan = plan
    self.tier = tier
    self.channel = channel
    self.billingPeriod = billingPeriod
    self.mrr = mrr
    self.start = start
    self.end = end
    self.partnerID = partnerID
    self.affiliateID = affiliateID
  }

  /// The partner links as SupportCore's `CustomerPartners` (reseller = ``partnerID``, affiliate =
  /// ``affiliateID``).
  public var partners: CustomerPartners { CustomerPartners(reseller: partnerID, affiliate: affiliateID) }

  /// The partner a customer is counted under when segmenting by partner: the reseller, else the affiliate,
  /// else `nil` (no partner).
  public var attributedPartner: PartnerID? { partnerID ?? affiliateID }
}

extension Subscription {
  /// Whether an MRR change on `day` can apply: on or after the start and before the end date (the first day
  /// without service).
  /// - Parameter day: The change's effective date.
  /// - Returns: `true` inside the service period.
  public func accepts(changeOn day: CivilDate) -> Bool {
    day >= start && end.map { day < $0 } ?? true
  }
}

/// A change of a subscription's MRR from a date on: an upgrade, a downgrade or a price change.
public struct MRRChange: Hashable, Sendable, Codable {
  /// The subscription whose MRR changes.
  public var subscription: SubscriptionID
  /// The first day the new MRR applies.
  public var effective: CivilDate
  /// The subscription's MRR from that day on.
  public var newMRR: Money

  /// Creates a change.
  /// - Parameters:
  ///   - subscription: The subscription whose MRR changes.
  ///   - effective: The first day the new MRR applies.
  ///   - newMRR: The MRR from that day on.
  public init(subscription: SubscriptionID, effective: CivilDate, newMRR: Money) {
    self.subscription = subscription
    self.effective = effective
    self.newMRR = newMRR
  }
}

/// The survey a score answers.
public enum SurveyKind: String, Hashable, Sendable, Codable, CaseIterable {
  /// Net Promoter Score: "how likely are you to recommend us?", 0–10.
  case nps
  /// Customer satisfaction, 1–5.
  case csat
  /// Customer effort score, 1–7 ("the company made it easy to handle my issue", 7 = strongly agree).
  case ces

  /// The allowed scores.
  public var scale: ClosedRange<Int> {
    switch self {
    case .nps: 0...10
    case .csat: 1...5
    case .ces: 1...7
    }
  }
}

/// One survey answer.
public struct SurveyResponse: Hashable, Sendable, Codable {
  /// Who answered.
  public var customer: CustomerID
  /// When.
  public var date: CivilDate
  /// Which survey.
  public var kind: SurveyKind
  /// The score, within ``SurveyKind/scale``.
  public var score: Int

  /// Creates a response, checking the score against the survey's scale.
  /// - Parameters:
  ///   - customer: Who answered.
  ///   - date: When.
  ///   - kind: Which survey.
  ///   - score: The score.
  /// - Throws: ``RetentionError/Code-swift.struct/invalidValue`` when the score is outside the scale.
  public init(customer: CustomerID, date: CivilDate, kind: SurveyKind, score: Int) throws(RetentionError) {
    guard kind.scale.contains(score) else {
      throw .invalidValue(
        String(score), expected: "a \(kind.rawValue) score in \(kind.scale.lowerBound)...\(kind.scale.upperBound)")
    }
    self.customer = customer
    self.date = date
    self.kind = kind
    self.score = score
  }
}

extension SurveyResponse {
  /// Decodes a response, checking the score against the survey's scale.
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: `DecodingError.dataCorrupted` for a score outside the scale.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    do {
      try self.init(
        customer: try container.decode(CustomerID.self, forKey: .customer),
        date: try container.decode(CivilDate.self, forKey: .date),
        kind: try container.decode(SurveyKind.self, forKey: .kind),
        score: try container.decode(Int.self, forKey: .score))
    } catch let error as RetentionError {
      throw DecodingError.dataCorruptedError(forKey: .score, in: container, debugDescription: error.message)
    }
  }
}
