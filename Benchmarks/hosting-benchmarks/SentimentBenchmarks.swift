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
      name: "sentiment.classify-lexicon-explained-100k",
      summary: "lexicon classifier on the same 100k texts, reading every explanation and aspect",
      readsExplanations: true,
      workload: { (SentimentWorkload.texts, SentimentWorkload.lexicon) }
    ),
    classifyBenchmark(
      name: "sentiment.classify-lexicon-corpus-100k",
      summary: "lexicon classifier on 100k texts cycled from the labelled corpus (the VADER comparison set)",
      goal: .throughput(atLeast: 1_000_000),
      workload: { (try SentimentWorkload.corpusTexts(), SentimentWorkload.lexicon) }
    ),
    classifyBenchmark(
      name: "sentiment.classify-ensemble-100k",
      summary: "the default classifier (lexicon + bundled naive Bayes trained on the corpus) on the same 100k texts",
      goal: .throughput(atLeast: 300_000),
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
        return { sentimentBlackHole(try NaiveBayesSentimentModel.train(on: examples).documentCounts) }
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

  /// The corpus texts (run from the package root), cycled to 100k.
  /// `python3` with `vaderSentiment` over the same cycled texts gives the comparison figure.
  ///
  /// - Throws: ``MissingBenchmarkInput`` when the corpus is not there (a benchmark never falls back to other
  ///   data).
  static func corpusTexts() throws -> [String] {
    guard let texts = cycledCorpusTexts else { throw MissingBenchmarkInput(path: corpusDirectory) }
    return texts
  }

  static let corpusDirectory = "Tests/FeedbackSentimentTests/Resources/corpus"

  private static let cycledCorpusTexts: [String]? = {
    let directory = corpusDirectory
    var texts: [String] = []
    for language in ["en", "ms", "lo"] {
      for split in ["test", "train"] {
        guard let data = FileManager.default.contents(atPath: "\(directory)/\(language)-\(split).tsv") else { continue }
        for line in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
        where !line.hasPrefix("#") {
          if let tab = line.firstIndex(of: "\t") { texts.append(String(line[line.index(after: tab)...])) }
        }
      }
    }
    guard !texts.isEmpty else { return nil }
    return (0..<100_000).map { texts[$0 % texts.count] }
  }()

  static let trainingExamples: [LabeledExample] = {
    var random = SeededGenerator(seed: 66)
    let labels: [SentimentLabel] = [.negative, .neutral, .positive]
    return (0..<100_000).map { index in
      LabeledExample(text: text(using: &random), label: labels[index % 3])
    }
  }()
}

@inline(never)
func sentimentBlackHole<T>(_ value: T) {
  withExtendedLifetime(value) {}
}

/// A benchmark's input file or folder is missing: the run fails rather than measure other data.
struct MissingBenchmarkInput: Error, CustomStringConvertible {
  var path: String
  var description: String { "missing benchmark input \(path) (run from the package root)" }
}

/// Classifies 100k texts with one classifier, counting negatives (and, when asked, the explanation entries and
/// aspect terms, which makes the classifier spell them out) so the work cannot be optimised away.
private func classifyBenchmark(
  name: String,
  summary: String,
  goal: BenchmarkGoal? = nil,
  iterations: Int = 5,
  readsExplanations: Bool = false,
  workload: @escaping () throws -> ([String], any SentimentClassifier)
) -> Benchmark {
  Benchmark(
    name: name, summary: summary, operations: 100_000, unit: "texts", goal: goal, iterations: iterations,
    prepare: {
      let (texts, classifier) = try workload()
      return {
        var negatives = 0
        var details = 0
        for text in texts {
          let result = classifier.classify(text)
          if result.label == .negative { negatives += 1 }
          if readsExplanations {
            for contribution in result.explanation { details &+= contribution.token.utf8.count }
            for aspect in result.aspects { details &+= aspect.terms.count }
          }
        }
        sentimentBlackHole((negatives, details))
      }
    }
  )
}
