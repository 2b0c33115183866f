import Foundation

/// The phrases that tell a question in one language: cues that ask for information ("how do i", "bila",
/// "ແນວໃດ") and openers of rhetorical questions that complain ("why is", "kenapa", "ເປັນຫຍັງ").
///
/// The text format (`intent-<code>.txt`; UTF-8, `#` comment lines, blank lines ignored), matched like
/// ``SuggestionPhrases`` (whole words for Latin phrases, anywhere for Lao):
/// ```
/// [questions]
/// how do i
/// [rhetorical]
/// why is
/// ```
public struct QuestionPhrases: Hashable, Sendable {
  /// The language the phrases are in.
  public var language: SentimentLanguage
  /// Phrases that ask for information, normalised (lowercase, single spaces).
  public private(set) var questions: [String]
  /// Phrases that open a question asked to complain rather than to learn, normalised.
  public private(set) var rhetorical: [String]

  /// Phrases from lists.
  /// - Parameters:
  ///   - language: Their language.
  ///   - questions: Phrases that ask for information.
  ///   - rhetorical: Openers of rhetorical questions.
  public init(language: SentimentLanguage, questions: [String], rhetorical: [String] = []) {
    self.language = language
    self.questions = questions.map(SuggestionText.normalized).filter { !$0.isEmpty }
    self.rhetorical = rhetorical.map(SuggestionText.normalized).filter { !$0.isEmpty }
  }

  /// Phrases read from text in the format above.
  /// - Parameters:
  ///   - language: Their language.
  ///   - text: The file's text.
  ///   - source: The file's name, for errors.
  /// - Throws: ``SentimentError`` `malformedLine` for a phrase before any section or an unknown section.
  public init(language: SentimentLanguage, parsing text: String, source: String? = nil) throws {
    var questions: [String] = []
    var rhetorical: [String] = []
    for (section, phrase) in try SectionedText.phrases(in: text, allowed: ["questions", "rhetorical"], source: source) {
      if section == "questions" { questions.append(phrase) } else { rhetorical.append(phrase) }
    }
    self.init(language: language, questions: questions, rhetorical: rhetorical)
  }

  /// The bundled phrases of a language (`intent-<code>.txt` in the module's resources).
  /// - Parameter language: English, Malay/Indonesian or Lao.
  /// - Returns: The phrases.
  /// - Throws: ``SentimentError`` `missingResource` for a language without a bundled file.
  public static func bundled(_ language: SentimentLanguage) throws -> QuestionPhrases {
    let name = "intent-\(language.rawValue)"
    return try QuestionPhrases(
      language: language, parsing: try BundledLexicons.resourceText(name), source: "\(name).txt")
  }
}
