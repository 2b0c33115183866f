import Foundation

/// Tells whether feedback asks for an improvement — "please add…", "kindly improve…", "tolong tambah…",
/// "mohon…", "ຂໍໃຫ້…" — whatever its sentiment: "Love the service, please add 2FA" is praise *and* a suggestion,
/// "The panel is awful, kindly improve it" a complaint *and* a suggestion.
///
/// A rule-based detector over per-language phrase lists (``SuggestionPhrases``; the bundled ones are
/// `suggestions-en.txt`, `suggestions-ms.txt` and `suggestions-lo.txt`). Every language's phrases are tried on
/// every text, so a Malay cue in an English sentence counts too. A cue inside one of its language's exceptions
/// ("mohon maaf", sorry) does not count.
///
/// ```swift
/// let detector = try SuggestionDetector.bundled()
/// detector.detect("Great support! Please add a staging site option.")?.phrase   // "please add"
/// detector.detect("Kami mohon maaf atas gangguan.")                              // nil
/// ```
public struct SuggestionDetector: Hashable, Sendable {
  /// The phrase lists, one per language.
  public let phrases: [SuggestionPhrases]

  /// A detector over phrase lists.
  /// - Parameter phrases: One list per language (several for one language all count).
  public init(phrases: [SuggestionPhrases]) {
    self.phrases = phrases
  }

  /// The detector over the bundled English, Malay/Indonesian and Lao phrases.
  /// - Returns: The detector.
  /// - Throws: ``SentimentError`` if a bundled file is missing or malformed.
  public static func bundled() throws -> SuggestionDetector {
    SuggestionDetector(phrases: try SentimentLanguage.bundled.map(SuggestionPhrases.bundled))
  }

  /// The first cue in a text that is not inside an exception.
  /// - Parameter text: Feedback in any language.
  /// - Returns: The cue and its language, or `nil` when the text asks for no improvement.
  /// - Complexity: O(*n* × *p*) for *n* characters and *p* phrases.
  public func detect(_ text: String) -> SuggestionCue? {
    let normalized = SuggestionText.normalized(text)
    guard !normalized.isEmpty else { return nil }
    var best: (offset: Int, cue: SuggestionCue)?
    for list in phrases {
      let excluded = list.exceptions.flatMap { Self.occurrences(of: $0, in: normalized) }
      for cue in list.cues {
        for range in Self.occurrences(of: cue, in: normalized)
        where !excluded.contains(where: { $0.lowerBound <= range.lowerBound && range.upperBound <= $0.upperBound }) {
          let offset = normalized.distance(from: normalized.startIndex, to: range.lowerBound)
          if best.map({ offset < $0.offset }) ?? true {
            best = (offset, SuggestionCue(phrase: cue, language: list.language))
          }
          break
        }
      }
    }
    return best?.cue
  }

  /// Whether a text asks for an improvement.
  /// - Parameter text: Feedback in any language.
  /// - Returns: `true` when ``detect(_:)`` finds a cue.
  public func isSuggestion(_ text: String) -> Bool { detect(text) != nil }

  /// The ranges where a phrase occurs in a normalised text as whole words (Latin edges) or anywhere (Lao).
  static func occurrences(of phrase: String, in text: String) -> [Range<String.Index>] {
    guard let first = phrase.first, let last = phrase.last else { return [] }
    let checksStart = SuggestionText.isWordCharacter(first)
    let checksEnd = SuggestionText.isWordCharacter(last)
    var found: [Range<String.Index>] = []
    var searchStart = text.startIndex
    while searchStart < text.endIndex, let range = text.range(of: phrase, range: searchStart..<text.endIndex) {
      let startsWord =
        !checksStart || range.lowerBound == text.startIndex
        || !SuggestionText.isWordCharacter(text[text.index(before: range.lowerBound)])
      let endsWord =
        !checksEnd || range.upperBound == text.endIndex || !SuggestionText.isWordCharacter(text[range.upperBound])
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

  /// A cue.
  /// - Parameters:
  ///   - phrase: The cue.
  ///   - language: Its language.
  public init(phrase: String, language: SentimentLanguage) {
    self.phrase = phrase
    self.language = language
  }
}
