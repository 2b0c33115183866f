import Foundation

/// Reads an agent's reply before it goes out and suggests how to make it clearer for the customer: hosting jargon
/// to explain, sentences to split, and a next step when the reply never says what happens next.
///
/// Replies in English, Malay/Indonesian and Lao are checked against a ``ClarityGlossary`` per language:
/// - **jargon**: every glossary term in the reply (DNS propagation, MX record, inode, PHP-FPM, …) gets one hint
///   at its first occurrence, carrying the glossary's plain-language explanation in the reply's language, unless
///   the agent already explained it in brackets right after the term ("TTL (how long…)");
/// - **long sentences**: a sentence with more words than ``ClarityGlossary/longSentenceWords`` (English and
///   Malay 25, Lao 30 words as ``LaoSegmenter`` cuts them);
/// - **no next step**: a reply containing none of the glossary's next-step phrases ("I will…", "we'll update
///   you", "please try… and let us know", "kami akan…", "sila cuba…", "ຈະ…") gets one hint about the whole reply.
///
/// The check only advises: it never throws, never traps and never blocks sending, whatever the text. Hints come
/// in reply order, the missing next step last. Text whose language has no glossary gets no hints.
///
/// ```swift
/// let check = try ReplyClarityCheck.bundled()
/// for hint in check.check("Your MX records need updating.", language: .english) {
///   print(hint.kind, hint.excerpt ?? "", hint.explanation)
/// }
/// // jargon MX records the setting that tells the internet which server receives email for your domain
/// // noNextStep  The reply does not say what happens next: …
/// ```
public struct ReplyClarityCheck: Sendable {
  /// The glossaries, by language.
  public let glossaries: [SentimentLanguage: ClarityGlossary]
  private let indexes: [SentimentLanguage: Indexes]
  private let identifier: LanguageIdentifier?
  private let segmenter: LaoSegmenter

  private struct Indexes: Sendable {
    var terms: ClarityPhraseIndex
    var nextSteps: ClarityPhraseIndex
    var abbreviations: Set<String>
  }

  /// Creates a check.
  /// - Parameters:
  ///   - glossaries: One glossary per language (a later glossary for the same language replaces an earlier one).
  ///   - languageIdentifier: Tells the language of a reply checked without one; when `nil`, such replies are
  ///     checked as English if there is an English glossary, else with the only glossary there is.
  ///   - segmenter: Cuts Lao text into words; the bundled Lao dictionary by default. The glossaries' Lao terms
  ///     and phrases are added to it.
  public init(
    glossaries: [ClarityGlossary], languageIdentifier: LanguageIdentifier? = nil, segmenter: LaoSegmenter? = nil
  ) {
    var segmenter = segmenter ?? BundledLexicons.segmenter
    var byLanguage: [SentimentLanguage: ClarityGlossary] = [:]
    for glossary in glossaries { byLanguage[glossary.language] = glossary }
    for glossary in byLanguage.values {
      let phrases = glossary.terms.flatMap(\.spellings) + glossary.nextStepPhrases
      for phrase in phrases { for piece in phrase.split(separator: " ") { segmenter.insert(String(piece)) } }
    }
    var indexes: [SentimentLanguage: Indexes] = [:]
    for (language, glossary) in byLanguage {
      let termPhrases = glossary.terms.enumerated().flatMap { index, term in term.spellings.map { ($0, index) } }
      let stepPhrases = glossary.nextStepPhrases.enumerated().map { ($1, $0) }
      indexes[language] = Indexes(
        terms: ClarityPhraseIndex(termPhrases, segmenter: segmenter),
        nextSteps: ClarityPhraseIndex(stepPhrases, segmenter: segmenter),
        abbreviations: Set(glossary.abbreviations))
    }
    self.glossaries = byLanguage
    self.indexes = indexes
    self.identifier = languageIdentifier
    self.segmenter = segmenter
  }

  /// The check over the bundled English, Malay/Indonesian and Lao glossaries, identifying languages with the
  /// bundled ``LanguageIdentifier``.
  /// - Returns: The check.
  /// - Throws: ``SentimentError`` if a bundled resource is missing or malformed.
  public static func bundled() throws -> ReplyClarityCheck {
    ReplyClarityCheck(
      glossaries: try SentimentLanguage.bundled.map(ClarityGlossary.bundled),
      languageIdentifier: try LanguageIdentifier.bundled())
  }

  /// The language a reply is checked as.
  /// - Parameter reply: The reply.
  /// - Returns: The identified language, or the fallback described in ``init(glossaries:languageIdentifier:segmenter:)``.
  public func language(of reply: String) -> SentimentLanguage {
    if let identifier { return identifier.identify(reply) }
    if glossaries[.english] != nil { return .english }
    return glossaries.count == 1 ? glossaries.keys.first! : .undetermined
  }

  /// Checks a reply.
  /// - Parameters:
  ///   - reply: The agent's reply, as it would be sent.
  ///   - language: The reply's language (the customer's, when known); identified from the text when `nil`.
  /// - Returns: The hints in reply order, the missing next step last; empty for a reply without words or in a
  ///   language without a glossary.
  /// - Complexity: O(*n* × *L*) for *n* characters and *L* the longest Lao dictionary word.
  public func check(_ reply: String, language: SentimentLanguage? = nil) -> [ClarityHint] {
    let language = language ?? self.language(of: reply)
    guard let glossary = glossaries[language], let index = indexes[language] else { return [] }
    let text = ClarityText(reply, segmenter: segmenter, abbreviations: index.abbreviations)
    guard !text.words.isEmpty else { return [] }
    var hints = jargonHints(in: text, glossary: glossary, index: index.terms)
    for sentence in text.sentences where sentence.wordCount > glossary.longSentenceWords {
      let message = glossary.longSentenceMessage
        .replacingOccurrences(of: "{words}", with: String(sentence.wordCount))
        .replacingOccurrences(of: "{limit}", with: String(glossary.longSentenceWords))
      hints.append(
        ClarityHint(
          kind: .longSentence, language: language, location: text.location(sentence.scalarStart, sentence.scalarEnd),
          excerpt: text.text(sentence.scalarStart, sentence.scalarEnd), explanation: message))
    }
    hints.sort { ($0.location?.utf16Offset ?? .max) < ($1.location?.utf16Offset ?? .max) }
    if !index.nextSteps.occurs(in: text) {
      hints.append(
        ClarityHint(
          kind: .noNextStep, language: language, location: nil, excerpt: nil, explanation: glossary.noNextStepMessage))
    }
    return hints
  }

  /// One hint per glossary term, at its first occurrence, unless one occurrence is explained in brackets.
  private func jargonHints(in text: ClarityText, glossary: ClarityGlossary, index: ClarityPhraseIndex)
    -> [ClarityHint]
  {
    var first: [Int: ClarityPhraseIndex.Match] = [:]
    var explained: Set<Int> = []
    for match in index.matches(in: text) {
      if isExplained(match, in: text) { explained.insert(match.owner) }
      if first[match.owner] == nil { first[match.owner] = match }
    }
    return first.values.filter { !explained.contains($0.owner) }.map { match in
      let start = text.words[match.wordStart].scalarStart
      let end = text.words[match.wordEnd - 1].scalarEnd
      let term = glossary.terms[match.owner]
      return ClarityHint(
        kind: .jargon, language: glossary.language, location: text.location(start, end), excerpt: text.text(start, end),
        term: term.spellings[0], explanation: term.explanation)
    }
  }

  /// Whether a term is followed by an opening bracket, as in "TTL (the time other computers remember…)".
  private func isExplained(_ match: ClarityPhraseIndex.Match, in text: ClarityText) -> Bool {
    var index = text.words[match.wordEnd - 1].scalarEnd
    while index < text.scalars.count, text.scalars[index] == " " { index += 1 }
    return index < text.scalars.count && (text.scalars[index] == "(" || text.scalars[index] == "\u{FF08}")
  }
}
