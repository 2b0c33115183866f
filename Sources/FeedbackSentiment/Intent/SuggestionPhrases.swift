import Foundation

/// The phrases that mark feedback as a suggestion in one language: cues that ask for an improvement ("please
/// add…", "tolong tambah…", "ຂໍໃຫ້…") and exceptions that contain a cue but ask for none ("mohon maaf", sorry;
/// "ຂໍໃຫ້ໂຊກດີ", good luck).
///
/// The text format (UTF-8, `#` comment lines, blank lines ignored):
/// ```
/// [cues]
/// please add
/// kindly improve
/// [exceptions]
/// please add me
/// ```
/// Phrases are matched without regard to case, with runs of white space counting as one space. A phrase that
/// begins or ends with a letter of a script written with spaces (Latin) matches whole words only; Lao phrases
/// match anywhere, since Lao is written without spaces between words.
public struct SuggestionPhrases: Hashable, Sendable {
  /// The language the phrases are in.
  public var language: SentimentLanguage
  /// Phrases that ask for an improvement, normalised (lowercase, single spaces).
  public private(set) var cues: [String]
  /// Phrases that contain a cue but ask for no improvement, normalised.
  public private(set) var exceptions: [String]

  /// Phrases from lists.
  /// - Parameters:
  ///   - language: Their language.
  ///   - cues: Phrases that ask for an improvement.
  ///   - exceptions: Phrases that contain a cue but are no suggestion.
  public init(language: SentimentLanguage, cues: [String], exceptions: [String] = []) {
    self.language = language
    self.cues = cues.map(SuggestionText.normalized).filter { !$0.isEmpty }
    self.exceptions = exceptions.map(SuggestionText.normalized).filter { !$0.isEmpty }
  }

  /// Phrases read from text in the format above.
  /// - Parameters:
  ///   - language: Their language.
  ///   - text: The file's text.
  ///   - source: The file's name, for errors.
  /// - Throws: ``SentimentError`` `malformedLine` for a phrase before any section or an unknown section.
  public init(language: SentimentLanguage, parsing text: String, source: String? = nil) throws {
    self.init(language: language, cues: [])
    try extend(parsing: text, source: source)
  }

  /// The bundled phrases of a language (`suggestions-<code>.txt` in the module's resources).
  /// - Parameter language: English, Malay/Indonesian or Lao.
  /// - Returns: The phrases.
  /// - Throws: ``SentimentError`` `missingResource` for a language without a bundled file.
  public static func bundled(_ language: SentimentLanguage) throws -> SuggestionPhrases {
    let name = "suggestions-\(language.rawValue)"
    return try SuggestionPhrases(
      language: language, parsing: try BundledLexicons.resourceText(name), source: "\(name).txt")
  }

  /// Adds a file's phrases to these.
  /// - Parameters:
  ///   - text: Text in the format above.
  ///   - source: The file's name, for errors.
  /// - Throws: ``SentimentError`` naming the line; on error the phrases are unchanged.
  public mutating func extend(parsing text: String, source: String? = nil) throws {
    var cues = self.cues
    var exceptions = self.exceptions
    for (section, phrase) in try SectionedText.phrases(in: text, allowed: ["cues", "exceptions"], source: source) {
      if section == "cues" { cues.append(phrase) } else { exceptions.append(phrase) }
    }
    self.cues = cues
    self.exceptions = exceptions
  }
}

/// Text normalisation shared by the phrases and the texts they are matched against.
enum SuggestionText {
  /// Lowercase, curly apostrophes straightened, runs of white space as one space, trimmed.
  static func normalized(_ text: String) -> String {
    var output = ""
    output.reserveCapacity(text.utf8.count)
    var pendingSpace = false
    for character in text.lowercased() {
      if character.isWhitespace {
        pendingSpace = !output.isEmpty
        continue
      }
      if pendingSpace {
        output.append(" ")
        pendingSpace = false
      }
      output.append(character == "\u{2019}" ? "'" : character)
    }
    return output
  }

  /// Whether a character is a letter or digit of a script written with spaces between words, so that a phrase
  /// edge next to it would cut a word. Lao letters are not: Lao runs its words together.
  static func isWordCharacter(_ character: Character) -> Bool {
    guard character.isLetter || character.isNumber else { return false }
    return !character.unicodeScalars.contains { (0x0E80...0x0EFF).contains($0.value) }
  }
}
