import Foundation

/// The answer to "does support experience drive retention?" on one host's history: how many customers were
/// matched, and each ``ExperienceComparison``.
///
/// Codable; the JSON has `reportDate` (`YYYY-MM-DD`), `options`, the counts, and `comparisons`, each with its
/// groups (counts, rates, `survival` as `KaplanMeierEstimate` JSON or absent), `logRank`, `hazard`,
/// `churnRatio`, `isSignificant` and `summary`.
public struct SupportExperienceReport: Hashable, Sendable, Codable {
  /// Days in the year of the hazard rates.
  public static let daysPerYear = 365.25

  /// The last day observed (the day of the analysis' `now`, UTC).
  public var reportDate: CivilDate
  /// The options the analysis ran with.
  public var options: SupportExperienceOptions
  /// Customers with a subscription started by the report date: the population compared.
  public var customers: Int
  /// Of those, customers with at least one ticket.
  public var customersWithTickets: Int
  /// Customers with tickets or survey answers but no subscription started by the report date; left out.
  public var customersWithoutSubscriptions: Int
  /// The comparisons, in the order of ``ExperienceComparison/Kind``'s static members.
  public var comparisons: [ExperienceComparison]

  /// Creates a report.
  /// - Parameters:
  ///   - reportDate: The last day observed.
  ///   - options: The options used.
  ///   - customers: The customers compared.
  ///   - customersWithTickets: Of those, the customers with tickets.
  ///   - customersWithoutSubscriptions: Customers left out for want of a subscription.
  ///   - comparisons: The comparisons.
  public init(
    reportDate: CivilDate, options: SupportExperienceOptions, customers: Int, customersWithTickets: Int,
    customersWithoutSubscriptions: Int, comparisons: [ExperienceComparison]
  ) {
    self.reportDate = reportDate
    self.options = options
    self.customers = customers
    self.customersWithTickets = customersWithTickets
    self.customersWithoutSubscriptions = customersWithoutSubscriptions
    self.comparisons = comparisons
  }

  /// The comparison of a kind.
  /// - Parameter kind: The kind.
  /// - Returns: The comparison, or `nil`.
  public func comparison(_ kind: ExperienceComparison.Kind) -> ExperienceComparison? {
    comparisons.first { $0.kind == kind }
  }
}

extension SupportExperienceReport: CustomStringConvertible {
  /// The report as plain text: the counts, then per comparison its summary and one line per group.
  public var description: String {
    var lines = [
      "Support experience and retention (as of \(reportDate)): \(customers) customers with a subscription, "
        + "\(customersWithTickets) with tickets; groups under \(options.minimumGroupSize) customers are not compared."
    ]
    if customersWithoutSubscriptions > 0 {
      lines.append("Left out: \(customersWithoutSubscriptions) customers with tickets or answers but no subscription.")
    }
    for comparison in comparisons {
      lines.append("")
      lines.append("\(comparison.title): \(comparison.summary)")
      for group in comparison.groups {
        let churn = group.churnRate.map { ExperienceSummary.percent($0) } ?? "–"
        let renewal = group.renewalRate.map { ExperienceSummary.percent($0) } ?? "–"
        let median = group.medianSurvivalDays.map { "median \(Int($0)) days" } ?? "median not reached"
        let note = group.isLargeEnough ? median : "too few to compare"
        lines.append(
          "  \(group.name): \(group.customers) customers, \(group.churned) churned (\(churn)), renewal \(renewal), "
            + note)
      }
    }
    return lines.joined(separator: "\n")
  }
}
