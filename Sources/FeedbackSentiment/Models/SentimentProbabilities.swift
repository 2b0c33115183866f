import Foundation

/// A probability for each ``SentimentLabel``, summing to 1.
public struct SentimentProbabilities: Sendable, Hashable, Codable {
  /// Probability of ``SentimentLabel/negative``.
  public var negative: Double
  /// Probability of ``SentimentLabel/neutral``.
  public var neutral: Double
  /// Probability of ``SentimentLabel/positive``.
  public var positive: Double

  /// Creates a distribution; the values are normalised to sum to 1 (uniform if they are all zero or invalid).
  ///
  /// - Parameters:
  ///   - negative: Weight of negative.
  ///   - neutral: Weight of neutral.
  ///   - positive: Weight of positive.
  public init(negative: Double, neutral: Double, positive: Double) {
    // Three scalars rather than an array: this runs once per classified text.
    let first = negative.isFinite && negative > 0 ? negative : 0
    let second = neutral.isFinite && neutral > 0 ? neutral : 0
    let third = positive.isFinite && positive > 0 ? positive : 0
    let total = first + second + third
    if total > 0 {
      self.negative = first / total
      self.neutral = second / total
      self.positive = third / total
    } else {
      self.negative = 1.0 / 3
      self.neutral = 1.0 / 3
      self.positive = 1.0 / 3
    }
  }

  /// Softmax of three scores (log-probabilities up to a constant), in label order.
  ///
  /// - Parameter logits: Scores for negative, neutral, positive.
  /// - Returns: The normalised distribution.
  static func softmax(_ logits: [Double]) -> SentimentProbabilities {
    let top = logits.max() ?? 0
    let exps = logits.map { $0.isFinite ? Foundation.exp($0 - top) : 0 }
    return SentimentProbabilities(negative: exps[0], neutral: exps[1], positive: exps[2])
  }

  /// ``softmax(_:)`` of exactly three scores, without building arrays (the lexicon classifier's per-text path).
  static func softmax(_ negative: Double, _ neutral: Double, _ positive: Double) -> SentimentProbabilities {
    // The same maximum `Sequence.max()` picks: the first value, replaced by each later one that is greater.
    var top = negative
    if top < neutral { top = neutral }
    if top < positive { top = positive }
    @inline(__always) func weight(_ logit: Double) -> Double { logit.isFinite ? Foundation.exp(logit - top) : 0 }
    return SentimentProbabilities(negative: weight(negative), neutral: weight(neutral), positive: weight(positive))
  }

  /// The probability of a label.
  ///
  /// - Parameter label: The label.
  public subscript(label: SentimentLabel) -> Double {
    switch label {
    case .negative: return negative
    case .neutral: return neutral
    case .positive: return positive
    }
  }

  /// The most probable label (neutral wins ties, then positive over negative never matters in practice).
  public var label: SentimentLabel {
    if neutral >= negative && neutral >= positive { return .neutral }
    return positive > negative ? .positive : .negative
  }

  /// `positive − negative`, a score in −1…1.
  public var score: Double { positive - negative }
}
