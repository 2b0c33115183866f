import FeedbackSentiment
import Foundation

/// Workloads for FeedbackSentiment (issue 6).
func sentimentBenchmarks() -> [Benchmark] {
  [
    classifyBenchmark(
      name: "sentiment.classify-lexicon-100k",
      summary: "lexicon classifier on 100k short mixed-language texts (5-40 words, en/ms/lo, emoji)",
      goal: .throughput(atLeast: 1_000_000),
      workload: { (SentimentWorkload.texts, SentimentWorkload.lexicon) }
    ),
    classifyBenchmark(
      name: "sentiment.classify-lexicon-corpus-100k",
      summary: "lexicon classifier on 100k texts cycled from the labelled corpus (the VADER comparison set)",
      goal: .throughput(atLeast: 200_000),
      workload: { (try SentimentWorkload.corpusTexts(), SentimentWorkload.lexicon) }
    ),
    classifyBenchmark(
      name: "sentiment.classify-default-ensemble-100k",
      summary: "the default classifier `feedback-triage classify` ships (DefaultSentimentClassifier: "
        + (DefaultSentimentClassifier.usesEnsemble ? "lexicon + bundled model trained on the corpus" : "lexicon")
        + ") on the same 100k mixed texts",
      goal: .throughput(atLeast: 300_000),
      iterations: 3,
      workload: { (SentimentWorkload.texts, try DefaultSentimentClassifier.make()) }
    ),
    Benchmark(
      name: "sentiment.train-naive-bayes-100k",
      summary: "train the naive Bayes model on 100k labelled examples",
      operations: 100_000,
      unit: "examples",
      goal: .runTime(atMost: 2),
      iterations: 3,
      prepare: {
        let examples = SentimentWorkload.trainingExamples
        return { keep(try NaiveBayesSentimentModel.train(on: examples)) }
      }
    ),
  ]
}

/// Deterministic workloads, built once.
enum SentimentWorkload {
  static let lexicon = LexiconSentimentClassifier()

  static let english = [
    "the", "server", "is", "very", "slow", "today", "but", "support", "was", "great", "not", "happy", "with",
    "downtime", "again", "thanks", "for", "fast", "migration", "refund", "please", "billing", "email", "works",
    "never", "down", "excellent", "uptime", "panel", "is", "confusing", "really", "helpful", "staff", "SLOWWW",
  ]
  static let malay = [
    "servis", "sangat", "lambat", "hari", "ini", "tapi", "sokongan", "bagus", "tidak", "puas", "hati", "dengan",
    "gangguan", "lagi", "terima", "kasih", "migrasi", "cepat", "bil", "mahal", "emel", "tak", "boleh", "login",
    "mantap", "server", "down", "pelayanan", "ramah", "lambattt",
  ]
  static let lao = [
    "ບໍລິການດີຫຼາຍ", "ເວັບໄຊຊ້າ", "ບໍ່ດີ", "ແຕ່", "ພະນັກງານເກັ່ງ", "ລາຄາແພງ", "ຂອບໃຈ", "ເຊີບເວີລົ່ມ", "ອີເມວ",
  ]
  static let extras = ["👍", "😡", ":)", ":(", "!!!", "...", "?"]

  static func text(using random: inout SeededGenerator) -> String {
    let length = Int.random(in: 5...40, using: &random)
    let pool: [String]
    switch Int.random(in: 0..<10, using: &random) {
    case 0..<5: pool = english
    case 5..<8: pool = malay
    default: pool = lao
    }
    var words: [String] = []
    for _ in 0..<length {
      if Int.random(in: 0..<12, using: &random) == 0 {
        words.append(extras.randomElement(using: &random)!)
      } else if Int.random(in: 0..<10, using: &random) == 0 {
        words.append(english.randomElement(using: &random)!)
      } else {
        words.append(pool.randomElement(using: &random)!)
      }
    }
    return words.joined(separator: " ")
  }

  static let texts: [String] = {
    var random = SeededGenerator(seed: 6)
    return (0..<100_000).map { _ in text(using: &random) }
  }()

  /// The labelled corpus's texts (all languages and splits), cycled to 100k: the set the peers script gives
  /// vaderSentiment. Throws when a corpus file is missing instead of measuring other data.
  static func corpusTexts() throws -> [String] {
    var texts: [String] = []
    for language in ["en", "ms", "lo"] {
      for split in ["test", "train"] {
        let data = try PackageRoot.contents("Tests/FeedbackSentimentTests/Resources/corpus/\(language)-\(split).tsv")
        for line in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
        where !line.hasPrefix("#") {
          if let tab = line.firstIndex(of: "\t") { texts.append(String(line[line.index(after: tab)...])) }
        }
      }
    }
    guard !texts.isEmpty else { throw BenchmarkFailure("the sentiment corpus has no texts") }
    return (0..<100_000).map { texts[$0 % texts.count] }
  }

  static let trainingExamples: [LabeledExample] = {
    var random = SeededGenerator(seed: 66)
    let labels: [SentimentLabel] = [.negative, .neutral, .positive]
    return (0..<100_000).map { index in
      LabeledExample(text: text(using: &random), label: labels[index % 3])
    }
  }()
}

/// Holds a result until the clock stops (kept for workloads written before `keep(_:)`).
func sentimentBlackHole<T>(_ value: T) { keep(value) }

/// Classifies 100k texts with one classifier, counting negatives so the work cannot be optimised away.
private func classifyBenchmark(
  name: String,
  summary: String,
  goal: BenchmarkGoal? = nil,
  iterations: Int = 5,
  workload: @escaping () throws -> ([String], any SentimentClassifier)
) -> Benchmark {
  Benchmark(
    name: name, summary: summary, operations: 100_000, unit: "texts", goal: goal, iterations: iterations,
    prepare: {
      let (texts, classifier) = try workload()
      return {
        var negatives = 0
        for text in texts where classifier.classify(text).label == .negative { negatives += 1 }
        blackHole(negatives)
      }
    }
  )
}
