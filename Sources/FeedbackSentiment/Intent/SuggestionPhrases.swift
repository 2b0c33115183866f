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
///
/// A cue may have gaps and an anchor (``SuggestionPattern``): `kalau ada … lagi best` matches its parts in order
/// within one sentence ("kalau ada video pendek lagi best"), and `^staff` matches only where it opens a sentence or
/// clause — an imperative ("Staff the weekend queue."), not a noun ("The staff were kind.").
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
  /// - Throws: ``SentimentError`` `malformedLine` for a phrase before any section, an unknown section, or a cue
  ///   with an empty part (`^` alone, `… more`).
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
    let sections = try SectionedText.phrases(in: text, allowed: ["cues", "exceptions"], source: source) {
      section, phrase in section == "cues" ? SuggestionPattern(phrase).problem : nil
    }
    for (section, phrase) in sections {
      if section == "cues" { cues.append(phrase) } else { exceptions.append(phrase) }
    }
    self.cues = cues
    self.exceptions = exceptions
  }
}

/// Text normalisation shared by the phrases and the texts they are matched against.
enum SuggestionText {
  /// Lowercase, curly apostrophes straightened, runs of white space as one space (as one line break when they hold
  /// one: a line ends a sentence), trimmed.
  static func normalized(_ text: String) -> String {
    var output = ""
    output.reserveCapacity(text.utf8.count)
    var pendingSpace = false
    var pendingBreak = false
    for character in text.lowercased() {
      if character.isWhitespace {
        pendingSpace = !output.isEmpty
        pendingBreak = pendingBreak || (pendingSpace && character.isNewline)
        continue
      }
      if pendingSpace {
        output.append(pendingBreak ? "\n" : " ")
        pendingSpace = false
        pendingBreak = false
      }
      output.append(character == "\u{2019}" ? "'" : character)
    }
    return output
  }

  /// Whether a character ends a sentence: `.`, `!`, `?`, `;`, `…` (and their full-width forms), a line break.
  static func endsSentence(_ character: Character) -> Bool {
    ".!?;…。！？；\n".contains(character)
  }

  /// Whether a range stands at the start of a normalised text or of a sentence or clause (after `.`, `!`, `?`, `,`,
  /// `;`, `:`, `…`, a line break or an emoji), looking back over spaces and opening quotes or brackets.
  static func opensSentence(_ range: Range<String.Index>, in text: String) -> Bool {
    var index = range.lowerBound
    while index > text.startIndex {
      index = text.index(before: index)
      let character = text[index]
      if character == " " || "\"'“‘([".contains(character) { continue }
      if endsSentence(character) || character == "," || character == ":" { return true }
      return character.unicodeScalars.contains { $0.properties.isEmojiPresentation }
    }
    return true
  }

  /// Whether the word before `index` runs on into it: a word character just before, or (with `hyphens`) a hyphen
  /// joining two word characters ("e-mail" holds no word "mail").
  static func continuesWord(in text: String, before index: String.Index, hyphens: Bool) -> Bool {
    guard index > text.startIndex else { return false }
    let previous = text.index(before: index)
    if isWordCharacter(text[previous]) { return true }
    return hyphens && text[previous] == "-" && previous > text.startIndex
      && isWordCharacter(text[text.index(before: previous)])
  }

  /// Whether the text at `index` continues the word before it: a word character, or (with `hyphens`) a hyphen
  /// followed by one ("add-on" holds no word "add").
  static func continuesWord(in text: String, from index: String.Index, hyphens: Bool) -> Bool {
    guard index < text.endIndex else { return false }
    if isWordCharacter(text[index]) { return true }
    let next = text.index(after: index)
    return hyphens && text[index] == "-" && next < text.endIndex && isWordCharacter(text[next])
  }

  /// Words of politeness that may stand before an imperative: "please staff the queue", "tolong sediakan".
  static let politeness: Set<Substring> = ["please", "pls", "plz", "kindly", "tolong", "sila", "mohon", "just"]

  /// Whether a range opens a sentence or clause, or follows words of politeness of which the first does ("Please
  /// staff the weekend queue.", "Please just add a staging option.").
  static func opensRequest(_ range: Range<String.Index>, in text: String) -> Bool {
    var start = range.lowerBound
    for _ in 0..<3 {
      if opensSentence(start..<range.upperBound, in: text) { return true }
      let before = text[..<start]
      guard before.last == " " else { return false }
      let trimmed = before.dropLast()
      let wordStart = trimmed.lastIndex { !isWordCharacter($0) }.map { text.index(after: $0) } ?? text.startIndex
      guard politeness.contains(text[wordStart..<trimmed.endIndex]) else { return false }
      start = wordStart
    }
    return opensSentence(start..<range.upperBound, in: text)
  }

  /// Whether a character is a letter or digit of a script written with spaces between words, so that a phrase
  /// edge next to it would cut a word. Lao letters are not: Lao runs its words together.
  static func isWordCharacter(_ character: Character) -> Bool {
    guard character.isLetter || character.isNumber else { return false }
    return !character.unicodeScalars.contains { (0x0E80...0x0EFF).contains($0.value) }
  }
}
