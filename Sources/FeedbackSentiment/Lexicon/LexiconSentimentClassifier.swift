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
  let tokenizer: FeedbackTokenizer
  let vocabulary: ScoringVocabulary
  let tables: [SentimentLanguage: ScoringResources]
  let fallbackTable: ScoringResources
  /// Language evidence per vocabulary id: `languageWeights[id × L + l]` for the L Latin candidates.
  let languageWeights: [Double]

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
    let segmenter = LaoSegmenter(words: lexicons.values.flatMap(\.allTerms))
    tokenizer = FeedbackTokenizer(segmenter: segmenter)
    languageIdentifier = LanguageIdentifier(lexicons: lexicons, segmenter: segmenter)
    let vocabulary = ScoringVocabulary(lexicons: lexicons)
    self.vocabulary = vocabulary
    var tables: [SentimentLanguage: ScoringResources] = [:]
    for language in lexicons.keys {
      tables[language] = ScoringResources(
        table: ScoringTable(primary: language, lexicons: lexicons, vocabulary: vocabulary), vocabulary: vocabulary)
    }
    self.tables = tables
    fallbackTable = ScoringResources(
      table: ScoringTable(primary: nil, lexicons: lexicons, vocabulary: vocabulary), vocabulary: vocabulary)
    let candidates = languageIdentifier.latinCandidates
    var weights = [Double](repeating: 0, count: vocabulary.count * candidates.count)
    for (id, word) in vocabulary.words.enumerated() {
      for (language, weight) in languageIdentifier.weights(of: word) {
        if let slot = candidates.firstIndex(of: language) { weights[id * candidates.count + slot] += weight }
      }
    }
    languageWeights = weights
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
  }

  func analyze(_ text: String) -> Analysis {
    let tokenized = tokenizer.tokenize(text)
    var ids = [Int32](repeating: -1, count: tokenized.tokens.count)
    for (index, token) in tokenized.tokens.enumerated() where token.kind != .punctuation {
      ids[index] = vocabulary.resolve(token)
    }
    let candidates = languageIdentifier.latinCandidates.count
    let language = languageIdentifier.identify(tokenized) { scores in
      for (index, id) in ids.enumerated() where id >= 0 && !tokenized.tokens[index].isLao {
        let base = Int(id) * candidates
        for slot in 0..<candidates { scores[slot] += languageWeights[base + slot] }
      }
    }
    let resources = tables[language] ?? fallbackTable
    var scorer = LexiconScorer(tokenized: tokenized, ids: ids, resources: resources)
    scorer.score()
    guard !scorer.contributions.isEmpty else {
      return Analysis(
        result: .unknown(language: language),
        probabilities: SentimentProbabilities(negative: 0, neutral: 1, positive: 0),
        hasEvidence: false
      )
    }
    let score = scorer.normalizedScore
    let probabilities = Self.probabilities(score: score, threshold: neutralThreshold)
    let label: SentimentLabel =
      score >= neutralThreshold && score > 0
      ? .positive : score <= -neutralThreshold && score < 0 ? .negative : .neutral
    let aspects = AspectDetector(resources: resources, threshold: neutralThreshold).aspects(in: scorer)
    let result = SentimentResult(
      label: label,
      score: score,
      confidence: probabilities[label],
      language: language,
      aspects: aspects,
      explanation: scorer.contributions
    )
    return Analysis(result: result, probabilities: probabilities, hasEvidence: true)
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
