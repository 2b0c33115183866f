import CommandLineSupport
import FeedbackSentiment
import Foundation

/// `aspects-report`: per-aspect precision/recall and per-intent figures on annotated sets, the tables of the
/// accuracy article.
let aspectsReportCommand = CommandSpec(
  "aspects-report",
  summary: "Per-aspect precision/recall and intent accuracy on label<TAB>intent<TAB>aspects<TAB>text files.",
  details: [
    "Each --set file is measured on its own (aspects and intent as the default classifier reports them: aspects"
      + " found by its lexicon, intent from its label and the bundled IntentClassifier), then all files pooled."
  ],
  options: [
    .value("--set", "FILE", help: "An annotated aspect set.", required: true, repeatable: true)
  ]
) { arguments in
  var sets: [(name: String, examples: [AnnotatedFeedback])] = []
  for file in arguments.all("--set") {
    let text = String(decoding: try ClassifierOptions.readFile(file, what: "aspect set"), as: UTF8.self)
    sets.append(((file as NSString).lastPathComponent, try AnnotatedFeedback.parseTSV(text, source: file)))
  }
  let classifier = try DefaultSentimentClassifier.make()
  Console.print(
    try AspectReport.markdown(
      sets, aspects: classifier, sentiment: classifier,
      intents: try IntentClassifier.bundled()))
  return .success
}

/// The tables of `aspects-report`.
enum AspectReport {
  static func markdown(
    _ sets: [(name: String, examples: [AnnotatedFeedback])], aspects: any SentimentClassifier,
    sentiment: any SentimentClassifier, intents: IntentClassifier
  ) throws -> String {
    let all = sets.flatMap(\.examples)
    let columns = sets.map(\.name) + (sets.count > 1 ? ["all"] : [])
    let evaluations =
      sets.map { aspects.evaluateAspects(on: $0.examples) }
      + (sets.count > 1 ? [aspects.evaluateAspects(on: all)] : [])
    var lines = [
      "Aspect detection, precision / recall (lines expected) and polarity agreement on found mentions:", "",
      "| aspect | " + columns.joined(separator: " | ") + " |",
      "|---|" + String(repeating: "---|", count: columns.count),
    ]
    let names = Set(evaluations.flatMap(\.perAspect.keys)).filter { !$0.isClauseRole }
    let ordered = HostingAspect.wellKnown.filter(names.contains) + names.subtracting(HostingAspect.wellKnown).sorted()
    func cell(_ metrics: AspectEvaluation.AspectMetrics) -> String {
      let detection = metrics.detection
      return String(
        format: "%.2f / %.2f (%d), %.2f", detection.precision, detection.recall, detection.support,
        metrics.polarityAccuracy)
    }
    for aspect in ordered {
      lines.append("| \(aspect.rawValue) | " + evaluations.map { cell($0[aspect]) }.joined(separator: " | ") + " |")
    }
    lines.append("| **all (micro)** | " + evaluations.map { cell($0.overall) }.joined(separator: " | ") + " |")
    lines += [
      "", "Intent, accuracy and macro-F1, then F1 per intent:", "",
      "| set | texts | accuracy | macro-F1 | " + FeedbackIntent.allCases.map(\.rawValue).joined(separator: " | ")
        + " |",
      "|---|---|---|---|" + String(repeating: "---|", count: FeedbackIntent.allCases.count),
    ]
    for (name, examples) in sets + (sets.count > 1 ? [("all", all)] : []) {
      let evaluation = intentEvaluation(examples, sentiment: sentiment, intents: intents)
      lines.append(
        "| \(name) | \(examples.count) | " + String(format: "%.3f | %.3f | ", evaluation.accuracy, evaluation.macroF1)
          + FeedbackIntent.allCases.map { String(format: "%.2f", evaluation.perIntent[$0]?.f1 ?? 0) }.joined(
            separator: " | ") + " |")
    }
    return lines.joined(separator: "\n")
  }

  static func intentEvaluation(
    _ examples: [AnnotatedFeedback], sentiment: any SentimentClassifier, intents: IntentClassifier
  ) -> IntentEvaluation {
    IntentEvaluation(
      actual: examples.map(\.intent),
      predicted: examples.map { intents.intent(of: $0.text, sentiment: sentiment.classify($0.text)) })
  }
}
