import Foundation

extension SupportExperienceReport {
  /// The report as the HTML report's experience section draws it (``DeskReportFigures/experience``). The summary
  /// already states the p-value, so the figures carry none to repeat.
  package var figures: ExperienceComparisonFigures {
    ExperienceComparisonFigures(
      comparisons: comparisons.map { comparison in
        ExperienceComparisonFigures.Comparison(
          title: comparison.title,
          groups: comparison.groups.map { group in
            ExperienceComparisonFigures.Group(
              name: group.name, customers: group.customers, churned: group.churned, churnRate: group.churnRate,
              renewalRate: group.renewalRate, survival: group.isLargeEnough ? group.survival : nil)
          }, pValue: nil, summary: comparison.summary)
      }, minimumGroupSize: options.minimumGroupSize, unit: "days")
  }
}
