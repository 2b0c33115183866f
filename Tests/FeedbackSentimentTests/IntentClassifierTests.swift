import FeedbackSentiment
import Foundation
import Testing

@Suite("Intent")
struct IntentClassifierTests {
  static let intents = try! IntentClassifier.bundled()

  struct Case: CustomTestStringConvertible, Sendable {
    var rule: String
    var text: String
    var label: SentimentLabel
    var expected: FeedbackIntent
    var testDescription: String { "\(rule): '\(text)'" }
  }

  static let cases: [Case] = [
    Case(
      rule: "a request for an improvement is a suggestion whatever its sentiment",
      text: "The panel is awful, please add a search box", label: .negative, expected: .suggestion),
    Case(
      rule: "a request phrased as a question is a suggestion", text: "Could you add an RSS feed for the status page?",
      label: .neutral, expected: .suggestion),
    Case(
      rule: "an information request is a question", text: "When will my refund show up on my card?", label: .neutral,
      expected: .question),
    Case(
      rule: "an impatient information request stays a question",
      text: "It has been a month, when will my refund arrive?", label: .negative, expected: .question),
    Case(
      rule: "a rhetorical question with a complaint opener is a complaint", text: "Why is the site down AGAIN?",
      label: .negative, expected: .complaint),
    Case(
      rule: "a negative question without a question cue is a complaint", text: "Is anyone going to actually fix this?",
      label: .negative, expected: .complaint),
    Case(
      rule: "a question cue opening a sentence asks without a question mark", text: "how do i add a mailbox",
      label: .neutral, expected: .question),
    Case(
      rule: "a Malay question is a question", text: "Bila refund saya akan masuk?", label: .neutral,
      expected: .question),
    Case(
      rule: "a Lao question without a question mark is a question", text: "ຕັ້ງຄ່າອີເມວໃນມືຖືແນວໃດ", label: .neutral,
      expected: .question),
    Case(
      rule: "negative text that asks nothing is a complaint", text: "Support is painfully slow.", label: .negative,
      expected: .complaint),
    Case(rule: "positive text is praise", text: "Great host, thank you!", label: .positive, expected: .praise),
    Case(
      rule: "a neutral statement of fact is other", text: "The ticket was closed.", label: .neutral, expected: .other),
  ]

  @Test("each intent rule", arguments: cases)
  func rule(_ testCase: Case) {
    #expect(Self.intents.intent(of: testCase.text, label: testCase.label) == testCase.expected)
  }

  @Test("the intent of a classified text uses its sentiment label")
  func usesTheSentiment() {
    let text = "Support is painfully slow."
    let result = bundledClassifier.classify(text)
    #expect(Self.intents.intent(of: text, sentiment: result) == Self.intents.intent(of: text, label: result.label))
  }

  @Test("question phrases parse their two sections and reject a phrase before any section")
  func parsing() throws {
    let phrases = try QuestionPhrases(language: .english, parsing: "[questions]\nHow  do I\n[rhetorical]\nwhy is\n")
    #expect(phrases.questions == ["how do i"] && phrases.rhetorical == ["why is"])
    #expect(throws: SentimentError.self) { try QuestionPhrases(language: .english, parsing: "how do i\n") }
    #expect(throws: SentimentError.self) { try QuestionPhrases(language: .english, parsing: "[answers]\nyes\n") }
  }

  @Test("without question phrases nothing is routed as a question")
  func noPhrases() throws {
    let bare = IntentClassifier(suggestions: try SuggestionDetector.bundled(), questions: [])
    #expect(bare.intent(of: "How do I add a mailbox", label: .neutral) == .other)
    #expect(bare.intent(of: "When will it arrive?", label: .neutral) == .question)
  }

  @Test("intent evaluation counts precision and recall per intent")
  func evaluation() {
    let evaluation = IntentEvaluation(
      actual: [.question, .question, .complaint, .praise], predicted: [.question, .complaint, .complaint, .praise])
    #expect(evaluation.accuracy == 0.75)
    #expect(evaluation.perIntent[.question]?.recall == 0.5 && evaluation.perIntent[.question]?.precision == 1)
    #expect(evaluation.perIntent[.complaint]?.precision == 0.5)
    #expect(abs(evaluation.macroF1 - (2.0 / 3.0 + 2.0 / 3.0 + 1) / 3) < 1e-9)
  }
}
