import Foundation

/// Additive counts of survey answers, from which NPS, CSAT and CES are derived.
///
/// - NPS = (promoters (9–10) − detractors (0–6)) ÷ NPS answers × 100, from −100 to 100;
/// - CSAT = answers of 4 or 5 ÷ CSAT answers × 100, a percentage;
/// - CES = the mean CES answer (1–7, higher = easier).
public struct SatisfactionCounts: Hashable, Sendable, Codable {
  /// NPS answers of 9 or 10.
  public var promoters = 0
  /// NPS answers of 7 or 8.
  public var passives = 0
  /// NPS answers of 0 to 6.
  public var detractors = 0
  /// CSAT answers.
  public var csatResponses = 0
  /// CSAT answers of 4 or 5.
  public var csatSatisfied = 0
  /// CES answers.
  public var cesResponses = 0
  /// The sum of CES answers.
  public var cesTotal = 0

  /// Empty counts.
  public init() {}

  /// Counts one answer.
  /// - Parameter response: The answer.
  public mutating func add(_ response: SurveyResponse) {
    switch response.kind {
    case .nps:
      if response.score >= 9 {
        promoters += 1
      } else if response.score >= 7 {
        passives += 1
      } else {
        detractors += 1
      }
    case .csat:
      csatResponses += 1
      if response.score >= 4 { csatSatisfied += 1 }
    case .ces:
      cesResponses += 1
      cesTotal += response.score
    }
  }

  /// Adds another shard's counts.
  /// - Parameter other: The counts to add.
  public mutating func add(_ other: SatisfactionCounts) {
    promoters += other.promoters
    passives += other.passives
    detractors += other.detractors
    csatResponses += other.csatResponses
    csatSatisfied += other.csatSatisfied
    cesResponses += other.cesResponses
    cesTotal += other.cesTotal
  }

  /// NPS answers.
  public var npsResponses: Int { promoters + passives + detractors }
  /// The Net Promoter Score, or `nil` without NPS answers.
  public var nps: Double? {
    npsResponses == 0 ? nil : Double(promoters - detractors) / Double(npsResponses) * 100
  }
  /// The CSAT percentage, or `nil` without CSAT answers.
  public var csat: Double? { csatResponses == 0 ? nil : Double(csatSatisfied) / Double(csatResponses) * 100 }
  /// The mean CES, or `nil` without CES answers.
  public var ces: Double? { cesResponses == 0 ? nil : Double(cesTotal) / Double(cesResponses) }
}

/// NPS, CSAT and CES per month, overall and per customer segment (a customer's tier and channel are those of
/// its first subscription; answers from customers without subscriptions count only in the overall figures).
public struct SatisfactionReport: Hashable, Sendable, Codable {
  /// One month's counts.
  public struct Month: Hashable, Sendable, Codable {
    /// The month.
    public var month: CivilMonth
    /// Every answer of the month.
    public var overall: SatisfactionCounts
    /// Per segment, keyed by ``RetentionSegment/description`` (`tier:vps`, `channel:direct`).
    public var segments: [String: SatisfactionCounts]
  }

  /// Every answer in the months covered.
  public var overall: SatisfactionCounts
  /// Per segment over the months covered.
  public var segments: [String: SatisfactionCounts]
  /// One entry per month in range, oldest first.
  public var months: [Month]

  /// Counts survey answers.
  /// - Parameters:
  ///   - responses: The answers.
  ///   - dataset: The subscriptions that give customers their segment, if any.
  ///   - range: The months to report; answers outside are ignored.
  /// - Complexity: O(r log c + months × segments) for r answers and c customers (no dictionary per answer).
  public init(responses: [SurveyResponse], dataset: RetentionDataset? = nil, months range: ClosedRange<CivilMonth>) {
    // Segment keys: each tier, then each channel of the dataset; counted in arrays, turned into dictionaries
    // of the segments that had answers at the end.
    let tierKeys = PlanTier.allCases.map { RetentionSegment.tier($0).description }
    let channelKeys = (dataset?.channels ?? []).map { RetentionSegment.channel($0).description }
    let keys = tierKeys + channelKeys
    let tierSlot = Dictionary(uniqueKeysWithValues: PlanTier.allCases.enumerated().map { ($1, $0) })
    var totals = [SatisfactionCounts](repeating: SatisfactionCounts(), count: keys.count)
    var monthly = [[SatisfactionCounts]](
      repeating: [SatisfactionCounts](repeating: SatisfactionCounts(), count: keys.count), count: range.count)
    var answered = [Bool](repeating: false, count: keys.count)
    var monthAnswered = [[Bool]](repeating: [Bool](repeating: false, count: keys.count), count: range.count)
    overall = SatisfactionCounts()
    months = range.map { Month(month: $0, overall: SatisfactionCounts(), segments: [:]) }
    // The dataset is captured once: unwrapping the optional struct inside the loop copied it (retaining and
    // releasing each of its arrays) for every answer.
    // Answers usually come grouped by customer in the order of the subscriptions file, where customers are
    // numbered: the few customers after the last one found are tried before the hash table (a cache miss).
    var lastIndex = -1
    let segmentOf: ((CustomerID) -> (tier: PlanTier, channel: Int)?)? = dataset.map { dataset in
      { id in
        let found =
          ((lastIndex + 1)..<min(lastIndex + 9, dataset.customerCount)).first { dataset.customerID($0) == id }
          ?? dataset.customerIndex(of: id)
        if let found { lastIndex = found }
        return found.map { (dataset.customerTier[$0], Int(dataset.customerChannelIndex[$0])) }
      }
    }
    var lastCustomer: (id: CustomerID, segment: (tier: PlanTier, channel: Int)?)?
    for response in responses {
      let month = response.date.civilMonth
      guard range.contains(month) else { continue }
      let slot = range.lowerBound.distance(to: month)
      overall.add(response)
      months[slot].overall.add(response)
      guard let segmentOf else { continue }
      let segment: (tier: PlanTier, channel: Int)?
      if let lastCustomer, lastCustomer.id == response.customer {
        segment = lastCustomer.segment
      } else {
        segment = segmentOf(response.customer)
        lastCustomer = (response.customer, segment)
      }
      guard let segment else { continue }
      func count(_ key: Int) {
        totals[key].add(response)
        monthly[slot][key].add(response)
        answered[key] = true
        monthAnswered[slot][key] = true
      }
      count(tierSlot[segment.tier]!)
      count(tierKeys.count + segment.channel)
    }
    segments = [:]
    for key in keys.indices where answered[key] { segments[keys[key]] = totals[key] }
    for slot in months.indices {
      for key in keys.indices where monthAnswered[slot][key] { months[slot].segments[keys[key]] = monthly[slot][key] }
    }
  }
}
