import Foundation

/// Tells whether feedback asks for an improvement — "please add…", "kindly improve…", "tolong tambah…",
/// "mohon…", "ຂໍໃຫ້…" — whatever its sentiment: "Love the service, please add 2FA" is praise *and* a suggestion,
/// "The panel is awful, kindly improve it" a complaint *and* a suggestion.
///
/// A rule-based detector over per-language phrase lists (``SuggestionPhrases``; the bundled ones are
/// `suggestions-en.txt`, `suggestions-ms.txt` and `suggestions-lo.txt`). Every language's phrases are tried on
/// every text, so a Malay cue in an English sentence counts too. A cue inside one of its language's exceptions
/// ("mohon maaf", sorry) does not count. A cue may have gaps (`kalau ada … best`) and an anchor at the start of a
/// sentence or clause (`^staff the`); see ``SuggestionPattern``.
///
/// A suggestion's ``SuggestionCue/aspect`` is the hosting aspect it asks about (from the aspect terms of the
/// lexicons, e.g. "control panel", "panel kawalan", "ແຜງຄວບຄຸມ"): the first named from the cue on, else the last named
/// before the cue in its sentence, so a board can group suggestions that carry no sentiment, where the classifier's
/// aspect sentiment finds nothing.
///
/// ```swift
/// let detector = try SuggestionDetector.bundled()
/// detector.detect("Great support! Please add a staging site option.")?.phrase   // "please add"
/// detector.detect("Kami mohon maaf atas gangguan.")                              // nil
/// ```
public struct SuggestionDetector: Hashable, Sendable {
  /// The phrase lists, one per language.
  public let phrases: [SuggestionPhrases]
  /// Aspect terms (lowercase) and the aspect each names.
  public let aspectTerms: [String: HostingAspect]
  private let orderedTerms: [String]
  /// Every cue read as a pattern once (gaps `…` and anchor `^`), list by list in the order of ``phrases``.
  private let patterns: [[SuggestionPattern]]

  /// A detector over phrase lists.
  /// - Parameters:
  ///   - phrases: One list per language (several for one language all count).
  ///   - aspectTerms: Terms that name a hosting aspect, as in ``SentimentLexicon/aspectTerms``; clause roles
  ///     (``HostingAspect/isClauseRole``) are left out.
  public init(phrases: [SuggestionPhrases], aspectTerms: [String: HostingAspect] = [:]) {
    self.phrases = phrases
    var normalized: [String: HostingAspect] = [:]
    // Clause roles ("~speed", "~support") depend on the clause around them; the lookup names real aspects only.
    for (term, aspect) in aspectTerms where !aspect.isClauseRole {
      let key = SuggestionText.normalized(term)
      if !key.isEmpty { normalized[key] = aspect }
    }
    self.aspectTerms = normalized
    // Longer terms first, so "control panel" wins over "panel" where both start.
    self.orderedTerms = normalized.keys.sorted { ($0.count, $1) > ($1.count, $0) }
    self.patterns = phrases.map { $0.cues.map(SuggestionPattern.init) }
  }

  /// The detector over the bundled English, Malay/Indonesian and Lao phrases, with the aspect terms of the
  /// bundled lexicons.
  /// - Returns: The detector.
  /// - Throws: ``SentimentError`` if a bundled file is missing or malformed.
  public static func bundled() throws -> SuggestionDetector {
    var terms: [String: HostingAspect] = [:]
    for language in SentimentLanguage.bundled {
      terms.merge(try SentimentLexicon.bundled(language).aspectTerms) { first, _ in first }
    }
    return SuggestionDetector(phrases: try SentimentLanguage.bundled.map(SuggestionPhrases.bundled), aspectTerms: terms)
  }

  /// The first cue in a text that is not inside an exception.
  /// - Parameter text: Feedback in any language.
  /// - Returns: The cue and its language, or `nil` when the text asks for no improvement.
  /// - Complexity: O(*n* × *q*) for *n* characters and *q* cue parts and exceptions.
  public func detect(_ text: String) -> SuggestionCue? {
    let normalized = SuggestionText.normalized(text)
    guard !normalized.isEmpty else { return nil }
    var best: (start: String.Index, cue: SuggestionCue)?
    for (list, patterns) in zip(phrases, patterns) {
      let excluded = list.exceptions.flatMap { Self.occurrences(of: $0, in: normalized, joiningHyphens: true) }
      func isExcluded(_ range: Range<String.Index>) -> Bool {
        excluded.contains { $0.lowerBound <= range.lowerBound && range.upperBound <= $0.upperBound }
      }
      for (cue, pattern) in zip(list.cues, patterns) {
        guard let start = Self.firstMatch(of: pattern, in: normalized, excluding: isExcluded) else { continue }
        if best.map({ start < $0.start }) ?? true {
          best = (start, SuggestionCue(phrase: cue, language: list.language, aspect: nil))
        }
      }
    }
    guard let best else { return nil }
    var cue = best.cue
    cue.aspect = aspect(askedAt: best.start, in: normalized)
    return cue
  }

  /// The aspect a suggestion is about: the first named from its cue on ("please add 2FA to the control panel"),
  /// else the last named before the cue in its sentence ("the control panel is clunky, please improve it");
  /// `nil` when its sentence names none ("Great support. Please add a staging site." is not about support).
  private func aspect(askedAt cueStart: String.Index, in normalized: String) -> HostingAspect? {
    var after: (start: String.Index, aspect: HostingAspect)?
    var before: (start: String.Index, aspect: HostingAspect)?
    let sentenceStart =
      normalized[..<cueStart].lastIndex(where: SuggestionText.endsSentence).map { normalized.index(after: $0) }
      ?? normalized.startIndex
    for term in orderedTerms {
      for range in Self.occurrences(of: term, in: normalized) {
        let candidate = (start: range.lowerBound, aspect: aspectTerms[term]!)
        if range.lowerBound >= cueStart {
          // The earliest term after the cue; the longest where several start together (terms come longest first).
          if after.map({ range.lowerBound < $0.start }) ?? true { after = candidate }
          break
        } else if range.lowerBound >= sentenceStart,
          before.map({ range.lowerBound > $0.start }) ?? true
        {
          before = candidate
        }
      }
    }
    return (after ?? before)?.aspect
  }

  /// Where the first match of a cue pattern starts: its parts in order, each a whole-word occurrence not inside an
  /// exception, with no sentence end (`.`, `!`, `?`, `;`, `…`, a line break) between two parts, and the first part
  /// opening a sentence or clause — after words of politeness or not ("Please staff the queue") — when the pattern
  /// is anchored.
  ///
  /// Each later part is taken at its leftmost occurrence: any later one leaves the parts after it less room. When
  /// the parts after a start are not found in its sentence, no later start in that sentence can find them either,
  /// so the search moves on to the next sentence.
  ///
  /// - Complexity: O(*n*) searches of the text per part, for *n* characters.
  static func firstMatch(
    of pattern: SuggestionPattern, in text: String, excluding isExcluded: (Range<String.Index>) -> Bool
  ) -> String.Index? {
    guard let first = pattern.parts.first else { return nil }
    var searchStart = text.startIndex
    while let range = firstOccurrence(of: first, in: text, within: searchStart..<text.endIndex, excluding: isExcluded) {
      searchStart = text.index(after: range.lowerBound)
      if pattern.isAnchored && !SuggestionText.opensRequest(range, in: text) { continue }
      var end = range.upperBound
      let sentenceEnd = text[end...].firstIndex(where: SuggestionText.endsSentence) ?? text.endIndex
      var matched = true
      for part in pattern.parts.dropFirst() {
        guard let next = firstOccurrence(of: part, in: text, within: end..<sentenceEnd, excluding: isExcluded) else {
          matched = false
          break
        }
        end = next.upperBound
      }
      if matched { return range.lowerBound }
      searchStart = sentenceEnd
    }
    return nil
  }

  /// The first whole-word occurrence of a phrase within bounds that is not inside an exception.
  private static func firstOccurrence(
    of phrase: String, in text: String, within bounds: Range<String.Index>,
    excluding isExcluded: (Range<String.Index>) -> Bool
  ) -> Range<String.Index>? {
    var searchStart = bounds.lowerBound
    while searchStart < bounds.upperBound {
      guard
        let range = occurrences(
          of: phrase, in: text, within: searchStart..<bounds.upperBound, joiningHyphens: true, limit: 1
        ).first
      else { return nil }
      if !isExcluded(range) { return range }
      searchStart = text.index(after: range.lowerBound)
    }
    return nil
  }

  /// The first hosting aspect a text names, by the aspect terms.
  /// - Parameter text: Any text.
  /// - Returns: The aspect of the earliest term (the longest one where several start together), or `nil`.
  public func aspect(of text: String) -> HostingAspect? {
    firstAspect(in: SuggestionText.normalized(text))
  }

  private func firstAspect(in normalized: String) -> HostingAspect? {
    var best: (offset: Int, aspect: HostingAspect)?
    for term in orderedTerms {
      guard let range = Self.occurrences(of: term, in: normalized).first else { continue }
      let offset = normalized.distance(from: normalized.startIndex, to: range.lowerBound)
      if best.map({ offset < $0.offset }) ?? true { best = (offset, aspectTerms[term]!) }
    }
    return best?.aspect
  }

  /// Whether a text asks for an improvement.
  /// - Parameter text: Feedback in any language.
  /// - Returns: `true` when ``detect(_:)`` finds a cue.
  public func isSuggestion(_ text: String) -> Bool { detect(text) != nil }

  /// The ranges where a phrase occurs in a normalised text as whole words (Latin edges) or anywhere (Lao),
  /// searched within `bounds` (the whole text by default); word edges are judged on the whole text. With
  /// `joiningHyphens`, a hyphen between letters joins a word ("add-on" holds no word "add"), as cues need; aspect
  /// terms keep matching in "auto-renew" or "emel-emel".
  static func occurrences(
    of phrase: String, in text: String, within bounds: Range<String.Index>? = nil, joiningHyphens: Bool = false,
    limit: Int = .max
  ) -> [Range<String.Index>] {
    guard let first = phrase.first, let last = phrase.last else { return [] }
    let checksStart = SuggestionText.isWordCharacter(first)
    let checksEnd = SuggestionText.isWordCharacter(last)
    let bounds = bounds ?? text.startIndex..<text.endIndex
    var found: [Range<String.Index>] = []
    var searchStart = bounds.lowerBound
    while found.count < limit, searchStart < bounds.upperBound,
      let range = text.range(of: phrase, range: searchStart..<bounds.upperBound)
    {
      let startsWord =
        !checksStart || !SuggestionText.continuesWord(in: text, before: range.lowerBound, hyphens: joiningHyphens)
      let endsWord =
        !checksEnd || !SuggestionText.continuesWord(in: text, from: range.upperBound, hyphens: joiningHyphens)
      if startsWord && endsWord { found.append(range) }
      searchStart = text.index(after: range.lowerBound)
    }
    return found
  }
}

/// The phrase that made ``SuggestionDetector`` read a text as a suggestion.
public struct SuggestionCue: Hashable, Sendable, Codable {
  /// The cue as listed (lowercase), e.g. `please add`.
  public var phrase: String
  /// The language of the list it comes from.
  public var language: SentimentLanguage
  /// The hosting aspect the suggestion asks about, if its sentence names one (see ``SuggestionDetector``).
  public var aspect: HostingAspect?

  /// A cue.
  /// - Parameters:
  ///   - phrase: The cue.
  ///   - language: Its language.
  ///   - aspect: The aspect the text names.
  public init(phrase: String, language: SentimentLanguage, aspect: HostingAspect? = nil) {
    self.phrase = phrase
    self.language = language
    self.aspect = aspect
  }
}
