import Foundation

/// The rule-based classifier: lexicon valences adjusted by negation, intensifiers, contrast, emoji, capitals,
/// punctuation and elongation, in the manner of VADER (Hutto & Gilbert, 2014), over our own lexicons for
/// English, Malay/Indonesian and Lao.
///
/// ```swift
/// let classifier = LexiconSentimentClassifier()
/// let result = classifier.classify("The server is great but support is slow")
/// result.label        // .negative
/// result.explanation  // great +3.1 (lexicon), great −1.55 (contrast), slow −1.9 (lexicon), …
/// ```
///
/// The scoring rules and their constants are described in <doc:ScoringRules>.
public struct LexiconSentimentClassifier: SentimentClassifier {
  /// The lexicons in use, by language.
  public let lexicons: [SentimentLanguage: SentimentLexicon]
  /// Scores with an absolute value below this are neutral.
  public let neutralThreshold: Double
  /// The identifier used to pick the dominant language.
  public let languageIdentifier: LanguageIdentifier
  /// The tables and the hot path, shared by copies of the classifier.
  let engine: LexiconEngine

  /// The default neutral band: scores in (−0.2, 0.2) are neutral. Chosen on the training split (see
  /// <doc:MeasuredAccuracy>).
  public static let defaultNeutralThreshold = 0.2

  /// Creates a classifier over the given lexicons.
  ///
  /// - Parameters:
  ///   - lexicons: One lexicon per language; pass ``SentimentLexicon/allBundled()`` merged with your additions to
  ///     extend the bundled ones, or your own to replace them.
  ///   - neutralThreshold: Scores with an absolute value below this are neutral (0…1).
  public init(lexicons: [SentimentLanguage: SentimentLexicon], neutralThreshold: Double = defaultNeutralThreshold) {
    self.lexicons = lexicons
    self.neutralThreshold = neutralThreshold.isFinite ? min(1, max(0, neutralThreshold)) : Self.defaultNeutralThreshold
    // The bundled lexicons share the bundled tokenizer (and the trained models' tokens).
    let tokenizer =
      (try? SentimentLexicon.allBundled()) == lexicons
      ? BundledLexicons.tokenizer
      : FeedbackTokenizer(segmenter: LaoSegmenter(words: lexicons.values.flatMap(\.allTerms)))
    languageIdentifier = LanguageIdentifier(lexicons: lexicons, tokenizer: tokenizer)
    engine = LexiconEngine(
      lexicons: lexicons, tokenizer: tokenizer, languageIdentifier: languageIdentifier,
      neutralThreshold: self.neutralThreshold)
  }

  /// The classifier over the bundled lexicons.
  ///
  /// - Returns: A classifier for English, Malay/Indonesian and Lao.
  /// - Throws: ``SentimentError`` if a bundled resource is missing or malformed.
  public static func bundled() throws -> LexiconSentimentClassifier {
    LexiconSentimentClassifier(lexicons: try SentimentLexicon.allBundled())
  }

  /// The classifier over the bundled lexicons.
  ///
  /// The bundled resources are part of the package and covered by its tests; this initializer traps only if
  /// they were removed from the build. Use ``bundled()`` to get an error instead.
  public init() {
    do {
      self = try Self.bundled()
    } catch {
      preconditionFailure("FeedbackSentiment's bundled lexicons failed to load: \(error)")
    }
  }

  /// Classifies one text.
  ///
  /// - Parameter text: The feedback, in any language.
  /// - Returns: The result with its explanation; neutral with confidence 0 when no known word, emoji or idiom
  ///   occurs.
  /// - Complexity: O(n) in the length of the text.
  public func classify(_ text: String) -> SentimentResult {
    analyze(text).result
  }

  /// The classifier's distribution over labels for a text, used by ``EnsembleSentimentClassifier``.
  ///
  /// - Parameter text: The feedback.
  /// - Returns: A distribution peaked on the label ``classify(_:)`` gives; `nil` when nothing was recognised.
  public func probabilities(for text: String) -> SentimentProbabilities? {
    let analysis = analyze(text)
    return analysis.hasEvidence ? analysis.probabilities : nil
  }

  struct Analysis {
    var result: SentimentResult
    var probabilities: SentimentProbabilities
    var hasEvidence: Bool
    /// Whether the text shows an opinion cue (``OpinionCues``); always `true` with evidence.
    var hasOpinionCue: Bool
  }

  /// Scores one text (see ``LexiconEngine/analyze(_:modelVote:)``).
  func analyze(_ text: String, modelVote: Double? = nil) -> Analysis {
    engine.analyze(text, modelVote: modelVote)
  }

  /// The distribution for a text in which nothing was recognised: that of a score of 0.
  var silentProbabilities: SentimentProbabilities { Self.probabilities(score: 0, threshold: neutralThreshold) }

  /// Steepness of the mapping from score to probabilities.
  static let probabilitySteepness = 6.0

  /// A distribution whose most probable label is the one the thresholds give: softmax of
  /// (k(−s − t), 0, k(s − t)).
  static func probabilities(score: Double, threshold: Double) -> SentimentProbabilities {
    let k = probabilitySteepness
    return .softmax(k * (-score - threshold), 0, k * (score - threshold))
  }
}
