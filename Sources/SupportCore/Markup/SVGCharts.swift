/// The chart shapes the kit's reports share: lines over an ordered axis and horizontal bars per category. Each
/// returns the drawn ``SVGCanvas``; the caller renders it standalone or inline with its title and description.
package enum SVGCharts {
  /// One named series of values.
  package struct Series: Sendable {
    package var name: String
    package var values: [Double?]
    package init(_ name: String, _ values: [Double?]) {
      self.name = name
      self.values = values
    }
  }

  /// Lines over labelled x positions (months, days); a missing value breaks the line. Series differ by colour,
  /// dash pattern and marker shape.
  /// - Parameters:
  ///   - labels: The x labels, in order.
  ///   - series: The lines; values aligned with `labels`.
  ///   - ticks: The y axis ticks, lowest first.
  ///   - format: The text of a y value.
  ///   - title: The chart title drawn at the top.
  ///   - xTitle: The x axis title.
  ///   - yTitle: The y axis title.
  ///   - id: The canvas id (unique within an HTML page).
  /// - Returns: The drawn canvas.
  package static func lineChart(
    labels: [String], series: [Series], ticks: [Double], format: (Double) -> String, title: String, xTitle: String,
    yTitle: String, id: String = "chart"
  ) -> SVGCanvas {
    var canvas = SVGCanvas(id: id)
    let y = SVGCanvas.scale(ticks.first ?? 0, ticks.last ?? 1, canvas.plot.bottom, canvas.plot.top)
    let slot = (canvas.plot.right - canvas.plot.left) / Double(max(labels.count, 1))
    let plotLeft = canvas.plot.left
    let x = { (index: Int) in plotLeft + (Double(index) + 0.5) * slot }
    canvas.frame(title: title, xTitle: xTitle, yTitle: yTitle, yTicks: ticks.map { ($0, format($0)) }, y: y)
    var legend: [(label: String, style: ChartStyle)] = []
    for (number, line) in series.enumerated() {
      let style = ChartStyle.series(number)
      legend.append((line.name, style))
      var run: [(Double, Double)] = []
      var points: [(Double, Double, String)] = []
      for (index, value) in line.values.enumerated() {
        if let value, value.isFinite {
          run.append((x(index), y(value)))
          let label = index < labels.count ? labels[index] : String(index)
          points.append((x(index), y(value), "\(line.name), \(label): \(format(value))"))
        } else {
          canvas.path(run, stroke: style.color, dash: style.dash)
          run = []
        }
      }
      canvas.path(run, stroke: style.color, dash: style.dash)
      for point in points { canvas.marker(style.marker, x: point.0, y: point.1, color: style.color, title: point.2) }
    }
    canvas.xLabels(labels, x: x)
    canvas.legend(legend, lines: true)
    return canvas
  }

  /// Horizontal bars: one group per category (a row), one bar per series in the group, or the series stacked in
  /// one bar. Each bar carries its value as text, and series differ by hatch as well as colour.
  /// - Parameters:
  ///   - categories: The row labels, top to bottom.
  ///   - series: The values per category; `nil` draws no bar and writes "n/a".
  ///   - stacked: Stack the series in one bar per category instead of side by side.
  ///   - maximum: The end of the value axis; the largest (stacked) value by default.
  ///   - format: The text of a value.
  ///   - title: The chart title drawn at the top.
  ///   - valueTitle: The value axis title.
  ///   - id: The canvas id (unique within an HTML page).
  ///   - styles: The series' styles; ``ChartStyle/series(_:)`` by default.
  /// - Returns: The drawn canvas.
  package static func barChart(
    categories: [String], series: [Series], stacked: Bool = false, maximum: Double? = nil,
    format: (Double) -> String, title: String, valueTitle: String, id: String = "chart", styles: [ChartStyle]? = nil
  ) -> SVGCanvas {
    let styles = series.indices.map { index in
      if let styles, styles.indices.contains(index) { return styles[index] }
      return ChartStyle.series(index)
    }
    let barsPerRow = stacked ? 1 : max(series.count, 1)
    let barHeight = 16.0
    let rowHeight = Double(barsPerRow) * barHeight + 12
    let height = max(180, 56 + 56 + Double(max(categories.count, 1)) * rowHeight)
    var canvas = SVGCanvas(width: 720, height: height, margins: (130, 56, 180, 56), id: id)
    let totals = categories.indices.map { index -> Double in
      let values = series.map { index < $0.values.count ? ($0.values[index] ?? 0) : 0 }
      return stacked ? values.reduce(0, +) : (values.max() ?? 0)
    }
    let ticks = SVGCanvas.ticks(from: 0, to: max(maximum ?? totals.max() ?? 1, 1e-9))
    let x = SVGCanvas.scale(0, ticks.last ?? 1, canvas.plot.left, canvas.plot.right - 40)
    canvas.text(title, x: canvas.width / 2, y: 28, size: 18, anchor: "middle", weight: "bold")
    for tick in ticks {
      canvas.line(x1: x(tick), y1: canvas.plot.top, x2: x(tick), y2: canvas.plot.bottom, stroke: "#e3e3e3")
      canvas.text(format(tick), x: x(tick), y: canvas.plot.bottom + 16, size: 11, anchor: "middle")
    }
    canvas.line(
      x1: canvas.plot.left, y1: canvas.plot.top, x2: canvas.plot.left, y2: canvas.plot.bottom, stroke: "#444")
    canvas.text(
      valueTitle, x: (canvas.plot.left + canvas.plot.right) / 2, y: canvas.height - 10, anchor: "middle")
    let fills = styles.map { canvas.fill(for: $0) }
    for (row, category) in categories.enumerated() {
      let top = canvas.plot.top + Double(row) * rowHeight + 6
      canvas.text(
        category, x: canvas.plot.left - 8, y: top + Double(barsPerRow) * barHeight / 2 + 4, size: 12, anchor: "end")
      var offset = 0.0
      for (number, line) in series.enumerated() {
        let value = row < line.values.count ? line.values[row] : nil
        let barTop = stacked ? top : top + Double(number) * barHeight
        let start = stacked ? offset : 0
        guard let value, value.isFinite else {
          if !stacked { canvas.text("n/a", x: x(0) + 4, y: barTop + barHeight - 4, size: 11, fill: "#57606a") }
          continue
        }
        let width = x(start + value) - x(start)
        canvas.rect(
          x: x(start), y: barTop, width: width, height: barHeight - 2, fill: fills[number],
          title: "\(category), \(line.name): \(format(value))")
        if !stacked {
          canvas.text(format(value), x: x(value) + 4, y: barTop + barHeight - 4, size: 11)
        } else if width >= 28, value > 0 {
          canvas.add(
            "<text x=\"\(SVGCanvas.number(x(start) + width / 2))\" y=\"\(SVGCanvas.number(barTop + barHeight - 5))\" "
              + "font-size=\"10\" text-anchor=\"middle\" fill=\"#000000\" stroke=\"#ffffff\" stroke-width=\"3\" "
              + "paint-order=\"stroke\">\(MarkupText.escaped(format(value)))</text>")
        }
        offset += value
      }
      if stacked, row < totals.count {
        canvas.text(format(totals[row]), x: x(totals[row]) + 4, y: top + barHeight - 4, size: 11, weight: "bold")
      }
    }
    if series.count > 1 || stacked {
      canvas.legend(zip(series.map(\.name), styles).map { ($0, $1) })
    }
    return canvas
  }
}
