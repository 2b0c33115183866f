import FeedbackSentiment
import Foundation
import Testing

/// The English rules for implicit hosting feedback (issue 15): solved problems, decreases, absence, expected
/// events, wishes and undercut praise. Each on the hand-written English lexicon (valence ±2, step 0.293) so that the
/// expected raw sums follow from the rule definitions, then on the bundled lexicons in sentences of our own.
@Suite("Implicit English rules")
struct ImplicitEnglishRuleTests {
  /// The rule tests' English hand lexicon with one remedy that is also praise and the words of absence.
  static let classifier = LexiconSentimentClassifier(
    lexicons: [
      .english: HandLexicons.english.merging(
        try! SentimentLexicon(language: .english, lexicon: "sorted\t2", rules: "[negators]\nwithout\nno"))
    ],
    neutralThreshold: 0.05)

  typealias Case = ScoringRuleTests.Case

  static let cases: [Case] = [
    Case(rule: "a remedy solves the problem after it", text: "fixed the slow site", raw: -2 * -0.74),
    Case(rule: "a remedy reaches a problem three words on", text: "traced the very slow page", raw: -2.293 * -0.74),
    Case(rule: "a remedy does not reach past its clause", text: "patched it, slow", raw: -2),
    Case(rule: "a passive remedy solves the problem before it", text: "the slow page was patched", raw: -2 * -0.74),
    Case(
      rule: "a remedy followed by 'it' solves the problem before it", text: "found the slow page and patched it",
      raw: -2 * -0.74),
    Case(
      rule: "a problem is solved once by two remedies", text: "traced the slow page and patched it",
      raw: -2 * -0.74),
    Case(
      rule: "a remedy in two words solves the problem after it", text: "rolled back the slow version",
      raw: -2 * -0.74),
    Case(
      rule: "a base-form remedy after a word of ability solves", text: "let me roll back the slow version",
      raw: -2 * -0.74),
    Case(rule: "a base-form remedy alone is a request", text: "roll back the slow version", raw: -2),
    Case(
      rule: "a remedy after a word of expectation solves nothing", text: "should have fixed the slow site",
      raw: -2),
    Case(rule: "a remedy reported as hearsay solves nothing", text: "supposedly fixed the slow site", raw: -2),
    Case(rule: "a negated remedy solves nothing", text: "the slow page was not patched", raw: -2),
    Case(rule: "a remedy applied to the wrong thing solves nothing", text: "restored the wrong slow copy", raw: -2),
    Case(rule: "a remedy leaves praise alone", text: "fixed the good site", raw: 2),
    Case(rule: "a remedy that is praise keeps it", text: "sorted the slow site", raw: 2 + -2 * -0.74),
    Case(rule: "an expected remedy loses its own praise", text: "hoping they sorted the slow site", raw: -2),
    Case(rule: "a decrease turns a complaint before it", text: "the slow load dropped", raw: -2 * -0.74),
    Case(rule: "a decrease turns praise before it", text: "the good speed fell", raw: 2 * -0.74),
    Case(rule: "absence denies a complaint fully", text: "without slow", raw: 2),
    Case(rule: "absence negates praise as a negator does", text: "without good", raw: 2 * -0.74),
    Case(rule: "'no' before a complaint is absence too", text: "no slow pages", raw: 2),
    Case(rule: "an expected event counts no complaint", text: "the site was slow as planned", raw: 0),
    Case(rule: "an expected event leaves its sentence's praise", text: "good as planned", raw: 2),
    Case(rule: "an expected event ends with its sentence", text: "slow as planned. slow.", raw: -2),
    Case(rule: "a negated sentence is no expected event", text: "not slow as planned", raw: -2 * -0.74),
    Case(rule: "a wish is no verdict", text: "it would be good to see a slow log", raw: 0),
    Case(rule: "a wish with an intensifier is no verdict", text: "a log would be very good", raw: 0),
    Case(rule: "'it'd be' wishes too", text: "it'd be good", raw: 0),
    Case(rule: "a wish ends with its sentence", text: "it would be good. slow.", raw: -2),
    Case(rule: "a fact is not a wish", text: "it is good", raw: 2),
    Case(rule: "'just never' after a comma takes back the praise", text: "good, just never on time", raw: 2 * -0.74),
    Case(rule: "'only never' takes back the praise too", text: "good, only never on time", raw: 2 * -0.74),
    Case(rule: "a plain 'never' clause does not", text: "good, never on time", raw: 2),
    Case(
      rule: "a 'just never' clause with sentiment is negation", text: "good, just never helpful",
      raw: 2 + 1.5 * -0.74),
    Case(rule: "a demand to stop is a complaint", text: "stop sending reminders", raw: -1.5),
    Case(rule: "a polite demand to stop is a complaint", text: "please stop closing my tickets", raw: -1.5),
    Case(rule: "'stop' without a deed is no demand", text: "the bus stop", raw: 0),
    Case(
      rule: "elapsed time after an earlier sentence is a complaint", text: "promised a day. it's been 72.",
      raw: -1.5),
    Case(
      rule: "elapsed time with a unit and 'now'", text: "asked on monday. it has been over a week now.",
      raw: -1.5),
    Case(
      rule: "a past day named after an earlier sentence is a complaint", text: "they said monday. that was friday.",
      raw: -1.5),
    Case(rule: "elapsed time that opens the text is no complaint", text: "it's been two years", raw: 0),
    Case(
      rule: "elapsed time followed by more is no such statement", text: "asked. it's been two years with you",
      raw: 0),
    Case(rule: "a shorter duration than another is praise", text: "took five minutes, not five days", raw: 2),
    Case(rule: "a longer duration than another is a complaint", text: "took 3 days, not 3 hours", raw: -2),
    Case(rule: "units written onto numbers compare", text: "answered in 2h, not 24h", raw: 2),
  ]

  @Test("each implicit-feedback rule moves the score as defined", arguments: cases)
  func rule(_ testCase: Case) {
    let result = Self.classifier.classify(testCase.text)
    let raw = result.explanation.reduce(0) { $0 + $1.amount }
    #expect(abs(raw - testCase.raw) < 1e-9, "\(result.explanation)")
  }

  @Test("an implicit statement on a word with a value of its own adds to that value, which later rules then weigh")
  func implicitStatementAddsToAValuedWord() throws {
    let classifier = LexiconSentimentClassifier(
      lexicons: [.english: HandLexicons.english.merging(try SentimentLexicon(language: .english, lexicon: "stop\t-1"))],
      neutralThreshold: 0.05)
    let result = classifier.classify("Please stop closing my tickets but good")
    let raw = result.explanation.reduce(0) { $0 + $1.amount }
    #expect(result.explanation.contains { $0.rule == .implicit })
    // Before "but" the word's own −1 and the statement's −1.5 count half; "good" (+2) after it one and a half times.
    #expect(abs(raw - (0.5 * (-1 - 1.5) + 1.5 * 2)) < 1e-9, "\(result.explanation)")
  }

  @Test("remedies, expected events and wishes are explained by their rules")
  func explanations() {
    let solved = Self.classifier.classify("fixed the slow site")
    #expect(solved.explanation.contains { $0.rule == .remedy && $0.token == "fixed" && $0.amount > 0 })
    let expected = Self.classifier.classify("the site was slow as planned")
    #expect(expected.explanation.contains { $0.rule == .expectedEvent && $0.token == "as planned" })
    let wish = Self.classifier.classify("it would be good")
    #expect(wish.explanation.contains { $0.rule == .wish && $0.token == "good" })
  }

  @Test("a text whose sentiment is all expected events or wishes has no verdict and no lexicon vote")
  func settledTextHasNoEvidence() {
    let result = Self.classifier.classify("the site was slow as planned")
    #expect(result.label == .neutral)
    #expect(result.confidence == 0)
    #expect(Self.classifier.probabilities(for: "it would be good") == nil)
    #expect(Self.classifier.probabilities(for: "it would be good. slow.") != nil)
  }

  @Test(
    "the rules are English: a Malay table reads the same words without them",
    arguments: [
      ("fixed the slow site", -2.0), ("without slow", -2 * -0.74), ("it would be good", 2.0),
      ("asked. it's been 72.", 0.0), ("good, just never on time", 2.0), ("slow as planned", -2.0),
    ])
  func englishOnly(_ text: String, raw: Double) throws {
    let malay = LexiconSentimentClassifier(
      lexicons: [
        .malay: HandLexicons.malay.merging(
          try SentimentLexicon(
            language: .malay, lexicon: "slow\t-2\ngood\t2", rules: "[negators]\nwithout"))
      ],
      neutralThreshold: 0.05)
    let result = malay.classify(text)
    #expect(abs(result.explanation.reduce(0) { $0 + $1.amount } - raw) < 1e-9, "\(result.explanation)")
  }

  typealias LabelCase = BundledLexiconTests.Case

  static let sentences: [LabelCase] = [
    LabelCase(
      rule: "a remedy with its object", text: "Their engineer fixed the broken redirect before lunch.",
      label: .positive),
    LabelCase(
      rule: "a found and removed problem", text: "The agent tracked down the spam script and removed it.",
      label: .positive),
    LabelCase(
      rule: "an ability to undo", text: "Snapshots let me restore the deleted database in a few clicks.",
      label: .positive),
    LabelCase(rule: "a passive remedy", text: "The corrupted mailbox was recovered overnight.", label: .positive),
    LabelCase(
      rule: "a decrease of a bad metric", text: "Since the upgrade our latency dropped by half.",
      label: .positive),
    LabelCase(
      rule: "a transitive decrease", text: "Moving us to the Singapore node reduced the lag a lot.",
      label: .positive),
    LabelCase(rule: "absence of a problem", text: "Moved forty sites over without a single glitch.", label: .positive),
    LabelCase(
      rule: "a remedy of the wrong thing", text: "They restored the wrong site and wiped my changes.",
      label: .negative),
    LabelCase(
      rule: "hearsay of a fix", text: "Support says the outage was fixed, but my shop still won't load.",
      label: .negative),
    LabelCase(rule: "an overdue fix", text: "The login bug should have been fixed weeks ago.", label: .negative),
    LabelCase(rule: "a request to fix", text: "Please fix the broken contact form.", label: .negative),
    LabelCase(
      rule: "a decrease of a good quality", text: "Stability fell after the move to the new cluster.",
      label: .negative),
    LabelCase(
      rule: "an expected outage", text: "The server was offline for a few minutes during the upgrade, as planned.",
      label: .neutral),
    LabelCase(
      rule: "a requested suspension", text: "Account suspended as requested while we move offices.",
      label: .neutral),
    LabelCase(
      rule: "an unmet expectation", text: "The restore did not finish as expected and the site is down.",
      label: .negative),
    LabelCase(rule: "a wish", text: "It would be nice to get a text when a backup fails.", label: .neutral),
    LabelCase(
      rule: "a wish for a feature", text: "A staging toggle in the panel would be really handy.",
      label: .neutral),
    LabelCase(
      rule: "undercut praise", text: "Always polite on chat, just never with an actual answer.",
      label: .negative),
    LabelCase(
      rule: "a demand to stop", text: "Stop charging my card for add-ons I never ordered.",
      label: .negative),
    LabelCase(
      rule: "elapsed time", text: "Support said someone would call back. It's been nine days.",
      label: .negative),
    LabelCase(
      rule: "a past day named", text: "You promised the fix by Monday. That was last Monday.",
      label: .negative),
    LabelCase(
      rule: "a faster duration than feared", text: "The DNS switch took ten minutes, not the two days I planned for.",
      label: .positive),
    LabelCase(rule: "an expertise idiom", text: "The guy on the night shift knows his stuff.", label: .positive),
  ]

  @Test("implicit hosting feedback gets a careful reader's label from the bundled lexicons", arguments: sentences)
  func bundledLabel(_ testCase: LabelCase) {
    let result = bundledClassifier.classify(testCase.text)
    #expect(result.label == testCase.label, "\(result.explanation)")
  }
}
