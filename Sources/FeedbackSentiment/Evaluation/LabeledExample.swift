import Foundation

/// A text with its known label, for training and evaluation.
public struct LabeledExample: Sendable, Hashable, Codable {
  /// The feedback text.
  public var text: String
  /// The correct label.
  public var label: SentimentLabel
  /// The language, when known (used to report figures per language).
  public var language: SentimentLanguage?

  /// Creates an example.
  ///
  /// - Parameters:
  ///   - text: The feedback.
  ///   - label: The correct label.
  ///   - language: The language, if known.
  public init(text: String, label: SentimentLabel, language: SentimentLanguage? = nil) {
    self.text = text
    self.label = label
    self.language = language
  }

  /// Parses a corpus file: `label<TAB>text` lines, `#` comments and blank lines ignored.
  ///
  /// - Parameters:
  ///   - text: The file's text.
  ///   - language: The language to record on every example.
  ///   - source: The file name, for errors.
  /// - Returns: The examples in file order.
  /// - Throws: ``SentimentError`` with ``SentimentError/Code/malformedLine`` naming the line when a line has no
  ///   tab, an unknown label or an empty text.
  public static func parseTSV(
    _ text: String, language: SentimentLanguage? = nil, source: String? = nil
  ) throws -> [LabeledExample] {
    try SentimentLexicon.contentLines(of: text).map { number, line in
      guard let tab = line.firstIndex(of: "\t") else {
        throw SentimentError.malformedLine(number, in: source, "expected 'label<TAB>text'")
      }
      let labelText = line[..<tab].trimmingCharacters(in: .whitespaces).lowercased()
      guard let label = SentimentLabel(rawValue: labelText) else {
        throw SentimentError.malformedLine(
          number, in: source, "unknown label '\(labelText)' (expected negative, neutral or positive)")
      }
      let body = line[line.index(after: tab)...].trimmingCharacters(in: .whitespaces)
      guard !body.isEmpty else { throw SentimentError.malformedLine(number, in: source, "empty text") }
      return LabeledExample(text: body, label: label, language: language)
    }
  }
}
