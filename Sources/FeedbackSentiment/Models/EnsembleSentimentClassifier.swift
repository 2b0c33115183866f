import Foundation

/// Combines the rule-based classifier with a trained model: a weighted average of their label probabilities.
///
/// The lexicon classifier contributes the language, the aspects and its explanation; the model adds one
/// ``SentimentRule/model`` entry with its vote (positive minus negative probability). When the model
/// recognises nothing, the lexicon decides alone; when the lexicon recognises nothing, its silence counts as
/// the distribution of a score of 0 (mostly neutral), so the model overrides it only when it is confident.
/// Both choices were compared by 5-fold cross-validation on the training split (<doc:MeasuredAccuracy>).
///
/// ```swift
/// let model = try LogisticRegressionSentimentModel.train(on: examples)
/// let ensemble = EnsembleSentimentClassifier(lexicon: LexiconSentimentClassifier(), model: model)
/// ensemble.classify("Great support... NOT").label  // .negative
/// ```
public struct EnsembleSentimentClassifier: SentimentClassifier {
  /// The rule-based part.
  public let lexicon: LexiconSentimentClassifier
  /// The trained part.
  public let model: any ProbabilisticSentimentModel
  /// The model's share of the vote, 0…1.
  public let modelWeight: Double
  /// The model, when it is a naive Bayes model reading the lexicon's tokens (one tokenization per text).
  private let tokenSharingModel: NaiveBayesSentimentModel?

  /// Creates an ensemble.
  ///
  /// - Parameters:
  ///   - lexicon: The rule-based classifier.
  ///   - model: A trained model.
  ///   - modelWeight: The model's share of the vote (clamped to 0…1).
  public init(
    lexicon: LexiconSentimentClassifier, model: any ProbabilisticSentimentModel,
    modelWeight: Double = DefaultSentimentClassifier.ensembleModelWeight
  ) {
    self.lexicon = lexicon
    self.model = model
    self.modelWeight = modelWeight.isFinite ? min(1, max(0, modelWeight)) : 0.5
    let naiveBayes = model as? NaiveBayesSentimentModel
    tokenSharingModel = naiveBayes?.sharesTokenizer(with: lexicon.engine.tokenizer) == true ? naiveBayes : nil
  }

  /// The combined distribution over labels.
  ///
  /// - Parameter text: The feedback.
  /// - Returns: `w·model + (1 − w)·lexicon`, the lexicon taken at a score of 0 when it recognises nothing;
  ///   the lexicon alone when the model recognises nothing.
  public func probabilities(for text: String) -> SentimentProbabilities {
    let lexiconProbabilities = lexicon.probabilities(for: text)
    guard let modelProbabilities = model.knownProbabilities(for: text) else {
      return lexiconProbabilities ?? SentimentProbabilities(negative: 0, neutral: 1, positive: 0)
    }
    return combine(lexicon: lexiconProbabilities ?? lexicon.silentProbabilities, model: modelProbabilities)
  }

  private func combine(lexicon: SentimentProbabilities?, model: SentimentProbabilities) -> SentimentProbabilities {
    guard let lexicon else { return model }
    let weight = modelWeight
    return SentimentProbabilities(
      negative: weight * model.negative + (1 - weight) * lexicon.negative,
      neutral: weight * model.neutral + (1 - weight) * lexicon.neutral,
      positive: weight * model.positive + (1 - weight) * lexicon.positive
    )
  }

  /// Classifies one text.
  ///
  /// - Parameter text: The feedback.
  /// - Returns: The combined label, score (positive − negative probability) and confidence; neutral with
  ///   confidence 0 when neither part recognises anything.
  /// - Complexity: O(n) in the length of the text.
  public func classify(_ text: String) -> SentimentResult {
    guard let model = tokenSharingModel else {
      let modelProbabilities = self.model.knownProbabilities(for: text)
      return combine(lexicon.analyze(text, modelVote: modelProbabilities?.score), modelProbabilities)
    }
    let engine = lexicon.engine
    return TextBytes.with(text) { bytes in
      engine.tokenizer.withTokens(of: bytes) { tokens in
        let modelProbabilities = model.knownProbabilities(in: tokens)
        return combine(engine.analyze(text, tokens: &tokens, modelVote: modelProbabilities?.score), modelProbabilities)
      }
    }
  }

  /// The combined result: the lexicon's analysis (with the model's vote ending its explanation) and the model's
  /// probabilities.
  private func combine(
    _ analysis: LexiconSentimentClassifier.Analysis, _ modelProbabilities: SentimentProbabilities?
  ) -> SentimentResult {
    let lexiconKnows = analysis.hasEvidence
    guard lexiconKnows || modelProbabilities != nil else { return analysis.result }
    let combined: SentimentProbabilities
    if let modelProbabilities {
      combined = combine(
        lexicon: lexiconKnows ? analysis.probabilities : lexicon.silentProbabilities, model: modelProbabilities)
    } else {
      combined = analysis.probabilities
    }
    let label = combined.label
    var result = analysis.result.replacingVerdict(label: label, score: combined.score, confidence: combined[label])
    if !lexiconKnows, let modelProbabilities {
      result.explanation = [SentimentContribution(token: "model", rule: .model, amount: modelProbabilities.score)]
    }
    return result
  }
}
