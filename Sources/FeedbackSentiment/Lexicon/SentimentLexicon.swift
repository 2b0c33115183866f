import Foundation

/// Everything the rule-based classifier knows about one language: word valences, rule word lists, aspect
/// terms and, for Lao, segmentation words.
///
/// Load the bundled lexicons with ``bundled(_:)``, parse a host's own files with
/// ``init(language:lexicon:rules:aspects:words:)``, and combine them with ``merging(_:)`` (the argument wins on
/// conflicts) — or replace a bundled lexicon entirely by passing your own to
/// ``LexiconSentimentClassifier/init(lexicons:neutralThreshold:)``. The file format is described in
/// <doc:LexiconFormat>.
public struct SentimentLexicon: Sendable, Hashable, Codable {
  /// The language this lexicon is for.
  public var language: SentimentLanguage
  /// Term (word or space-separated phrase, lowercase) → valence in −4…4.
  public var valences: [String: Double]
  /// Words that negate the sentiment words after them ("not", "tidak", "ບໍ່").
  public var negators: Set<String>
  /// Word → scaling step: positive for intensifiers ("very" 0.293), negative for dampeners ("slightly" −0.293).
  public var intensifiers: [String: Double]
  /// Words after which the clause carries more weight ("but", "tapi", "ແຕ່").
  public var contrastWords: Set<String>
  /// Frequent function words, used by ``LanguageIdentifier``.
  public var stopwords: Set<String>
  /// Idioms whose valence is not the sum of their words and which negation does not flip ("no problem" 2.0,
  /// "thanks for nothing" −2.5).
  public var fixedPhrases: [String: Double]
  /// Term → the hosting aspect it names.
  public var aspectTerms: [String: HostingAspect]
  /// Extra dictionary words for ``LaoSegmenter`` (only meaningful for Lao).
  public var segmentationWords: Set<String>
  /// Words that show an opinion in a text without a sentiment word ("still", "masih", "ເລື້ອຍໆ"), on top of the
  /// bundled `opinion-cues.txt`: such a text is not taken as a statement of fact
  /// (``EnsembleSentimentClassifier/factFactor``). Single words, matched in every language.
  public var opinionCues: Set<String>
  /// Terms that say a problem was solved ("dah dibaiki", "berjaya dipulihkan", "hilang" after a fault): in their
  /// sentence the complaints before them are what was solved, not a complaint (rules section `[remedies]`).
  public var remedies: Set<String>
  /// Terms that call an event expected ("memang dijangka", "seperti dijadualkan"): the complaints of their sentence
  /// describe what was planned, not a fault (rules section `[expectations]`).
  public var expectations: Set<String>
  /// Words that open a condition ("kalau", "jika"): praise right before one, said as a ``hypotheticals`` word would
  /// be ("alangkah baiknya kalau", "bakal membantu kalau …"), is a wish, not praise (rules section `[conditions]`).
  public var conditions: Set<String>
  /// Words that make the praise after them hypothetical ("alangkah", "bakal", "akan"): with a condition after the
  /// praise, it is a wish (rules section `[hypotheticals]`).
  public var hypotheticals: Set<String>

  /// Creates a lexicon from its parts.
  ///
  /// - Parameters:
  ///   - language: The language.
  ///   - valences: Term → valence in −4…4.
  ///   - negators: Negating words.
  ///   - intensifiers: Word → positive (intensifier) or negative (dampener) step.
  ///   - contrastWords: Contrast words.
  ///   - stopwords: Function words for language identification.
  ///   - fixedPhrases: Idiom → valence.
  ///   - aspectTerms: Term → aspect.
  ///   - segmentationWords: Extra Lao dictionary words.
  ///   - opinionCues: Extra opinion cue words.
  ///   - remedies: Terms that say a problem was solved.
  ///   - expectations: Terms that call an event expected.
  ///   - conditions: Words that open a condition.
  ///   - hypotheticals: Words that make the praise after them hypothetical.
  public init(
    language: SentimentLanguage,
    valences: [String: Double] = [:],
    negators: Set<String> = [],
    intensifiers: [String: Double] = [:],
    contrastWords: Set<String> = [],
    stopwords: Set<String> = [],
    fixedPhrases: [String: Double] = [:],
    aspectTerms: [String: HostingAspect] = [:],
    segmentationWords: Set<String> = [],
    opinionCues: Set<String> = [],
    remedies: Set<String> = [],
    expectations: Set<String> = [],
    conditions: Set<String> = [],
    hypotheticals: Set<String> = []
  ) {
    self.language = language
    self.valences = valences
    self.negators = negators
    self.intensifiers = intensifiers
    self.contrastWords = contrastWords
    self.stopwords = stopwords
    self.fixedPhrases = fixedPhrases
    self.aspectTerms = aspectTerms
    self.segmentationWords = segmentationWords
    self.opinionCues = opinionCues
    self.remedies = remedies
    self.expectations = expectations
    self.conditions = conditions
    self.hypotheticals = hypotheticals
  }

  private enum CodingKeys: String, CodingKey {
    case language, valences, negators, intensifiers, contrastWords, stopwords, fixedPhrases, aspectTerms
    case segmentationWords, opinionCues, remedies, expectations, conditions, hypotheticals
  }

  /// Decodes a lexicon; one saved before ``opinionCues``, ``remedies``, ``expectations``, ``conditions`` or
  /// ``hypotheticals`` existed decodes with none.
  ///
  /// - Parameter decoder: The decoder.
  /// - Throws: `DecodingError` for a wrong shape.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      language: try container.decode(SentimentLanguage.self, forKey: .language),
      valences: try container.decode([String: Double].self, forKey: .valences),
      negators: try container.decode(Set<String>.self, forKey: .negators),
      intensifiers: try container.decode([String: Double].self, forKey: .intensifiers),
      contrastWords: try container.decode(Set<String>.self, forKey: .contrastWords),
      stopwords: try container.decode(Set<String>.self, forKey: .stopwords),
      fixedPhrases: try container.decode([String: Double].self, forKey: .fixedPhrases),
      aspectTerms: try container.decode([String: HostingAspect].self, forKey: .aspectTerms),
      segmentationWords: try container.decode(Set<String>.self, forKey: .segmentationWords),
      opinionCues: try container.decodeIfPresent(Set<String>.self, forKey: .opinionCues) ?? [],
      remedies: try container.decodeIfPresent(Set<String>.self, forKey: .remedies) ?? [],
      expectations: try container.decodeIfPresent(Set<String>.self, forKey: .expectations) ?? [],
      conditions: try container.decodeIfPresent(Set<String>.self, forKey: .conditions) ?? [],
      hypotheticals: try container.decodeIfPresent(Set<String>.self, forKey: .hypotheticals) ?? [])
  }

  /// Combines two lexicons of the same language; entries of `other` win where both define a term.
  ///
  /// - Parameter other: The lexicon to lay over this one (e.g. a host's additions).
  /// - Returns: The union.
  /// - Complexity: O(size of `other`) on top of copying this lexicon.
  public func merging(_ other: SentimentLexicon) -> SentimentLexicon {
    var merged = self
    merged.valences.merge(other.valences) { _, new in new }
    merged.negators.formUnion(other.negators)
    merged.intensifiers.merge(other.intensifiers) { _, new in new }
    merged.contrastWords.formUnion(other.contrastWords)
    merged.stopwords.formUnion(other.stopwords)
    merged.fixedPhrases.merge(other.fixedPhrases) { _, new in new }
    merged.aspectTerms.merge(other.aspectTerms) { _, new in new }
    merged.segmentationWords.formUnion(other.segmentationWords)
    merged.opinionCues.formUnion(other.opinionCues)
    merged.remedies.formUnion(other.remedies)
    merged.expectations.formUnion(other.expectations)
    merged.conditions.formUnion(other.conditions)
    merged.hypotheticals.formUnion(other.hypotheticals)
    return merged
  }

  /// All terms of this lexicon that ``LaoSegmenter`` should know as words.
  var allTerms: [String] {
    Array(valences.keys) + Array(negators) + Array(intensifiers.keys) + Array(contrastWords) + Array(stopwords)
      + Array(fixedPhrases.keys) + Array(aspectTerms.keys) + Array(segmentationWords) + Array(opinionCues)
      + Array(remedies) + Array(expectations) + Array(conditions) + Array(hypotheticals)
  }
}
