import Foundation

/// A classifier that gives a probability for each label, which ``EnsembleSentimentClassifier`` can combine.
///
/// Conformers: ``NaiveBayesSentimentModel``, ``LogisticRegressionSentimentModel``.
public protocol ProbabilisticSentimentModel: SentimentClassifier {
  /// The distribution over labels for a text.
  ///
  /// - Parameter text: The feedback.
  /// - Returns: Probabilities summing to 1.
  func probabilities(for text: String) -> SentimentProbabilities

  /// The distribution over labels, or `nil` when the model recognises nothing in the text (the case in which
  /// ``SentimentClassifier/classify(_:)`` returns confidence 0).
  ///
  /// Added after the protocol's first version; the default implementation calls ``SentimentClassifier/classify(_:)``
  /// and ``probabilities(for:)``. Conformers override it to read the text once.
  ///
  /// - Parameter text: The feedback.
  /// - Returns: Probabilities summing to 1, or `nil`.
  func knownProbabilities(for text: String) -> SentimentProbabilities?
}

extension ProbabilisticSentimentModel {
  /// Calls ``SentimentClassifier/classify(_:)`` and, when it recognised something, ``probabilities(for:)``.
  ///
  /// - Parameter text: The feedback.
  /// - Returns: Probabilities summing to 1, or `nil`.
  public func knownProbabilities(for text: String) -> SentimentProbabilities? {
    classify(text).confidence > 0 ? probabilities(for: text) : nil
  }
}

/// Helpers shared by the trained models.
enum ModelSupport {
  /// The language identifier over the bundled lexicons (`nil` only if the bundle is broken).
  static let identifier: LanguageIdentifier? = try? LanguageIdentifier.bundled()

  static func result(
    _ probabilities: SentimentProbabilities, language: SentimentLanguage, explanation: [SentimentContribution]
  ) -> SentimentResult {
    let label = probabilities.label
    return SentimentResult(
      label: label,
      score: probabilities.score,
      confidence: probabilities[label],
      language: language,
      explanation: explanation
    )
  }

  /// One ``SentimentRule/model`` contribution per distinct word the model knows, with its weight towards
  /// positive, strongest first (at most 12).
  static func explanation(
    text: String, extractor: FeatureExtractor, weight: (Int) -> Double?
  ) -> [SentimentContribution] {
    var seenWords: Set<String> = []
    var contributions: [SentimentContribution] = []
    let mask = UInt64(extractor.options.bucketCount - 1)
    for case let unit? in extractor.units(of: text) where seenWords.insert(unit).inserted {
      let index = Int(FeatureExtractor.hash(unit, seed: 1) & mask)
      guard let amount = weight(index), amount != 0 else { continue }
      contributions.append(SentimentContribution(token: unit, rule: .model, amount: amount))
    }
    contributions.sort { abs($0.amount) > abs($1.amount) }
    return Array(contributions.prefix(12))
  }
}
