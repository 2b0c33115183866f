import FeedbackSentiment
import Foundation
import Testing

@Suite("Evaluation")
struct EvaluationTests {
  // actual:    neg neg neu pos pos pos
  // predicted: neg neu neu pos pos neg
  let evaluation = SentimentEvaluation(
    actual: [.negative, .negative, .neutral, .positive, .positive, .positive],
    predicted: [.negative, .neutral, .neutral, .positive, .positive, .negative])

  @Test("accuracy is the share of correct labels")
  func accuracy() {
    #expect(abs(evaluation.accuracy - 4.0 / 6.0) < 1e-12)
  }

  @Test("per-label precision, recall and F1 follow their definitions")
  func perClass() {
    // negative: TP 1, predicted 2, support 2 → P 1/2, R 1/2, F1 1/2.
    #expect(evaluation[.negative].precision == 0.5 && evaluation[.negative].recall == 0.5)
    #expect(abs(evaluation[.negative].f1 - 0.5) < 1e-12)
    // neutral: TP 1, predicted 2, support 1 → P 1/2, R 1, F1 2/3.
    #expect(abs(evaluation[.neutral].f1 - 2.0 / 3.0) < 1e-12)
    // positive: TP 2, predicted 2, support 3 → P 1, R 2/3, F1 0.8.
    #expect(evaluation[.positive].precision == 1 && abs(evaluation[.positive].f1 - 0.8) < 1e-12)
    #expect(evaluation[.positive].support == 3)
  }

  @Test("macro-F1 is the unweighted mean of the labels' F1")
  func macroF1() {
    #expect(abs(evaluation.macroF1 - (0.5 + 2.0 / 3.0 + 0.8) / 3) < 1e-12)
  }

  @Test("the confusion matrix counts actual × predicted")
  func confusion() {
    #expect(evaluation.confusion[actual: .positive, predicted: .negative] == 1)
    #expect(evaluation.confusion[actual: .negative, predicted: .neutral] == 1)
    #expect(evaluation.confusion[actual: .positive, predicted: .positive] == 2)
    #expect(evaluation.confusion.total == 6)
  }

  @Test("an evaluation round-trips through JSON and a bad matrix is rejected")
  func codable() throws {
    let data = try JSONEncoder().encode(evaluation)
    #expect(try JSONDecoder().decode(SentimentEvaluation.self, from: data) == evaluation)
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(ConfusionMatrix.self, from: Data(#"{"counts":[[1,2],[3]]}"#.utf8))
    }
  }

  @Test("cross-validation folds are stratified, disjoint and reproducible")
  func folds() {
    let examples = SyntheticCorpus.examples(seed: 5, count: 31)
    let folds = CrossValidation.foldAssignment(examples: examples, folds: 5, seed: 9)
    #expect(folds == CrossValidation.foldAssignment(examples: examples, folds: 5, seed: 9))
    for label in SentimentLabel.allCases {
      let sizes = (0..<5).map { fold in
        examples.indices.filter { folds[$0] == fold && examples[$0].label == label }.count
      }
      #expect(sizes.max()! - sizes.min()! <= 1)
    }
    #expect(Set(folds) == Set(0..<5))
  }

  @Test("cross-validation trains k times on k−1 folds and pools every held-out prediction")
  func crossValidation() throws {
    let examples = SyntheticCorpus.examples(seed: 6, count: 60)
    var trainingSizes: [Int] = []
    let result = try CrossValidation.run(folds: 4, examples: examples) { training in
      trainingSizes.append(training.count)
      return try NaiveBayesSentimentModel.train(on: training)
    }
    #expect(trainingSizes == [45, 45, 45, 45])
    #expect(result.folds.count == 4 && result.pooled.confusion.total == 60)
    #expect(result.meanMacroF1 > 0.9)
  }

  @Test("cross-validation refuses fewer examples than folds")
  func tooFewExamples() {
    #expect(throws: SentimentError.self) {
      try CrossValidation.run(folds: 5, examples: SyntheticCorpus.examples(seed: 1, count: 3)) { _ in bundledClassifier
      }
    }
  }
}
