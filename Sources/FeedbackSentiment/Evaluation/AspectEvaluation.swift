import Foundation

/// How well a classifier finds the aspects of an annotated set, per aspect: whether each aspect was found on the
/// lines that talk about it (precision and recall of detection) and, where it was, whether its polarity matches.
public struct AspectEvaluation: Sendable, Hashable, Codable {
  /// Detection and polarity of one aspect.
  public struct AspectMetrics: Sendable, Hashable, Codable {
    /// Lines where the aspect was expected and/or found.
    public var detection = DetectionMetrics()
    /// Among the lines where it was expected and found, those whose found polarity equals the expected one.
    public var polarityMatches = 0

    /// The share of found-and-expected mentions with the right polarity (0 when none was found).
    public var polarityAccuracy: Double {
      detection.truePositives == 0 ? 0 : Double(polarityMatches) / Double(detection.truePositives)
    }
  }

  /// Metrics per aspect, for every aspect expected or found at least once.
  public var perAspect: [HostingAspect: AspectMetrics] = [:]
  /// Detection over all aspects together (micro-averaged).
  public var overall = AspectMetrics()

  /// Compares expected and found aspects line by line.
  /// - Parameters:
  ///   - expected: Per line, the aspects and polarities an annotator gave.
  ///   - found: Per line, what the classifier reported.
  public init(expected: [[HostingAspect: SentimentLabel]], found: [[AspectSentiment]]) {
    for (truth, mentions) in zip(expected, found) {
      var reported: [HostingAspect: SentimentLabel] = [:]
      for mention in mentions where reported[mention.aspect] == nil { reported[mention.aspect] = mention.label }
      for aspect in Set(truth.keys).union(reported.keys) {
        var metrics = perAspect[aspect] ?? AspectMetrics()
        metrics.detection.record(expected: truth[aspect] != nil, found: reported[aspect] != nil)
        overall.detection.record(expected: truth[aspect] != nil, found: reported[aspect] != nil)
        if let label = truth[aspect], reported[aspect] == label {
          metrics.polarityMatches += 1
          overall.polarityMatches += 1
        }
        perAspect[aspect] = metrics
      }
    }
  }

  /// The metrics of one aspect (empty when it was neither expected nor found).
  /// - Parameter aspect: The aspect.
  public subscript(aspect: HostingAspect) -> AspectMetrics { perAspect[aspect] ?? AspectMetrics() }
}

extension SentimentClassifier {
  /// Classifies every annotated text and compares the aspects found with the annotation.
  /// - Parameter examples: Annotated texts (an aspect set).
  /// - Returns: Detection precision, recall and polarity agreement per aspect.
  /// - Complexity: One classification per example.
  public func evaluateAspects(on examples: [AnnotatedFeedback]) -> AspectEvaluation {
    AspectEvaluation(expected: examples.map(\.aspects), found: examples.map { classify($0.text).aspects })
  }
}
