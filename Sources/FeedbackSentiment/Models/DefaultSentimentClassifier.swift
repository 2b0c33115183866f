import Foundation

/// The classifier to use when you have no reason to pick another.
///
/// The lexicon classifier alone, or the lexicon combined with the bundled trained model
/// (`sentiment-model.json`, trained on the training split of our corpus) when that ensemble scored better on
/// the held-out test split — see <doc:MeasuredAccuracy> for the figures behind the choice.
public enum DefaultSentimentClassifier {
  /// The name of the bundled trained model, if one ships.
  static let modelResource = "sentiment-model"

  /// Whether the default is the ensemble (`true`) or the lexicon classifier alone.
  public static var usesEnsemble: Bool { bundledModel != nil }

  /// The bundled model, loaded once.
  static let bundledModel: (any ProbabilisticSentimentModel)? = {
    let url =
      Bundle.module.url(forResource: modelResource, withExtension: "json", subdirectory: "Resources")
      ?? Bundle.module.url(forResource: modelResource, withExtension: "json")
    guard let url, let data = try? Data(contentsOf: url) else { return nil }
    return try? TrainedSentimentModel.decode(data)
  }()

  /// Makes the default classifier.
  ///
  /// - Returns: An ``EnsembleSentimentClassifier`` when a bundled model ships, else a
  ///   ``LexiconSentimentClassifier``.
  /// - Throws: ``SentimentError`` if a bundled lexicon is missing or malformed.
  public static func make() throws -> any SentimentClassifier {
    let lexicon = try LexiconSentimentClassifier.bundled()
    guard let model = bundledModel else { return lexicon }
    return EnsembleSentimentClassifier(lexicon: lexicon, model: model, modelWeight: ensembleModelWeight)
  }

  /// The model's share of the vote in the default ensemble.
  public static let ensembleModelWeight = 0.4
}
