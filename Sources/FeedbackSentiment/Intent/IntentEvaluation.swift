import Foundation

/// How well intents were told: accuracy, macro-F1 over the intents that occur, and precision and recall per
/// intent.
public struct IntentEvaluation: Sendable, Hashable, Codable {
  /// Share of texts given the right intent.
  public var accuracy: Double
  /// Mean F1 over the intents expected or predicted at least once.
  public var macroF1: Double
  /// Precision and recall per intent (every intent, zero counts where absent).
  public var perIntent: [FeedbackIntent: DetectionMetrics]

  /// Compares expected and predicted intents.
  /// - Parameters:
  ///   - actual: The annotated intents.
  ///   - predicted: The classifier's, in the same order.
  public init(actual: [FeedbackIntent], predicted: [FeedbackIntent]) {
    var metrics = Dictionary(uniqueKeysWithValues: FeedbackIntent.allCases.map { ($0, DetectionMetrics()) })
    var correct = 0
    for (truth, guess) in zip(actual, predicted) {
      if truth == guess { correct += 1 }
      for intent in FeedbackIntent.allCases {
        metrics[intent]?.record(expected: truth == intent, found: guess == intent)
      }
    }
    let total = min(actual.count, predicted.count)
    accuracy = total == 0 ? 0 : Double(correct) / Double(total)
    let present = FeedbackIntent.allCases.filter {
      metrics[$0].map { $0.support > 0 || $0.falsePositives > 0 } ?? false
    }
    macroF1 = present.isEmpty ? 0 : present.reduce(0) { $0 + (metrics[$1]?.f1 ?? 0) } / Double(present.count)
    perIntent = metrics
  }
}
