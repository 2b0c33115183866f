import Foundation

/// Precision and recall of finding one kind of thing (an aspect, an intent): counts of hits, false alarms and
/// misses.
public struct DetectionMetrics: Sendable, Hashable, Codable {
  /// Found and expected.
  public var truePositives = 0
  /// Found but not expected.
  public var falsePositives = 0
  /// Expected but not found.
  public var falseNegatives = 0

  /// Empty counts.
  public init() {}

  /// Counts one decision.
  /// - Parameters:
  ///   - expected: Whether the thing was there.
  ///   - found: Whether it was found.
  public mutating func record(expected: Bool, found: Bool) {
    switch (expected, found) {
    case (true, true): truePositives += 1
    case (false, true): falsePositives += 1
    case (true, false): falseNegatives += 1
    case (false, false): break
    }
  }

  /// Hits among everything found (0 when nothing was found).
  public var precision: Double {
    truePositives + falsePositives == 0 ? 0 : Double(truePositives) / Double(truePositives + falsePositives)
  }
  /// Hits among everything expected (0 when nothing was expected).
  public var recall: Double {
    truePositives + falseNegatives == 0 ? 0 : Double(truePositives) / Double(truePositives + falseNegatives)
  }
  /// Harmonic mean of precision and recall.
  public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
  /// How many were expected.
  public var support: Int { truePositives + falseNegatives }
}
