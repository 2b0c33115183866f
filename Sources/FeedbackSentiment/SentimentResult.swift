import Foundation

/// What a ``SentimentClassifier`` concluded about one text.
public struct SentimentResult: Sendable, Hashable, Codable {
  /// The polarity.
  public var label: SentimentLabel
  /// The polarity as a number in −1…1 (−1 extremely negative, 0 neutral, +1 extremely positive).
  public var score: Double
  /// How sure the classifier is of ``label``, in 0…1; 0 when nothing in the text was recognised.
  public var confidence: Double
  /// The language the text was judged to be written in (the dominant one for mixed text).
  public var language: SentimentLanguage
  /// The hosting aspects mentioned, each with the polarity of what was said about it, in order of first mention.
  public var aspects: [AspectSentiment]
  /// The tokens and rules that moved the score, in text order; see ``SentimentContribution``.
  public var explanation: [SentimentContribution]

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
    self.label = label
    self.score = score.isNaN ? 0 : min(1, max(-1, score))
    self.confidence = confidence.isNaN ? 0 : min(1, max(0, confidence))
    self.language = language
    self.aspects = aspects
    self.explanation = explanation
  }

  /// A neutral result with confidence 0: what every classifier returns when it recognises nothing.
  ///
  /// - Parameter language: The detected language.
  /// - Returns: Label neutral, score 0, confidence 0, no aspects, no explanation.
  public static func unknown(language: SentimentLanguage) -> SentimentResult {
    SentimentResult(label: .neutral, score: 0, confidence: 0, language: language)
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
  /// A trained model's vote (ensemble explanations).
  public static let model = SentimentRule(rawValue: "model")
}
