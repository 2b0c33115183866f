import CommandLineSupport
import FeedbackSentiment
import Foundation

/// How the bundled Malay/Indonesian general model `sentiment-model-ms.json` and its gate `sentiment-gate-ms.json`
/// are trained (see the module's article "Measured accuracy", where the 5-fold cross-validation behind each
/// constant is reported): naive Bayes over word unigrams and bigrams on the shared public sets (the Malay news
/// counted three times, so that the smaller set is not drowned by the Indonesian reviews), and a gate that
/// tells the team's Malay/Indonesian hosting lines from that general text, leaning towards hosting feedback.
/// Character n-grams (2–4 and 3–5) were measured too and did worse on every set.
enum MalayModelRecipe {
  /// How many times the Malay news lines count.
  static let newsRepeats = 3
  /// The model's features.
  static let options = SentimentFeatureOptions(wordNGrams: 2, bucketCount: 1 << 16)
  /// The gate's features (fewer buckets, 2¹⁴, misrouted hosting lines in cross-validation).
  static let gateOptions = SentimentFeatureOptions.words
  /// Naive Bayes smoothing.
  static let smoothing = 0.5
  /// The gate's probability of hosting feedback before reading a text.
  static let gatePrior = 0.97
  /// The gate's sharpness (1: the model's own probabilities).
  static let gateSharpness = 1.0

  /// The general model from labelled lines.
  static func train(on examples: [LabeledExample]) throws -> NaiveBayesSentimentModel {
    try NaiveBayesSentimentModel.train(on: examples, options: options, smoothing: smoothing)
  }
}

extension MalayModelRecipe {
  /// The general model and the gate of the bundle, trained on every line of the shared sets and on the corpus'
  /// Malay/Indonesian training split (never on a test or held-out line).
  static func bundle(shared: String, corpus: String) throws -> (model: NaiveBayesSentimentModel, gate: DomainGate) {
    let targets = try GeneralReport.targets(shared: shared, corpus: corpus)
    var general: [LabeledExample] = targets[0].examples
    for _ in 0..<newsRepeats { general += targets[1].examples }
    let model = try train(on: general)
    let gate = try DomainGate.train(
      inDomain: targets[2].examples.map(\.text), outOfDomain: general.map(\.text), options: gateOptions,
      sharpness: gateSharpness,
      prior: gatePrior)
    return (model, gate)
  }
}

/// `train-ms`: the bundled Malay/Indonesian model and gate, reproducibly.
let trainMalayCommand = CommandSpec(
  "train-ms", summary: "Train the bundled Malay/Indonesian general model and its domain gate (JSON files).",
  details: [
    "Reads DIR/id-smsa-train.tsv and DIR/ms-news-train.tsv (the shared public sets) and CORPUS/ms-train.tsv;"
      + " writes OUT/sentiment-model-ms.json and OUT/sentiment-gate-ms.json."
  ],
  options: [
    .value("--shared", "DIR", help: "The folder of the public sets.", required: true),
    .value("--corpus", "CORPUS", help: "The corpus folder.", required: true),
    .value("--out", "OUT", help: "Where to write the two files.", required: true),
  ]
) { arguments in
  let (model, gate) = try MalayModelRecipe.bundle(
    shared: try arguments.required("--shared"), corpus: try arguments.required("--corpus"))
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.sortedKeys]
  let out = try arguments.required("--out")
  try encoder.encode(model).write(to: URL(fileURLWithPath: "\(out)/sentiment-model-ms.json"))
  try encoder.encode(gate).write(to: URL(fileURLWithPath: "\(out)/sentiment-gate-ms.json"))
  Console.print("wrote \(TerminalText.escaped(out))/sentiment-model-ms.json and sentiment-gate-ms.json")
  return .success
}
