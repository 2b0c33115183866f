import CommandLineSupport
import FeedbackSentiment
import Foundation

/// Cross-validated macro-F1 of the Malay/Indonesian ensemble on general text (the shared public sets) and on the
/// team's Malay/Indonesian hosting lines: how the bundled `sentiment-model-ms.json`, its gate and its weight were
/// chosen. Each set is cut into 5 stratified folds; a fold's models are trained on the other folds plus the
/// other sets (``MalayModelRecipe``), never on the fold itself.
enum GeneralReport {
  struct Target {
    var name: String
    var examples: [LabeledExample]
  }

  static func targets(shared: String, corpus: String) throws -> [Target] {
    func load(_ path: String) throws -> [LabeledExample] {
      guard let examples = try CorpusReport.load(path, language: "ms") else {
        throw UsageError("cannot read \(path)")
      }
      return examples
    }
    return [
      Target(name: "Indonesian reviews (SmSA train)", examples: try load("\(shared)/id-smsa-train.tsv")),
      Target(name: "Malay news (Malay-Dataset half)", examples: try load("\(shared)/ms-news-train.tsv")),
      Target(name: "Malay/Indonesian hosting (corpus ms-train)", examples: try load("\(corpus)/ms-train.tsv")),
    ]
  }

  /// The models of one fold: the hosting model (all corpus training splits, the fold's part in place of its set
  /// when the set is the hosting one), the model of reviews, the model of news, the three-register gate, and the
  /// previous default's general model (reviews and news, the news counted three times) with its two-register gate.
  struct FoldModels {
    var hosting: any ProbabilisticSentimentModel
    var general: any ProbabilisticSentimentModel
    var formal: any ProbabilisticSentimentModel
    var gate: DomainGate
    var previousGeneral: any ProbabilisticSentimentModel
    var previousGate: DomainGate
  }

  /// How many times the previous default counted the news lines in its single general model.
  static let previousNewsRepeats = 3

  static func foldModels(
    part: [LabeledExample], target: Int, targets: [Target], otherHosting: [LabeledExample]
  ) throws -> FoldModels {
    let reviews = target == 0 ? part : targets[0].examples
    let news = target == 1 ? part : targets[1].examples
    let hostingMalay = target == 2 ? part : targets[2].examples
    var previous = reviews
    for _ in 0..<previousNewsRepeats { previous += news }
    return FoldModels(
      hosting: try NaiveBayesSentimentModel.train(on: otherHosting + hostingMalay),
      general: try MalayModelRecipe.train(on: reviews),
      formal: try MalayModelRecipe.trainFormal(on: news),
      gate: try MalayModelRecipe.gate(hosting: hostingMalay, reviews: reviews, news: news),
      previousGeneral: try MalayModelRecipe.train(on: previous),
      previousGate: try DomainGate.train(
        inDomain: hostingMalay.map(\.text), outOfDomain: previous.map(\.text), options: MalayModelRecipe.gateOptions,
        sharpness: MalayModelRecipe.gateSharpness, prior: MalayModelRecipe.gatePrior))
  }

  /// Macro-F1 over the labels of the set only (a neutral prediction on a set without neutral lines still counts as
  /// a miss of the line's label, but neutral is not averaged in as a label of F1 0).
  static func setLabelsMacroF1(_ matrix: ConfusionMatrix) -> Double {
    let evaluation = SentimentEvaluation(confusion: matrix)
    let present = evaluation.perClass.filter { $0.support > 0 }
    return present.isEmpty ? 0 : present.reduce(0) { $0 + $1.f1 } / Double(present.count)
  }

  /// The share of texts labelled neutral.
  static func neutralShare(_ matrix: ConfusionMatrix) -> Double {
    let neutral = SentimentLabel.allCases.reduce(0) { $0 + matrix[actual: $1, predicted: .neutral] }
    return matrix.total == 0 ? 0 : Double(neutral) / Double(matrix.total)
  }

  static func markdown(shared: String, corpus: String, formalWeights: [Double]) throws -> String {
    let targets = try targets(shared: shared, corpus: corpus)
    let lexicon = try LexiconSentimentClassifier.bundled()
    var otherHosting: [LabeledExample] = []
    for language in ["en", "lo"] {
      otherHosting += try CorpusReport.load("\(corpus)/\(language)-train.tsv", language: language) ?? []
    }
    let generalWeight = DefaultSentimentClassifier.generalModelWeight
    var lines = [
      "5-fold cross-validation per set (macro-F1, pooled folds); a fold's models are trained on the rest of its set"
        + " and the other sets whole. \"two registers\" is the previous default (one general model, news counted"
        + " \(previousNewsRepeats) times); \"news w\" the three-register ensemble with that weight of the news model;"
        + " the last columns are the default's macro-F1 over the set's own labels and its share of neutral labels",
      "",
      "| set | texts | lexicon | reviews model | news model | hosting ensemble | two registers | "
        + formalWeights.map { String(format: "news w=%.1f", $0) }.joined(separator: " | ")
        + " | default, set's labels | default, neutral |",
      "|---|---|---|---|---|---|---|" + String(repeating: "---|", count: formalWeights.count + 2),
    ]
    let defaultSlot = 4 + (formalWeights.firstIndex(of: DefaultSentimentClassifier.formalModelWeight) ?? 0)
    for (index, target) in targets.enumerated() {
      let assignment = CrossValidation.foldAssignment(examples: target.examples, folds: 5, seed: 7)
      var matrices = [ConfusionMatrix](repeating: ConfusionMatrix(), count: formalWeights.count + 4)
      for fold in 0..<5 {
        let part = target.examples.indices.filter { assignment[$0] != fold }.map { target.examples[$0] }
        let held = target.examples.indices.filter { assignment[$0] == fold }.map { target.examples[$0] }
        let models = try foldModels(part: part, target: index, targets: targets, otherHosting: otherHosting)
        let hostingWeight = DefaultSentimentClassifier.ensembleModelWeight
        let ensembles: [any SentimentClassifier] =
          [
            models.general, models.formal, EnsembleSentimentClassifier(lexicon: lexicon, model: models.hosting),
            EnsembleSentimentClassifier(
              lexicon: lexicon, model: models.hosting,
              languageModels: [
                .malay: .init(
                  model: models.hosting, weight: hostingWeight, general: models.previousGeneral,
                  generalWeight: generalWeight, gate: models.previousGate)
              ]),
          ]
          + formalWeights.map { weight in
            EnsembleSentimentClassifier(
              lexicon: lexicon, model: models.hosting,
              languageModels: [
                .malay: .init(
                  model: models.hosting, weight: hostingWeight, general: models.general,
                  generalWeight: generalWeight, formal: models.formal, formalWeight: weight, gate: models.gate)
              ])
          }
        for example in held {
          for (slot, classifier) in ensembles.enumerated() {
            matrices[slot].record(actual: example.label, predicted: classifier.classify(example.text).label)
          }
        }
      }
      let lexiconF1 = lexicon.evaluate(on: target.examples).macroF1
      let scores =
        ([lexiconF1] + matrices.map { SentimentEvaluation(confusion: $0).macroF1 }
        + [setLabelsMacroF1(matrices[defaultSlot]), neutralShare(matrices[defaultSlot])])
        .map { String(format: "%.3f", $0) }
      lines.append("| \(target.name) | \(target.examples.count) | " + scores.joined(separator: " | ") + " |")
    }
    return lines.joined(separator: "\n")
  }
}

/// Macro-F1 of the default classifier and of the lexicon alone on a folder of label<TAB>intent<TAB>aspects<TAB>text
/// files, one per language: the held-out test set (read only; see its README.txt for the protocol) or the aspects
/// development set.
enum HeldoutReport {
  /// The held-out set's languages (Malay and Indonesian in files of their own).
  static let heldoutLanguages = ["en", "ms", "id", "lo"]
  /// The development set's files (Malay and Indonesian share `ms.tsv`).
  static let devLanguages = ["en", "ms", "lo"]

  static func markdown(
    folder: String, languages: [String] = heldoutLanguages, title: String = "the held-out hosting feedback"
  ) throws -> String {
    let lexicon = try LexiconSentimentClassifier.bundled()
    let standard = try DefaultSentimentClassifier.make()
    var lines = [
      "macro-F1 on \(title) (\(folder))", "",
      "| language | texts | lexicon | default classifier |", "|---|---|---|---|",
    ]
    for language in languages {
      let examples = try examples(folder: folder, language: language)
      let scores = [lexicon.evaluate(on: examples).macroF1, standard.evaluate(on: examples).macroF1]
      lines.append(
        "| \(language) | \(examples.count) | " + scores.map { String(format: "%.3f", $0) }.joined(separator: " | ")
          + " |")
    }
    return lines.joined(separator: "\n")
  }

  /// The sentiment-labelled texts of `folder/language.tsv` (label<TAB>intent<TAB>aspects<TAB>text lines).
  static func examples(folder: String, language: String) throws -> [LabeledExample] {
    guard let data = FileManager.default.contents(atPath: "\(folder)/\(language).tsv") else {
      throw UsageError("cannot read \(folder)/\(language).tsv")
    }
    var examples: [LabeledExample] = []
    for (number, line) in String(decoding: data, as: UTF8.self).split(separator: "\n").enumerated()
    where !line.isEmpty {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
      guard fields.count == 4, let label = SentimentLabel(rawValue: String(fields[0])) else {
        throw UsageError("\(language).tsv line \(number + 1): expected label<TAB>intent<TAB>aspects<TAB>text")
      }
      examples.append(
        LabeledExample(text: String(fields[3]), label: label, language: SentimentLanguage(rawValue: language)))
    }
    return examples
  }
}
