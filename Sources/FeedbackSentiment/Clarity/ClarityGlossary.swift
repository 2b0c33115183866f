import Foundation

/// What ``ReplyClarityCheck`` knows about one language: hosting jargon with plain-language explanations, the
/// phrases that tell the customer what happens next, the sentence-length limit, and the messages of its hints.
///
/// Read from a plain-text file (`glossary-<lang>.txt` in the module's resources; the format is documented in the
/// "Reply clarity" article): `[terms]` lines `term|variant…<TAB>explanation`, `[next_steps]` phrases,
/// `[abbreviations]` that do not end a sentence, `[settings]` `long_sentence_words<TAB>N`, and `[messages]`
/// `long_sentence<TAB>…{words}…{limit}…` and `no_next_step<TAB>…`.
///
/// Hosts extend a bundled glossary with their own vocabulary (``extend(parsing:source:)``: a term already there
/// gets the new explanation, phrases and abbreviations are added, settings and messages replaced) or replace it
/// entirely (``init(language:parsing:source:)``).
///
/// ```swift
/// var english = try ClarityGlossary.bundled(.english)
/// try english.extend(parsing: "[terms]\nlitespeed|lsws\tthe web server software that serves your site\n")
/// ```
public struct ClarityGlossary: Hashable, Sendable {
  /// One jargon entry.
  public struct Term: Hashable, Sendable {
    /// The spellings that match, the first being the entry's name; words with capitals match only with those
    /// capitals (`A record` is not "a record"), lowercase words match in any case.
    public var spellings: [String]
    /// What the term means, in plain words of the glossary's language.
    public var explanation: String

    /// Creates an entry.
    /// - Parameters:
    ///   - spellings: The spellings that match; the first names the entry.
    ///   - explanation: The plain-language explanation.
    public init(spellings: [String], explanation: String) {
      self.spellings = spellings
      self.explanation = explanation
    }
  }

  /// The language of the replies this glossary checks.
  public var language: SentimentLanguage
  /// Jargon entries, in file order.
  public var terms: [Term]
  /// Phrases that say what happens next; a reply containing none of them gets a ``ClarityHint/Kind/noNextStep``
  /// hint. Lowercase; Lao phrases are written with spaces between their words.
  public var nextStepPhrases: [String]
  /// Words ending in a full stop that do not end a sentence (`e.g.`, `dll.`), lowercase.
  public var abbreviations: [String]
  /// A sentence with more words than this gets a ``ClarityHint/Kind/longSentence`` hint (Lao words as
  /// ``LaoSegmenter`` cuts them).
  public var longSentenceWords: Int
  /// The long-sentence hint's text; `{words}` and `{limit}` are replaced by the counts.
  public var longSentenceMessage: String
  /// The missing-next-step hint's text.
  public var noNextStepMessage: String

  /// The limit when a file does not set one: 25 words, the upper bound plain-language guides such as GOV.UK's set.
  public static let defaultLongSentenceWords = 25

  /// Parses a glossary file.
  /// - Parameters:
  ///   - language: The language of the replies it checks.
  ///   - text: The file's text.
  ///   - source: The file name, for errors.
  /// - Throws: ``SentimentError`` with code ``SentimentError/Code/malformedLine`` naming the file and line: an
  ///   entry outside a section, an unknown section or setting, a term without an explanation, a limit that is not
  ///   a positive whole number.
  public init(language: SentimentLanguage, parsing text: String, source: String? = nil) throws {
    self.language = language
    terms = []
    nextStepPhrases = []
    abbreviations = []
    longSentenceWords = Self.defaultLongSentenceWords
    longSentenceMessage =
      "This sentence has {words} words; split it into shorter sentences of at most {limit} words."
    noNextStepMessage =
      "The reply does not say what happens next: tell the customer what you will do and when, or what they should do."
    try extend(parsing: text, source: source)
  }

  /// The glossary shipped in the module's resources (`glossary-<code>.txt`).
  /// - Parameter language: ``SentimentLanguage/english``, ``SentimentLanguage/malay`` or ``SentimentLanguage/lao``.
  /// - Returns: The parsed glossary.
  /// - Throws: ``SentimentError`` with code ``SentimentError/Code/missingResource`` for a language without a
  ///   bundled glossary.
  public static func bundled(_ language: SentimentLanguage) throws -> ClarityGlossary {
    let name = "glossary-\(language.rawValue)"
    return try ClarityGlossary(
      language: language, parsing: try BundledLexicons.resourceText(name), source: "\(name).txt")
  }

  /// Adds a file's entries to this glossary: a term with a spelling already known replaces that entry, phrases and
  /// abbreviations are added, settings and messages replace the current ones.
  /// - Parameters:
  ///   - text: Text in the glossary format.
  ///   - source: The file name, for errors.
  /// - Throws: ``SentimentError`` naming the line; on error the glossary is unchanged.
  public mutating func extend(parsing text: String, source: String? = nil) throws {
    var copy = self
    var section: String?
    for (number, line) in SentimentLexicon.contentLines(of: text) {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if let name = try SectionedText.section(opening: trimmed, allowed: Self.sections, line: number, source: source) {
        section = name
        continue
      }
      switch section {
      case "terms": try copy.addTerm(line, number: number, source: source)
      case "next_steps": copy.nextStepPhrases.append(Self.normalized(trimmed, keepingCase: false))
      case "abbreviations": copy.abbreviations.append(Self.normalized(trimmed, keepingCase: false))
      case "settings", "messages": try copy.setValue(line, in: section!, number: number, source: source)
      default:
        throw SentimentError.malformedLine(number, in: source, "entry before any [section] header")
      }
    }
    self = copy
  }

  private static let sections: Set<String> = ["terms", "next_steps", "abbreviations", "settings", "messages"]

  private mutating func addTerm(_ line: String, number: Int, source: String?) throws {
    let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
    guard fields.count == 2 else {
      throw SentimentError.malformedLine(
        number, in: source, "expected 'term|variant…<TAB>explanation', got \(fields.count) fields")
    }
    let spellings = fields[0].split(separator: "|").map { Self.normalized(String($0), keepingCase: true) }
      .filter { !$0.isEmpty }
    let explanation = fields[1].trimmingCharacters(in: .whitespaces)
    guard !spellings.isEmpty, !explanation.isEmpty else {
      throw SentimentError.malformedLine(number, in: source, "a term needs a spelling and an explanation")
    }
    let entry = Term(spellings: spellings, explanation: explanation)
    if let index = terms.firstIndex(where: { !Set($0.spellings).isDisjoint(with: spellings) }) {
      terms[index] = entry
    } else {
      terms.append(entry)
    }
  }

  private mutating func setValue(_ line: String, in section: String, number: Int, source: String?) throws {
    let fields = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
    let key = fields[0].trimmingCharacters(in: .whitespaces).lowercased()
    let value = fields.count == 2 ? fields[1].trimmingCharacters(in: .whitespaces) : ""
    guard !value.isEmpty else {
      throw SentimentError.malformedLine(number, in: source, "expected 'name<TAB>value' in [\(section)]")
    }
    switch (section, key) {
    case ("settings", "long_sentence_words"):
      guard let limit = Int(value), limit > 0 else {
        throw SentimentError.valueOutOfRange(number, in: source, "long_sentence_words must be a positive number")
      }
      longSentenceWords = limit
    case ("messages", "long_sentence"): longSentenceMessage = value
    case ("messages", "no_next_step"): noNextStepMessage = value
    default:
      throw SentimentError.malformedLine(
        number, in: source, "unknown \(section == "settings" ? "setting" : "message") '\(key)'")
    }
  }

  /// Trimmed, inner whitespace collapsed, curly apostrophes straightened, lowercased unless `keepingCase`.
  static func normalized(_ text: String, keepingCase: Bool) -> String {
    let straight = text.replacingOccurrences(of: "\u{2019}", with: "'")
    return (keepingCase ? straight : straight.lowercased()).split(whereSeparator: \.isWhitespace)
      .joined(separator: " ")
  }
}
