import FeedbackSentiment
import Foundation
import Testing

/// Mistakes general-purpose sentiment tools make on hosting feedback, which the bundled classifier must not.
@Suite("Known failures of general-purpose tools")
struct KnownFailureTests {
  let classifier = bundledClassifier

  @Test("'No problems or complaints' is positive")
  func noProblemsOrComplaints() {
    #expect(classifier.classify("No problems or complaints").label == .positive)
  }

  @Test("'No downtime in 6 months' is positive")
  func noDowntime() {
    #expect(classifier.classify("No downtime in 6 months").label == .positive)
  }

  @Test("'Not the worst host I have used' is not strongly negative")
  func notTheWorst() {
    #expect(classifier.classify("Not the worst host I have used").score > -0.3)
  }

  @Test("'Thanks for nothing' is negative")
  func thanksForNothing() {
    #expect(classifier.classify("Thanks for nothing").label == .negative)
  }

  @Test("'Great support... NOT' is negative")
  func sarcasticNot() {
    #expect(classifier.classify("Great support... NOT").label == .negative)
  }

  @Test("an outage with no reply is negative even though 'support' sounds positive")
  func outageWithoutReply() {
    #expect(
      classifier.classify("My site has been down for 3 hours and support hasn't replied").label == .negative)
  }

  @Test("'Kindly improve your response time' is not positive")
  func kindlyImprove() {
    #expect(classifier.classify("Kindly improve your response time").label != .positive)
  }

  @Test("'The server is great but support is slow' is negative")
  func greatButSlow() {
    #expect(classifier.classify("The server is great but support is slow").label == .negative)
  }
}

/// The rules on the bundled lexicons, in each language, at the level a support lead cares about: the label.
@Suite("Bundled lexicons")
struct BundledLexiconTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var rule: String
    var text: String
    var label: SentimentLabel
    var testDescription: String { "\(rule): '\(text)'" }
  }

  static let cases: [Case] = [
    Case(rule: "negated praise in English is negative", text: "not good at all", label: .negative),
    Case(rule: "negated praise in Malay is negative", text: "tidak bagus langsung", label: .negative),
    Case(rule: "negated praise in Indonesian is negative", text: "pelayanannya tidak bagus", label: .negative),
    Case(rule: "negated praise in Lao is negative", text: "ບໍລິການບໍ່ດີ", label: .negative),
    Case(rule: "a negated complaint in English is positive", text: "never had any downtime", label: .positive),
    Case(rule: "a negated complaint in Malay is not negative", text: "server tidak lambat", label: .positive),
    Case(rule: "hosting vocabulary in English is negative", text: "site down again, 503 errors", label: .negative),
    Case(rule: "hosting vocabulary in Malay is negative", text: "website lambat dan selalu gangguan", label: .negative),
    Case(rule: "hosting vocabulary in Lao is negative", text: "ເວັບໄຊຊ້າຫຼາຍ", label: .negative),
    Case(rule: "contrast in English follows the clause after it", text: "Cheap but very slow", label: .negative),
    Case(
      rule: "contrast in Malay follows the clause after it", text: "harga murah tapi server lambat", label: .negative),
    Case(rule: "contrast in Malay works both ways", text: "agak mahal tetapi servis sangat bagus", label: .positive),
    Case(rule: "contrast in Lao follows the clause after it", text: "ລາຄາແພງ ແຕ່ບໍລິການດີຫຼາຍ", label: .positive),
    Case(rule: "intensified praise in Malay is positive", text: "sangat puas dengan servis", label: .positive),
    Case(rule: "intensified praise in Lao is positive", text: "ພໍໃຈຫຼາຍ", label: .positive),
    Case(rule: "an angry emoji makes a neutral statement negative", text: "server restarted again 😡", label: .negative),
    Case(
      rule: "a sad emoticon makes a neutral statement negative", text: "email still not working :(", label: .negative),
    Case(rule: "a happy emoji in Lao is positive", text: "ຂອບໃຈ 👍", label: .positive),
    Case(rule: "elongation in English keeps the word's polarity", text: "sooo slowwww", label: .negative),
    Case(rule: "elongation in Malay keeps the word's polarity", text: "lambattt betul", label: .negative),
    Case(
      rule: "a question without sentiment is neutral", text: "How do I point my domain to your nameservers?",
      label: .neutral),
    Case(
      rule: "a Malay question without sentiment is neutral", text: "Bagaimana cara tukar nameserver?", label: .neutral),
    Case(rule: "thanks in English is positive", text: "Thanks, migration went smoothly", label: .positive),
    Case(rule: "thanks in Malay is positive", text: "Terima kasih, migrasi berjalan lancar", label: .positive),
  ]

  @Test("each rule gives the expected label on the bundled lexicons", arguments: cases + NegationScopeTests.cases)
  func label(_ testCase: Case) {
    let result = bundledClassifier.classify(testCase.text)
    #expect(result.label == testCase.label, "score \(result.score), \(result.explanation)")
  }

  @Test("every bundled language loads with vocabulary, rules and aspects", arguments: SentimentLanguage.bundled)
  func bundledLexiconLoads(_ language: SentimentLanguage) throws {
    let lexicon = try SentimentLexicon.bundled(language)
    #expect(lexicon.valences.count >= 30)
    #expect(!lexicon.negators.isEmpty && !lexicon.intensifiers.isEmpty && !lexicon.contrastWords.isEmpty)
    #expect(!lexicon.aspectTerms.isEmpty)
    #expect(lexicon.valences.values.allSatisfy { (-4...4).contains($0) })
  }

  @Test("a host can extend a bundled lexicon with its own terms")
  func extendLexicon() throws {
    let before = bundledClassifier.classify("the plesk upgrade was a catastrophe-free zorgle")
    var lexicons = try SentimentLexicon.allBundled()
    let additions = try SentimentLexicon(language: .english, lexicon: "zorgle\t-3")
    lexicons[.english] = lexicons[.english]?.merging(additions)
    let extended = LexiconSentimentClassifier(lexicons: lexicons)
    let after = extended.classify("the plesk upgrade was a catastrophe-free zorgle")
    #expect(after.score < before.score)
    #expect(after.explanation.contains { $0.token == "zorgle" && $0.amount == -3 })
  }

  @Test("a host can replace the lexicons entirely")
  func replaceLexicon() throws {
    let own = try SentimentLexicon(language: .english, lexicon: "blorp\t2", rules: "[stopwords]\nthe")
    let classifier = LexiconSentimentClassifier(lexicons: [.english: own])
    #expect(classifier.classify("the blorp").label == .positive)
    #expect(classifier.classify("the excellent host").confidence == 0)
  }
}
