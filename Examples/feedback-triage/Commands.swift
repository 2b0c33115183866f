import FeedbackSentiment
import Foundation

enum Commands {
  static func classify(_ options: CommandOptions) throws {
    let items = try FeedbackInputReader.read(options.readInput(), format: options.format)
    let classifier = try options.makeClassifier()
    var output = ""
    for item in items {
      let result = classifier.classify(item.text)
      var pairs: [(String, String)] = [
        ("id", item.idJSON),
        ("label", JSONText.quoted(result.label.rawValue)),
        ("score", JSONText.number(result.score)),
        ("confidence", JSONText.number(result.confidence)),
        ("language", JSONText.quoted(result.language.rawValue)),
        ("aspects", JSONText.array(result.aspects.map(aspectJSON))),
      ]
      if options.explain {
        let explanation = result.explanation.map { contribution in
          JSONText.object([
            ("token", JSONText.quoted(contribution.token)),
            ("rule", JSONText.quoted(contribution.rule.rawValue)),
            ("amount", JSONText.number(contribution.amount)),
          ])
        }
        pairs.append(("explanation", JSONText.array(explanation)))
      }
      output += JSONText.object(pairs) + "\n"
      if output.utf8.count > 1 << 16 {
        FileHandle.standardOutput.write(Data(output.utf8))
        output = ""
      }
    }
    FileHandle.standardOutput.write(Data(output.utf8))
  }

  static func aspectJSON(_ aspect: AspectSentiment) -> String {
    JSONText.object([
      ("aspect", JSONText.quoted(aspect.aspect.rawValue)),
      ("label", JSONText.quoted(aspect.label.rawValue)),
      ("score", JSONText.number(aspect.score)),
    ])
  }

  static func train(_ options: CommandOptions) throws {
    guard let out = options.outFile else { throw UsageError(message: "--out MODEL.json is required") }
    let examples = try options.readExamples()
    let model = try TrainedSentimentModel.train(options.kind, on: examples)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let data: Data
    switch model {
    case let model as NaiveBayesSentimentModel: data = try encoder.encode(model)
    case let model as LogisticRegressionSentimentModel: data = try encoder.encode(model)
    default: throw UsageError(message: "cannot save this model kind")
    }
    try data.write(to: URL(fileURLWithPath: out))
    let evaluation = model.evaluate(on: examples)
    print("trained \(options.kind.rawValue) on \(examples.count) examples → \(out) (\(data.count) bytes)")
    print(String(format: "training-set macro-F1 %.4f (optimistic; use evaluate on held-out data)", evaluation.macroF1))
  }

  static func evaluate(_ options: CommandOptions) throws {
    let examples = try options.readExamples()
    let classifier = try options.makeClassifier()
    let evaluation = classifier.evaluate(on: examples)
    print(EvaluationReport.text(evaluation, examples: examples.count))
  }

  static func report(_ options: CommandOptions) throws {
    guard let corpus = options.corpus else { throw UsageError(message: "--corpus DIR is required") }
    print(try CorpusReport.markdown(corpus: corpus))
    if options.json == false, options.crossValidate {
      print("")
      print(try CorpusReport.weightSearch(corpus: corpus))
    }
  }

  static func triage(_ options: CommandOptions) throws {
    let items = try FeedbackInputReader.read(options.readInput(), format: options.format)
    let classifier = try options.makeClassifier()
    let results = items.map { (item: $0, result: classifier.classify($0.text)) }
    let view = TriageView(results: results)
    print(options.json ? view.json() : view.text())
  }
}
