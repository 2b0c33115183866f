import Foundation
import SupportCore
import Testing

@testable import FeedbackSentiment

/// The shortcuts ``ClarityText`` takes while cutting a reply, each compared with the general way on every scalar or
/// on generated text.
@Suite("Reply clarity text cutting shortcuts")
struct ReplyClarityTextTests {
  /// Every Unicode scalar value (surrogates have none).
  static let allScalars: [Unicode.Scalar] = (0...0x10FFFF).compactMap(Unicode.Scalar.init(_:))

  @Test("whitespace and line breaks match the Unicode properties for every scalar")
  func scalarClasses() {
    var whitespaceMismatches: [UInt32] = []
    var lineBreakMismatches: [UInt32] = []
    for scalar in Self.allScalars {
      if ClarityText.isWhitespace(scalar) != scalar.properties.isWhitespace {
        whitespaceMismatches.append(scalar.value)
      }
      let lineBreak =
        scalar.properties.generalCategory == .lineSeparator || scalar == "\n" || scalar == "\r"
        || scalar == "\u{2029}"
      if ClarityText.isLineBreak(scalar) != lineBreak { lineBreakMismatches.append(scalar.value) }
    }
    #expect(whitespaceMismatches.isEmpty)
    #expect(lineBreakMismatches.isEmpty)
  }

  @Test("sentence terminators and closers are exactly the documented scalars")
  func terminatorsAndClosers() {
    let terminators: Set<Unicode.Scalar> = [".", "!", "?", "\u{2026}", "\u{3002}"]
    let closers: Set<Unicode.Scalar> = ["\"", "'", ")", "]", "}", "\u{201D}", "\u{2019}", "\u{BB}"]
    #expect(Self.allScalars.filter(ClarityText.isTerminator) == Self.allScalars.filter(terminators.contains))
    #expect(Self.allScalars.filter(ClarityText.isCloser) == Self.allScalars.filter(closers.contains))
  }

  /// Random text from scalars of every width: ASCII, Latin with combining marks, curly quotes, Lao, CJK, emoji.
  static func generatedText(length: Int, using generator: inout SplitMix64) -> String {
    let pool: [Unicode.Scalar] = [
      "a", "Z", "7", " ", ".", "-", "'", "\u{2019}", "\n", "\u{A0}", "\u{301}", "é", "ß", "Σ", "\u{0E81}", "\u{0EB4}",
      "\u{0EC0}", "\u{0E99}", "\u{3002}", "\u{FF08}", "\u{1F44D}", "\u{1F3FD}", "\u{2028}", "İ",
    ]
    var view = String.UnicodeScalarView()
    for _ in 0..<length { view.append(pool.randomElement(using: &generator)!) }
    return String(view)
  }

  @Test("excerpts cut from the UTF-8 bytes equal the scalars they span", arguments: [UInt64(1), 2, 3])
  func excerpts(seed: UInt64) {
    var generator = SplitMix64(seed: seed)
    for _ in 0..<200 {
      let string = Self.generatedText(length: Int.random(in: 0...60, using: &generator), using: &generator)
      let text = ClarityText(string, segmenter: BundledLexicons.segmenter)
      let scalars = Array(string.unicodeScalars)
      #expect(text.scalars == scalars)
      for _ in 0..<10 {
        let start = Int.random(in: 0...scalars.count, using: &generator)
        let end = Int.random(in: start...scalars.count, using: &generator)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        #expect(text.text(start, end) == String(view))
        #expect(Array(text.text(start, end).unicodeScalars) == Array(scalars[start..<end]))
      }
    }
  }

  @Test("words are straightened only where Foundation's replacement would change them", arguments: [UInt64(4), 5])
  func straightening(seed: UInt64) {
    var generator = SplitMix64(seed: seed)
    for _ in 0..<500 {
      let word = Self.generatedText(length: Int.random(in: 0...12, using: &generator), using: &generator)
      #expect(ClarityText.straightened(word) == word.replacingOccurrences(of: "\u{2019}", with: "'"))
    }
  }

  @Test("Lao runs are cut into the words the segmenter gives for the run", arguments: [UInt64(6), 7])
  func laoWords(seed: UInt64) {
    let segmenter = BundledLexicons.segmenter
    let lao = (0x0E80...0x0EFF).compactMap(Unicode.Scalar.init(_:))
    let words = ["ພວກເຮົາ", "ກວດສອບ", "ເວັບໄຊ", "ຄືນ", "ໃໝ່", "ແລ້ວ", "ຈະ", "ໂດເມນ"]
    var generator = SplitMix64(seed: seed)
    for _ in 0..<300 {
      var run = ""
      for _ in 0..<Int.random(in: 1...6, using: &generator) {
        if Bool.random(using: &generator) {
          run += words.randomElement(using: &generator)!
        } else {
          run.unicodeScalars.append(lao.randomElement(using: &generator)!)
        }
      }
      let text = ClarityText("x \(run) y", segmenter: segmenter)
      let cut = text.words.dropFirst().dropLast()
      #expect(cut.map(\.exact) == segmenter.segment(run))
      #expect(cut.map(\.folded) == cut.map(\.exact))
      #expect(cut.first?.scalarStart == 2 && cut.last?.scalarEnd == 2 + run.unicodeScalars.count)
      #expect(zip(cut.dropLast(), cut.dropFirst()).allSatisfy { $0.scalarEnd == $1.scalarStart })
    }
  }
}
