import FeedbackSentiment
import Foundation
import Testing

/// Every corpus line plus generated mixed-language texts, classified by the bundled lexicon classifier and
/// compared with the outputs recorded before the hot path was rewritten (Resources/regression-lexicon.tsv).
@Suite("Lexicon classifier regression")
struct LexiconRegressionTests {
  @Test("the lexicon classifier's results are unchanged on the corpus and on generated mixed texts")
  func resultsMatchTheRecordedOutputs() throws {
    try RegressionRecord.compare(bundledClassifier, withRecord: "regression-lexicon")
  }
}

/// The same texts classified by the default classifier (the lexicon + bundled naive Bayes ensemble that
/// `feedback-triage` ships), compared with the outputs recorded before its hot paths were rewritten
/// (Resources/regression-ensemble.tsv).
@Suite("Default ensemble regression")
struct EnsembleRegressionTests {
  @Test("the default ensemble's results are unchanged on the corpus and on generated mixed texts")
  func resultsMatchTheRecordedOutputs() throws {
    #expect(DefaultSentimentClassifier.usesEnsemble)
    try RegressionRecord.compare(try DefaultSentimentClassifier.make(), withRecord: "regression-ensemble")
  }

  @Test("the bundled naive Bayes model's own results (probabilities and word weights) are unchanged")
  func modelResultsMatchTheRecordedOutputs() throws {
    let ensemble = try #require(try DefaultSentimentClassifier.make() as? EnsembleSentimentClassifier)
    try RegressionRecord.compare(ensemble.model, withRecord: "regression-naive-bayes")
  }
}

/// The texts and the line format of the regression record.
enum RegressionRecord {
  static func corpusTexts() -> [String] {
    var texts: [String] = []
    for language in ["en", "ms", "lo"] {
      for split in ["test", "train"] {
        guard
          let url = Bundle.module.url(
            forResource: "\(language)-\(split)", withExtension: "tsv", subdirectory: "Resources/corpus"),
          let data = try? Data(contentsOf: url)
        else { continue }
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where !line.hasPrefix("#") {
          if let tab = line.firstIndex(of: "\t") { texts.append(String(line[line.index(after: tab)...])) }
        }
      }
    }
    return texts
  }

  static let english = [
    "the", "server", "is", "very", "slow", "today", "but", "support", "was", "great", "not", "happy", "with",
    "downtime", "again", "thanks", "for", "nothing", "fast", "migration", "refund", "please", "billing", "email",
    "works", "never", "down", "excellent", "uptime", "panel", "confusing", "really", "helpful", "staff", "SLOWWW",
    "NOT", "GREAT", "no", "problems", "complaints", "worst", "host", "hasn't", "replied", "kindly", "improve",
    "response", "time", "slightly", "extremely", "goooood", "cPanel", "outage", "price", "expensive", "cheap",
    "Support", "isn't", "bad", "terrible", "love", "ok", "fine", "without", "issue", "dns", "ssl", "backup",
  ]
  static let malay = [
    "servis", "sangat", "lambat", "hari", "ini", "tapi", "sokongan", "bagus", "tidak", "puas", "hati", "dengan",
    "gangguan", "lagi", "terima", "kasih", "migrasi", "cepat", "bil", "mahal", "emel", "tak", "boleh", "login",
    "mantap", "server", "down", "pelayanan", "ramah", "lambattt", "bukan", "amat", "namun", "tetapi", "agak",
    "teruk", "murah", "baik-baik", "kecewa", "langsung", "masalah", "ada", "BAGUS", "harga", "panel", "laju",
  ]
  static let lao = [
    "ບໍລິການດີຫຼາຍ", "ເວັບໄຊຊ້າ", "ບໍ່ດີ", "ແຕ່", "ພະນັກງານເກັ່ງ", "ລາຄາແພງ", "ຂອບໃຈ", "ເຊີບເວີລົ່ມ", "ອີເມວ",
    "ບໍ່", "ຫຼາຍ", "ດີ", "ຊ້າ", "ບໍ່ມີບັນຫາ", "ເວັບ", "ໄວ", "ຂໍ້ຜິດພາດ", "ແມ່ນ", "ຮ້າຍ",
  ]
  static let extras = [
    "👍", "😡", "🙂", "😭", "🔥", ":)", ":(", ":-)", ":D", ";)", "!!!", "!", "...", "?", "??", ",", ".", "—", "é",
    "ça", "日本", "😡😡", "x", "5", "24/7", "100%", "\u{200D}", "\t", "\"", "'",
  ]

  /// Generated short mixed texts (5-40 tokens), with joins that glue tokens (Lao runs, punctuation).
  static func generatedTexts(count: Int) -> [String] {
    var random = SeededRandom(seed: 20_261_123)
    var texts: [String] = []
    for _ in 0..<count {
      let length = Int.random(in: 5...40, using: &random)
      let pools = [english, malay, lao]
      let main = pools[Int.random(in: 0..<3, using: &random)]
      var text = ""
      for position in 0..<length {
        let roll = Int.random(in: 0..<20, using: &random)
        let word: String
        switch roll {
        case 0..<2: word = extras.randomElement(using: &random)!
        case 2..<4: word = pools.randomElement(using: &random)!.randomElement(using: &random)!
        case 4: word = main.randomElement(using: &random)!.uppercased()
        default: word = main.randomElement(using: &random)!
        }
        if position > 0 { text += Int.random(in: 0..<8, using: &random) == 0 ? "" : " " }
        text += word
      }
      texts.append(text)
    }
    return texts
  }

  static func hash(_ text: String) -> String {
    var value: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in text.utf8 {
      value ^= UInt64(byte)
      value &*= 0x0000_0100_0000_01B3
    }
    return String(value, radix: 16)
  }

  static func number(_ value: Double) -> String {
    let text = String(format: "%.9f", value)
    return text == "-0.000000000" ? "0.000000000" : text
  }

  static func line(text: String, result: SentimentResult) -> String {
    let aspects = result.aspects.map {
      "\($0.aspect.rawValue):\($0.label.rawValue):\(number($0.score)):\($0.terms.joined(separator: "+"))"
    }
    let explanation = result.explanation.map { "\($0.token)|\($0.rule.rawValue)|\(number($0.amount))" }
    return [
      hash(text), result.label.rawValue, number(result.score), number(result.confidence), result.language.rawValue,
      aspects.joined(separator: ","), String(result.explanation.count), hash(explanation.joined(separator: "\n")),
    ].joined(separator: "\t")
  }

  static func lines(classifier: some SentimentClassifier) -> [String] {
    (corpusTexts() + generatedTexts(count: 4_000)).map { line(text: $0, result: classifier.classify($0)) }
  }

  /// Compares a classifier's lines with a recorded file in Resources, reporting the first mismatches.
  ///
  /// To regenerate the records after an intended change of results, run
  /// `FEEDBACK_SENTIMENT_RECORD=1 swift test --filter RegressionTests`: each test writes its record into
  /// Tests/FeedbackSentimentTests/Resources and fails with a note (so a recording run never passes); rerun
  /// without the variable, and say in the commit which change of results the new records take in.
  static func compare(
    _ classifier: some SentimentClassifier, withRecord name: String, filePath: String = #filePath
  ) throws {
    if ProcessInfo.processInfo.environment["FEEDBACK_SENTIMENT_RECORD"] == "1" {
      let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Resources")
      let text = lines(classifier: classifier).joined(separator: "\n") + "\n"
      try Data(text.utf8).write(to: folder.appendingPathComponent("\(name).tsv"))
      Issue.record("recorded \(name).tsv; rerun without FEEDBACK_SENTIMENT_RECORD")
      return
    }
    let url = try #require(Bundle.module.url(forResource: name, withExtension: "tsv", subdirectory: "Resources"))
    let expected = String(decoding: try Data(contentsOf: url), as: UTF8.self)
      .split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    let actual = lines(classifier: classifier)
    try #require(actual.count == expected.count)
    var mismatches = 0
    for (index, (line, recorded)) in zip(actual, expected).enumerated() where line != recorded {
      mismatches += 1
      if mismatches <= 5 { Issue.record("text \(index): got\n\(line)\nexpected\n\(recorded)") }
    }
    #expect(mismatches == 0)
  }
}
