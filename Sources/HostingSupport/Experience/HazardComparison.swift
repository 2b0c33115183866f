import Foundation

/// The churn hazard of the exposed group against the reference group of a comparison, as constant rates: churn
/// events per customer-year of observed lifetime (events ÷ exposure), their difference and their ratio, each with
/// a confidence interval (normal approximation for the difference, log scale for the ratio, treating event counts
/// as Poisson).
public struct HazardComparison: Hashable, Sendable, Codable {
  /// Churn events per customer-year in the exposed group (e.g. customers with a breach).
  public var exposedRate: Double
  /// Churn events per customer-year in the reference group (e.g. customers without).
  public var referenceRate: Double
  /// `exposedRate − referenceRate`.
  public var difference: Double
  /// The lower bound of the difference's interval.
  public var differenceLowerBound: Double
  /// The upper bound of the difference's interval.
  public var differenceUpperBound: Double
  /// `exposedRate ÷ referenceRate`; `nil` when either group has no churn event.
  public var ratio: Double?
  /// The lower bound of the ratio's interval.
  public var ratioLowerBound: Double?
  /// The upper bound of the ratio's interval.
  public var ratioUpperBound: Double?
  /// The intervals' confidence level.
  public var confidenceLevel: Double

  /// Compares two groups' rates; `nil` when either group has no exposure.
  /// - Parameters:
  ///   - exposed: The exposed group.
  ///   - reference: The reference group.
  ///   - confidenceLevel: The level of the intervals, in (0, 1).
  public init?(exposed: ExperienceGroup, reference: ExperienceGroup, confidenceLevel: Double) {
    guard exposed.exposureDays > 0, reference.exposureDays > 0 else { return nil }
    let year = SupportExperienceReport.daysPerYear
    let exposedYears = exposed.exposureDays / year
    let referenceYears = reference.exposureDays / year
    let z = StatisticalFunctions.normalQuantile(0.5 + confidenceLevel / 2)
    exposedRate = Double(exposed.churned) / exposedYears
    referenceRate = Double(reference.churned) / referenceYears
    difference = exposedRate - referenceRate
    let error =
      (Double(exposed.churned) / (exposedYears * exposedYears)
      + Double(reference.churned) / (referenceYears * referenceYears)).squareRoot()
    differenceLowerBound = difference - z * error
    differenceUpperBound = difference + z * error
    if exposed.churned > 0, reference.churned > 0 {
      let ratio = exposedRate / referenceRate
      let logError = (1 / Double(exposed.churned) + 1 / Double(reference.churned)).squareRoot()
      self.ratio = ratio
      ratioLowerBound = ratio * exp(-z * logError)
      ratioUpperBound = ratio * exp(z * logError)
    }
    self.confidenceLevel = confidenceLevel
  }
}
