import Foundation

/// What a ``SentimentClassifier`` concluded about one text.
///
/// ``LexiconSentimentClassifier`` (and the ensembles built on it) store the explanation and aspects compactly —
/// byte ranges of the text, rule codes and amounts — and spell them out as strings each time ``explanation`` or
/// ``aspects`` is read; read them once into a local when you need them more than once. Assigning either stores
/// the new value as given. Equality, hashing and coding use the spelled-out values.
public struct SentimentResult: Sendable, Hashable, Codable {
  /// The polarity.
  public var label: SentimentLabel
  /// The polarity as a number in −1…1 (−1 extremely negative, 0 neutral, +1 extremely positive).
  public var score: Double
  /// How sure the classifier is of ``label``, in 0…1; 0 when nothing in the text was recognised.
  public var confidence: Double
  /// The language the text was judged to be written in (the dominant one for mixed text).
  public var language: SentimentLanguage
  private var storedAspects: [AspectSentiment]?
  private var storedExplanation: [SentimentContribution]?
  private var details: SentimentDetails?
  /// The verdict the stored aspects take when none has a sentiment of its own (see ``withAspectsFollowing(_:score:)``).
  private var aspectVerdict: AspectVerdict?

  private struct AspectVerdict: Sendable {
    var label: SentimentLabel
    var score: Double
  }

  /// The hosting aspects mentioned, each with the polarity of what was said about it, in order of first mention.
  ///
  /// - Complexity: O(m) in the length of the terms for results of the lexicon classifier, which builds the
  ///   strings on each read.
  public var aspects: [AspectSentiment] {
    get {
      if let storedAspects { return storedAspects }
      guard let found = details?.aspects() else { return [] }
      guard let aspectVerdict, !found.isEmpty, found.allSatisfy({ $0.score == 0 }) else { return found }
      return found.map {
        AspectSentiment(aspect: $0.aspect, label: aspectVerdict.label, score: aspectVerdict.score, terms: $0.terms)
      }
    }
    set { storedAspects = newValue }
  }

  /// The tokens and rules that moved the score, in text order; see ``SentimentContribution``.
  ///
  /// - Complexity: O(m) in the number of contributions for results of the lexicon classifier, which builds the
  ///   strings on each read.
  public var explanation: [SentimentContribution] {
    get { storedExplanation ?? details?.explanation() ?? [] }
    set { storedExplanation = newValue }
  }

  /// Creates a result.
  ///
  /// - Parameters:
  ///   - label: The polarity.
  ///   - score: A number in −1…1; values outside are clamped, NaN becomes 0.
  ///   - confidence: A number in 0…1; values outside are clamped, NaN becomes 0.
  ///   - language: The detected language.
  ///   - aspects: Aspects mentioned.
  ///   - explanation: What moved the score.
  public init(
    label: SentimentLabel,
    score: Double,
    confidence: Double,
    language: SentimentLanguage,
    aspects: [AspectSentiment] = [],
    explanation: [SentimentContribution] = []
  ) {
    self.init(label: label, score: score, confidence: confidence, language: language, details: nil)
    storedAspects = aspects
    storedExplanation = explanation
  }

  /// A result whose explanation and aspects are read from a stored record (`nil`: none).
  init(
    label: SentimentLabel, score: Double, confidence: Double, language: SentimentLanguage, details: SentimentDetails?
  ) {
    self.label = label
    self.score = score.isNaN ? 0 : min(1, max(-1, score))
    self.confidence = confidence.isNaN ? 0 : min(1, max(0, confidence))
    self.language = language
    self.details = details
  }

  /// The same explanation and aspects (and the verdict the aspects follow, if any) with another verdict (the
  /// ensembles' combined vote), clamped like ``init(label:score:confidence:language:aspects:explanation:)``.
  func replacingVerdict(label: SentimentLabel, score: Double, confidence: Double) -> SentimentResult {
    var result = SentimentResult(
      label: label, score: score, confidence: confidence, language: language, details: details)
    result.storedAspects = storedAspects
    result.storedExplanation = storedExplanation
    result.aspectVerdict = aspectVerdict
    return result
  }

  /// The same result whose stored aspects, when none of them has a sentiment of its own, take a verdict instead
  /// (an ensemble's, when only its model judged the text).
  func withAspectsFollowing(_ label: SentimentLabel, score: Double) -> SentimentResult {
    var result = self
    result.aspectVerdict = AspectVerdict(label: label, score: min(1, max(-1, score.isNaN ? 0 : score)))
    return result
  }

  /// A neutral result with confidence 0: what every classifier returns when it recognises nothing.
  ///
  /// - Parameter language: The detected language.
  /// - Returns: Label neutral, score 0, confidence 0, no aspects, no explanation.
  public static func unknown(language: SentimentLanguage) -> SentimentResult {
    SentimentResult(label: .neutral, score: 0, confidence: 0, language: language, details: nil)
  }

  /// Whether two results say the same: label, score, confidence, language, aspects and explanation.
  public static func == (lhs: SentimentResult, rhs: SentimentResult) -> Bool {
    lhs.label == rhs.label && lhs.score == rhs.score && lhs.confidence == rhs.confidence
      && lhs.language == rhs.language && lhs.aspects == rhs.aspects && lhs.explanation == rhs.explanation
  }

  /// Hashes what `==` compares: the spelled-out values.
  ///
  /// - Parameter hasher: The hasher to feed.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(label)
    hasher.combine(score)
    hasher.combine(confidence)
    hasher.combine(language)
    hasher.combine(aspects)
    hasher.combine(explanation)
  }

  private enum CodingKeys: String, CodingKey {
    case label, score, confidence, language, aspects, explanation
  }

  /// Decodes a result (all six fields required).
  ///
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: `DecodingError` when a field is missing or of the wrong type.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    label = try container.decode(SentimentLabel.self, forKey: .label)
    score = try container.decode(Double.self, forKey: .score)
    confidence = try container.decode(Double.self, forKey: .confidence)
    language = try container.decode(SentimentLanguage.self, forKey: .language)
    storedAspects = try container.decode([AspectSentiment].self, forKey: .aspects)
    storedExplanation = try container.decode([SentimentContribution].self, forKey: .explanation)
    details = nil
  }

  /// Encodes the six fields, the explanation and aspects spelled out.
  ///
  /// - Parameter encoder: The encoder to write to.
  /// - Throws: Whatever the encoder throws.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(label, forKey: .label)
    try container.encode(score, forKey: .score)
    try container.encode(confidence, forKey: .confidence)
    try container.encode(language, forKey: .language)
    try container.encode(aspects, forKey: .aspects)
    try container.encode(explanation, forKey: .explanation)
  }
}

/// One hosting aspect found in a text and how the customer feels about it.
public struct AspectSentiment: Sendable, Hashable, Codable {
  /// Which aspect.
  public var aspect: HostingAspect
  /// The polarity of what was said about it (the sentiment in the same clause).
  public var label: SentimentLabel
  /// That polarity as a number in −1…1.
  public var score: Double
  /// The words of the text that named the aspect, lowercased.
  public var terms: [String]

  /// Creates an aspect mention.
  ///
  /// - Parameters:
  ///   - aspect: Which aspect.
  ///   - label: Its polarity.
  ///   - score: Its score in −1…1.
  ///   - terms: The words that named it.
  public init(aspect: HostingAspect, label: SentimentLabel, score: Double, terms: [String]) {
    self.aspect = aspect
    self.label = label
    self.score = score
    self.terms = terms
  }
}

/// A token or rule that moved a score, and by how much.
///
/// For ``LexiconSentimentClassifier`` the amounts are on the lexicon's valence scale (−4…4 per word) and add up
/// to the raw sum that is then normalised into ``SentimentResult/score``.
public struct SentimentContribution: Sendable, Hashable, Codable {
  /// The token (lowercased word, phrase, emoji or punctuation run) the rule applied to.
  public var token: String
  /// The rule.
  public var rule: SentimentRule
  /// The change it made to the raw score.
  public var amount: Double

  /// Creates a contribution.
  ///
  /// - Parameters:
  ///   - token: The token.
  ///   - rule: The rule.
  ///   - amount: The change to the raw score.
  public init(token: String, rule: SentimentRule, amount: Double) {
    self.token = token
    self.rule = rule
    self.amount = amount
  }
}

/// The name of a rule that can move a score. An open set; encoded as the plain raw value.
public struct SentimentRule: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
  /// The rule's name.
  public var rawValue: String

  /// Creates a rule name.
  ///
  /// - Parameter rawValue: The name.
  public init(rawValue: String) { self.rawValue = rawValue }

  /// Decodes the plain name.
  ///
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: `DecodingError` when the value is not a string.
  public init(from decoder: any Decoder) throws {
    rawValue = try decoder.singleValueContainer().decode(String.self)
  }

  /// Encodes the plain name.
  ///
  /// - Parameter encoder: The encoder to write to.
  /// - Throws: Whatever the encoder throws.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }

  /// The name.
  public var description: String { rawValue }

  /// A word's valence from the lexicon.
  public static let lexicon = SentimentRule(rawValue: "lexicon")
  /// An idiom whose meaning is not the sum of its words (`negation_fixed`), e.g. "no problem".
  public static let fixedPhrase = SentimentRule(rawValue: "fixedPhrase")
  /// An emoji's valence.
  public static let emoji = SentimentRule(rawValue: "emoji")
  /// An emoticon's valence, e.g. `:(`.
  public static let emoticon = SentimentRule(rawValue: "emoticon")
  /// A negator before the word flipped and damped it.
  public static let negation = SentimentRule(rawValue: "negation")
  /// An intensifier near the word strengthened it.
  public static let intensifier = SentimentRule(rawValue: "intensifier")
  /// A dampener near the word weakened it.
  public static let dampener = SentimentRule(rawValue: "dampener")
  /// The word was written in capitals amid lowercase text.
  public static let capitals = SentimentRule(rawValue: "capitals")
  /// The word was elongated ("slowwww").
  public static let elongation = SentimentRule(rawValue: "elongation")
  /// A contrast word ("but") moved weight from the clause before it to the clause after it.
  public static let contrast = SentimentRule(rawValue: "contrast")
  /// Repeated exclamation marks emphasised the overall polarity.
  public static let exclamation = SentimentRule(rawValue: "exclamation")
  /// Repeated question marks emphasised the overall polarity, or praise inside a question was damped.
  public static let question = SentimentRule(rawValue: "question")
  /// A trailing negator ("Great support... NOT") reversed the praise before it.
  public static let sarcasm = SentimentRule(rawValue: "sarcasm")
  /// A remedy solved the problem the word names ("fixed the slow queries", "TTFB dropped"): the complaint was
  /// flipped and damped as a negator would.
  public static let remedy = SentimentRule(rawValue: "remedy")
  /// The word's sentence reports an expected or requested event ("Ticket reopened as requested."): its complaints
  /// count nothing.
  public static let expectedEvent = SentimentRule(rawValue: "expectedEvent")
  /// The word's sentence is a wish ("it would be nice to see …"), a suggestion rather than a verdict.
  public static let wish = SentimentRule(rawValue: "wish")
  /// A statement without a sentiment word that still judges: a demand to stop ("Stop auto-renewing my plan."),
  /// elapsed time ("It's been 72."), a duration set against another ("took five minutes, not five days").
  public static let implicit = SentimentRule(rawValue: "implicit")
  /// A trained model's vote (ensemble explanations).
  public static let model = SentimentRule(rawValue: "model")
}
