import Foundation

/// A text with its known label, intent and aspects: one line of an aspect set
/// (`label<TAB>intent<TAB>aspects<TAB>text`, see <doc:MeasuredAccuracy>).
public struct AnnotatedFeedback: Sendable, Hashable, Codable {
  /// The feedback text.
  public var text: String
  /// The correct overall label.
  public var label: SentimentLabel
  /// The correct intent.
  public var intent: FeedbackIntent
  /// Every aspect the text talks about, with the polarity of what it says about it (neutral: mentioned,
  /// asked about or stated as a fact without a judgement).
  public var aspects: [HostingAspect: SentimentLabel]

  /// An annotated text.
  /// - Parameters:
  ///   - text: The feedback.
  ///   - label: Its overall label.
  ///   - intent: Its intent.
  ///   - aspects: The aspects it talks about and their polarities.
  public init(
    text: String, label: SentimentLabel, intent: FeedbackIntent, aspects: [HostingAspect: SentimentLabel] = [:]
  ) {
    self.text = text
    self.label = label
    self.intent = intent
    self.aspects = aspects
  }

  /// Parses an aspect set: `label<TAB>intent<TAB>aspects<TAB>text` lines, where aspects is `-` or
  /// comma-separated `aspect:polarity` pairs with polarity `+`, `-` or `0`; `#` comments and blank lines ignored.
  /// - Parameters:
  ///   - text: The file's text.
  ///   - source: The file name, for errors.
  /// - Returns: The examples in file order.
  /// - Throws: ``SentimentError`` `malformedLine` naming the line for a wrong field count, an unknown label,
  ///   intent or polarity, or an empty text.
  public static func parseTSV(_ text: String, source: String? = nil) throws -> [AnnotatedFeedback] {
    try SentimentLexicon.contentLines(of: text).map { number, line in
      let fields = line.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      guard fields.count == 4 else {
        throw SentimentError.malformedLine(number, in: source, "expected 'label<TAB>intent<TAB>aspects<TAB>text'")
      }
      guard let label = SentimentLabel(rawValue: fields[0].lowercased()) else {
        throw SentimentError.malformedLine(number, in: source, "unknown label '\(fields[0])'")
      }
      guard let intent = FeedbackIntent(rawValue: fields[1].lowercased()) else {
        throw SentimentError.malformedLine(
          number, in: source, "unknown intent '\(fields[1])' (expected \(FeedbackIntent.allCases.map(\.rawValue)))")
      }
      guard !fields[3].isEmpty else { throw SentimentError.malformedLine(number, in: source, "empty text") }
      var aspects: [HostingAspect: SentimentLabel] = [:]
      if fields[2] != "-" {
        for pair in fields[2].split(separator: ",") {
          let parts = pair.split(separator: ":")
          let polarity: [Substring: SentimentLabel] = ["+": .positive, "-": .negative, "0": .neutral]
          guard parts.count == 2, !parts[0].isEmpty, let label = polarity[parts[1]] else {
            throw SentimentError.malformedLine(number, in: source, "expected 'aspect:+', 'aspect:-' or 'aspect:0'")
          }
          aspects[HostingAspect(rawValue: String(parts[0]))] = label
        }
      }
      return AnnotatedFeedback(text: fields[3], label: label, intent: intent, aspects: aspects)
    }
  }
}
