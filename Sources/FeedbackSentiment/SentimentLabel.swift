import Foundation

/// The three polarities a piece of feedback can have.
///
/// Encoded as the plain strings `"negative"`, `"neutral"` and `"positive"`.
public enum SentimentLabel: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
  /// The customer is unhappy: a complaint, an outage report, sarcasm, a request to fix something.
  case negative
  /// Neither: a question, a statement of fact, or text with no sentiment the classifier recognises.
  case neutral
  /// The customer is satisfied.
  case positive

  /// The position of the label in `allCases` (negative 0, neutral 1, positive 2), used as an array index.
  public var index: Int {
    switch self {
    case .negative: return 0
    case .neutral: return 1
    case .positive: return 2
    }
  }

  /// The label stored at `index` in `allCases`, or `nil` when out of range.
  ///
  /// - Parameter index: 0, 1 or 2.
  public init?(index: Int) {
    guard index >= 0, index < 3 else { return nil }
    self = Self.allCases[index]
  }

  /// Orders negative < neutral < positive.
  public static func < (lhs: SentimentLabel, rhs: SentimentLabel) -> Bool { lhs.index < rhs.index }
}
