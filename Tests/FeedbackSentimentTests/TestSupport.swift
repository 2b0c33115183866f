import FeedbackSentiment
import Foundation

/// VADER's published normalisation, s / √(s² + 15): the reference the expected scores are computed with.
func normalized(_ raw: Double) -> Double { raw / (raw * raw + 15).squareRoot() }

/// Small hand-written lexicons whose numbers the rule tests can follow by hand.
enum HandLexicons {
  static let english = try! SentimentLexicon(
    language: .english,
    lexicon: "good\t2\nslow\t-2\nhelpful\t1.5",
    rules: """
      [negators]
      not
      never
      [intensifiers]
      very\t0.293
      [dampeners]
      slightly\t-0.293
      [contrast]
      but
      [stopwords]
      the
      is
      and
      [negation_fixed]
      no problem\t2
      """
  )
  static let malay = try! SentimentLexicon(
    language: .malay,
    lexicon: "bagus\t2\nlambat\t-2\nmembantu\t1.5",
    rules: """
      [negators]
      tidak
      tak
      [intensifiers]
      sangat\t0.293
      [dampeners]
      agak\t-0.293
      [contrast]
      tapi
      [stopwords]
      yang
      ini
      [negation_fixed]
      tidak ada masalah\t2
      tak boleh\t-1.2
      """
  )
  static let lao = try! SentimentLexicon(
    language: .lao,
    lexicon: "ດີ\t2\nຊ້າ\t-2",
    rules: """
      [negators]
      ບໍ່
      [intensifiers]
      ຫຼາຍ\t0.293
      [dampeners]
      ໜ້ອຍໜຶ່ງ\t-0.293
      [contrast]
      ແຕ່
      [stopwords]
      ແລະ
      [negation_fixed]
      ບໍ່ມີບັນຫາ\t2
      """
  )
  static let classifier = LexiconSentimentClassifier(
    lexicons: [.english: english, .malay: malay, .lao: lao], neutralThreshold: 0.05)
}

/// Deterministic generator for property-style tests.
struct SeededRandom: RandomNumberGenerator {
  private var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// The bundled classifier, built once for all suites.
let bundledClassifier = LexiconSentimentClassifier()
