import Foundation

/// SVG charts of a ``RetentionReport``: standalone SVG 1.1 documents with a title, labelled axes and a legend,
/// every text XML-escaped, that render in any browser.
public enum RetentionCharts {
  /// The MRR movements per month as stacked bars: new, expansion and reactivation above zero, contraction and
  /// churn below it.
  /// - Parameters:
  ///   - months: Monthly snapshots, oldest first.
  ///   - title: The chart title.
  /// - Returns: The SVG document.
  public static func mrrMovements(_ months: [MonthlySnapshot], title: String = "MRR movements") -> String {
    let currency: CurrencyCode = months.first?.currency ?? "USD"
    let series: [(String, String, (MonthlyCounters) -> Int64, Bool)] = [
      ("New", "#2e7d32", { $0.newMRR }, true), ("Expansion", "#66bb6a", { $0.expansionMRR }, true),
      ("Reactivation", "#26a69a", { $0.reactivationMRR }, true),
      ("Contraction", "#ffa726", { $0.contractionMRR }, false), ("Churn", "#e53935", { $0.churnedMRR }, false),
    ]
    func major(_ minor: Int64) -> Double {
      Double(minor) / pow(10, Double(currency.minorUnitDigits))
    }
    let up = months.map { m in series.filter(\.3).reduce(0.0) { $0 + major($1.2(m.counters)) } }
    let down = months.map { m in series.filter { !$0.3 }.reduce(0.0) { $0 + major($1.2(m.counters)) } }
    let ticks = SVGCanvas.ticks(from: -(down.max() ?? 0), to: max(up.max() ?? 0, 1))
    var canvas = SVGCanvas()
    let y = scale(ticks.first!, ticks.last!, canvas.plot.bottom, canvas.plot.top)
    let slot = (canvas.plot.right - canvas.plot.left) / Double(max(months.count, 1))
    canvas.frame(
      title: title, xTitle: "Month", yTitle: "MRR change (\(currency))",
      yTicks: ticks.map { ($0, SVGCanvas.number($0)) }, y: y)
    for (index, month) in months.enumerated() {
      var above = 0.0
      var below = 0.0
      let x = canvas.plot.left + Double(index) * slot + slot * 0.15
      for (name, color, value, positive) in series {
        let amount = major(value(month.counters))
        guard amount > 0 else { continue }
        let tooltip = "\(month.month) \(name): \(Money(minorUnits: value(month.counters), currency: currency))"
        if positive {
          canvas.rect(
            x: x, y: y(above + amount), width: slot * 0.7, height: y(above) - y(above + amount), fill: color,
            title: tooltip)
          above += amount
        } else {
          canvas.rect(
            x: x, y: y(-below), width: slot * 0.7, height: y(-below - amount) - y(-below), fill: color, title: tooltip)
          below += amount
        }
      }
    }
    canvas.line(x1: canvas.plot.left, y1: y(0), x2: canvas.plot.right, y2: y(0), stroke: "#444")
    let left = canvas.plot.left
    canvas.xLabels(months.map(\.month.description)) { left + (Double($0) + 0.5) * slot }
    canvas.legend(series.map { ($0.0, $0.1) })
    return canvas.rendered(description: "\(title): stacked monthly MRR movements in \(currency)")
  }

  /// Customer churn rate and renewal rate (all billing periods) per month, as lines on a percentage axis.
  /// - Parameters:
  ///   - months: Monthly snapshots, oldest first.
  ///   - title: The chart title.
  /// - Returns: The SVG document.
  public static func rates(_ months: [MonthlySnapshot], title: String = "Churn and renewal rates") -> String {
    let series: [(String, String, [Double?])] = [
      ("Customer churn", "#e53935", months.map(\.customerChurnRate)),
      ("Renewal rate", "#1e88e5", months.map(\.allRenewals.rate)),
      ("GRR 12 m", "#8e24aa", months.map(\.grr12m)),
    ]
    let maximum = max(series.flatMap { $0.2.compactMap { $0 } }.max() ?? 1, 0.01)
    return lineChart(
      labels: months.map(\.month.description), series: series, ticks: SVGCanvas.ticks(from: 0, to: maximum),
      format: { "\(SVGCanvas.number($0 * 100))%" }, title: title, xTitle: "Month", yTitle: "Rate")
  }

  /// NPS per month on a −100…100 axis, with CSAT (%) alongside.
  /// - Parameters:
  ///   - satisfaction: The satisfaction report.
  ///   - title: The chart title.
  /// - Returns: The SVG document.
  public static func npsTrend(_ satisfaction: SatisfactionReport, title: String = "NPS and CSAT") -> String {
    lineChart(
      labels: satisfaction.months.map(\.month.description),
      series: [
        ("NPS", "#3949ab", satisfaction.months.map(\.overall.nps)),
        ("CSAT %", "#00897b", satisfaction.months.map(\.overall.csat)),
      ],
      ticks: stride(from: -100.0, through: 100, by: 50).map { $0 }, format: { SVGCanvas.number($0) }, title: title,
      xTitle: "Month", yTitle: "Score")
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
    var canvas = SVGCanvas()
    let maxTime = max(estimate.timeline.last ?? 1, 1)
    let xTicks = SVGCanvas.ticks(from: 0, to: maxTime)
    let x = scale(0, xTicks.last!, canvas.plot.left, canvas.plot.right)
    let y = scale(0, 1, canvas.plot.bottom, canvas.plot.top)
    canvas.frame(
      title: title, xTitle: "Time (\(unit))", yTitle: "Share still subscribed",
      yTicks: stride(from: 0.0, through: 1, by: 0.2).map { ($0, "\(SVGCanvas.number($0 * 100))%") }, y: y)
    for tick in xTicks {
      canvas.line(x1: x(tick), y1: canvas.plot.bottom, x2: x(tick), y2: canvas.plot.bottom + 4, stroke: "#444")
      canvas.text(SVGCanvas.number(tick), x: x(tick), y: canvas.plot.bottom + 18, size: 11, anchor: "middle")
    }
    func steps(_ values: [Double]) -> [(Double, Double)] {
      var points: [(Double, Double)] = []
      for index in estimate.timeline.indices {
        if index > 0 { points.append((x(estimate.timeline[index]), y(values[index - 1]))) }
        points.append((x(estimate.timeline[index]), y(values[index])))
      }
      return points
    }
    let band = steps(estimate.upperBound) + steps(estimate.lowerBound).reversed()
    canvas.path(band, stroke: "none", fill: "#90caf9", width: 0, closed: true)
    canvas.path(steps(estimate.survival), stroke: "#0d47a1")
    if let median = estimate.median {
      canvas.line(x1: x(median), y1: y(0.5), x2: x(median), y2: canvas.plot.bottom, stroke: "#555", dash: "4 3")
      canvas.text("median \(SVGCanvas.number(median))", x: x(median) + 4, y: y(0.5) - 6, size: 11)
    }
    canvas.legend([
      ("Kaplan–Meier", "#0d47a1"), ("\(SVGCanvas.number(estimate.confidenceLevel * 100))% band", "#90caf9"),
    ])
    return canvas.rendered(description: "\(title): survival function with Greenwood log(−log) confidence band")
  }

  /// A cohort retention heatmap: one row per signup cohort, one column per month of age, shaded by the share
  /// of customers (or revenue) retained.
  /// - Parameters:
  ///   - table: The cohort table.
  ///   - revenue: Shade by revenue retention instead of customer retention.
  ///   - title: The chart title.
  /// - Returns: The SVG document.
  public static func cohortHeatmap(_ table: CohortTable, revenue: Bool = false, title: String? = nil) -> String {
    let rows = table.rows.filter { $0.customers.first ?? 0 > 0 }
    let ages = rows.map(\.customers.count).max() ?? 1
    let heading = title ?? "\(revenue ? "Revenue" : "Customer") retention by signup cohort (\(table.segment))"
    var canvas = SVGCanvas(
      width: max(800, 110 + Double(ages) * 30 + 170), height: max(300, 120 + Double(rows.count) * 18),
      margins: (80, 56, 170, 64))
    let cellWidth = (canvas.plot.right - canvas.plot.left) / Double(ages)
    let cellHeight = (canvas.plot.bottom - canvas.plot.top) / Double(max(rows.count, 1))
    canvas.text(heading, x: canvas.width / 2, y: 28, size: 18, anchor: "middle", weight: "bold")
    for (rowIndex, row) in rows.enumerated() {
      let top = canvas.plot.top + Double(rowIndex) * cellHeight
      canvas.text(row.cohort.description, x: canvas.plot.left - 8, y: top + cellHeight * 0.7, size: 10, anchor: "end")
      for age in row.customers.indices {
        guard let share = revenue ? row.revenueRetention(atAge: age) : row.customerRetention(atAge: age) else {
          continue
        }
        let left = canvas.plot.left + Double(age) * cellWidth
        canvas.rect(
          x: left, y: top, width: cellWidth - 1, height: cellHeight - 1, fill: shade(min(share, 1)),
          title: "\(row.cohort) age \(age): \(SVGCanvas.number(share * 100))%")
        if cellWidth >= 26 && cellHeight >= 12 {
          canvas.text(
            SVGCanvas.number((share * 100).rounded()), x: left + cellWidth / 2, y: top + cellHeight * 0.72, size: 9,
            anchor: "middle", fill: share > 0.55 ? "#ffffff" : "#222")
        }
      }
    }
    let plotLeft = canvas.plot.left
    canvas.xLabels((0..<ages).map(String.init)) { plotLeft + (Double($0) + 0.5) * cellWidth }
    canvas.text(
      "Months since signup", x: (canvas.plot.left + canvas.plot.right) / 2, y: canvas.height - 12, anchor: "middle")
    canvas.text("Signup cohort", x: 18, y: (canvas.plot.top + canvas.plot.bottom) / 2, anchor: "middle", rotate: -90)
    canvas.legend([
      ("0%", shade(0)), ("25%", shade(0.25)), ("50%", shade(0.5)), ("75%", shade(0.75)), ("100%", shade(1)),
    ])
    return canvas.rendered(description: heading)
  }

  /// Every chart of a report, with the file name `--charts` writes it under.
  /// - Parameter report: The report.
  /// - Returns: Pairs of file name and SVG document.
  public static func all(for report: RetentionReport) -> [(fileName: String, svg: String)] {
    var charts = [
      ("mrr-movements.svg", mrrMovements(report.months)), ("churn-renewal-rates.svg", rates(report.months)),
      ("kaplan-meier.svg", kaplanMeier(report.survival, unit: report.lifetimeUnit.rawValue)),
      ("nps-trend.svg", npsTrend(report.satisfaction)),
    ]
    if let all = report.cohorts.first {
      charts.append(("cohort-heatmap.svg", cohortHeatmap(all)))
      charts.append(("cohort-revenue-heatmap.svg", cohortHeatmap(all, revenue: true)))
    }
    return charts
  }

  static func scale(_ domainLow: Double, _ domainHigh: Double, _ rangeLow: Double, _ rangeHigh: Double) -> (Double) ->
    Double
  {
    let span = domainHigh - domainLow == 0 ? 1 : domainHigh - domainLow
    return { rangeLow + ($0 - domainLow) / span * (rangeHigh - rangeLow) }
  }

  /// White → deep blue.
  static func shade(_ share: Double) -> String {
    let t = max(0, min(1, share.isFinite ? share : 0))
    let channel = { (from: Double, to: Double) in String(format: "%02x", Int((from + (to - from) * t).rounded())) }
    return "#" + channel(247, 8) + channel(251, 69) + channel(255, 148)
  }

  static func lineChart(
    labels: [String], series: [(String, String, [Double?])], ticks: [Double], format: (Double) -> String,
    title: String, xTitle: String, yTitle: String
  ) -> String {
    var canvas = SVGCanvas()
    let y = scale(ticks.first ?? 0, ticks.last ?? 1, canvas.plot.bottom, canvas.plot.top)
    let slot = (canvas.plot.right - canvas.plot.left) / Double(max(labels.count, 1))
    let plotLeft = canvas.plot.left
    let x = { (index: Int) in plotLeft + (Double(index) + 0.5) * slot }
    canvas.frame(title: title, xTitle: xTitle, yTitle: yTitle, yTicks: ticks.map { ($0, format($0)) }, y: y)
    for (_, color, values) in series {
      var run: [(Double, Double)] = []
      for (index, value) in values.enumerated() {
        if let value, value.isFinite {
          run.append((x(index), y(value)))
          canvas.add(
            "<circle cx=\"\(SVGCanvas.number(x(index)))\" cy=\"\(SVGCanvas.number(y(value)))\" r=\"2.5\" fill=\"\(color)\"/>"
          )
        } else {
          canvas.path(run, stroke: color)
          run = []
        }
      }
      canvas.path(run, stroke: color)
    }
    canvas.xLabels(labels, x: x)
    canvas.legend(series.map { ($0.0, $0.1) })
    return canvas.rendered(description: title)
  }
}
