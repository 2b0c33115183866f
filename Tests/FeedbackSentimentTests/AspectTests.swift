import FeedbackSentiment
import Foundation
import Testing

@Suite("Hosting aspects")
struct AspectTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var rule: String
    var text: String
    var expected: [HostingAspect: SentimentLabel]
    var testDescription: String { "\(rule): '\(text)'" }
  }

  static let cases: [Case] = [
    Case(
      rule: "each aspect in English takes the polarity of its own clause",
      text: "The control panel is confusing, but the invoice was correct and cheap",
      expected: [.controlPanel: .negative, .pricing: .positive]),
    Case(
      rule: "each aspect in Malay takes the polarity of its own clause",
      text: "Harga berpatutan tetapi server selalu down",
      expected: [.pricing: .positive, .uptime: .negative]),
    Case(
      rule: "each aspect in Lao takes the polarity of its own clause",
      text: "ລາຄາຖືກ ແຕ່ເຊີບເວີລົ່ມເລື້ອຍໆ",
      expected: [.pricing: .positive, .uptime: .negative]),
    Case(
      rule: "staff competence and support speed are told apart in Lao",
      text: "ພະນັກງານເກັ່ງຫຼາຍ ແຕ່ຕອບຊ້າ",
      expected: [.staffCompetence: .positive, .supportSpeed: .negative]),
    Case(
      rule: "a multi-word aspect term is found in English",
      text: "The response time was terrible",
      expected: [.supportSpeed: .negative]),
    Case(
      rule: "email problems are found in Malay",
      text: "Emel selalu masuk spam, teruk",
      expected: [.email: .negative]),
  ]

  @Test("aspects carry their own polarity", arguments: cases)
  func aspects(_ testCase: Case) {
    let found = bundledClassifier.classify(testCase.text).aspects
    for (aspect, label) in testCase.expected {
      let mention = found.first { $0.aspect == aspect }
      #expect(mention?.label == label, "\(found)")
    }
  }

  @Test("contrast does not change an aspect's own polarity, only the overall score")
  func contrastLeavesAspects() {
    let result = bundledClassifier.classify("Migration was smooth, but the server is slow")
    #expect(result.aspects.first { $0.aspect == .migration }?.label == .positive)
    #expect(result.label == .negative)
  }

  @Test("a text without aspect terms has no aspects")
  func none() {
    #expect(bundledClassifier.classify("thank you so much").aspects.isEmpty)
  }

  @Test("the terms that named an aspect are reported, each once")
  func terms() {
    let result = bundledClassifier.classify("downtime again, more downtime")
    let uptime = result.aspects.first { $0.aspect == .uptime }
    #expect(uptime?.terms == ["downtime"])
  }
}
