import CommandLineSupport
import FeedbackSentiment
import Foundation

/// The options shared by the commands that classify, and what they build.
enum ClassifierOptions {
  static let model = OptionSpec.value(
    "--model", "MODEL.json", help: "A model saved by 'train'; classification becomes lexicon + model ensemble.")
  static let classifier = OptionSpec.value(
    "--classifier", "lexicon|model|ensemble", help: "Which classifier to use (ensemble by default).")
  static let threshold = OptionSpec.value(
    "--threshold", "T", help: "The lexicon classifier's neutral band, 0...1 (default 0.2).")
  static let format = OptionSpec.value("--format", "jsonl|csv", help: "The input format (jsonl by default).")
  static let data = OptionSpec.value(
    "--data", "FILE", help: "Labelled label<TAB>text lines.", required: true, repeatable: true)

  /// The options of the commands that classify feedback input (classify, triage).
  static let feedbackInput = [format, model, classifier, threshold]

  /// The input format and the classifier that classify and triage read.
  static func inputAndClassifier(_ arguments: ParsedArguments) throws -> (InputFormat, any SentimentClassifier) {
    (try arguments.choice("--format", as: InputFormat.self) ?? .jsonl, try makeClassifier(arguments))
  }

  /// The classifier the arguments ask for: lexicon + model ensemble with `--model`, otherwise the default one.
  static func makeClassifier(_ arguments: ParsedArguments) throws -> any SentimentClassifier {
    let threshold = try arguments.number("--threshold", in: 0...1)
    // Built only when asked for: the default classifier builds its own, and building one costs a fair share of
    // the start-up time.
    func lexicon() throws -> LexiconSentimentClassifier {
      guard let threshold else { return try LexiconSentimentClassifier.bundled() }
      return LexiconSentimentClassifier(lexicons: try SentimentLexicon.allBundled(), neutralThreshold: threshold)
    }
    let model = try loadModel(arguments.value("--model"))
    switch arguments.value("--classifier") {
    case nil, "ensemble":
      guard let model else {
        return try threshold.map(DefaultSentimentClassifier.make(neutralThreshold:))
          ?? DefaultSentimentClassifier.make()
      }
      return EnsembleSentimentClassifier(lexicon: try lexicon(), model: model)
    case "lexicon": return try lexicon()
    case "model":
      guard let model else { throw UsageError("--classifier model needs --model") }
      return model
    case let other?:
      throw ParsedArguments.badValue(other, for: "--classifier", expected: "one of lexicon|model|ensemble")
    }
  }

  /// Loads a saved model; a file that does not decode or describes an invalid model names the file.
  static func loadModel(_ path: String?) throws -> (any ProbabilisticSentimentModel)? {
    guard let path else { return nil }
    let data = try readFile(path, what: "model")
    do {
      return try TrainedSentimentModel.decode(data)
    } catch let error as DecodingError {
      throw DecodingIssue(error).inFile(path)
    } catch let error as SentimentError {
      throw error.adding(ErrorContextKey.file, path)
    } catch let error as any SupportKitError {
      throw error
    } catch {
      throw DecodingIssue(code: .malformed, path: "", message: "not valid JSON").inFile(path)
    }
  }

  /// The labelled examples of every `--data` file.
  static func readExamples(_ arguments: ParsedArguments) throws -> [LabeledExample] {
    var examples: [LabeledExample] = []
    for file in arguments.all("--data") {
      examples += try LabeledExample.parseTSV(
        String(decoding: try readFile(file, what: "data"), as: UTF8.self), source: file)
    }
    return examples
  }

  /// A file named on the command line, or an error naming it.
  static func readFile(_ path: String, what: String) throws -> Data {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw DecodingIssue(code: .malformed, path: "", message: "cannot read the \(what) file").inFile(path)
    }
    return data
  }
}
