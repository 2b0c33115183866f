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
    let values = [negative, neutral, positive].map { $0.isFinite && $0 > 0 ? $0 : 0 }
    let total = values.reduce(0, +)
    if total > 0 {
      self.negative = values[0] / total
      self.neutral = values[1] / total
      self.positive = values[2] / total
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
