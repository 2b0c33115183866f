import Foundation

extension KaplanMeierEstimate {
  /// The estimate as the documented survival JSON object: `timeline`, `at_risk`, `events`, `censored`,
  /// `survival`, `ci_lower`, `ci_upper`, `median`, `median_ci_lower`, `median_ci_upper` (`null` = infinite)
  /// and `confidence_level`.
  /// - Parameter pretty: Indent the output; `true` by default.
  /// - Returns: The JSON text.
  public func jsonString(pretty: Bool = true) -> String { jsonValue.rendered(pretty: pretty) }

  /// The same JSON as ``jsonString(pretty:)``, as UTF-8 bytes built in one buffer (numbers are formatted
  /// straight into it), ready to be written at once.
  /// - Parameter pretty: Indent the output; `true` by default.
  /// - Returns: The JSON text's bytes.
  /// - Complexity: O(k) for k timeline points.
  public func jsonBytes(pretty: Bool = true) -> [UInt8] {
    jsonValue.renderedBytes(pretty: pretty, capacity: 160 * timeline.count + 512).bytes
  }

  var jsonValue: JSONValue {
    .object([
      ("timeline", .doubles(timeline)), ("at_risk", .ints(atRisk)), ("events", .ints(events)),
      ("censored", .ints(censored)), ("survival", .doubles(survival)), ("ci_lower", .doubles(lowerBound)),
      ("ci_upper", .doubles(upperBound)), ("median", .optional(median)),
      ("median_ci_lower", .optional(medianLowerBound)),
      ("median_ci_upper", .optional(medianUpperBound)), ("confidence_level", .double(confidenceLevel)),
    ])
  }
}

extension NelsonAalenEstimate {
  var jsonValue: JSONValue {
    .object([
      ("timeline", .doubles(timeline)), ("cumulative_hazard", .doubles(cumulativeHazard)),
      ("ci_lower", .doubles(lowerBound)), ("ci_upper", .doubles(upperBound)),
    ])
  }
}

extension LogRankTest {
  /// The test as JSON: `groups`, `observed`, `expected`, `statistic`, `degrees_of_freedom`, `p_value`.
  /// - Parameter pretty: Indent the output; `true` by default.
  /// - Returns: The JSON text.
  public func jsonString(pretty: Bool = true) -> String { jsonValue.rendered(pretty: pretty) }

  var jsonValue: JSONValue {
    .object([
      ("groups", .array(groups.map { .string($0) })), ("observed", .ints(observed)),
      ("expected", .doubles(expected)), ("statistic", .double(statistic)),
      ("degrees_of_freedom", .int(degreesOfFreedom)), ("p_value", .double(pValue)),
    ])
  }
}

/// Survival estimates of several named groups and the log-rank test between them, as written by
/// `retention-report survival` when the durations file has a `group` column.
public struct GroupedSurvival: Sendable {
  /// Group names, sorted.
  public var names: [String]
  /// One estimate per group, in the order of ``names``.
  public var estimates: [KaplanMeierEstimate]
  /// The log-rank test across the groups (`nil` with fewer than two groups or no events).
  public var logRank: LogRankTest?

  /// Estimates each group and tests them against each other.
  /// - Parameters:
  ///   - groups: Named lifetime tables.
  ///   - confidenceLevel: The confidence level of the bounds; 0.95 by default.
  /// - Throws: ``RetentionError/Code-swift.struct/invalidArgument`` for a level outside (0, 1).
  public init(groups: [(name: String, table: SurvivalTable)], confidenceLevel: Double = 0.95) throws(RetentionError) {
    names = groups.map(\.name)
    var estimates: [KaplanMeierEstimate] = []
    for group in groups { estimates.append(try KaplanMeierEstimate(group.table, confidenceLevel: confidenceLevel)) }
    self.estimates = estimates
    logRank = groups.count >= 2 ? try? LogRankTest(groups: groups) : nil
  }

  /// `{"groups": {"name": {…estimate…}, …}, "log_rank": {…} | null}`.
  /// - Parameter pretty: Indent the output; `true` by default.
  /// - Returns: The JSON text.
  public func jsonString(pretty: Bool = true) -> String { jsonValue.rendered(pretty: pretty) }

  /// The same JSON as ``jsonString(pretty:)``, as UTF-8 bytes built in one buffer.
  /// - Parameter pretty: Indent the output; `true` by default.
  /// - Returns: The JSON text's bytes.
  public func jsonBytes(pretty: Bool = true) -> [UInt8] {
    let points = estimates.reduce(0) { $0 + $1.timeline.count }
    return jsonValue.renderedBytes(pretty: pretty, capacity: 160 * points + 1024).bytes
  }

  var jsonValue: JSONValue {
    .object([
      ("groups", .object(zip(names, estimates).map { ($0, $1.jsonValue) })),
      ("log_rank", logRank?.jsonValue ?? .null),
    ])
  }
}
