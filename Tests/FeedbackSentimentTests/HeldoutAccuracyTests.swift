import FeedbackSentiment
import Foundation
import Testing

/// The held-out test set (Resources/heldout, protocol in its README.txt and in the article "Measured accuracy"):
/// written before the accuracy work of issue 15 and never used to choose anything, only read here and by
/// `feedback-triage report --heldout`.
@Suite("Held-out hosting feedback")
struct HeldoutAccuracyTests {
  /// The label and text of each line (`label<TAB>intent<TAB>aspects<TAB>text`).
  static func load(_ language: String) throws -> [LabeledExample] {
    let url = try #require(
      Bundle.module.url(forResource: language, withExtension: "tsv", subdirectory: "Resources/heldout"))
    var examples: [LabeledExample] = []
    for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") where !line.isEmpty {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
      try #require(fields.count == 4, "\(language).tsv: \(line)")
      let label = try #require(SentimentLabel(rawValue: String(fields[0])))
      examples.append(LabeledExample(text: String(fields[3]), label: label))
    }
    return examples
  }

  /// The targets of issue 15 that are reached (see the article "Measured accuracy" for the figures): from the day
  /// a language reaches its target, the threshold guards it.
  @Test(
    "the default classifier keeps its macro-F1 target on held-out hosting feedback where it reached it",
    arguments: [("lo", 0.80)])
  func reached(_ language: String, _ target: Double) throws {
    let examples = try Self.load(language)
    #expect(examples.count >= 150)
    let evaluation = try DefaultSentimentClassifier.make().evaluate(on: examples)
    #expect(evaluation.macroF1 >= target, "macro-F1 \(evaluation.macroF1) on heldout/\(language).tsv")
  }

  /// The targets of issue 15 not reached yet, so the check runs as a known issue: it fails the day a language
  /// reaches its target, so that the language then moves to ``reached(_:_:)``. Nothing may be tuned on this set
  /// to get there.
  @Test(
    "the default classifier reaches its macro-F1 target on held-out hosting feedback in each language",
    arguments: [("en", 0.85), ("ms", 0.85)])
  func target(_ language: String, _ target: Double) throws {
    let examples = try Self.load(language)
    #expect(examples.count >= 150)
    let evaluation = try DefaultSentimentClassifier.make().evaluate(on: examples)
    withKnownIssue("issue 15: held-out macro-F1 below its target") {
      #expect(evaluation.macroF1 >= target, "macro-F1 \(evaluation.macroF1) on heldout/\(language).tsv")
    }
  }

  @Test("the Indonesian held-out lines are read and every class is present")
  func indonesian() throws {
    let examples = try Self.load("id")
    #expect(examples.count >= 150)
    #expect(Set(examples.map(\.label)) == Set(SentimentLabel.allCases))
  }
}
