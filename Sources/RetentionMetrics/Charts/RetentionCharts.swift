import Foundation

/// SVG charts of a ``RetentionReport``: standalone SVG 1.1 documents with a `<title>` and `<desc>`, labelled axes
/// and a legend, every text XML-escaped, that render in any browser.
///
/// Colours come from the Okabe–Ito palette (readable with the common forms of colour blindness), and no chart
/// relies on colour alone: lines differ by dash pattern and marker, bars by hatching, and every bar and point
/// carries its value as a tooltip. The HTML report (`retention-report --html`) inlines the same drawings.
public enum RetentionCharts {
  /// The MRR movements per month as stacked bars: new, expansion and reactivation above zero, contraction and
  /// churn below it.
  /// - Parameters:
  ///   - months: Monthly snapshots, oldest first.
  ///   - title: The chart title.
  /// - Returns: The SVG document.
  public static func mrrMovements(_ months: [MonthlySnapshot], title: String = "MRR movements") -> String {
    drawMRRMovements(months, title: title, id: "mrr-movements").document
  }

  /// Customer churn rate and renewal rate (all billing periods) per month, as lines on a percentage axis.
  /// - Parameters:
  ///   - months: Monthly snapshots, oldest first.
  ///   - title: The chart title.
  /// - Returns: The SVG document.
  public static func rates(_ months: [MonthlySnapshot], title: String = "Churn and renewal rates") -> String {
    drawRates(months, title: title, id: "rates").document
  }

  /// NPS per month on a −100…100 axis, with CSAT (%) alongside.
  /// - Parameters:
  ///   - satisfaction: The satisfaction report.
  ///   - title: The chart title.
  /// - Returns: The SVG document.
  public static func npsTrend(_ satisfaction: SatisfactionReport, title: String = "NPS and CSAT") -> String {
    drawNPSTrend(satisfaction, title: title, id: "nps").document
  }

  /// The Kaplan–Meier survival curve as a step line with its confidence band.
  /// - Parameters:
  ///   - estimate: The estimate.
  ///   - unit: The time unit for the axis title, e.g. `"days"`.
  ///   - title: The chart title.
  /// - Returns: The SVG document.
  public static func kaplanMeier(
    _ estimate: KaplanMeierEstimate, unit: String = "days", title: String = "Subscription survival (Kaplan–Meier)"
  ) -> String {
    drawSurvival([("All", estimate)], unit: unit, title: title, id: "kaplan-meier").document
  }

  /// Several Kaplan–Meier curves on one axis, each with its confidence band, told apart by colour, dash pattern
  /// and marker: survival by channel, by tier, or of customers grouped by their support experience.
  /// - Parameters:
  ///   - groups: The named estimates, in legend order.
  ///   - unit: The time unit for the axis title, e.g. `"days"`.
  ///   - title: The chart title.
  /// - Returns: The SVG document.
  public static func survivalComparison(
    _ groups: [(name: String, estimate: KaplanMeierEstimate)], unit: String = "days",
    title: String = "Survival by group (Kaplan–Meier)"
  ) -> String {
    drawSurvival(groups, unit: unit, title: title, id: "survival-comparison").document
  }

  /// A cohort retention heatmap: one row per signup cohort, one column per month of age, shaded by the share
  /// of customers (or revenue) retained, with the percentage written in each cell that has room for it.
  /// - Parameters:
  ///   - table: The cohort table.
  ///   - revenue: Shade by revenue retention instead of customer retention.
  ///   - title: The chart title.
  /// - Returns: The SVG document.
  public static func cohortHeatmap(_ table: CohortTable, revenue: Bool = false, title: String? = nil) -> String {
    drawCohortHeatmap(table, revenue: revenue, title: title, id: "cohorts").document
  }

  /// The upgrade funnel: the share of shared-hosting starters who moved to a VPS or dedicated server within each
  /// window.
  /// - Parameters:
  ///   - funnel: The funnel.
  ///   - title: The chart title.
  /// - Returns: The SVG document.
  public static func upgradeFunnel(_ funnel: UpgradeFunnel, title: String = "Upgrades from shared hosting") -> String {
    drawUpgradeFunnel(funnel, title: title, id: "upgrade-funnel").document
  }

  /// Every chart of a report, with the file name `--charts` writes it under.
  /// - Parameter report: The report.
  /// - Returns: Pairs of file name and SVG document.
  public static func all(for report: RetentionReport) -> [(fileName: String, svg: String)] {
    var charts = [
      ("mrr-movements.svg", mrrMovements(report.months)), ("churn-renewal-rates.svg", rates(report.months)),
      ("kaplan-meier.svg", kaplanMeier(report.survival, unit: report.lifetimeUnit.rawValue)),
      ("nps-trend.svg", npsTrend(report.satisfaction)),
      ("upgrade-funnel.svg", upgradeFunnel(report.upgradeFunnel)),
    ]
    if let all = report.cohorts.first {
      charts.append(("cohort-heatmap.svg", cohortHeatmap(all)))
      charts.append(("cohort-revenue-heatmap.svg", cohortHeatmap(all, revenue: true)))
    }
    return charts
  }
}

/// A drawn chart with its accessible name and description, ready to render standalone or inline.
package struct DrawnChart: Sendable {
  package var canvas: SVGCanvas
  package var title: String
  package var description: String

  /// A standalone SVG document.
  package var document: String { canvas.document(title: title, description: description) }
  /// An `<svg role="img">` element for an HTML page.
  package var inline: String { canvas.inlineElement(title: title, description: description) }
}

extension DrawnChart {
  /// The chart as a report block, with its data table.
  package func block(header: [String], rows: [[String]], numericColumns: Set<Int> = []) -> HTMLReport.Block {
    .chart(canvas, title: title, description: description, header: header, rows: rows, numericColumns: numericColumns)
  }
}
