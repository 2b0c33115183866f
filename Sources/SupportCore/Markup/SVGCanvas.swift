import Foundation

/// A small SVG writer for the kit's charts: every text node and attribute value goes through ``MarkupText``, every
/// chart carries a `<title>` and `<desc>`, and the same drawing renders as a standalone SVG 1.1 file or as an
/// element inlined in an HTML page.
package struct SVGCanvas: Sendable {
  package let width: Double
  package let height: Double
  /// The plot area inside the margins.
  package let plot: (left: Double, top: Double, right: Double, bottom: Double)
  /// The prefix of the ids the drawing defines (title, description, fill patterns); unique within an HTML page.
  package let id: String
  private var definitions: [String] = []
  private var elements: [String] = []

  /// Creates an empty canvas.
  /// - Parameters:
  ///   - width: The width in user units.
  ///   - height: The height in user units.
  ///   - margins: Space around the plot area for titles, labels and the legend.
  ///   - id: The prefix of the ids the drawing defines; letters, digits and `-` only.
  package init(
    width: Double = 800, height: Double = 420,
    margins: (left: Double, top: Double, right: Double, bottom: Double) = (80, 56, 170, 64), id: String = "chart"
  ) {
    self.width = width
    self.height = height
    self.id = id
    plot = (margins.left, margins.top, width - margins.right, height - margins.bottom)
  }

  /// A coordinate or size: at most two decimals, `0` for non-finite values.
  package static func number(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    let rounded = (value * 100).rounded() / 100
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
  }

  /// Appends raw markup (the caller escapes any text in it).
  package mutating func add(_ element: String) { elements.append(element) }

  package mutating func text(
    _ content: String, x: Double, y: Double, size: Double = 12, anchor: String = "start", weight: String = "normal",
    rotate: Double? = nil, fill: String = "#222"
  ) {
    let transform = rotate.map { " transform=\"rotate(\(Self.number($0)) \(Self.number(x)) \(Self.number(y)))\"" } ?? ""
    add(
      "<text x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" font-size=\"\(Self.number(size))\" "
        + "text-anchor=\"\(anchor)\" font-weight=\"\(weight)\" fill=\"\(fill)\"\(transform)>"
        + "\(MarkupText.escaped(content))</text>"
    )
  }

  package mutating func line(
    x1: Double, y1: Double, x2: Double, y2: Double, stroke: String = "#999", width: Double = 1, dash: String? = nil
  ) {
    let dashes = dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
    add(
      "<line x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\" x2=\"\(Self.number(x2))\" y2=\"\(Self.number(y2))\" "
        + "stroke=\"\(stroke)\" stroke-width=\"\(Self.number(width))\"\(dashes)/>")
  }

  /// A rectangle; `title` becomes its tooltip.
  package mutating func rect(
    x: Double, y: Double, width: Double, height: Double, fill: String, title: String? = nil, stroke: String? = nil
  ) {
    let tooltip = title.map { "<title>\(MarkupText.escaped($0))</title>" } ?? ""
    let outline = stroke.map { " stroke=\"\($0)\" stroke-width=\"1\"" } ?? ""
    add(
      "<rect x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(max(width, 0)))\" "
        + "height=\"\(Self.number(max(height, 0)))\" fill=\"\(fill)\"\(outline)>\(tooltip)</rect>")
  }

  package mutating func path(
    _ points: [(Double, Double)], stroke: String, fill: String = "none", width: Double = 2, closed: Bool = false,
    dash: String? = nil, opacity: Double? = nil
  ) {
    guard let first = points.first else { return }
    var data = "M\(Self.number(first.0)),\(Self.number(first.1))"
    for point in points.dropFirst() { data += " L\(Self.number(point.0)),\(Self.number(point.1))" }
    if closed { data += " Z" }
    let dashes = dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
    let alpha = opacity.map { " fill-opacity=\"\(Self.number($0))\"" } ?? ""
    add(
      "<path d=\"\(data)\" stroke=\"\(stroke)\" fill=\"\(fill)\" stroke-width=\"\(Self.number(width))\"\(dashes)\(alpha)/>"
    )
  }

  /// A data point drawn in the series' shape, so series differ by more than colour.
  package mutating func marker(_ shape: ChartStyle.Marker, x: Double, y: Double, color: String, title: String? = nil) {
    let tooltip = title.map { "<title>\(MarkupText.escaped($0))</title>" } ?? ""
    let (cx, cy) = (Self.number(x), Self.number(y))
    switch shape {
    case .circle:
      add("<circle cx=\"\(cx)\" cy=\"\(cy)\" r=\"3.5\" fill=\"\(color)\">\(tooltip)</circle>")
    case .square:
      add(
        "<rect x=\"\(Self.number(x - 3.5))\" y=\"\(Self.number(y - 3.5))\" width=\"7\" height=\"7\" fill=\"\(color)\">"
          + "\(tooltip)</rect>")
    case .triangle:
      let points = [(x, y - 4.5), (x + 4.5, y + 3.5), (x - 4.5, y + 3.5)]
      add("<polygon points=\"\(Self.points(points))\" fill=\"\(color)\">\(tooltip)</polygon>")
    case .diamond:
      let points = [(x, y - 5), (x + 5, y), (x, y + 5), (x - 5, y)]
      add("<polygon points=\"\(Self.points(points))\" fill=\"\(color)\">\(tooltip)</polygon>")
    }
  }

  /// The fill of a series: its colour, hatched with white lines when the style asks for it (bars then differ by
  /// texture as well as colour). Returns the value of a `fill` attribute.
  package mutating func fill(for style: ChartStyle) -> String {
    guard let angle = style.hatch else { return style.color }
    let patternID = "\(id)-fill-\(definitions.count)"
    definitions.append(
      "<pattern id=\"\(patternID)\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
        + "patternTransform=\"rotate(\(Self.number(angle)))\"><rect width=\"6\" height=\"6\" fill=\"\(style.color)\"/>"
        + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#ffffff\" stroke-width=\"2\"/></pattern>")
    return "url(#\(patternID))"
  }

  /// Title, axis titles, horizontal grid lines with labels for the y ticks.
  package mutating func frame(
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
  package mutating func xLabels(_ labels: [String], x: (Int) -> Double) {
    let step = max(1, Int((Double(labels.count) * 52 / max(plot.right - plot.left, 1)).rounded(.up)))
    for (index, label) in labels.enumerated() where index % step == 0 {
      line(x1: x(index), y1: plot.bottom, x2: x(index), y2: plot.bottom + 4, stroke: "#444")
      text(label, x: x(index), y: plot.bottom + 18, size: 11, anchor: "middle")
    }
  }

  /// The legend right of the plot: a swatch (in the series' fill, hatched or not) or a line sample (with the
  /// series' dash and marker) beside each label.
  package mutating func legend(_ items: [(label: String, style: ChartStyle)], lines: Bool = false) {
    for (index, item) in items.enumerated() {
      let y = plot.top + Double(index) * 20
      if lines {
        line(
          x1: plot.right + 10, y1: y + 6, x2: plot.right + 30, y2: y + 6, stroke: item.style.color, width: 2,
          dash: item.style.dash)
        marker(item.style.marker, x: plot.right + 20, y: y + 6, color: item.style.color)
      } else {
        rect(x: plot.right + 16, y: y, width: 12, height: 12, fill: fill(for: item.style), stroke: "#444")
      }
      text(item.label, x: plot.right + 36, y: y + 10, size: 12)
    }
  }

  /// The drawing as a standalone SVG 1.1 document (an `.svg` file).
  /// - Parameters:
  ///   - title: The accessible name (the `<title>` element).
  ///   - description: What the chart shows (the `<desc>` element).
  package func document(title: String, description: String) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    \(svg(title: title, description: description, namespace: true))

    """
  }

  /// The drawing as an `<svg role="img">` element to inline in an HTML page: no XML declaration or namespace
  /// (HTML supplies it), named by its `<title>` and `<desc>` through `aria-labelledby`.
  /// - Parameters:
  ///   - title: The accessible name (the `<title>` element).
  ///   - description: What the chart shows (the `<desc>` element).
  package func inlineElement(title: String, description: String) -> String {
    svg(title: title, description: description, namespace: false)
  }

  private func svg(title: String, description: String, namespace: Bool) -> String {
    let (w, h) = (Self.number(width), Self.number(height))
    let xmlns = namespace ? " xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"" : ""
    let defs = definitions.isEmpty ? "" : "<defs>\(definitions.joined())</defs>\n"
    return """
      <svg\(xmlns) width="\(w)" height="\(h)" viewBox="0 0 \(w) \(h)" \
      font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif" role="img" \
      aria-labelledby="\(id)-title \(id)-desc">
      <title id="\(id)-title">\(MarkupText.escaped(title))</title>
      <desc id="\(id)-desc">\(MarkupText.escaped(description))</desc>
      \(defs)<rect x="0" y="0" width="\(w)" height="\(h)" fill="#ffffff"/>
      \(elements.joined(separator: "\n"))
      </svg>
      """
  }

  private static func points(_ points: [(Double, Double)]) -> String {
    points.map { "\(number($0.0)),\(number($0.1))" }.joined(separator: " ")
  }

  /// About five round tick values covering 0...maximum (or minimum...maximum).
  package static func ticks(from minimum: Double, to maximum: Double) -> [Double] {
    let span = max(maximum - minimum, 1e-9)
    let raw = span / 5
    let magnitude = pow(10, (log10(raw)).rounded(.down))
    let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
    let first = (minimum / step).rounded(.down) * step
    return stride(from: first, through: maximum + step * 0.999, by: step).map { $0 }
  }

  /// A linear map from a domain to a range of coordinates.
  package static func scale(_ domainLow: Double, _ domainHigh: Double, _ rangeLow: Double, _ rangeHigh: Double)
    -> @Sendable (Double) -> Double
  {
    let span = domainHigh - domainLow == 0 ? 1 : domainHigh - domainLow
    return { rangeLow + ($0 - domainLow) / span * (rangeHigh - rangeLow) }
  }
}
