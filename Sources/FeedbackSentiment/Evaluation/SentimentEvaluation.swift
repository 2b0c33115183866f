import Foundation

/// Counts of (actual label, predicted label) pairs.
public struct ConfusionMatrix: Sendable, Hashable, Codable {
  /// `counts[actual.index][predicted.index]`, rows and columns in `SentimentLabel.allCases` order.
  public private(set) var counts: [[Int]] = Array(repeating: [0, 0, 0], count: 3)

  /// An empty matrix.
  public init() {}

  /// Records one prediction.
  ///
  /// - Parameters:
  ///   - actual: The correct label.
  ///   - predicted: The classifier's label.
  public mutating func record(actual: SentimentLabel, predicted: SentimentLabel) {
    counts[actual.index][predicted.index] += 1
  }

  /// How many texts labelled `actual` were predicted as `predicted`.
  ///
  /// - Parameters:
  ///   - actual: The correct label.
  ///   - predicted: The predicted label.
  public subscript(actual actual: SentimentLabel, predicted predicted: SentimentLabel) -> Int {
    counts[actual.index][predicted.index]
  }

  /// The number of predictions recorded.
  public var total: Int { counts.joined().reduce(0, +) }

  /// Decodes and checks a 3×3 matrix of non-negative counts.
  ///
  /// - Parameter decoder: The decoder.
  /// - Throws: `DecodingError.dataCorrupted` when the shape or a count is invalid.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let counts = try container.decode([[Int]].self, forKey: .counts)
    guard counts.count == 3, counts.allSatisfy({ $0.count == 3 && $0.allSatisfy { $0 >= 0 } }) else {
      throw DecodingError.dataCorruptedError(
        forKey: .counts, in: container, debugDescription: "expected 3×3 non-negative counts")
    }
    self.counts = counts
  }

  private enum CodingKeys: String, CodingKey { case counts }
}

/// Precision, recall and F1 of one label.
public struct ClassMetrics: Sendable, Hashable, Codable {
  /// The label.
  public var label: SentimentLabel
  /// Of the texts predicted as the label, the share that had it (0 when none was predicted).
  public var precision: Double
  /// Of the texts that had the label, the share predicted as it (0 when none had it).
  public var recall: Double
  /// Harmonic mean of precision and recall (0 when both are 0).
  public var f1: Double
  /// How many texts had the label.
  public var support: Int
}

/// How well a classifier did on labelled texts.
public struct SentimentEvaluation: Sendable, Hashable, Codable {
  /// Share of texts labelled correctly.
  public var accuracy: Double
  /// Unweighted mean of the F1 of the labels that occur (in the data or in the predictions).
  public var macroF1: Double
  /// One entry per label, in `SentimentLabel.allCases` order.
  public var perClass: [ClassMetrics]
  /// Actual × predicted counts.
  public var confusion: ConfusionMatrix

  /// Computes the metrics from a filled confusion matrix.
  ///
  /// - Parameter confusion: The matrix.
  public init(confusion: ConfusionMatrix) {
    self.confusion = confusion
    let total = confusion.total
    let correct = SentimentLabel.allCases.reduce(0) { $0 + confusion[actual: $1, predicted: $1] }
    accuracy = total == 0 ? 0 : Double(correct) / Double(total)
    let metrics = SentimentLabel.allCases.map { label in
      let truePositives = Double(confusion[actual: label, predicted: label])
      let predicted = SentimentLabel.allCases.reduce(0) { $0 + confusion[actual: $1, predicted: label] }
      let support = SentimentLabel.allCases.reduce(0) { $0 + confusion[actual: label, predicted: $1] }
      let precision = predicted == 0 ? 0 : truePositives / Double(predicted)
      let recall = support == 0 ? 0 : truePositives / Double(support)
      let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
      return ClassMetrics(label: label, precision: precision, recall: recall, f1: f1, support: support)
    }
    perClass = metrics
    let present = SentimentLabel.allCases.filter { label in
      metrics[label.index].support > 0
        || SentimentLabel.allCases.contains { confusion[actual: $0, predicted: label] > 0 }
    }
    macroF1 = present.isEmpty ? 0 : present.reduce(0) { $0 + metrics[$1.index].f1 } / Double(present.count)
  }

  /// Compares predictions with the truth.
  ///
  /// - Parameters:
  ///   - actual: The correct labels.
  ///   - predicted: The predictions, same length (extra entries of the longer array are ignored).
  public init(actual: [SentimentLabel], predicted: [SentimentLabel]) {
    var matrix = ConfusionMatrix()
    for (truth, guess) in zip(actual, predicted) { matrix.record(actual: truth, predicted: guess) }
    self.init(confusion: matrix)
  }

  /// The metrics of one label.
  ///
  /// - Parameter label: The label.
  public subscript(label: SentimentLabel) -> ClassMetrics { perClass[label.index] }
}

extension SentimentClassifier {
  /// Classifies every example and compares with its label.
  ///
  /// - Parameter examples: Labelled texts.
  /// - Returns: Accuracy, per-label precision/recall/F1, macro-F1 and the confusion matrix.
  /// - Complexity: O(total length of the texts).
  public func evaluate(on examples: [LabeledExample]) -> SentimentEvaluation {
    SentimentEvaluation(actual: examples.map(\.label), predicted: examples.map { classify($0.text).label })
  }
}
