import FeedbackSentiment
import Foundation
import Testing

/// Each scoring rule in each language, on hand-written lexicons (valence ±2, step 0.293) so the expected raw
/// sums follow from the rule definitions: negation ×−0.74, contrast ×0.5 before / ×1.5 after, capitals +0.733,
/// elongation +0.293, "!" +0.292 each, "??" +0.18 each, then s / √(s² + 15).
@Suite("Scoring rules")
struct ScoringRuleTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var rule: String
    var text: String
    var raw: Double
    var testDescription: String { "\(rule): '\(text)'" }
  }

  static let cases: [Case] = [
    Case(rule: "a lexicon word counts its valence in English", text: "good", raw: 2),
    Case(rule: "a lexicon word counts its valence in Malay", text: "bagus", raw: 2),
    Case(rule: "a lexicon word counts its valence in Lao", text: "ດີ", raw: 2),
    Case(rule: "negated praise in English is negative", text: "not good", raw: 2 * -0.74),
    Case(rule: "negated praise in Malay is negative", text: "tidak bagus", raw: 2 * -0.74),
    Case(rule: "negated praise in Lao is negative", text: "ບໍ່ດີ", raw: 2 * -0.74),
    Case(rule: "negation reaches three words in English", text: "never the very good", raw: 2.293 * -0.74),
    Case(rule: "negated complaint in Malay is positive", text: "tak lambat", raw: -2 * -0.74),
    Case(rule: "an intensifier strengthens in English", text: "very good", raw: 2.293),
    Case(rule: "an intensifier strengthens in Malay", text: "sangat bagus", raw: 2.293),
    Case(rule: "a trailing intensifier strengthens in Malay", text: "lambat sangat", raw: -2.293),
    Case(rule: "a trailing intensifier strengthens in Lao", text: "ຊ້າຫຼາຍ", raw: -2.293),
    Case(rule: "an intensifier two words away fades to 0.95", text: "very the good", raw: 2 + 0.293 * 0.95),
    Case(rule: "a dampener weakens in English", text: "slightly slow", raw: -1.707),
    Case(rule: "a dampener weakens in Malay", text: "agak lambat", raw: -1.707),
    Case(rule: "a dampener weakens in Lao", text: "ໜ້ອຍໜຶ່ງຊ້າ", raw: -1.707),
    Case(rule: "contrast shifts weight to the clause after it in English", text: "good but slow", raw: 1 - 3),
    Case(rule: "contrast shifts weight to the clause after it in Malay", text: "bagus tapi lambat", raw: 1 - 3),
    Case(rule: "contrast shifts weight to the clause after it in Lao", text: "ດີແຕ່ຊ້າ", raw: 1 - 3),
    Case(rule: "capitals amid lowercase emphasise in English", text: "GOOD service", raw: 2.733),
    Case(rule: "capitals amid lowercase emphasise in Malay", text: "LAMBAT betul", raw: -2.733),
    Case(rule: "all-capital text is not emphasised", text: "GOOD", raw: 2),
    Case(rule: "an elongated word is found and emphasised in English", text: "slowwww", raw: -2.293),
    Case(rule: "an elongated word is found and emphasised in Malay", text: "lambattt", raw: -2.293),
    Case(rule: "an elongated word is found and emphasised in Lao", text: "ຊ້າາາາ", raw: -2.293),
    Case(rule: "a stretched Lao vowel sign is found and emphasised", text: "ດີີີີ", raw: 2.293),
    Case(rule: "the Lao repetition mark emphasises", text: "ດີໆ", raw: 2.293),
    Case(rule: "repeated Lao repetition marks count once", text: "ດີໆໆໆ", raw: 2.293),
    Case(rule: "exclamation marks emphasise in English", text: "good!!", raw: 2 + 2 * 0.292),
    Case(rule: "exclamation marks emphasise in Lao", text: "ຊ້າ!!!", raw: -2 - 3 * 0.292),
    Case(rule: "at most four exclamation marks count", text: "bagus!!!!!!!", raw: 2 + 4 * 0.292),
    Case(rule: "repeated question marks emphasise", text: "slow??", raw: -2 - 2 * 0.18),
    Case(rule: "a single question mark does not", text: "slow?", raw: -2),
    Case(rule: "an emoji counts its valence", text: "good 👍", raw: 4),
    Case(rule: "an emoticon counts its valence", text: "lambat :(", raw: -4),
    Case(rule: "a trailing NOT after punctuation reverses praise in English", text: "good... not", raw: 2 * -0.74),
    Case(rule: "a trailing negator after punctuation reverses praise in Malay", text: "bagus... tidak", raw: -1.48),
    Case(rule: "a fixed idiom is not negated word by word in English", text: "no problem", raw: 2),
    Case(rule: "a fixed idiom is not negated word by word in Malay", text: "tidak ada masalah", raw: 2),
    Case(rule: "a fixed idiom is not negated word by word in Lao", text: "ບໍ່ມີບັນຫາ", raw: 2),
    Case(rule: "an inability idiom in Malay is a complaint", text: "tak boleh login", raw: -1.2),
    Case(
      rule: "an inability idiom yields to negation before praise in Malay", text: "tak boleh membantu",
      raw: 1.5 * -0.74),
    Case(rule: "an inability idiom keeps its value before a complaint", text: "tak boleh lambat", raw: -1.2 - 2),
  ]

  @Test("each rule moves the score as defined", arguments: cases)
  func rule(_ testCase: Case) {
    let result = HandLexicons.classifier.classify(testCase.text)
    #expect(abs(result.score - normalized(testCase.raw)) < 1e-9, "\(result.explanation)")
  }

  @Test("the explanation's amounts add up to the raw score", arguments: cases)
  func explanationAddsUp(_ testCase: Case) {
    let result = HandLexicons.classifier.classify(testCase.text)
    let raw = result.explanation.reduce(0) { $0 + $1.amount }
    #expect(abs(raw - testCase.raw) < 1e-9)
  }

  @Test("negation does not cross punctuation")
  func negationStopsAtPunctuation() {
    #expect(abs(HandLexicons.classifier.classify("not. good").score - normalized(2)) < 1e-9)
  }

  @Test("the explanation names the rule and the word that moved the score")
  func explanationNamesRules() {
    let result = HandLexicons.classifier.classify("not very good")
    let rules = result.explanation.map(\.rule)
    #expect(rules.contains(.lexicon) && rules.contains(.intensifier) && rules.contains(.negation))
    #expect(result.explanation.first { $0.rule == .negation }?.token == "not")
  }

  @Test("labels follow the neutral threshold")
  func labelsFollowThreshold() {
    let strict = LexiconSentimentClassifier(
      lexicons: [.english: HandLexicons.english], neutralThreshold: normalized(2) + 0.01)
    #expect(strict.classify("good").label == .neutral)
    #expect(HandLexicons.classifier.classify("good").label == .positive)
    #expect(HandLexicons.classifier.classify("slow").label == .negative)
  }
}
