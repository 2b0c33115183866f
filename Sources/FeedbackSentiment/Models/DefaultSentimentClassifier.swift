import Foundation

/// The classifier to use when you have no reason to pick another.
///
/// The lexicon classifier combined with the bundled trained models when they ship (else the lexicon alone):
/// `sentiment-model.json`, naive Bayes trained on the training split of our hosting corpus, votes on every
/// language; for Malay/Indonesian text, two models of general text join it: `sentiment-model-ms.json` (naive
/// Bayes over word unigrams and bigrams trained on public Indonesian reviews and comments) and
/// `sentiment-formal-ms.json` (the same learner trained on public Malay news sentences, which are labelled
/// positive or negative only), see the package's NOTICE. `sentiment-gate-ms.json` weighs the three by register:
/// hosting feedback, reviews and comments, formal text. The Malay/Indonesian files are read when the first Malay
/// or Indonesian text arrives. See <doc:MeasuredAccuracy> for the figures behind these
/// choices.
public enum DefaultSentimentClassifier {
  /// The name of the bundled trained model, if one ships.
  static let modelResource = "sentiment-model"
  /// The bundled model of general Malay/Indonesian text and its domain gate.
  static let malayModelResource = "sentiment-model-ms"
  /// The bundled model of formal Malay/Indonesian text (news).
  static let malayFormalResource = "sentiment-formal-ms"
  static let malayGateResource = "sentiment-gate-ms"

  /// Whether the default is the ensemble (`true`) or the lexicon classifier alone.
  public static var usesEnsemble: Bool { bundledModel != nil }

  /// The bundled model, loaded once.
  static let bundledModel: (any ProbabilisticSentimentModel)? = {
    guard let data = resource(modelResource) else { return nil }
    return try? TrainedSentimentModel.decode(data)
  }()

  /// The bundled Malay/Indonesian member of the ensemble, loaded once.
  static let bundledMalayModel: EnsembleSentimentClassifier.LanguageModel? = {
    guard let hosting = bundledModel, let modelData = resource(malayModelResource),
      let gateData = resource(malayGateResource), let general = try? TrainedSentimentModel.decode(modelData),
      let gate = try? DomainGate.decode(gateData)
    else { return nil }
    guard let formalData = resource(malayFormalResource), let formal = try? TrainedSentimentModel.decode(formalData)
    else {
      return EnsembleSentimentClassifier.LanguageModel(
        model: hosting, weight: ensembleModelWeight, general: general, generalWeight: generalModelWeight, gate: gate)
    }
    return EnsembleSentimentClassifier.LanguageModel(
      model: hosting, weight: ensembleModelWeight, general: general, generalWeight: generalModelWeight,
      formal: formal, formalWeight: formalModelWeight, gate: gate)
  }()

  private static func resource(_ name: String) -> Data? {
    let url =
      Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Resources")
      ?? Bundle.module.url(forResource: name, withExtension: "json")
    return url.flatMap { try? Data(contentsOf: $0) }
  }

  /// Makes the default classifier.
  ///
  /// - Returns: An ``EnsembleSentimentClassifier`` when a bundled model ships, else a
  ///   ``LexiconSentimentClassifier``.
  /// - Throws: ``SentimentError`` if a bundled lexicon is missing or malformed.
  public static func make() throws -> any SentimentClassifier {
    try make(lexicon: LexiconSentimentClassifier.bundled())
  }

  /// Makes the default classifier with another neutral band for its lexicon part: the band shapes the lexicon's
  /// label probabilities, so it moves the ensemble's labels too.
  ///
  /// - Parameter neutralThreshold: Lexicon scores with an absolute value below this are neutral (clamped to 0…1;
  ///   ``LexiconSentimentClassifier/defaultNeutralThreshold`` by default).
  /// - Returns: The classifier ``make()`` returns, with that band.
  /// - Throws: ``SentimentError`` if a bundled lexicon is missing or malformed.
  public static func make(neutralThreshold: Double) throws -> any SentimentClassifier {
    // Built once from the bundled lexicons: `bundled()` would build a second engine only to read them back.
    try make(
      lexicon: LexiconSentimentClassifier(lexicons: SentimentLexicon.allBundled(), neutralThreshold: neutralThreshold))
  }

  private static func make(lexicon: LexiconSentimentClassifier) throws -> any SentimentClassifier {
    guard let model = bundledModel else { return lexicon }
    // The Malay/Indonesian models are most of the bundled data; they are read when such a text first arrives.
    return EnsembleSentimentClassifier(
      lexicon: lexicon, model: model, modelWeight: ensembleModelWeight,
      loadingLanguageModels: [.malay: { bundledMalayModel }])
  }

  /// The model's share of the vote in the default ensemble.
  public static let ensembleModelWeight = 0.4
  /// The share of the vote of the general Malay/Indonesian model on text the gate finds general.
  public static let generalModelWeight = 0.5
  /// The share of the vote of the formal Malay/Indonesian model (news) on text the gate finds formal. At 0.5 or
  /// more a model that knows only positive and negative outvotes the lexicon's neutral, so formal text the news
  /// model reads gets a polarity, as the news set labels it.
  public static let formalModelWeight = 0.5
}
