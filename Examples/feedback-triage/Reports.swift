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

  /// 5-fold cross-validated macro-F1 of lexicon + naive Bayes per language for each model weight (the same folds
  /// as ``weightSearch(corpus:)``), and with `dev` the same weights with a model trained on all training splits on
  /// the aspects development set: whether a language's hosting model deserves a weight of its own.
  static func languageWeightSearch(corpus: String, dev: String?) throws -> String {
    var training: [LabeledExample] = []
    var devExamples: [LabeledExample] = []
    for language in languages {
      training += try load("\(corpus)/\(language)-train.tsv", language: language) ?? []
      if let dev { devExamples += try HeldoutReport.examples(folder: dev, language: language) }
    }
    let lexicon = try LexiconSentimentClassifier.bundled()
    let weights = [0.3, 0.4, 0.5, 0.6, 0.7]
    let columns = languages + ["all"]
    let empty = [[ConfusionMatrix]](
      repeating: [ConfusionMatrix](repeating: ConfusionMatrix(), count: columns.count), count: weights.count)
    var crossValidated = empty
    var developed = empty
    func record(_ example: LabeledExample, _ model: NaiveBayesSentimentModel, into table: inout [[ConfusionMatrix]]) {
      let column = languages.firstIndex(of: example.language?.rawValue ?? "") ?? 0
      for (row, weight) in weights.enumerated() {
        let ensemble = EnsembleSentimentClassifier(lexicon: lexicon, model: model, modelWeight: weight)
        let predicted = ensemble.classify(example.text).label
        table[row][column].record(actual: example.label, predicted: predicted)
        table[row][columns.count - 1].record(actual: example.label, predicted: predicted)
      }
    }
    let assignment = CrossValidation.foldAssignment(examples: training, folds: 5, seed: 7)
    for fold in 0..<5 {
      let model = try NaiveBayesSentimentModel.train(
        on: training.indices.filter { assignment[$0] != fold }.map { training[$0] })
      for index in training.indices where assignment[index] == fold {
        record(training[index], model, into: &crossValidated)
      }
    }
    let full = try NaiveBayesSentimentModel.train(on: training)
    for example in devExamples { record(example, full, into: &developed) }
    var tables: [LanguageTable] = [("CV", crossValidated)]
    if dev != nil { tables.append(("dev", developed)) }
    return markdown(
      title: "macro-F1 per language for each model weight (lexicon + NB): 5-fold cross-validation on the training"
        + " splits" + (dev == nil ? "" : ", then the aspects development set"),
      rowHeading: "model weight", rows: weights.map { String(format: "%.1f", $0) }, tables: tables)
  }

  /// Confusion matrices per row and per language column (the last column pooled), under a name ("CV", "dev").
  typealias LanguageTable = (name: String, cells: [[ConfusionMatrix]])

  /// A markdown table of macro-F1: one row per setting, the language columns of each table side by side.
  private static func markdown(title: String, rowHeading: String, rows: [String], tables: [LanguageTable]) -> String {
    let headings: [String] = tables.flatMap { table in (languages + ["all"]).map { "\(table.name) \($0)" } }
    var lines = [
      title, "", "| \(rowHeading) | " + headings.joined(separator: " | ") + " |",
      "|---|" + String(repeating: "---|", count: headings.count),
    ]
    for (row, name) in rows.enumerated() {
      let cells = tables.flatMap { $0.cells[row] }.map {
        String(format: "%.3f", SentimentEvaluation(confusion: $0).macroF1)
      }
      lines.append("| \(name) | " + cells.joined(separator: " | ") + " |")
    }
    return lines.joined(separator: "\n")
  }

  /// 5-fold cross-validated macro-F1 of the default-weight ensemble (lexicon + naive Bayes) per language for each
  /// factor on the model's weight in texts without opinion evidence (no sentiment word, no opinion cue), and the
  /// same on the test splits with models trained on the training splits: how
  /// ``EnsembleSentimentClassifier/defaultFactFactor`` was chosen. The last row discounts every text without a
  /// sentiment word, cue or not (the rejected `silenceFactor` 0.5). With `dev`, the same full-training-split
  /// ensembles are measured on the aspects development set in that folder too (its en, ms and lo files).
  static func factSearch(corpus: String, dev: String? = nil) throws -> String {
    var training: [LabeledExample] = []
    var tests: [LabeledExample] = []
    var devExamples: [LabeledExample] = []
    for language in languages {
      training += try load("\(corpus)/\(language)-train.tsv", language: language) ?? []
      tests += try load("\(corpus)/\(language)-test.tsv", language: language) ?? []
      if let dev { devExamples += try HeldoutReport.examples(folder: dev, language: language) }
    }
    let lexicon = try LexiconSentimentClassifier.bundled()
    let settings: [(name: String, silence: Double, fact: Double)] =
      [1.0, 0.9, 0.8, 0.7, 0.5, 0.0].map { (String(format: "%.1f", $0), 1.0, $0) } + [("0.5, cues too", 0.5, 0.5)]
    func ensembles(_ model: NaiveBayesSentimentModel) -> [EnsembleSentimentClassifier] {
      settings.map {
        EnsembleSentimentClassifier(lexicon: lexicon, model: model, silenceFactor: $0.silence, factFactor: $0.fact)
      }
    }
    let columns = languages + ["all"]
    var crossValidated = [[ConfusionMatrix]](
      repeating: [ConfusionMatrix](repeating: ConfusionMatrix(), count: columns.count), count: settings.count)
    var tested = crossValidated
    var developed = crossValidated
    func record(
      _ example: LabeledExample, _ classifiers: [EnsembleSentimentClassifier], into table: inout [[ConfusionMatrix]]
    ) {
      let column = languages.firstIndex(of: example.language?.rawValue ?? "") ?? 0
      for (row, classifier) in classifiers.enumerated() {
        let predicted = classifier.classify(example.text).label
        table[row][column].record(actual: example.label, predicted: predicted)
        table[row][columns.count - 1].record(actual: example.label, predicted: predicted)
      }
    }
    let assignment = CrossValidation.foldAssignment(examples: training, folds: 5, seed: 7)
    for fold in 0..<5 {
      let part = training.indices.filter { assignment[$0] != fold }.map { training[$0] }
      let classifiers = ensembles(try NaiveBayesSentimentModel.train(on: part))
      for index in training.indices where assignment[index] == fold {
        record(training[index], classifiers, into: &crossValidated)
      }
    }
    let full = ensembles(try NaiveBayesSentimentModel.train(on: training))
    for example in tests { record(example, full, into: &tested) }
    for example in devExamples { record(example, full, into: &developed) }
    var tables: [LanguageTable] = [("CV", crossValidated), ("test", tested)]
    if dev != nil { tables.append(("dev", developed)) }
    let sets = dev == nil ? "then the test splits" : "then the test splits, then the aspects development set"
    return markdown(
      title: "texts without opinion evidence: macro-F1 for each factor on the model's weight (lexicon + NB, weight"
        + " \(DefaultSentimentClassifier.ensembleModelWeight)); 5-fold cross-validation on the training splits, "
        + sets,
      rowHeading: "fact factor", rows: settings.map(\.name), tables: tables)
  }
}
