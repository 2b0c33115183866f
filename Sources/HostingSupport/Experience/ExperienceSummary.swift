import Foundation

/// The plain-language finding of a comparison. It never claims a difference for groups under the minimum size
/// (it gives their counts), states the churn ratio and the log-rank p-value only when both groups are large
/// enough, says "no significant difference" when p is at or above the significance level, and speaks of
/// association, never cause.
enum ExperienceSummary {
  /// The two groups compared, with how the sentence names them.
  struct Pair {
    var exposed: ExperienceGroup
    var reference: ExperienceGroup
    /// E.g. "customers with an SLA breach".
    var exposedPhrase: String
    /// E.g. "customers without one".
    var referencePhrase: String
  }

  /// The finding.
  /// - Parameters:
  ///   - pair: The groups.
  ///   - test: Their log-rank test, when one could be run.
  ///   - options: The minimum group size and significance level.
  /// - Returns: One or two sentences.
  static func sentence(for pair: Pair, test: LogRankTest?, options: SupportExperienceOptions) -> String {
    let exposed = pair.exposed
    let reference = pair.reference
    guard exposed.isLargeEnough, reference.isLargeEnough else {
      return "Too few customers to compare \(pair.exposedPhrase) with \(pair.referencePhrase) "
        + "(n = \(exposed.customers) and n = \(reference.customers); at least \(options.minimumGroupSize) each "
        + "are needed)."
    }
    let counts = "\(exposed.churned) of \(exposed.customers) vs \(reference.churned) of \(reference.customers)"
    guard let test, let exposedRate = exposed.churnRate, let referenceRate = reference.churnRate else {
      return "No customer churned among \(pair.exposedPhrase) or \(pair.referencePhrase) (\(counts)); "
        + "nothing to compare yet."
    }
    let comparison: String
    if referenceRate > 0 {
      comparison =
        "\(pair.exposedPhrase) churned \(ratio(exposedRate / referenceRate))× as often as \(pair.referencePhrase) "
        + "(\(percent(exposedRate)) vs \(percent(referenceRate)); \(counts))"
    } else {
      comparison =
        "\(percent(exposedRate)) of \(pair.exposedPhrase) churned while none of \(pair.referencePhrase) did "
        + "(\(counts))"
    }
    let p = pValue(test.pValue)
    if test.pValue < options.significanceLevel {
      return capitalized(comparison) + "; log-rank \(p). This is an association, not proof of cause."
    }
    return "No significant difference: \(comparison); log-rank \(p)."
  }

  /// `p = 0.003`, `p = 0.41`, or `p < 0.001`.
  static func pValue(_ p: Double) -> String {
    guard p >= 0.001 else { return "p < 0.001" }
    return "p = " + String(format: "%.2g", p)
  }

  /// A ratio with one decimal: `2.1`.
  static func ratio(_ value: Double) -> String { String(format: "%.1f", value) }

  /// A share as a whole percentage: `34%`.
  static func percent(_ share: Double) -> String { String(format: "%.0f%%", share * 100) }

  static func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }
}
