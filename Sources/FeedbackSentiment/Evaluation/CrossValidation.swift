import Foundation

/// The outcome of k-fold cross-validation.
public struct CrossValidationResult: Sendable, Hashable, Codable {
  /// One evaluation per fold, in fold order.
  public var folds: [SentimentEvaluation]
  /// The evaluation of all held-out predictions pooled together.
  public var pooled: SentimentEvaluation

  /// Mean of the folds' macro-F1.
  public var meanMacroF1: Double { folds.isEmpty ? 0 : folds.reduce(0) { $0 + $1.macroF1 } / Double(folds.count) }

  /// Sample standard deviation of the folds' macro-F1 (0 for fewer than two folds).
  public var macroF1StandardDeviation: Double {
    guard folds.count > 1 else { return 0 }
    let mean = meanMacroF1
    let squares = folds.reduce(0) { $0 + ($1.macroF1 - mean) * ($1.macroF1 - mean) }
    return (squares / Double(folds.count - 1)).squareRoot()
  }
}

/// k-fold cross-validation: shuffle with a seed, stratify by label, train on k−1 folds, test on the one left out.
public enum CrossValidation {
  /// Runs k-fold cross-validation.
  ///
  /// - Parameters:
  ///   - folds: k, at least 2.
  ///   - examples: All labelled texts; each label's texts are dealt round-robin to the folds after shuffling.
  ///   - seed: The shuffle seed (same seed, same folds).
  ///   - train: Builds a classifier from the training part of a fold.
  /// - Returns: Per-fold and pooled evaluations.
  /// - Throws: ``SentimentError`` with ``SentimentError/Code/insufficientData`` when there are fewer examples
  ///   than folds or `folds < 2`; rethrows what `train` throws.
  /// - Complexity: k trainings plus one classification per example.
  public static func run(
    folds: Int,
    examples: [LabeledExample],
    seed: UInt64 = 7,
    train: ([LabeledExample]) throws -> any SentimentClassifier
  ) throws -> CrossValidationResult {
    guard folds >= 2 else { throw SentimentError.insufficientData("cross-validation needs at least 2 folds") }
    guard examples.count >= folds else {
      throw SentimentError.insufficientData("\(examples.count) examples cannot fill \(folds) folds")
    }
    let assignment = foldAssignment(examples: examples, folds: folds, seed: seed)
    var evaluations: [SentimentEvaluation] = []
    var pooled = ConfusionMatrix()
    for fold in 0..<folds {
      let training = examples.indices.filter { assignment[$0] != fold }.map { examples[$0] }
      let held = examples.indices.filter { assignment[$0] == fold }.map { examples[$0] }
      let classifier = try train(training)
      var matrix = ConfusionMatrix()
      for example in held {
        let predicted = classifier.classify(example.text).label
        matrix.record(actual: example.label, predicted: predicted)
        pooled.record(actual: example.label, predicted: predicted)
      }
      evaluations.append(SentimentEvaluation(confusion: matrix))
    }
    return CrossValidationResult(folds: evaluations, pooled: SentimentEvaluation(confusion: pooled))
  }

  /// The fold (0..<folds) of every example: stratified by label, shuffled with the seed.
  ///
  /// - Parameters:
  ///   - examples: The examples.
  ///   - folds: k.
  ///   - seed: The shuffle seed.
  /// - Returns: One fold number per example.
  public static func foldAssignment(examples: [LabeledExample], folds: Int, seed: UInt64) -> [Int] {
    var generator = SplitMix64(seed: seed)
    var assignment = [Int](repeating: 0, count: examples.count)
    var next = 0
    for label in SentimentLabel.allCases {
      var members = examples.indices.filter { examples[$0].label == label }
      members.shuffle(using: &generator)
      for member in members {
        assignment[member] = next % max(folds, 1)
        next += 1
      }
    }
    return assignment
  }
}
