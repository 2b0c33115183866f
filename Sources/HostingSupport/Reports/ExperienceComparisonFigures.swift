/// Retention of customers grouped by their support experience (any SLA breach vs none; promoters, passives and
/// detractors; negative feedback followed up within a day or not), as the HTML report's experience section shows
/// it: churn and renewal per group, Kaplan–Meier curves with confidence bands, the tests, and a plain-language
/// summary. Groups under the minimum size are listed with their counts but make no claim.
package struct ExperienceComparisonFigures: Sendable {
  /// One group of customers.
  package struct Group: Sendable {
    package var name: String
    package var customers: Int
    package var churned: Int
    /// Share of customers who churned, 0…1.
    package var churnRate: Double?
    /// Share of renewals due that were renewed, 0…1.
    package var renewalRate: Double?
    /// Their subscription survival; drawn when the group meets the minimum size.
    package var survival: KaplanMeierEstimate?

    package init(
      name: String, customers: Int, churned: Int, churnRate: Double?, renewalRate: Double?,
      survival: KaplanMeierEstimate?
    ) {
      self.name = name
      self.customers = customers
      self.churned = churned
      self.churnRate = churnRate
      self.renewalRate = renewalRate
      self.survival = survival
    }
  }

  /// One comparison (e.g. "any breach vs none") and its groups.
  package struct Comparison: Sendable {
    package var title: String
    package var groups: [Group]
    /// The log-rank test's p-value across the groups, when it was run.
    package var pValue: Double?
    /// The plain-language finding, e.g. "customers with a breached critical ticket churned 2.1× as often".
    package var summary: String

    package init(title: String, groups: [Group], pValue: Double?, summary: String) {
      self.title = title
      self.groups = groups
      self.pValue = pValue
      self.summary = summary
    }
  }

  package var comparisons: [Comparison]
  /// Groups smaller than this are reported with their counts only: no curve, no claim.
  package var minimumGroupSize: Int
  /// The unit of the survival curves' time axis.
  package var unit: String

  package init(comparisons: [Comparison], minimumGroupSize: Int, unit: String = "days") {
    self.comparisons = comparisons
    self.minimumGroupSize = minimumGroupSize
    self.unit = unit
  }
}
