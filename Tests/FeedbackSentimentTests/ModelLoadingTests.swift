import FeedbackSentiment
import Foundation
import Testing

/// Saved models edited the way a damaged or hostile file would be: every case must be a typed error on load.
@Suite("Loading saved models")
struct ModelLoadingTests {
  static let examples = SyntheticCorpus.examples(seed: 7, count: 30)

  /// A trained model's JSON as a dictionary, changed by `edit`, then loaded through the public entry point.
  func load(_ model: some Encodable, _ edit: (inout [String: Any]) -> Void) throws -> any ProbabilisticSentimentModel {
    var object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(model)) as? [String: Any])
    edit(&object)
    return try TrainedSentimentModel.decode(try JSONSerialization.data(withJSONObject: object))
  }

  func expectInvalidModel(_ model: some Encodable, _ edit: (inout [String: Any]) -> Void) {
    #expect {
      _ = try load(model, edit)
    } throws: { error in
      (error as? SentimentError)?.code == .invalidModel
    }
  }

  @Test("an untouched saved model of either kind loads and classifies as before")
  func untouchedModelsLoad() throws {
    let bayes = try NaiveBayesSentimentModel.train(on: Self.examples)
    let logistic = try LogisticRegressionSentimentModel.train(on: Self.examples)
    let text = "the panel is zappy"
    #expect(try load(bayes) { _ in }.classify(text) == bayes.classify(text))
    #expect(try load(logistic) { _ in }.classify(text) == logistic.classify(text))
  }

  @Test("a naive Bayes model with document counts near Int.max is an invalid model, not a trap")
  func hugeDocumentCounts() throws {
    let model = try NaiveBayesSentimentModel.train(on: Self.examples)
    expectInvalidModel(model) { $0["documentCounts"] = [Int.max, Int.max, 1] }
    expectInvalidModel(model) { $0["documentCounts"] = [1 << 60, 1, 1] }
    expectInvalidModel(model) { $0["documentCounts"] = [-1, 5, 5] }
  }

  @Test("a naive Bayes feature counted more often than its label has texts, or by 1e308, is an invalid model")
  func impossibleFeatureCounts() throws {
    let model = try NaiveBayesSentimentModel.train(on: Self.examples)
    for value in [1e308, 11.0] {  // each label has 10 texts
      expectInvalidModel(model) { object in
        var table = object["featureCounts"] as! [String: Any]
        var values = table["values"] as! [[Double]]
        values[0][0] = value
        table["values"] = values
        object["featureCounts"] = table
      }
    }
  }

  @Test("a naive Bayes smoothing of 1e308 or 0 is an invalid model")
  func absurdSmoothing() throws {
    let model = try NaiveBayesSentimentModel.train(on: Self.examples)
    expectInvalidModel(model) { $0["smoothing"] = 1e308 }
    expectInvalidModel(model) { $0["smoothing"] = 0 }
  }

  @Test("logistic weights or biases of 1e308 are an invalid model instead of scores that are not numbers")
  func hugeWeights() throws {
    let model = try LogisticRegressionSentimentModel.train(on: Self.examples)
    expectInvalidModel(model) { object in
      var table = object["weights"] as! [String: Any]
      var values = table["values"] as! [[Double]]
      values[2] = values[2].map { _ in 1e308 }
      table["values"] = values
      object["weights"] = table
    }
    expectInvalidModel(model) { $0["biases"] = [1e308, 0, -1e308] }
    expectInvalidModel(model) { $0["biases"] = [0, 0] }
  }

  @Test(
    "per-label arrays whose sizes do not match the vocabulary are an invalid model", arguments: ["bayes", "logistic"])
  func mismatchedVocabularySizes(kind: String) throws {
    let key = kind == "bayes" ? "featureCounts" : "weights"
    let edit = { (object: inout [String: Any]) in
      var table = object[key] as! [String: Any]
      var values = table["values"] as! [[Double]]
      values[1].removeLast()
      table["values"] = values
      object[key] = table
    }
    if kind == "bayes" {
      expectInvalidModel(try NaiveBayesSentimentModel.train(on: Self.examples), edit)
    } else {
      expectInvalidModel(try LogisticRegressionSentimentModel.train(on: Self.examples), edit)
    }
  }
}
