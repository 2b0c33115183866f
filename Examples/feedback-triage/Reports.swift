import CommandLineSupport
import FeedbackSentiment
import Foundation

enum EvaluationReport {
  static func text(_ evaluation: SentimentEvaluation, examples: Int) -> String {
    var lines: [String] = []
    lines.append("examples: \(examples)")
    lines.append(String(format: "accuracy: %.4f", evaluation.accuracy))
    lines.append(String(format: "macro-F1: %.4f", evaluation.macroF1))
    lines.append("")
    lines.append("label      precision  recall  f1      support")
    for metrics in evaluation.perClass {
      lines.append(
        metrics.label.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0)
          + String(format: "%.4f     %.4f  %.4f  %d", metrics.precision, metrics.recall, metrics.f1, metrics.support))
    }
    lines.append("")
    lines.append("confusion matrix (rows: actual, columns: predicted)")
    lines.append("           negative  neutral  positive")
    for actual in SentimentLabel.allCases {
      let row = SentimentLabel.allCases.map { predicted in
        String(evaluation.confusion[actual: actual, predicted: predicted])
          .padding(toLength: 9, withPad: " ", startingAt: 0)
      }
      lines.append(actual.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0) + row.joined())
    }
    return lines.joined(separator: "\n")
  }
}

/// The per-language macro-F1 table of the module's DocC article and the README.
enum CorpusReport {
  static let languages = ["en", "ms", "lo"]

  static func load(_ path: String, language: String) throws -> [LabeledExample]? {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    return try LabeledExample.parseTSV(
      String(decoding: data, as: UTF8.self), language: SentimentLanguage(rawValue: language), source: path)
  }

  static func markdown(corpus: String) throws -> String {
    var training: [LabeledExample] = []
    var tests: [(String, [LabeledExample])] = []
    for language in languages {
      if let examples = try load("\(corpus)/\(language)-train.tsv", language: language) { training += examples }
      if let examples = try load("\(corpus)/\(language)-test.tsv", language: language) {
        tests.append((language, examples))
      }
    }
    guard !training.isEmpty, !tests.isEmpty else { throw UsageError("no <lang>-train/test.tsv in \(corpus)") }
    let lexicon = try LexiconSentimentClassifier.bundled()
    let naiveBayes = try NaiveBayesSentimentModel.train(on: training)
    let logistic = try LogisticRegressionSentimentModel.train(on: training)
    let classifiers: [(String, any SentimentClassifier)] = [
      ("lexicon", lexicon),
      ("naive Bayes", naiveBayes),
      ("logistic", logistic),
      ("ensemble (lexicon+NB)", EnsembleSentimentClassifier(lexicon: lexicon, model: naiveBayes)),
      ("ensemble (lexicon+LR)", EnsembleSentimentClassifier(lexicon: lexicon, model: logistic)),
    ]
    var lines = ["trained on \(training.count) examples; macro-F1 on each language's test split", ""]
    lines.append("| language | test texts | " + classifiers.map(\.0).joined(separator: " | ") + " |")
    lines.append("|---|---|" + String(repeating: "---|", count: classifiers.count))
    var all: [LabeledExample] = []
    for (language, examples) in tests + [("all", [])] {
      let set = language == "all" ? all : examples
      all += language == "all" ? [] : examples
      let scores = classifiers.map { String(format: "%.3f", $0.1.evaluate(on: set).macroF1) }
      lines.append("| \(language) | \(set.count) | " + scores.joined(separator: " | ") + " |")
    }
    return lines.joined(separator: "\n")
  }

  /// 5-fold cross-validated macro-F1 of the ensembles on the training splits, for each model weight: how the
  /// default weight was chosen without looking at the test split.
  static func weightSearch(corpus: String) throws -> String {
    var training: [LabeledExample] = []
    for language in languages {
      if let examples = try load("\(corpus)/\(language)-train.tsv", language: language) { training += examples }
    }
    let lexicon = try LexiconSentimentClassifier.bundled()
    var lines = ["5-fold cross-validation on \(training.count) training texts (macro-F1, pooled folds)", ""]
    lines.append("| model weight | lexicon+NB | lexicon+LR |")
    lines.append("|---|---|---|")
    for weight in [0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0] {
      let naiveBayes = try CrossValidation.run(folds: 5, examples: training) { part in
        EnsembleSentimentClassifier(
          lexicon: lexicon, model: try NaiveBayesSentimentModel.train(on: part), modelWeight: weight)
      }
      let logistic = try CrossValidation.run(folds: 5, examples: training) { part in
        EnsembleSentimentClassifier(
          lexicon: lexicon, model: try LogisticRegressionSentimentModel.train(on: part), modelWeight: weight)
      }
      lines.append(
        String(format: "| %.1f | %.3f | %.3f |", weight, naiveBayes.pooled.macroF1, logistic.pooled.macroF1))
    }
    return lines.joined(separator: "\n")
  }
}
