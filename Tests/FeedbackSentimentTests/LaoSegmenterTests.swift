import FeedbackSentiment
import Foundation
import Testing

@Suite("Lao segmentation")
struct LaoSegmenterTests {
  let segmenter = LaoSegmenter(words: ["ບໍລິການ", "ດີ", "ຫຼາຍ", "ບໍ່", "ຊ້າ", "ເຊີບເວີ", "ເຊີບ", "ແຕ່", "ມື້ນີ້", "ມື້"])

  @Test("words without spaces are split by dictionary")
  func splitsByDictionary() {
    #expect(segmenter.segment("ບໍລິການດີຫຼາຍ") == ["ບໍລິການ", "ດີ", "ຫຼາຍ"])
    #expect(segmenter.segment("ເຊີບເວີບໍ່ຊ້າ") == ["ເຊີບເວີ", "ບໍ່", "ຊ້າ"])
  }

  @Test("the longest dictionary word wins")
  func longestMatch() {
    #expect(segmenter.segment("ມື້ນີ້ດີ") == ["ມື້ນີ້", "ດີ"])
    #expect(segmenter.segment("ເຊີບເວີ") == ["ເຊີບເວີ"])
  }

  @Test("unknown syllables stay together between known words")
  func unknownRuns() {
    #expect(segmenter.segment("ດີສະບາຍດີ") == ["ດີ", "ສະບາຍ", "ດີ"])
  }

  @Test("a cut never separates a vowel or tone mark from its consonant")
  func syllableBoundaries() {
    // "ດີ" is in the dictionary but "ດ" + "ີ" must not be split, and "ບໍ່" keeps its tone mark.
    let pieces = segmenter.segment("ກີບໍ່")
    #expect(pieces.joined() == "ກີບໍ່")
    #expect(
      pieces.allSatisfy { piece in
        guard let first = piece.unicodeScalars.first?.value else { return false }
        return !(0x0EB1...0x0EBC).contains(first) && !(0x0EC8...0x0ECD).contains(first)
      })
  }

  @Test("spaces and other scripts pass through")
  func otherText() {
    #expect(segmenter.segment("ດີ ok ຫຼາຍ!") == ["ດີ", "ok", "ຫຼາຍ", "!"])
    #expect(segmenter.segment("") == [])
  }

  @Test("segments of random Lao text always concatenate back to it (seeded)")
  func concatenation() {
    var random = SeededRandom(seed: 77)
    let alphabet = Array("ກຂຄງຈສຊຍດຕຖທນບປຜຝພຟມຢຣລວຫອຮະັາິີຶືຸູົຼຽເແໂໃໄ່້໊໋ໆ".unicodeScalars)
    for _ in 0..<300 {
      let text = String(
        String.UnicodeScalarView(
          (0..<Int.random(in: 1...60, using: &random)).map { _ in alphabet.randomElement(using: &random)! }))
      #expect(segmenter.segment(text).joined() == text)
    }
  }

  @Test("the bundled segmenter knows the bundled Lao words")
  func bundledWords() throws {
    let lexicon = try SentimentLexicon.bundled(.lao)
    #expect(!lexicon.segmentationWords.isEmpty)
  }
}

@Suite("Language identification")
struct LanguageIdentifierTests {
  let identifier = bundledClassifier.languageIdentifier

  @Test(
    "each bundled language is recognised",
    arguments: [
      ("The support team answered quickly and fixed it", SentimentLanguage.english),
      ("Servis sangat lambat dan saya tidak puas hati", .malay),
      ("Pelayanannya cepat sekali, terima kasih banyak", .malay),
      ("ບໍລິການດີຫຼາຍ ຂອບໃຈ", .lao),
    ])
  func recognises(_ text: String, _ language: SentimentLanguage) {
    #expect(identifier.identify(text) == language)
  }

  @Test("mixed-language text gets the dominant language")
  func dominantLanguage() {
    #expect(identifier.identify("server down lagi, saya sudah tunggu dari pagi tapi tiada balasan") == .malay)
    #expect(identifier.identify("the website is slow again, ok lah, but please fix it today") == .english)
    #expect(identifier.identify("ເວັບໄຊຊ້າຫຼາຍ ມື້ນີ້ server down") == .lao)
  }

  @Test("text without letters is undetermined", arguments: ["", "12345", "!!! ???", "👍👍"])
  func undetermined(_ text: String) {
    #expect(identifier.identify(text) == .undetermined)
  }

  @Test("a script without a lexicon is undetermined")
  func otherScript() {
    #expect(identifier.identify("Привет мир") == .undetermined)
  }
}
