import FeedbackSentiment
import Foundation

struct UsageError: Error {
  var message: String
}

/// The options every command shares; each command checks the ones it needs.
struct CommandOptions {
  var inputFile: String?
  var format: InputFormat = .jsonl
  var modelFile: String?
  var explain = false
  var json = false
  var dataFiles: [String] = []
  var outFile: String?
  var kind: TrainedSentimentModel.Kind = .logisticRegression
  var classifier: String?
  var corpus: String?
  var threshold: Double?
  var crossValidate = false

  static func parse(_ arguments: [String]) throws -> CommandOptions {
    var options = CommandOptions()
    var iterator = arguments.makeIterator()
    func value(_ flag: String) throws -> String {
      guard let value = iterator.next() else { throw UsageError(message: "\(flag) needs a value") }
      return value
    }
    while let argument = iterator.next() {
      switch argument {
      case "--format":
        let name = try value(argument)
        guard let format = InputFormat(rawValue: name) else { throw UsageError(message: "unknown format '\(name)'") }
        options.format = format
      case "--model": options.modelFile = try value(argument)
      case "--explain": options.explain = true
      case "--cross-validate": options.crossValidate = true
      case "--json": options.json = true
      case "--data": options.dataFiles.append(try value(argument))
      case "--out": options.outFile = try value(argument)
      case "--kind":
        let name = try value(argument)
        guard let kind = TrainedSentimentModel.Kind(rawValue: name) else {
          throw UsageError(message: "unknown model kind '\(name)'")
        }
        options.kind = kind
      case "--classifier": options.classifier = try value(argument)
      case "--corpus": options.corpus = try value(argument)
      case "--threshold":
        guard let threshold = Double(try value(argument)), (0...1).contains(threshold) else {
          throw UsageError(message: "--threshold needs a number in 0...1")
        }
        options.threshold = threshold
      default:
        guard !argument.hasPrefix("-"), options.inputFile == nil else {
          throw UsageError(message: "unexpected argument '\(argument)'")
        }
        options.inputFile = argument
      }
    }
    return options
  }

  /// The input text: the file, or standard input.
  func readInput() throws -> String {
    if let inputFile {
      guard let data = FileManager.default.contents(atPath: inputFile) else {
        throw UsageError(message: "cannot read \(inputFile)")
      }
      return String(decoding: data, as: UTF8.self)
    }
    return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
  }

  func loadModel() throws -> (any ProbabilisticSentimentModel)? {
    guard let modelFile else { return nil }
    guard let data = FileManager.default.contents(atPath: modelFile) else {
      throw UsageError(message: "cannot read model \(modelFile)")
    }
    return try TrainedSentimentModel.decode(data)
  }

  /// The classifier: lexicon + model ensemble with `--model`, otherwise the default one.
  func makeClassifier() throws -> any SentimentClassifier {
    var lexicon = try LexiconSentimentClassifier.bundled()
    if let threshold {
      lexicon = LexiconSentimentClassifier(lexicons: lexicon.lexicons, neutralThreshold: threshold)
    }
    let model = try loadModel()
    switch classifier {
    case nil, "ensemble":
      guard let model else { return try DefaultSentimentClassifier.make() }
      return EnsembleSentimentClassifier(lexicon: lexicon, model: model)
    case "lexicon": return lexicon
    case "model":
      guard let model else { throw UsageError(message: "--classifier model needs --model") }
      return model
    case let other?: throw UsageError(message: "unknown classifier '\(other)'")
    }
  }

  func readExamples() throws -> [LabeledExample] {
    guard !dataFiles.isEmpty else { throw UsageError(message: "--data FILE is required") }
    var examples: [LabeledExample] = []
    for file in dataFiles {
      guard let data = FileManager.default.contents(atPath: file) else {
        throw UsageError(message: "cannot read \(file)")
      }
      examples += try LabeledExample.parseTSV(String(decoding: data, as: UTF8.self), source: file)
    }
    return examples
  }
}
