import Foundation

extension RetentionCharts {
  /// The MRR movement series: gains solid or hatched in greens and blues above zero, losses in orange and
  /// vermillion below it.
  static let movementSeries: [(name: String, style: ChartStyle, value: @Sendable (MonthlyCounters) -> Int64)] = [
    ("New", ChartStyle(color: ChartStyle.bluishGreen), { $0.newMRR }),
    ("Expansion", ChartStyle(color: ChartStyle.skyBlue, hatch: 45), { $0.expansionMRR }),
    ("Reactivation", ChartStyle(color: ChartStyle.blue, hatch: -45), { $0.reactivationMRR }),
    ("Contraction", ChartStyle(color: ChartStyle.orange, hatch: 45), { $0.contractionMRR }),
    ("Churn", ChartStyle(color: ChartStyle.vermillion), { $0.churnedMRR }),
  ]

  package static func drawMRRMovements(_ months: [MonthlySnapshot], title: String, id: String) -> DrawnChart {
    let currency: CurrencyCode = months.first?.currency ?? "USD"
    func major(_ minor: Int64) -> Double {
      Double(minor) / pow(10, Double(currency.minorUnitDigits))
    }
    let up = months.map { m in movementSeries.prefix(3).reduce(0.0) { $0 + major($1.value(m.counters)) } }
    let down = months.map { m in movementSeries.suffix(2).reduce(0.0) { $0 + major($1.value(m.counters)) } }
    let ticks = SVGCanvas.ticks(from: -(down.max() ?? 0), to: max(up.max() ?? 0, 1))
    var canvas = SVGCanvas(id: id)
    let y = SVGCanvas.scale(ticks.first!, ticks.last!, canvas.plot.bottom, canvas.plot.top)
    let slot = (canvas.plot.right - canvas.plot.left) / Double(max(months.count, 1))
    canvas.frame(
      title: title, xTitle: "Month", yTitle: "MRR change (\(currency))",
      yTicks: ticks.map { ($0, SVGCanvas.number($0)) }, y: y)
    let fills = movementSeries.map { canvas.fill(for: $0.style) }
    for (index, month) in months.enumerated() {
      var above = 0.0
      var below = 0.0
      let x = canvas.plot.left + Double(index) * slot + slot * 0.15
      for (number, series) in movementSeries.enumerated() {
        let amount = major(series.value(month.counters))
        guard amount > 0 else { continue }
        let tooltip =
          "\(month.month) \(series.name): \(Money(minorUnits: series.value(month.counters), currency: currency))"
        if number < 3 {
          canvas.rect(
            x: x, y: y(above + amount), width: slot * 0.7, height: y(above) - y(above + amount), fill: fills[number],
            title: tooltip)
          above += amount
        } else {
          canvas.rect(
            x: x, y: y(-below), width: slot * 0.7, height: y(-below - amount) - y(-below), fill: fills[number],
            title: tooltip)
          below += amount
        }
      }
    }
    canvas.line(x1: canvas.plot.left, y1: y(0), x2: canvas.plot.right, y2: y(0), stroke: "#444")
    let left = canvas.plot.left
    canvas.xLabels(months.map(\.month.description)) { left + (Double($0) + 0.5) * slot }
    canvas.legend(movementSeries.map { ($0.name, $0.style) })
    return DrawnChart(
      canvas: canvas, title: title,
      description: "Stacked monthly MRR movements in \(currency): new, expansion and reactivation above zero; "
        + "contraction and churn below zero.")
  }

  package static func drawRates(_ months: [MonthlySnapshot], title: String, id: String) -> DrawnChart {
    let series = [
      SVGCharts.Series("Customer churn", months.map(\.customerChurnRate)),
      SVGCharts.Series("Renewal rate", months.map(\.allRenewals.rate)),
      SVGCharts.Series("GRR 12 m", months.map(\.grr12m)),
    ]
    let maximum = max(series.flatMap { $0.values.compactMap { $0 } }.max() ?? 1, 0.01)
    let canvas = SVGCharts.lineChart(
      labels: months.map(\.month.description), series: series, ticks: SVGCanvas.ticks(from: 0, to: maximum),
      format: { "\(SVGCanvas.number($0 * 100))%" }, title: title, xTitle: "Month", yTitle: "Rate", id: id)
    return DrawnChart(
      canvas: canvas, title: title,
      description: "Monthly customer churn rate, renewal rate and 12-month gross revenue retention, in percent.")
  }

  package static func drawNPSTrend(_ satisfaction: SatisfactionReport, title: String, id: String) -> DrawnChart {
    let canvas = SVGCharts.lineChart(
      labels: satisfaction.months.map(\.month.description),
      series: [
        SVGCharts.Series("NPS", satisfaction.months.map(\.overall.nps)),
        SVGCharts.Series("CSAT %", satisfaction.months.map(\.overall.csat)),
      ],
      ticks: stride(from: -100.0, through: 100, by: 50).map { $0 }, format: { SVGCanvas.number($0) }, title: title,
      xTitle: "Month", yTitle: "Score", id: id)
    return DrawnChart(
      canvas: canvas, title: title, description: "Net Promoter Score (−100 to 100) and CSAT (percent) per month.")
  }

  package static func drawSurvival(
    _ groups: [(name: String, estimate: KaplanMeierEstimate)], unit: String, title: String, id: String
  ) -> DrawnChart {
    var canvas = SVGCanvas(id: id)
    let maxTime = max(groups.compactMap { $0.estimate.timeline.last }.max() ?? 1, 1)
    let xTicks = SVGCanvas.ticks(from: 0, to: maxTime)
    let x = SVGCanvas.scale(0, xTicks.last!, canvas.plot.left, canvas.plot.right)
    let y = SVGCanvas.scale(0, 1, canvas.plot.bottom, canvas.plot.top)
    canvas.frame(
      title: title, xTitle: "Time (\(unit))", yTitle: "Share still subscribed",
      yTicks: stride(from: 0.0, through: 1, by: 0.2).map { ($0, "\(SVGCanvas.number($0 * 100))%") }, y: y)
    for tick in xTicks {
      canvas.line(x1: x(tick), y1: canvas.plot.bottom, x2: x(tick), y2: canvas.plot.bottom + 4, stroke: "#444")
      canvas.text(SVGCanvas.number(tick), x: x(tick), y: canvas.plot.bottom + 18, size: 11, anchor: "middle")
    }
    var legend: [(label: String, style: ChartStyle)] = []
    let bandOpacity = groups.count > 1 ? 0.15 : 0.3
    for (number, group) in groups.enumerated() {
      let estimate = group.estimate
      let style = ChartStyle.series(number)
      func steps(_ values: [Double]) -> [(Double, Double)] {
        var points: [(Double, Double)] = [(x(0), y(1))]
        for index in estimate.timeline.indices {
          points.append((x(estimate.timeline[index]), y(index > 0 ? values[index - 1] : 1)))
          points.append((x(estimate.timeline[index]), y(values[index])))
        }
        return points
      }
      let band = steps(estimate.upperBound) + steps(estimate.lowerBound).reversed()
      canvas.path(band, stroke: "none", fill: style.color, width: 0, closed: true, opacity: bandOpacity)
      canvas.path(steps(estimate.survival), stroke: style.color, dash: style.dash)
      if let median = estimate.median {
        canvas.marker(
          style.marker, x: x(median), y: y(0.5), color: style.color,
          title: "\(group.name): median \(SVGCanvas.number(median)) \(unit)")
      }
      legend.append((group.name, style))
    }
    canvas.line(x1: canvas.plot.left, y1: y(0.5), x2: canvas.plot.right, y2: y(0.5), stroke: "#555", dash: "4 3")
    canvas.text("50%: markers show medians", x: canvas.plot.right - 4, y: y(0.5) - 6, size: 10, anchor: "end")
    let level = SVGCanvas.number((groups.first?.estimate.confidenceLevel ?? 0.95) * 100)
    canvas.legend(legend, lines: true)
    canvas.text("Bands: \(level)% confidence", x: canvas.plot.right + 10, y: canvas.plot.bottom, size: 11)
    let names = groups.map(\.name).joined(separator: ", ")
    return DrawnChart(
      canvas: canvas, title: title,
      description: "Kaplan–Meier survival (\(names)) over \(unit), each with its Greenwood log(−log) \(level)% "
        + "confidence band.")
  }

  package static func drawCohortHeatmap(_ table: CohortTable, revenue: Bool, title: String?, id: String)
    -> DrawnChart
  {
    let rows = table.rows.filter { $0.customers.first ?? 0 > 0 }
    let ages = rows.map(\.customers.count).max() ?? 1
    let heading = title ?? "\(revenue ? "Revenue" : "Customer") retention by signup cohort (\(table.segment))"
    var canvas = SVGCanvas(
      width: max(800, 110 + Double(ages) * 30 + 170), height: max(300, 120 + Double(rows.count) * 18),
      margins: (80, 56, 170, 64), id: id)
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
          x: left, y: top, width: cellWidth - 1, height: cellHeight - 1, fill: ChartStyle.shade(min(share, 1)),
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
    canvas.legend(
      [0, 0.25, 0.5, 0.75, 1].map { ("\(SVGCanvas.number($0 * 100))%", ChartStyle(color: ChartStyle.shade($0))) })
    return DrawnChart(
      canvas: canvas, title: heading,
      description: "\(heading): the share of each signup month's \(revenue ? "revenue" : "customers") still active "
        + "after each month of age, darker for more, with the percentage in each cell.")
  }

  package static func drawUpgradeFunnel(_ funnel: UpgradeFunnel, title: String, id: String) -> DrawnChart {
    let windows = funnel.windows
    let canvas = SVGCharts.barChart(
      categories: windows.map { "Within \($0.months) months" },
      series: [
        SVGCharts.Series(
          "To VPS", windows.map { $0.eligible == 0 ? nil : Double($0.movedToVPS) / Double($0.eligible) }),
        SVGCharts.Series(
          "To dedicated", windows.map { $0.eligible == 0 ? nil : Double($0.movedToDedicated) / Double($0.eligible) }),
      ], stacked: true, maximum: max(windows.compactMap(\.rate).max() ?? 0.1, 0.1),
      format: { "\(SVGCanvas.number($0 * 100))%" }, title: title, valueTitle: "Share of eligible shared starters",
      id: id)
    return DrawnChart(
      canvas: canvas, title: title,
      description: "Of the customers who started on shared hosting and were observed for the whole window, the share "
        + "who moved to a VPS or a dedicated server within it.")
  }
}
