import Foundation
import Testing

@testable import FeedbackSentiment

/// Lao words stretched for emphasis ("ເວັບຊ້າາາາາ", "ດີີີີີ", "ແຍ່ແທ້ໆໆໆ"): a letter three or more times in a row
/// is read as the dictionary word without the extra copies, flagged elongated like "slowwww".
@Suite("Lao elongation")
struct LaoElongationTests {
  let tokenizer = BundledLexicons.tokenizer
  let segmenter = BundledLexicons.segmenter

  /// Every Lao word of the bundled dictionary (word list and lexicon terms), without spaces.
  static let dictionaryWords: [String] = {
    let terms = (try? SentimentLexicon.allBundled())?.values.flatMap(\.allTerms) ?? []
    let lao = terms.map { String(String.UnicodeScalarView($0.unicodeScalars.filter { LaoScript.isLao($0.value) })) }
    return Array(Set(lao.filter { !$0.isEmpty })).sorted()
  }()

  static func values(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

  static func hasDoubledLetter(_ word: String) -> Bool {
    let scalars = values(word)
    return zip(scalars, scalars.dropFirst()).contains { $0 == $1 }
  }

  /// The amounts of the explanation without the elongation rule's steps.
  static func amountsWithoutElongation(_ result: SentimentResult) -> [Double] {
    result.explanation.filter { $0.rule != .elongation }.map(\.amount)
  }

  @Test(
    "an elongated Lao word reads like its plain form, with the elongation emphasis",
    arguments: [
      ("ເວັບຊ້າາາາາ", "ເວັບຊ້າ"), ("ດີີີີີ", "ດີ"), ("ເວັບລົ່ມມມມ ອີກແລ້ວ", "ເວັບລົ່ມ ອີກແລ້ວ"),
      ("ບໍລິການດີີີີ", "ບໍລິການດີ"), ("ພະນັກງານເກັ່ງງງງ", "ພະນັກງານເກັ່ງ"), ("ລາຄາແພງງງງງງ", "ລາຄາແພງ"),
    ])
  func stretchedWordReadsAsPlain(_ stretched: String, _ plain: String) {
    let stretchedResult = bundledClassifier.classify(stretched)
    let plainResult = bundledClassifier.classify(plain)
    #expect(plainResult.label != .neutral, "the plain form is a sentiment word")
    #expect(stretchedResult.label == plainResult.label)
    #expect(stretchedResult.aspects.map(\.aspect) == plainResult.aspects.map(\.aspect))
    #expect(Self.amountsWithoutElongation(stretchedResult) == Self.amountsWithoutElongation(plainResult))
    let emphasis = stretchedResult.explanation.filter { $0.rule == .elongation }
    let plainRaw = plainResult.explanation.reduce(0) { $0 + $1.amount }
    #expect(emphasis.map(\.amount) == [plainRaw > 0 ? LexiconScorer.boosterStep : -LexiconScorer.boosterStep])
    let raw = stretchedResult.explanation.reduce(0) { $0 + $1.amount }
    #expect(abs(stretchedResult.score - normalized(raw)) < 1e-9)
    #expect(abs(stretchedResult.score) > abs(plainResult.score))
    // The tokens read as the plain form's, the stretched one flagged; its explanation quotes the text as written.
    let stretchedTokens = tokenizer.tokenize(stretched).tokens
    let plainTokens = tokenizer.tokenize(plain).tokens
    #expect(stretchedTokens.map(\.text) == plainTokens.map(\.text))
    #expect(stretchedTokens.filter(\.isElongated).count == 1)
    #expect(plainTokens.allSatisfy { !$0.isElongated })
    #expect(emphasis.allSatisfy { stretched.contains($0.token) && $0.token.unicodeScalars.count > 3 })
  }

  @Test("a stretched letter is found in every position of a word: vowel, tone mark, final consonant")
  func everyPosition() {
    // ດີ: vowel sign; ຊ້າ: tone mark and vowel; ແພງ: final consonant; ເກັ່ງ: final after marks.
    for word in ["ດີ", "ຊ້າ", "ແພງ", "ເກັ່ງ"] {
      let scalars = Array(word.unicodeScalars)
      for index in scalars.indices where index > 0 {
        var stretched = String.UnicodeScalarView(scalars[...index])
        for _ in 0..<4 { stretched.append(scalars[index]) }
        stretched.append(contentsOf: scalars[(index + 1)...])
        let tokens = tokenizer.tokenize(String(stretched)).tokens
        #expect(tokens.map(\.text) == [word], "\(String(stretched))")
        #expect(tokens.map(\.isElongated) == [true])
      }
    }
  }

  @Test("doubled and tripled letters of Lao spelling in the dictionary are never read as stretches")
  func legitimateDoubles() throws {
    let doubled = Self.dictionaryWords.filter(Self.hasDoubledLetter)
    try #require(doubled.count > 50, "the bundled dictionary spells words with doubled letters")
    try #require(doubled.contains("ໂດດດ່ຽວ"), "and one with a tripled letter")
    for word in doubled {
      let tokens = tokenizer.tokenize(word).tokens
      #expect(tokens.map(\.text) == segmenter.segment(word), "\(word)")
      #expect(tokens.allSatisfy { !$0.isElongated }, "\(word)")
    }
  }

  @Test("three identical letters across a word boundary keep both words (ແບບ + ບໍ່)")
  func tripleAcrossWords() throws {
    // Words ending in a doubled letter followed by words beginning with it: "ແບບ" + "ບໍ່" = "ແບບບໍ່".
    let words = Self.dictionaryWords
    let endings = words.filter { word in
      let scalars = Self.values(word)
      return scalars.count >= 2 && scalars[scalars.count - 1] == scalars[scalars.count - 2]
    }
    var texts: [String] = []
    for first in endings {
      let letter = first.unicodeScalars.last!
      texts += words.filter { $0.unicodeScalars.first == letter }.prefix(20).map { first + $0 }
    }
    try #require(words.contains("ແບບ") && words.contains("ບໍ່"))
    texts.append("ແບບບໍ່")
    try #require(texts.count > 100)
    for text in texts {
      let tokens = tokenizer.tokenize(text).tokens
      #expect(tokens.map(\.text) == segmenter.segment(text), "\(text)")
      #expect(tokens.allSatisfy { !$0.isElongated }, "\(text)")
    }
    let expected = bundledClassifier.classify("ບໍລິການແບບບໍ່ດີ")
    #expect(expected.label == .negative)
    #expect(!expected.explanation.contains { $0.rule == .elongation })
  }

  @Test("the extra copies of a letter that ends a word and begins the next stretch the first word")
  func stretchAtBoundary() {
    let tokens = tokenizer.tokenize("ແບບບບບໍ່ດີ").tokens
    #expect(tokens.map(\.text) == tokenizer.tokenize("ແບບບໍ່ດີ").tokens.map(\.text))
    #expect(tokens.map(\.isElongated) == [true] + Array(repeating: false, count: tokens.count - 1))
  }

  @Test(
    "repeated ໆ marks count once",
    arguments: [("ແຍ່ແທ້ໆໆໆ", "ແຍ່ແທ້ໆ"), ("ດີໆໆໆ", "ດີໆ"), ("ຊ້າໆໆໆໆ", "ຊ້າໆ"), ("ໆໆໆ ດີ", "ໆ ດີ"), ("ດີ ໆໆໆໆ", "ດີ ໆ")])
  func repetitionMarkCountsOnce(_ repeated: String, _ single: String) {
    let repeatedResult = bundledClassifier.classify(repeated)
    let singleResult = bundledClassifier.classify(single)
    #expect(repeatedResult.explanation.contains { $0.unicodeScalarsContain("ໆ") })
    #expect(repeatedResult.explanation.map(\.amount) == singleResult.explanation.map(\.amount))
    #expect(repeatedResult.score == singleResult.score)
    #expect(tokenizer.tokenize(repeated).tokens.contains { $0.isElongated })
  }

  @Test("mixed Lao and English text reads the stretches of both scripts")
  func mixedText() {
    let stretched = bundledClassifier.classify("server ຊ້າາາາາ slowwww ມື້ນີ້")
    let plain = bundledClassifier.classify("server ຊ້າ slow ມື້ນີ້")
    #expect(plain.label == .negative)
    #expect(stretched.label == .negative)
    #expect(Self.amountsWithoutElongation(stretched) == Self.amountsWithoutElongation(plain))
    let emphasis = stretched.explanation.filter { $0.rule == .elongation }
    #expect(emphasis.map(\.token) == ["ຊ້າາາາາ", "slowwww"])
    #expect(emphasis.allSatisfy { $0.amount == -LexiconScorer.boosterStep })
    let tokens = tokenizer.tokenize("server ຊ້າາາາາ slowwww ມື້ນີ້").tokens
    #expect(tokens.map(\.text) == ["server", "ຊ້າ", "slowwww", "ມື້ນີ້"])
    #expect(tokens.map(\.isElongated) == [false, true, true, false])
  }

  @Test("a stretched Lao word is an opinion cue, as an English one is")
  func stretchIsOpinionCue() {
    // No sentiment word in either; only the stretch ("ນີ້້້") tells an opinion from a statement of fact.
    let plain = bundledClassifier.analyze("mailbox gloomish ມື້ນີ້")
    let stretched = bundledClassifier.analyze("mailbox gloomish ມື້ນີ້້້")
    #expect(!plain.hasEvidence && !stretched.hasEvidence)
    #expect(!plain.hasOpinionCue)
    #expect(stretched.hasOpinionCue)
    #expect(bundledClassifier.analyze("mailbox gloooomish").hasOpinionCue)
  }

  @Test("a Lao text without a stretch is cut exactly as the plain segmenter cuts it (seeded)")
  func unstretchedTextKeepsPlainCuts() throws {
    var random = SeededRandom(seed: 1_507)
    let words = Self.dictionaryWords
    let letters = (0x0E81...0x0EDF).compactMap(Unicode.Scalar.init(_:))
    var checked = 0
    for _ in 0..<600 {
      var text = ""
      for _ in 0..<Int.random(in: 1...8, using: &random) {
        if Int.random(in: 0..<3, using: &random) == 0 {
          text.unicodeScalars.append(letters.randomElement(using: &random)!)
        } else {
          text += words.randomElement(using: &random)!
        }
      }
      let run = Self.values(text)
      guard !run.withUnsafeBufferPointer(LaoElongation.hasStretch) else { continue }
      checked += 1
      let tokens = tokenizer.tokenize(text).tokens
      #expect(tokens.map(\.text) == segmenter.segment(text), "\(text)")
      #expect(tokens.allSatisfy { !$0.isElongated })
      // The stretch-aware search itself, with nothing to leave out, is the plain search.
      let pieces = run.withUnsafeBufferPointer { LaoElongation.pieces(of: $0, trie: segmenter) }
      #expect(pieces.map(\.cut) == segmenter.cuts(run))
      #expect(pieces.allSatisfy { $0.reading == nil })
    }
    try #require(checked > 400)
  }

  @Test("stretched runs: pieces cover the text, readings drop only extra copies, the double array agrees (seeded)")
  func stretchedRunsAreConsistent() throws {
    var random = SeededRandom(seed: 2_026)
    let words = Self.dictionaryWords
    var stretchedCount = 0
    for _ in 0..<400 {
      var scalars: [Unicode.Scalar] = []
      for _ in 0..<Int.random(in: 1...5, using: &random) {
        var word = Array(words.randomElement(using: &random)!.unicodeScalars)
        if Bool.random(using: &random) {
          let index = Int.random(in: 0..<word.count, using: &random)
          word.insert(
            contentsOf: Array(repeating: word[index], count: Int.random(in: 2...6, using: &random)), at: index)
        }
        scalars += word
      }
      let run = scalars.map(\.value)
      let pieces = run.withUnsafeBufferPointer { segmenter.pieces($0) }
      let cutterPieces = run.withUnsafeBufferPointer { LaoElongation.pieces(of: $0, trie: tokenizer.cutter) }
      if run.withUnsafeBufferPointer(LaoElongation.hasStretch) {
        stretchedCount += 1
        #expect(cutterPieces == pieces)
      }
      #expect(pieces.first?.cut.start == 0 && pieces.last?.cut.end == run.count)
      #expect(zip(pieces, pieces.dropFirst()).allSatisfy { $0.cut.end == $1.cut.start })
      for piece in pieces {
        let written = Array(run[piece.cut.start..<piece.cut.end])
        guard let reading = piece.reading else { continue }
        #expect(Self.dropsOnlyExtraCopies(written, reading))
        if piece.cut.known {
          #expect(segmenter.contains(String(String.UnicodeScalarView(reading.compactMap(Unicode.Scalar.init)))))
        }
      }
    }
    try #require(stretchedCount > 100)
  }

  /// Whether `reading` is `written` with some scalars left out, each a copy of the scalar kept before it.
  static func dropsOnlyExtraCopies(_ written: [UInt32], _ reading: [UInt32]) -> Bool {
    guard reading.count < written.count else { return false }
    var next = 0
    for value in written {
      if next < reading.count && value == reading[next] {
        next += 1
      } else if next == 0 || reading[next - 1] != value {
        return false
      }
    }
    return next == reading.count
  }
}

extension SentimentContribution {
  fileprivate func unicodeScalarsContain(_ mark: Unicode.Scalar) -> Bool { token.unicodeScalars.contains(mark) }
}
