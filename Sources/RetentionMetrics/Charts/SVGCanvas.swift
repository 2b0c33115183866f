import Foundation

/// A small SVG 1.1 writer for the report charts: every text node and attribute value is XML-escaped.
struct SVGCanvas {
  let width: Double
  let height: Double
  /// The plot area inside the margins.
  let plot: (left: Double, top: Double, right: Double, bottom: Double)
  private var elements: [String] = []

  init(
    width: Double = 800, height: Double = 420,
    margins: (left: Double, top: Double, right: Double, bottom: Double) = (80, 56, 170, 64)
  ) {
    self.width = width
    self.height = height
    plot = (margins.left, margins.top, width - margins.right, height - margins.bottom)
  }

  static func escape(_ text: String) -> String {
    var output = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": output += "&amp;"
      case "<": output += "&lt;"
      case ">": output += "&gt;"
      case "\"": output += "&quot;"
      case "'": output += "&apos;"
      // Characters XML 1.0 forbids are dropped.
      case _ where scalar.value < 0x20 && scalar != "\n" && scalar != "\t" && scalar != "\r": continue
      case _ where scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
      default: output.unicodeScalars.append(scalar)
      }
    }
    return output
  }

  static func number(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    let rounded = (value * 100).rounded() / 100
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
  }

  mutating func add(_ element: String) { elements.append(element) }

  mutating func text(
    _ content: String, x: Double, y: Double, size: Double = 12, anchor: String = "start", weight: String = "normal",
    rotate: Double? = nil, fill: String = "#222"
  ) {
    let transform = rotate.map { " transform=\"rotate(\(Self.number($0)) \(Self.number(x)) \(Self.number(y)))\"" } ?? ""
    add(
      "<text x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" font-size=\"\(Self.number(size))\" "
        + "text-anchor=\"\(anchor)\" font-weight=\"\(weight)\" fill=\"\(fill)\"\(transform)>\(Self.escape(content))</text>"
    )
  }

  mutating func line(
    x1: Double, y1: Double, x2: Double, y2: Double, stroke: String = "#999", width: Double = 1, dash: String? = nil
  ) {
    let dashes = dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
    add(
      "<line x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\" x2=\"\(Self.number(x2))\" y2=\"\(Self.number(y2))\" "
        + "stroke=\"\(stroke)\" stroke-width=\"\(Self.number(width))\"\(dashes)/>")
  }

  mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, title: String? = nil) {
    let tooltip = title.map { "<title>\(Self.escape($0))</title>" } ?? ""
    add(
      "<rect x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(max(width, 0)))\" "
        + "height=\"\(Self.number(max(height, 0)))\" fill=\"\(fill)\">\(tooltip)</rect>")
  }

  mutating func path(
    _ points: [(Double, Double)], stroke: String, fill: String = "none", width: Double = 2, closed: Bool = false
  ) {
    guard let first = points.first else { return }
    var data = "M\(Self.number(first.0)),\(Self.number(first.1))"
    for point in points.dropFirst() { data += " L\(Self.number(point.0)),\(Self.number(point.1))" }
    if closed { data += " Z" }
    add("<path d=\"\(data)\" stroke=\"\(stroke)\" fill=\"\(fill)\" stroke-width=\"\(Self.number(width))\"/>")
  }

  /// Title, axis titles, horizontal grid lines with labels for the y ticks.
  mutating func frame(
    title: String, xTitle: String, yTitle: String, yTicks: [(value: Double, label: String)], y: (Double) -> Double
  ) {
    text(title, x: width / 2, y: 28, size: 18, anchor: "middle", weight: "bold")
    for tick in yTicks {
      let position = y(tick.value)
      line(x1: plot.left, y1: position, x2: plot.right, y2: position, stroke: "#e3e3e3")
      text(tick.label, x: plot.left - 8, y: position + 4, size: 11, anchor: "end")
    }
    line(x1: plot.left, y1: plot.top, x2: plot.left, y2: plot.bottom, stroke: "#444")
    line(x1: plot.left, y1: plot.bottom, x2: plot.right, y2: plot.bottom, stroke: "#444")
    text(xTitle, x: (plot.left + plot.right) / 2, y: height - 12, size: 12, anchor: "middle")
    text(yTitle, x: 18, y: (plot.top + plot.bottom) / 2, size: 12, anchor: "middle", rotate: -90)
  }

  /// Labels under the x axis, thinned so they do not overlap.
  mutating func xLabels(_ labels: [String], x: (Int) -> Double) {
    let step = max(1, Int((Double(labels.count) * 52 / max(plot.right - plot.left, 1)).rounded(.up)))
    for (index, label) in labels.enumerated() where index % step == 0 {
      line(x1: x(index), y1: plot.bottom, x2: x(index), y2: plot.bottom + 4, stroke: "#444")
      text(label, x: x(index), y: plot.bottom + 18, size: 11, anchor: "middle")
    }
  }

  mutating func legend(_ items: [(label: String, color: String)]) {
    for (index, item) in items.enumerated() {
      let y = plot.top + Double(index) * 20
      rect(x: plot.right + 16, y: y, width: 12, height: 12, fill: item.color)
      text(item.label, x: plot.right + 34, y: y + 10, size: 12)
    }
  }

  func rendered(description: String) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="\(Self.number(width))" height="\(Self.number(height))" \
    viewBox="0 0 \(Self.number(width)) \(Self.number(height))" font-family="Helvetica, Arial, sans-serif" role="img">
    <desc>\(Self.escape(description))</desc>
    <rect x="0" y="0" width="\(Self.number(width))" height="\(Self.number(height))" fill="#ffffff"/>
    \(elements.joined(separator: "\n"))
    </svg>

    """
  }

  /// About five round tick values covering 0...maximum (or minimum...maximum).
  static func ticks(from minimum: Double, to maximum: Double) -> [Double] {
    let span = max(maximum - minimum, 1e-9)
    let raw = span / 5
    let magnitude = pow(10, (log10(raw)).rounded(.down))
    let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
    let first = (minimum / step).rounded(.down) * step
    return stride(from: first, through: maximum + step * 0.999, by: step).map { $0 }
  }
}
