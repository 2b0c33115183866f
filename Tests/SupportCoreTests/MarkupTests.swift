import Foundation
import Testing

@testable import SupportCore

@Suite("Markup: the one escaper, the SVG canvas and the HTML page")
struct MarkupTests {
  static let hostile = "Tom & Jerry's <script>alert(\"x\")</script>\u{1}\u{FFFE} \"><img onerror=1>"

  @Test("markup text escapes & < > and both quotes, and drops the characters XML forbids")
  func escaping() {
    #expect(
      MarkupText.escaped(Self.hostile)
        == "Tom &amp; Jerry&#39;s &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &quot;&gt;&lt;img onerror=1&gt;")
    #expect(MarkupText.escaped("line\nbreak\ttab ລາວ 😀") == "line\nbreak\ttab ລາວ 😀")
  }

  @Test("a hostile title, section, key figure, paragraph and table cell stay text")
  func hostileReport() {
    let table = HTMLReport.Table(caption: Self.hostile, header: [Self.hostile], rows: [[Self.hostile, Self.hostile]])
    let page = HTMLReport(
      title: Self.hostile, subtitle: Self.hostile,
      sections: [
        .init(
          id: Self.hostile, title: Self.hostile,
          blocks: [
            .paragraph(Self.hostile), .heading(Self.hostile), .keyFigures([.init(Self.hostile, Self.hostile)]),
            .table(table),
          ])
      ]
    ).rendered()
    #expect(!page.contains("<script"))
    #expect(!page.contains("<img"))
    #expect(!page.contains("\u{1}"))
    #expect(page.contains("Tom &amp; Jerry&#39;s &lt;script&gt;"))
    // The anchor made from the hostile title is plain letters, digits and dashes.
    #expect(page.contains("<section id=\"tom-jerry-s-script-alert-x-script-img-onerror-1\""))
  }

  @Test("the page forbids every fetch, runs no script and links only within itself")
  func selfContained() {
    let page = HTMLReport(title: "T", sections: [.init(id: "a", title: "A", blocks: [.paragraph("p")])]).rendered()
    #expect(page.contains("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\""))
    for forbidden in ["<script", "http://", "https://", "//", "src=", "<link"] {
      #expect(!page.contains(forbidden), "\(forbidden)")
    }
    #expect(page.contains("<a href=\"#a\">A</a>"))
    #expect(page.contains("@media print"))
    #expect(page.contains("name=\"viewport\" content=\"width=device-width, initial-scale=1\""))
  }

  @Test("an inline chart is an svg role=img named by its title and desc, without a namespace URL")
  func inlineChart() {
    var canvas = SVGCanvas(id: "c1")
    canvas.text("label", x: 1, y: 2)
    let svg = canvas.inlineElement(title: "A <title>", description: "What & why")
    #expect(svg.hasPrefix("<svg width=\"800\" height=\"420\" viewBox=\"0 0 800 420\""))
    #expect(svg.contains("role=\"img\" aria-labelledby=\"c1-title c1-desc\""))
    #expect(svg.contains("<title id=\"c1-title\">A &lt;title&gt;</title>\n<desc id=\"c1-desc\">What &amp; why</desc>"))
    #expect(!svg.contains("http"))
    let document = canvas.document(title: "A", description: "B")
    #expect(document.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
  }

  @Test("a figure carries its chart, its caption and its data table in a details element")
  func figure() {
    let figure = HTMLReport.Figure(
      svg: "<svg role=\"img\"></svg>", caption: "Caption",
      alternative: .init(header: ["Month", "Value"], rows: [["2026-01", "3"]], numericColumns: [1]))
    let page = HTMLReport(title: "T", sections: [.init(id: "s", title: "S", blocks: [.figure(figure)])]).rendered()
    #expect(
      page.contains(
        "<figure>\n<div class=\"chart\"><svg role=\"img\"></svg></div>\n<figcaption>Caption</figcaption>\n"
          + "<details><summary>Data table</summary>\n<div class=\"table\"><table><thead><tr><th scope=\"col\">Month</th>"
          + "<th scope=\"col\" class=\"num\">Value</th></tr></thead><tbody><tr><th scope=\"row\">2026-01</th>"
          + "<td class=\"num\">3</td></tr></tbody></table></div>\n</details>\n</figure>"))
  }

  @Test("series differ by more than colour: each of the first four has its own dash, marker and hatch")
  func seriesStyles() {
    let styles = (0..<4).map(ChartStyle.series)
    #expect(Set(styles.map(\.color)).count == 4)
    #expect(Set(styles.map(\.marker)).count == 4)
    #expect(Set(styles.map { $0.dash ?? "solid" }).count == 4)
    #expect(Set(styles.map { $0.hatch ?? 0 }).count == 4)
    #expect(ChartStyle.shade(0) == "#f7fbff")
    #expect(ChartStyle.shade(1) == "#003c82")
  }

  @Test(
    "percentages and decimals read the same everywhere",
    arguments: [
      (0.125, "12.5%"), (1.0, "100.0%"), (Double.nan, "n/a"),
    ])
  func percent(share: Double, text: String) {
    #expect(HTMLReport.percent(share) == text)
  }

  @Test("decimals drop trailing zeros")
  func decimals() {
    #expect(HTMLReport.decimal(3.250) == "3.25")
    #expect(HTMLReport.decimal(4) == "4")
    #expect(HTMLReport.decimal(-0.001) == "0")
    #expect(HTMLReport.decimal(nil) == "n/a")
  }
}
