import Foundation

/// One group of customers in an ``ExperienceComparison`` (e.g. "SLA breach") and how they were retained.
public struct ExperienceGroup: Hashable, Sendable, Codable {
  /// The group's name, e.g. `"SLA breach"`, `"detractors"`.
  public var name: String
  /// Customers in the group.
  public var customers: Int
  /// Of those, customers whose lifetime ended (no subscription left) by the day after the report date.
  public var churned: Int
  /// Renewals that fell due on or before the report date.
  public var renewalsDue: Int
  /// Of those, the renewals that were renewed.
  public var renewed: Int
  /// The customers' total observed lifetime in days (churned or not): the exposure of the hazard rate.
  public var exposureDays: Double
  /// Whether the group has at least ``SupportExperienceOptions/minimumGroupSize`` customers; only such groups get
  /// a survival curve and take part in tests and claims.
  public var isLargeEnough: Bool
  /// The Kaplan–Meier estimate of the customers' lifetimes in days, with Greenwood bands; `nil` when the group is
  /// too small.
  public var survival: KaplanMeierEstimate?

  /// Creates a group.
  /// - Parameters:
  ///   - name: The name.
  ///   - customers: Customers in the group.
  ///   - churned: Customers who churned.
  ///   - renewalsDue: Renewals due.
  ///   - renewed: Renewals renewed.
  ///   - exposureDays: Total lifetime in days.
  ///   - isLargeEnough: Whether the group meets the minimum size.
  ///   - survival: The survival estimate, when large enough.
  public init(
    name: String, customers: Int, churned: Int, renewalsDue: Int, renewed: Int, exposureDays: Double,
    isLargeEnough: Bool, survival: KaplanMeierEstimate?
  ) {
    self.name = name
    self.customers = customers
    self.churned = churned
    self.renewalsDue = renewalsDue
    self.renewed = renewed
    self.exposureDays = exposureDays
    self.isLargeEnough = isLargeEnough
    self.survival = survival
  }

  /// Share of the group's customers who churned, 0…1; `nil` for an empty group.
  public var churnRate: Double? { customers == 0 ? nil : Double(churned) / Double(customers) }
  /// Share of the renewals due that were renewed, 0…1; `nil` when none fell due.
  public var renewalRate: Double? { renewalsDue == 0 ? nil : Double(renewed) / Double(renewalsDue) }
  /// Churn events per customer-year (365.25 days) of exposure; `nil` without exposure.
  public var hazardPerYear: Double? {
    exposureDays > 0 ? Double(churned) / exposureDays * SupportExperienceReport.daysPerYear : nil
  }
  /// The median lifetime in days, when the survival curve falls to one half.
  public var medianSurvivalDays: Double? { survival?.median }
}
