import Foundation

/// Anything that can read a piece of customer feedback and say how the customer feels.
///
/// ## Contract
/// - `classify(_:)` is total: it never throws or traps, whatever the input (empty, huge, random Unicode, control
///   characters). Text it cannot read gives ``SentimentResult/unknown(language:)`` (neutral, confidence 0).
/// - It is deterministic: the same text gives the same result.
/// - It is thread-safe: conformers are `Sendable` and may be called from many tasks at once.
/// - Its running time grows linearly with the length of the text.
///
/// Shipped conformers: ``LexiconSentimentClassifier`` (rules over lexicons), ``NaiveBayesSentimentModel`` and
/// ``LogisticRegressionSentimentModel`` (trained), and ``EnsembleSentimentClassifier`` (both combined).
public protocol SentimentClassifier: Sendable {
  /// Classifies one text.
  ///
  /// - Parameter text: The feedback, in any language.
  /// - Returns: Label, score, confidence, language, aspects and explanation.
  func classify(_ text: String) -> SentimentResult
}

extension SentimentClassifier {
  /// Classifies many texts, keeping their order.
  ///
  /// - Parameter texts: The feedback texts.
  /// - Returns: One result per text, in the same order.
  /// - Complexity: O(total length of the texts).
  public func classify(_ texts: [String]) -> [SentimentResult] {
    texts.map { classify($0) }
  }
}
