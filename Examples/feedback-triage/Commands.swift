import CommandLineSupport
import FeedbackSentiment
import Foundation

private let inputFile = PositionalSpec("FILE", help: "The feedback; standard input when absent.", optional: true)

/// `classify`: one JSON line per feedback item, streamed as the input is read.
let classifyCommand = CommandSpec(
  "classify", summary: "Label each feedback item: JSON lines with label, score, confidence, language, aspects.",
  details: [
    "output: {\"id\",\"label\",\"score\",\"confidence\",\"language\",\"aspects\"} per input line, in input order;"
      + " --explain adds \"explanation\": the tokens and rules that moved the score."
  ],
  options: ClassifierOptions.feedbackInput + [
    .flag("--explain", help: "Add the tokens and rules that moved each score.")
  ],
  positionals: [inputFile]
) { arguments in
  let (format, classifier) = try ClassifierOptions.inputAndClassifier(arguments)
  let explain = arguments.flag("--explain")
  let writer = JSONLinesWriter()
  defer { writer.flush() }
  try FeedbackInputReader.forEachText(in: arguments.positionals.first, format: format, afterChunk: writer.flush) {
    id, text, line in
    let result = classifier.classify(text)
    writer.writeLine { output in
      output.append("{\"id\":")
      id.append(to: &output, line: line)
      appendClassification(result, explain: explain, to: &output)
      output.append("}")
    }
  }
  return .success
}

/// `triage`: the panel view over all the feedback.
let triageCommand = CommandSpec(
  "triage",
  summary:
    "The panel view: complaints first, grouped by the aspect criticised, with the suggested follow-up; questions routed.",
  options: ClassifierOptions.feedbackInput + [.flag("--json", help: "Print the groups as JSON instead of text.")],
  positionals: [inputFile]
) { arguments in
  let (format, classifier) = try ClassifierOptions.inputAndClassifier(arguments)
  let intents = try IntentClassifier.bundled()
  var results: [TriageView.Entry] = []
  try FeedbackInputReader.forEach(in: arguments.positionals.first, format: format) { item in
    let result = classifier.classify(item.text)
    results.append(
      TriageView.Entry(item: item, result: result, intent: intents.intent(of: item.text, sentiment: result)))
  }
  let view = TriageView(results: results)
  Console.print(arguments.flag("--json") ? view.json() : view.text())
  return .success
}

/// `train`: a model from labelled lines, saved as JSON.
let trainCommand = CommandSpec(
  "train", summary: "Train a model on label<TAB>text lines and save it as JSON.",
  details: ["The data must hold at least two different labels; a model of one label could only ever answer it."],
  options: [
    ClassifierOptions.data, .value("--out", "MODEL.json", help: "Where to save the model.", required: true),
    .value("--kind", "logisticRegression|naiveBayes", help: "The model kind (logisticRegression by default)."),
  ]
) { arguments in
  let kind = try arguments.choice("--kind", as: TrainedSentimentModel.Kind.self) ?? .logisticRegression
  let out = try arguments.required("--out")
  let examples = try ClassifierOptions.readExamples(arguments)
  let labels = Set(examples.map(\.label))
  guard labels.count >= 2 else {
    throw SentimentError.insufficientData(
      examples.isEmpty
        ? "no training examples in the --data files"
        : "every training example is labelled \(labels.first!.rawValue); a model needs at least two labels")
  }
  let model = try TrainedSentimentModel.train(kind, on: examples)
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.sortedKeys]
  let data: Data
  switch model {
  case let model as NaiveBayesSentimentModel: data = try encoder.encode(model)
  case let model as LogisticRegressionSentimentModel: data = try encoder.encode(model)
  default: throw SentimentError.invalidModel("cannot save a model of kind \(kind.rawValue)")
  }
  try data.write(to: URL(fileURLWithPath: out))
  let evaluation = model.evaluate(on: examples)
  Console.print(
    "trained \(kind.rawValue) on \(examples.count) examples → \(TerminalText.escaped(out)) (\(data.count) bytes)",
    String(format: "training-set macro-F1 %.4f (optimistic; use evaluate on held-out data)", evaluation.macroF1))
  return .success
}

/// `evaluate`: accuracy, per-label metrics and the confusion matrix.
let evaluateCommand = CommandSpec(
  "evaluate", summary: "Accuracy, per-label precision/recall/F1, macro-F1 and the confusion matrix.",
  options: [ClassifierOptions.data, ClassifierOptions.model, ClassifierOptions.classifier, ClassifierOptions.threshold]
) { arguments in
  let examples = try ClassifierOptions.readExamples(arguments)
  guard !examples.isEmpty else {
    throw SentimentError.insufficientData("no examples to evaluate in the --data files")
  }
  let classifier = try ClassifierOptions.makeClassifier(arguments)
  Console.print(EvaluationReport.text(classifier.evaluate(on: examples), examples: examples.count))
  return .success
}

/// `report`: the per-language macro-F1 table of the documentation.
let reportCommand = CommandSpec(
  "report", summary: "Macro-F1 per language and classifier on a corpus' test splits.",
  details: [
    "Models are trained on all DIR/<lang>-train.tsv and measured on each DIR/<lang>-test.tsv; --cross-validate"
      + " adds the 5-fold cross-validation on the training splits used to choose the ensemble's model weight.",
    "--english DIR reports the lexicon and the default classifier on each DIR/<register>-dev.tsv of English"
      + " general text (tweets, reviews, editorial sentences), or on DIR/<register>-check.tsv with --check;"
      + " it needs no --corpus.",
    "--dev DIR reports the lexicon and the default classifier on the sentiment labels of DIR/{en,ms,lo}.tsv"
      + " (label<TAB>intent<TAB>aspects<TAB>text, the aspects development set); it needs no --corpus either.",
  ],
  options: [
    .value("--corpus", "DIR", help: "The corpus folder (required unless --english or --dev is given)."),
    .flag("--cross-validate", help: "Add the 5-fold cross-validation of the ensemble weight and of the fact factor."),
    .flag("--facts", help: "Print only the cross-validation of the fact factor (after the test-split table)."),
    .value(
      "--general", "DIR", help: "Add the cross-validation of the Malay/Indonesian model on the shared sets in DIR."),
    .value("--heldout", "DIR", help: "Add the default classifier's macro-F1 on the held-out set in DIR."),
    .value(
      "--dev", "DIR",
      help: "Add the default classifier's macro-F1 on the aspects development set in DIR (en, ms, lo files)."),
    .value("--english", "DIR", help: "Add macro-F1 per register on the English general-text set in DIR."),
    .flag("--check", help: "With --english, measure the check files instead of the dev files."),
  ]
) { arguments in
  let english = try arguments.value("--english").map {
    try EnglishReport.markdown(folder: $0, split: arguments.flag("--check") ? "check" : "dev")
  }
  let dev = try arguments.value("--dev").map {
    try HeldoutReport.markdown(
      folder: $0, languages: HeldoutReport.devLanguages, title: "the aspects development set")
  }
  guard let corpus = arguments.value("--corpus") else {
    let standalone = [english, dev].compactMap { $0 }
    guard !standalone.isEmpty else { throw UsageError("--corpus is required unless --english or --dev is given") }
    Console.print(standalone.joined(separator: "\n\n"))
    return .success
  }
  Console.print(try CorpusReport.markdown(corpus: corpus))
  if arguments.flag("--cross-validate") {
    Console.print("", try CorpusReport.weightSearch(corpus: corpus))
    Console.print("", try CorpusReport.languageWeightSearch(corpus: corpus, dev: arguments.value("--dev")))
    Console.print("", try CorpusReport.factSearch(corpus: corpus, dev: arguments.value("--dev")))
  }
  if arguments.flag("--facts") {
    Console.print(try CorpusReport.factSearch(corpus: corpus, dev: arguments.value("--dev")))
    return .success
  }
  if let shared = arguments.value("--general") {
    Console.print("", try GeneralReport.markdown(shared: shared, corpus: corpus, formalWeights: [0.5, 0.6, 0.7]))
  }
  if let english { Console.print("", english) }
  if let dev { Console.print("", dev) }
  if let heldout = arguments.value("--heldout") {
    Console.print("", try HeldoutReport.markdown(folder: heldout))
  }
  return .success
}

/// The fields after the id of a `classify` line, written byte by byte: `,"label":…` through the aspects (and
/// the explanation with `--explain`), in the order and with the escaping of ``JSONText``.
private func appendClassification(_ result: SentimentResult, explain: Bool, to output: inout JSONLineBytes) {
  output.append(",\"label\":")
  output.append(quoted: result.label.rawValue)
  output.append(",\"score\":")
  output.append(fourDecimals: result.score)
  output.append(",\"confidence\":")
  output.append(fourDecimals: result.confidence)
  output.append(",\"language\":")
  output.append(quoted: result.language.rawValue)
  appendObjects(",\"aspects\":[", result.aspects, keys: ("{\"aspect\":", ",\"label\":", ",\"score\":"), to: &output) {
    ($0.aspect.rawValue, $0.label.rawValue, $0.score)
  }
  guard explain else { return }
  appendObjects(
    ",\"explanation\":[", result.explanation, keys: ("{\"token\":", ",\"rule\":", ",\"amount\":"), to: &output
  ) { ($0.token, $0.rule.rawValue, $0.amount) }
}

/// Appends `opening` (`,"key":[`), then one object per element — two strings and a number under `keys` (each
/// key with the punctuation before it) — and `]`.
private func appendObjects<Element>(
  _ opening: StaticString, _ elements: [Element], keys: (StaticString, StaticString, StaticString),
  to output: inout JSONLineBytes, _ values: (Element) -> (String, String, Double)
) {
  output.append(opening)
  for (index, element) in elements.enumerated() {
    let (first, second, number) = values(element)
    if index > 0 { output.append(",") }
    output.append(keys.0)
    output.append(quoted: first)
    output.append(keys.1)
    output.append(quoted: second)
    output.append(keys.2)
    output.append(fourDecimals: number)
    output.append("}")
  }
  output.append("]")
}
