import Foundation

/// The section headers (`[terms]`, `[cues]`…) of the module's sectioned text formats: the glossary and the
/// suggestion phrases.
enum SectionedText {
  /// The section a line opens, or `nil` when the line is not a header.
  /// - Parameters:
  ///   - trimmed: The line without surrounding white space.
  ///   - allowed: The format's section names (lowercase).
  ///   - line: The 1-based line number, for errors.
  ///   - source: The file name, for errors.
  /// - Throws: ``SentimentError`` `malformedLine` for a header without `]` or an unknown section.
  static func section(opening trimmed: String, allowed: Set<String>, line: Int, source: String?) throws -> String? {
    guard trimmed.hasPrefix("[") else { return nil }
    guard trimmed.hasSuffix("]") else {
      throw SentimentError.malformedLine(line, in: source, "section header must end with ']'")
    }
    let name = trimmed.dropFirst().dropLast().trimmingCharacters(in: .whitespaces).lowercased()
    guard allowed.contains(name) else {
      throw SentimentError.malformedLine(
        line, in: source, "unknown section [\(name)]; expected one of \(allowed.sorted())")
    }
    return name
  }

  /// The phrases of a sectioned phrase list, each with its section, normalised like ``SuggestionText/normalized(_:)``.
  /// - Parameters:
  ///   - text: The file's text (`#` comments and blank lines ignored).
  ///   - allowed: The format's section names.
  ///   - source: The file name, for errors.
  ///   - problem: The format's check of a phrase in a section: a description of what is wrong, or `nil`.
  /// - Returns: `(section, phrase)` in file order.
  /// - Throws: ``SentimentError`` `malformedLine` for a phrase before any section, an unknown section or a phrase
  ///   `problem` refuses.
  static func phrases(
    in text: String, allowed: Set<String>, source: String?,
    problem: (_ section: String, _ phrase: String) -> String? = { _, _ in nil }
  ) throws -> [(String, String)] {
    var result: [(String, String)] = []
    var section: String?
    for (number, line) in SentimentLexicon.contentLines(of: text) {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if let name = try Self.section(opening: trimmed, allowed: allowed, line: number, source: source) {
        section = name
        continue
      }
      guard let section else {
        throw SentimentError.malformedLine(
          number, in: source, "a phrase before the first section (\(allowed.sorted().map { "[\($0)]" }))")
      }
      let phrase = SuggestionText.normalized(trimmed)
      if let description = problem(section, phrase) {
        throw SentimentError.malformedLine(number, in: source, description)
      }
      result.append((section, phrase))
    }
    return result
  }
}
