import CommandLineSupport
import FeedbackSentiment
import Foundation

/// How the bundled Malay/Indonesian models are trained (see the module's article "Measured accuracy", where the
/// 5-fold cross-validation behind each constant is reported): `sentiment-model-ms.json`, naive Bayes over word
/// unigrams and bigrams on the Indonesian reviews and comments; `sentiment-formal-ms.json`, the same learner on
/// the Malay news sentences alone (formal text, labelled positive or negative only); and
/// `sentiment-gate-ms.json`, a gate that tells the team's Malay/Indonesian hosting lines, reviews and news apart,
/// leaning towards hosting feedback. Character n-grams (2–4 and 3–5) were measured too and did worse on every set.
enum MalayModelRecipe {
  /// The model's features.
  static let options = SentimentFeatureOptions(wordNGrams: 2, bucketCount: 1 << 16)
  /// The gate's features (fewer buckets, 2¹⁴, misrouted hosting lines in cross-validation).
  static let gateOptions = SentimentFeatureOptions.words
  /// Naive Bayes smoothing of the model of reviews.
  static let smoothing = 0.5
  /// Naive Bayes smoothing of the model of news (0.25 did best in cross-validation on the news lines).
  static let formalSmoothing = 0.25
  /// The gate's probability of hosting feedback before reading a text.
  static let gatePrior = 0.97
  /// The gate's sharpness (1: the model's own probabilities).
  static let gateSharpness = 1.0

  /// The model of reviews and comments from labelled lines.
  static func train(on examples: [LabeledExample]) throws -> NaiveBayesSentimentModel {
    try NaiveBayesSentimentModel.train(on: examples, options: options, smoothing: smoothing)
  }

  /// The model of formal text (news) from labelled lines; its features are the general model's, so an ensemble
  /// extracts them once for both.
  static func trainFormal(on examples: [LabeledExample]) throws -> NaiveBayesSentimentModel {
    try NaiveBayesSentimentModel.train(on: examples, options: options, smoothing: formalSmoothing)
  }

  /// The three-register gate: hosting lines against reviews and news.
  static func gate(hosting: [LabeledExample], reviews: [LabeledExample], news: [LabeledExample]) throws
    -> DomainGate
  {
    try DomainGate.train(
      inDomain: hosting.map(\.text), outOfDomain: reviews.map(\.text), formal: news.map(\.text), options: gateOptions,
      sharpness: gateSharpness, prior: gatePrior)
  }
}

extension MalayModelRecipe {
  /// The bundled models and gate, trained on every line of the shared sets and on the corpus' Malay/Indonesian
  /// training split (never on a test or held-out line).
  static func bundle(shared: String, corpus: String) throws -> (
    model: NaiveBayesSentimentModel, formal: NaiveBayesSentimentModel, gate: DomainGate
  ) {
    let targets = try GeneralReport.targets(shared: shared, corpus: corpus)
    return (
      try train(on: targets[0].examples), try trainFormal(on: targets[1].examples),
      try gate(hosting: targets[2].examples, reviews: targets[0].examples, news: targets[1].examples)
    )
  }
}

/// `train-ms`: the bundled Malay/Indonesian models and gate, reproducibly.
let trainMalayCommand = CommandSpec(
  "train-ms", summary: "Train the bundled Malay/Indonesian general models and their domain gate (JSON files).",
  details: [
    "Reads DIR/id-smsa-train.tsv and DIR/ms-news-train.tsv (the shared public sets) and CORPUS/ms-train.tsv;"
      + " writes OUT/sentiment-model-ms.json, OUT/sentiment-formal-ms.json and OUT/sentiment-gate-ms.json."
  ],
  options: [
    .value("--shared", "DIR", help: "The folder of the public sets.", required: true),
    .value("--corpus", "CORPUS", help: "The corpus folder.", required: true),
    .value("--out", "OUT", help: "Where to write the three files.", required: true),
  ]
) { arguments in
  let (model, formal, gate) = try MalayModelRecipe.bundle(
    shared: try arguments.required("--shared"), corpus: try arguments.required("--corpus"))
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.sortedKeys]
  let out = try arguments.required("--out")
  try encoder.encode(model).write(to: URL(fileURLWithPath: "\(out)/sentiment-model-ms.json"))
  try encoder.encode(formal).write(to: URL(fileURLWithPath: "\(out)/sentiment-formal-ms.json"))
  try encoder.encode(gate).write(to: URL(fileURLWithPath: "\(out)/sentiment-gate-ms.json"))
  Console.print(
    "wrote \(TerminalText.escaped(out))/sentiment-model-ms.json, sentiment-formal-ms.json and sentiment-gate-ms.json")
  return .success
}
