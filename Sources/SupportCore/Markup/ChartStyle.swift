/// How a chart draws one series: a colour from the Okabe–Ito palette (distinguishable with the common forms of
/// colour blindness) and a second cue that does not need colour at all — a dash pattern and marker shape for
/// lines, a hatch for bars.
package struct ChartStyle: Sendable, Hashable {
  /// The shape of a line series' data points.
  package enum Marker: Sendable, Hashable { case circle, square, triangle, diamond }

  /// The colour, `#rrggbb`.
  package var color: String
  /// The `stroke-dasharray` of a line series; `nil` for solid.
  package var dash: String?
  /// The marker of a line series' points.
  package var marker: Marker
  /// The angle of white hatch lines over a bar's colour; `nil` for a solid fill.
  package var hatch: Double?

  package init(color: String, dash: String? = nil, marker: Marker = .circle, hatch: Double? = nil) {
    self.color = color
    self.dash = dash
    self.marker = marker
    self.hatch = hatch
  }

  // The Okabe–Ito palette (Okabe & Ito, "Color Universal Design", 2008).
  package static let black = "#000000"
  package static let orange = "#E69F00"
  package static let skyBlue = "#56B4E9"
  package static let bluishGreen = "#009E73"
  package static let yellow = "#F0E442"
  package static let blue = "#0072B2"
  package static let vermillion = "#D55E00"
  package static let reddishPurple = "#CC79A7"

  /// The n-th series style of a chart: colours in an order that keeps neighbours apart, each with its own dash,
  /// marker and hatch, so no two series share every cue.
  package static func series(_ index: Int) -> ChartStyle {
    let colors = [blue, orange, bluishGreen, vermillion, reddishPurple, skyBlue, black, yellow]
    let dashes: [String?] = [nil, "6 3", "2 3", "8 3 2 3"]
    let markers: [Marker] = [.circle, .square, .triangle, .diamond]
    let hatches: [Double?] = [nil, 45, -45, 90]
    let slot = index % colors.count
    return ChartStyle(
      color: colors[slot], dash: dashes[slot % dashes.count], marker: markers[slot % markers.count],
      hatch: hatches[slot % hatches.count])
  }

  /// A sequential shade for heat maps, white to Okabe–Ito blue, for a share in 0…1 (clamped).
  package static func shade(_ share: Double) -> String {
    let t = max(0, min(1, share.isFinite ? share : 0))
    let channel = { (from: Double, to: Double) -> String in
      let value = Int((from + (to - from) * t).rounded())
      let digits = String(value, radix: 16)
      return digits.count == 1 ? "0" + digits : digits
    }
    return "#" + channel(247, 0) + channel(251, 60) + channel(255, 130)
  }
}
