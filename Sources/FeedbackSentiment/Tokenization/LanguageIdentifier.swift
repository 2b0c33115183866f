import Foundation

/// Tells which language a piece of feedback is written in, from its script and its function words.
///
/// Lao is recognised by script (U+0E80–U+0EFF). Among Latin-script languages the one whose stopwords (and,
/// with half the weight, lexicon terms) occur most often wins. Mixed-language text gets the dominant language:
/// the script with more letters, then the language with more hits. Latin text with no hits at all is taken
/// as English; text with no letters, or only letters of a script without a lexicon, is
/// ``SentimentLanguage/undetermined``.
///
/// ```swift
/// let identifier = try LanguageIdentifier.bundled()
/// identifier.identify("servis sangat lambat hari ini")  // .malay
/// ```
public struct LanguageIdentifier: Sendable {
  private var evidence: [String: [(SentimentLanguage, Double)]] = [:]
  private var latinLanguages: [SentimentLanguage]
  private var hasLao: Bool
  let tokenizer: FeedbackTokenizer

  /// Creates an identifier over the stopwords and terms of the given lexicons.
  ///
  /// - Parameters:
  ///   - lexicons: One lexicon per language; Latin-script languages are ranked in the order of
  ///     ``SentimentLanguage/bundled`` first, then by code.
  ///   - segmenter: The segmenter for Lao runs.
  public init(lexicons: [SentimentLanguage: SentimentLexicon], segmenter: LaoSegmenter) {
    self.init(lexicons: lexicons, tokenizer: FeedbackTokenizer(segmenter: segmenter))
  }

  /// An identifier that shares a tokenizer (and its frozen Lao dictionary) with its owner.
  init(lexicons: [SentimentLanguage: SentimentLexicon], tokenizer: FeedbackTokenizer) {
    self.tokenizer = tokenizer
    hasLao = lexicons[.lao] != nil
    let ordered = lexicons.keys.sorted { lhs, rhs in
      let left = SentimentLanguage.bundled.firstIndex(of: lhs) ?? Int.max
      let right = SentimentLanguage.bundled.firstIndex(of: rhs) ?? Int.max
      return left != right ? left < right : lhs.rawValue < rhs.rawValue
    }
    latinLanguages = ordered.filter { $0 != .lao }
    for language in latinLanguages {
      guard let lexicon = lexicons[language] else { continue }
      var weights: [String: Double] = [:]
      for term in lexicon.valences.keys where !term.contains(" ") { weights[term] = 0.5 }
      for term in lexicon.aspectTerms.keys where !term.contains(" ") { weights[term] = 0.5 }
      for term in lexicon.stopwords where !term.contains(" ") { weights[term] = 1 }
      for term in lexicon.negators where !term.contains(" ") { weights[term] = 1 }
      for (term, weight) in weights { evidence[term, default: []].append((language, weight)) }
    }
  }

  /// The identifier over the bundled lexicons.
  ///
  /// - Returns: An identifier for English, Malay/Indonesian and Lao.
  /// - Throws: ``SentimentError`` if a bundled resource is missing or malformed.
  public static func bundled() throws -> LanguageIdentifier {
    LanguageIdentifier(lexicons: try SentimentLexicon.allBundled(), tokenizer: BundledLexicons.tokenizer)
  }

  /// Identifies the dominant language of a text.
  ///
  /// - Parameter text: Any text.
  /// - Returns: The language, or ``SentimentLanguage/undetermined``.
  /// - Complexity: O(n) in the length of the text.
  public func identify(_ text: String) -> SentimentLanguage {
    identify(tokenizer.tokenize(text))
  }

  func identify(_ tokenized: TokenizedText) -> SentimentLanguage {
    let decision = decide(tokenized.counts) { scores in
      for token in tokenized.tokens where token.kind == .word && !token.isLao {
        guard let hits = evidence[token.text] else { continue }
        for (language, weight) in hits {
          if let index = latinLanguages.firstIndex(of: language) { scores[index] += weight }
        }
      }
    }
    return language(of: decision)
  }

  /// Which language a text was judged to be in.
  enum Decision: Equatable {
    case lao
    /// The Latin-script candidate at this index of ``latinCandidates``.
    case latin(Int)
    case undetermined
  }

  /// Picks the language from the script counts, then from the Latin-language scores `accumulate` adds up (one
  /// slot per entry of ``latinCandidates``).
  func decide(_ counts: TokenCounts, accumulate: (UnsafeMutableBufferPointer<Double>) -> Void) -> Decision {
    if hasLao, counts.laoLetters > 0, counts.laoLetters >= counts.latinLetters, counts.laoLetters >= counts.otherLetters
    {
      return .lao
    }
    guard counts.latinLetters > 0, counts.latinLetters >= counts.otherLetters, !latinLanguages.isEmpty else {
      return .undetermined
    }
    return withUnsafeTemporaryAllocation(of: Double.self, capacity: latinLanguages.count) { scores in
      scores.initialize(repeating: 0)
      accumulate(scores)
      var best = 0
      for index in scores.indices where scores[index] > scores[best] { best = index }
      return .latin(scores[best] > 0 ? best : 0)
    }
  }

  /// The language of a decision.
  func language(of decision: Decision) -> SentimentLanguage {
    switch decision {
    case .lao: return .lao
    case .latin(let index): return latinLanguages[index]
    case .undetermined: return .undetermined
    }
  }

  /// The Latin-script languages, in ranking order.
  var latinCandidates: [SentimentLanguage] { latinLanguages }

  /// The evidence a word gives for each Latin-script language.
  func weights(of word: String) -> [(SentimentLanguage, Double)] { evidence[word] ?? [] }
}
