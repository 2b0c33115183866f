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
  /// when the set is the hosting one), the general model and the gate.
  struct FoldModels {
    var hosting: any ProbabilisticSentimentModel
    var general: any ProbabilisticSentimentModel
    var gate: DomainGate
  }

  static func foldModels(
    part: [LabeledExample], target: Int, targets: [Target], otherHosting: [LabeledExample]
  ) throws -> FoldModels {
    let hostingIndex = targets.count - 1
    let hostingMalay = target == hostingIndex ? part : targets[hostingIndex].examples
    var general: [LabeledExample] = []
    for (index, other) in targets.enumerated() where index != hostingIndex {
      let lines = index == target ? part : other.examples
      for _ in 0..<(index == 1 ? MalayModelRecipe.newsRepeats : 1) { general += lines }
    }
    return FoldModels(
      hosting: try NaiveBayesSentimentModel.train(on: otherHosting + hostingMalay),
      general: try MalayModelRecipe.train(on: general),
      gate: try DomainGate.train(
        inDomain: hostingMalay.map(\.text), outOfDomain: general.map(\.text), options: MalayModelRecipe.gateOptions,
        sharpness: MalayModelRecipe.gateSharpness,
        prior: MalayModelRecipe.gatePrior))
  }

  static func markdown(shared: String, corpus: String, weights: [Double]) throws -> String {
    let targets = try targets(shared: shared, corpus: corpus)
    let lexicon = try LexiconSentimentClassifier.bundled()
    var otherHosting: [LabeledExample] = []
    for language in ["en", "lo"] {
      otherHosting += try CorpusReport.load("\(corpus)/\(language)-train.tsv", language: language) ?? []
    }
    var lines = [
      "5-fold cross-validation per set (macro-F1, pooled folds); a fold's models are trained on the rest of its set"
        + " and the other sets whole",
      "",
      "| set | texts | lexicon | general model | hosting ensemble | "
        + weights.map { String(format: "ensemble w=%.1f", $0) }.joined(separator: " | ") + " |",
      "|---|---|---|---|---|" + String(repeating: "---|", count: weights.count),
    ]
    for (index, target) in targets.enumerated() {
      let assignment = CrossValidation.foldAssignment(examples: target.examples, folds: 5, seed: 7)
      var matrices = [ConfusionMatrix](repeating: ConfusionMatrix(), count: weights.count + 2)
      for fold in 0..<5 {
        let part = target.examples.indices.filter { assignment[$0] != fold }.map { target.examples[$0] }
        let held = target.examples.indices.filter { assignment[$0] == fold }.map { target.examples[$0] }
        let models = try foldModels(part: part, target: index, targets: targets, otherHosting: otherHosting)
        let today = EnsembleSentimentClassifier(lexicon: lexicon, model: models.hosting)
        let ensembles =
          [today]
          + weights.map { weight in
            EnsembleSentimentClassifier(
              lexicon: lexicon, model: models.hosting,
              languageModels: [
                .malay: .init(
                  model: models.hosting, weight: DefaultSentimentClassifier.ensembleModelWeight,
                  general: models.general, generalWeight: weight, gate: models.gate)
              ])
          }
        for example in held {
          matrices[0].record(actual: example.label, predicted: models.general.classify(example.text).label)
          for (slot, ensemble) in ensembles.enumerated() {
            matrices[slot + 1].record(actual: example.label, predicted: ensemble.classify(example.text).label)
          }
        }
      }
      let lexiconF1 = lexicon.evaluate(on: target.examples).macroF1
      let scores = ([lexiconF1] + matrices.map { SentimentEvaluation(confusion: $0).macroF1 })
        .map { String(format: "%.3f", $0) }
      lines.append("| \(target.name) | \(target.examples.count) | " + scores.joined(separator: " | ") + " |")
    }
    return lines.joined(separator: "\n")
  }
}

/// Macro-F1 of the default classifier and of the lexicon alone on the held-out test set (read only; see its
/// README.txt for the protocol).
enum HeldoutReport {
  static func markdown(folder: String) throws -> String {
    let lexicon = try LexiconSentimentClassifier.bundled()
    let standard = try DefaultSentimentClassifier.make()
    var lines = [
      "macro-F1 on the held-out hosting feedback (\(folder))", "",
      "| language | texts | lexicon | default classifier |", "|---|---|---|---|",
    ]
    for language in ["en", "ms", "id", "lo"] {
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
        examples.append(LabeledExample(text: String(fields[3]), label: label))
      }
      let scores = [lexicon.evaluate(on: examples).macroF1, standard.evaluate(on: examples).macroF1]
      lines.append(
        "| \(language) | \(examples.count) | " + scores.map { String(format: "%.3f", $0) }.joined(separator: " | ")
          + " |")
    }
    return lines.joined(separator: "\n")
  }
}
