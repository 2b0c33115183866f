import FeedbackSentiment
import Foundation
import Testing

@Suite("Input robustness")
struct RobustnessTests {
  @Test(
    "empty or whitespace-only text is neutral with confidence 0",
    arguments: ["", " ", "\n\t  \r\n", "\u{00A0}\u{3000}"])
  func emptyText(_ text: String) {
    let result = bundledClassifier.classify(text)
    #expect(result.label == .neutral && result.confidence == 0 && result.score == 0)
    #expect(result.language == .undetermined && result.explanation.isEmpty && result.aspects.isEmpty)
  }

  @Test("text with nothing known is neutral with confidence 0", arguments: ["12345 67", "qwzx vbnm", "—– … ¿¡"])
  func unknownText(_ text: String) {
    let result = bundledClassifier.classify(text)
    #expect(result.label == .neutral && result.confidence == 0)
  }

  @Test("control characters separate words and crash nothing")
  func controlCharacters() {
    let result = bundledClassifier.classify("terrible\u{0}\u{1}\u{7}\u{1B}[31mservice\u{7F}")
    #expect(result.label == .negative)
  }

  @Test("a megabyte of text classifies and keeps its polarity")
  func megabyte() {
    let sentence = "the server is down again and support is slow. "
    let text = String(repeating: sentence, count: 1_048_576 / sentence.utf8.count + 1)
    #expect(text.utf8.count >= 1_048_576)
    let result = bundledClassifier.classify(text)
    #expect(result.label == .negative)
    #expect(result.score >= -1 && result.score <= 1)
  }

  @Test("a megabyte of Lao without spaces segments and classifies")
  func laoMegabyte() {
    let phrase = "ບໍລິການດີຫຼາຍ"
    let text = String(repeating: phrase, count: 1_048_576 / phrase.utf8.count + 1)
    #expect(bundledClassifier.classify(text).label == .positive)
  }

  @Test("random Unicode never crashes and always gives scores in range (seeded)")
  func randomUnicode() {
    var random = SeededRandom(seed: 20_261_123)
    let ranges: [ClosedRange<UInt32>] = [
      0...0x7F, 0x80...0x24F, 0x0E80...0x0EFF, 0x0E00...0x0E7F, 0x1F300...0x1FAFF, 0x2000...0x206F,
      0xFE00...0xFE0F, 0x0300...0x036F, 0x4E00...0x9FFF, 0x10000...0x10FFFF,
    ]
    for _ in 0..<400 {
      var scalars = String.UnicodeScalarView()
      for _ in 0..<Int.random(in: 0...80, using: &random) {
        let range = ranges.randomElement(using: &random)!
        if let scalar = Unicode.Scalar(UInt32.random(in: range, using: &random)) { scalars.append(scalar) }
      }
      let text = String(scalars)
      let result = bundledClassifier.classify(text)
      #expect(result.score >= -1 && result.score <= 1 && !result.score.isNaN)
      #expect(result.confidence >= 0 && result.confidence <= 1)
      if result.explanation.isEmpty { #expect(result.confidence == 0 && result.label == .neutral) }
    }
  }

  @Test("mixed scripts give the dominant language and still score")
  func mixedScripts() {
    let result = bundledClassifier.classify("ບໍລິການດີຫຼາຍ ແລະ ໄວ good 👍 Привет 你好")
    #expect(result.language == .lao)
    #expect(result.label == .positive)
  }

  @Test("classifying many texts keeps their order")
  func batchOrder() {
    let texts = ["great host", "server down", "what is my IP?"]
    #expect(bundledClassifier.classify(texts).map(\.label) == texts.map { bundledClassifier.classify($0).label })
  }
}
