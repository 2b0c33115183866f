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
}
