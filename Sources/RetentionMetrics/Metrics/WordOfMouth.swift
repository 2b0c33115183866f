import Foundation

/// How many people customers tell about their experience, by how they feel.
///
/// The defaults — a happy customer tells 3 people, an unhappy one 33, a neutral one nobody — are the figures
/// commonly quoted in customer-service literature (e.g. Jeff Olson, *The Slight Edge*, 2005: "three people
/// about a positive experience … thirty-three people" about a negative one). Exact rates vary by study and
/// industry, so set your own; what matters is that unhappy customers talk more.
public struct WordOfMouthModel: Hashable, Sendable, Codable {
  /// People a happy customer tells, on average.
  public var happyTellRate: Double
  /// People a neutral customer tells, on average.
  public var neutralTellRate: Double
  /// People an unhappy customer tells, on average.
  public var unhappyTellRate: Double

  /// Creates a model.
  /// - Parameters:
  ///   - happyTellRate: People a happy customer tells; 3 by default.
  ///   - neutralTellRate: People a neutral customer tells; 0 by default.
  ///   - unhappyTellRate: People an unhappy customer tells; 33 by default.
  public init(happyTellRate: Double = 3, neutralTellRate: Double = 0, unhappyTellRate: Double = 33) {
    self.happyTellRate = happyTellRate
    self.neutralTellRate = neutralTellRate
    self.unhappyTellRate = unhappyTellRate
  }

  /// The expected reach of a satisfaction mix.
  /// - Parameters:
  ///   - happy: Happy customers.
  ///   - neutral: Neutral customers.
  ///   - unhappy: Unhappy customers.
  /// - Returns: People reached positively and negatively.
  public func reach(happy: Int, neutral: Int = 0, unhappy: Int) -> WordOfMouthReach {
    WordOfMouthReach(
      happy: happy, neutral: neutral, unhappy: unhappy, positive: Double(happy) * happyTellRate,
      negative: Double(unhappy) * unhappyTellRate, neutralReach: Double(neutral) * neutralTellRate,
      happyPerUnhappy: happyTellRate > 0 ? unhappyTellRate / happyTellRate : nil)
  }

  /// The expected reach of each customer's latest answer: NPS 9–10, CSAT 4–5 and CES 5–7 count as happy;
  /// NPS 0–6, CSAT 1–2 and CES 1–3 as unhappy; the rest as neutral.
  /// - Parameter responses: Survey answers; only each customer's latest (by date, then order) counts.
  /// - Returns: People reached positively and negatively.
  /// - Complexity: O(r): ids are grouped by radix-sorting their hashes.
  public func reach(of responses: [SurveyResponse]) -> WordOfMouthReach { reach(of: responses, through: nil) }

  /// The expected reach of each customer's latest answer given by a date, as ``reach(of:)`` over the answers
  /// dated on or before `last` (without copying them).
  /// - Parameters:
  ///   - responses: Survey answers.
  ///   - last: The last day whose answers count, or `nil` for all.
  /// - Returns: People reached positively and negatively.
  /// - Complexity: O(r).
  public func reach(of responses: [SurveyResponse], through last: CivilDate?) -> WordOfMouthReach {
    // Group answers by customer by sorting hashes of their ids (no dictionary), then take each group's
    // latest answer (by date; on a tie the later one).
    let groups = HashGrouping(hashes: responses.map { HashGrouping.hash($0.customer.rawValue) })
    var counts = (happy: 0, neutral: 0, unhappy: 0)
    let sameCustomer = { (left: Int, right: Int) in responses[left].customer == responses[right].customer }
    let limit = last ?? CivilDate(dayNumber: .max)
    try? groups.forEachGroup(where: sameCustomer) { group in
      var latest: Int?
      for element in group {
        let index = Int(element)
        guard responses[index].date <= limit else { continue }
        if let current = latest, responses[current].date > responses[index].date { continue }
        latest = index
      }
      guard let latest else { return }
      switch WordOfMouthModel.mood(of: responses[latest]) {
      case 1: counts.happy += 1
      case -1: counts.unhappy += 1
      default: counts.neutral += 1
      }
    }
    return reach(happy: counts.happy, neutral: counts.neutral, unhappy: counts.unhappy)
  }

  /// 1 happy, 0 neutral, −1 unhappy.
  static func mood(of response: SurveyResponse) -> Int {
    switch response.kind {
    case .nps: response.score >= 9 ? 1 : response.score <= 6 ? -1 : 0
    case .csat: response.score >= 4 ? 1 : response.score <= 2 ? -1 : 0
    case .ces: response.score >= 5 ? 1 : response.score <= 3 ? -1 : 0
    }
  }
}

/// Expected people reached by word of mouth.
public struct WordOfMouthReach: Hashable, Sendable, Codable {
  /// Happy customers.
  public var happy: Int
  /// Neutral customers.
  public var neutral: Int
  /// Unhappy customers.
  public var unhappy: Int
  /// People told something good.
  public var positive: Double
  /// People told something bad.
  public var negative: Double
  /// People told something neutral.
  public var neutralReach: Double
  /// How many happy customers it takes to offset one unhappy one (`nil` when happy customers tell nobody).
  public var happyPerUnhappy: Double?
  /// positive − negative: below zero, the unhappy voices carry further than the happy ones.
  public var net: Double { positive - negative }
}
