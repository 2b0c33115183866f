import Foundation

/// Loads a saved model of either kind, telling them apart by the JSON `kind` field.
public enum TrainedSentimentModel {
  /// Which model a file holds.
  public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
    /// ``NaiveBayesSentimentModel`` (`"naiveBayes"`).
    case naiveBayes
    /// ``LogisticRegressionSentimentModel`` (`"logisticRegression"`).
    case logisticRegression
  }

  private struct KindProbe: Decodable {
    var kind: String
  }

  /// Decodes a model saved with `JSONEncoder`.
  ///
  /// - Parameter data: The JSON.
  /// - Returns: The model.
  /// - Throws: ``SentimentError`` with ``SentimentError/Code/invalidModel`` for unknown kinds or inconsistent
  ///   contents; `DecodingError` for JSON of the wrong shape.
  public static func decode(_ data: Data) throws -> any ProbabilisticSentimentModel {
    // A naive Bayes file as JSONEncoder writes it is read without JSONDecoder (a tenth of the time); anything
    // else, including every file with an error, takes the decoder's path below and gets its errors.
    if let json = ModelJSONReader.parse(data), let model = try? NaiveBayesSentimentModel(modelJSON: json) {
      return model
    }
    let probe = try JSONDecoder().decode(KindProbe.self, from: data)
    switch Kind(rawValue: probe.kind) {
    case .naiveBayes?: return try JSONDecoder().decode(NaiveBayesSentimentModel.self, from: data)
    case .logisticRegression?: return try JSONDecoder().decode(LogisticRegressionSentimentModel.self, from: data)
    case nil: throw SentimentError.invalidModel("unknown model kind '\(probe.kind)'")
    }
  }

  /// Trains a model of the given kind with its default options.
  ///
  /// - Parameters:
  ///   - kind: Which model.
  ///   - examples: Labelled texts.
  /// - Returns: The trained model.
  /// - Throws: ``SentimentError`` when `examples` is empty.
  public static func train(_ kind: Kind, on examples: [LabeledExample]) throws -> any ProbabilisticSentimentModel {
    switch kind {
    case .naiveBayes: return try NaiveBayesSentimentModel.train(on: examples)
    case .logisticRegression: return try LogisticRegressionSentimentModel.train(on: examples)
    }
  }
}
