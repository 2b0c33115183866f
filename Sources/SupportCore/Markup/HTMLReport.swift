import Foundation

/// A self-contained HTML report: one file with inline CSS and inline SVG, no scripts, and a
/// `Content-Security-Policy` that forbids fetching anything (`default-src 'none'`), so it opens the same offline,
/// from an e-mail attachment or from a panel's download link. Every text goes through ``MarkupText``.
///
/// The page is a list of ``HTMLReport/Section``s; a module contributes sections (the desk's SLA and feedback, the
/// retention charts), and a caller adds, drops or reorders them before rendering. Readable on a phone (fluid
/// layout, charts scale to the width, wide tables scroll inside their box) and printable (print CSS opens the data
/// tables, keeps figures on one page and drops the navigation).
package struct HTMLReport: Sendable {
  /// One titled part of the report, with its own anchor in the page's navigation.
  package struct Section: Sendable {
    /// The anchor: lowercase letters, digits and `-`.
    package var id: String
    package var title: String
    package var blocks: [Block]

    package init(id: String, title: String, blocks: [Block]) {
      self.id = HTMLReport.anchor(id)
      self.title = title
      self.blocks = blocks
    }
  }

  /// What a section holds.
  package enum Block: Sendable {
    /// A paragraph of text.
    case paragraph(String)
    /// Headline numbers, each a value over its label.
    case keyFigures([KeyFigure])
    /// A chart with its caption and its text alternative.
    case figure(Figure)
    /// A table shown as is.
    case table(Table)
    /// A sub-heading within the section.
    case heading(String)
  }

  /// A headline number.
  package struct KeyFigure: Sendable {
    package var label: String
    package var value: String
    package init(_ label: String, _ value: String) {
      self.label = label
      self.value = value
    }
  }

  /// A chart: an inline `<svg role="img">` (with `<title>` and `<desc>`), a caption, and the same data as a table
  /// in a `<details>` element — the text alternative for screen readers, search and copying numbers.
  package struct Figure: Sendable {
    /// The chart, from ``SVGCanvas/inlineElement(title:description:)``.
    package var svg: String
    package var caption: String
    package var alternative: Table

    package init(svg: String, caption: String, alternative: Table) {
      self.svg = svg
      self.caption = caption
      self.alternative = alternative
    }
  }

  /// A table: a header row and rows of cells; the first cell of each row is its row header.
  package struct Table: Sendable {
    package var caption: String?
    package var header: [String]
    package var rows: [[String]]
    /// Columns aligned right (numbers).
    package var numericColumns: Set<Int>

    package init(caption: String? = nil, header: [String], rows: [[String]], numericColumns: Set<Int> = []) {
      self.caption = caption
      self.header = header
      self.rows = rows
      self.numericColumns = numericColumns
    }
  }

  package var title: String
  package var subtitle: String?
  package var sections: [Section]

  package init(title: String, subtitle: String? = nil, sections: [Section]) {
    self.title = title
    self.subtitle = subtitle
    self.sections = sections
  }

  /// The content security policy of every report: nothing may be fetched, nothing run; only the inline style
  /// sheet and `data:` images are allowed.
  package static let contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

  /// The page.
  /// - Returns: A complete HTML5 document.
  /// - Complexity: O(n) in the size of the content.
  package func rendered() -> String {
    var html = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta http-equiv="Content-Security-Policy" content="\(Self.contentSecurityPolicy)">
      <meta name="color-scheme" content="light">
      <title>\(MarkupText.escaped(title))</title>
      <style>\(Self.styleSheet)</style>
      </head>
      <body>
      <header><h1>\(MarkupText.escaped(title))</h1>
      """
    if let subtitle { html += "<p class=\"subtitle\">\(MarkupText.escaped(subtitle))</p>" }
    html += "</header>\n<nav aria-label=\"Sections\"><ul>"
    for section in sections {
      html += "<li><a href=\"#\(section.id)\">\(MarkupText.escaped(section.title))</a></li>"
    }
    html += "</ul></nav>\n<main>\n"
    for section in sections {
      html += "<section id=\"\(section.id)\" aria-labelledby=\"\(section.id)-heading\">\n"
      html += "<h2 id=\"\(section.id)-heading\">\(MarkupText.escaped(section.title))</h2>\n"
      for block in section.blocks { html += Self.render(block) + "\n" }
      html += "</section>\n"
    }
    html +=
      "</main>\n<footer><p>Made by HostingSupportKit. No scripts, nothing fetched.</p></footer>\n</body>\n</html>\n"
    return html
  }

  private static func render(_ block: Block) -> String {
    switch block {
    case .paragraph(let text): return "<p>\(MarkupText.escaped(text))</p>"
    case .heading(let text): return "<h3>\(MarkupText.escaped(text))</h3>"
    case .keyFigures(let figures):
      let items = figures.map {
        "<div><dt>\(MarkupText.escaped($0.label))</dt><dd>\(MarkupText.escaped($0.value))</dd></div>"
      }
      return "<dl class=\"figures\">\(items.joined())</dl>"
    case .table(let table): return render(table)
    case .figure(let figure):
      return """
        <figure>
        <div class="chart">\(figure.svg)</div>
        <figcaption>\(MarkupText.escaped(figure.caption))</figcaption>
        <details><summary>Data table</summary>
        \(render(figure.alternative))
        </details>
        </figure>
        """
    }
  }

  private static func render(_ table: Table) -> String {
    var html = "<div class=\"table\"><table>"
    if let caption = table.caption { html += "<caption>\(MarkupText.escaped(caption))</caption>" }
    html += "<thead><tr>"
    for (index, name) in table.header.enumerated() {
      html += "<th scope=\"col\"\(numeric(index, table))>\(MarkupText.escaped(name))</th>"
    }
    html += "</tr></thead><tbody>"
    for row in table.rows {
      html += "<tr>"
      for (index, cell) in row.enumerated() {
        let tag = index == 0 ? "th scope=\"row\"" : "td"
        html += "<\(tag)\(numeric(index, table))>\(MarkupText.escaped(cell))</\(index == 0 ? "th" : "td")>"
      }
      html += "</tr>"
    }
    return html + "</tbody></table></div>"
  }

  private static func numeric(_ column: Int, _ table: Table) -> String {
    table.numericColumns.contains(column) ? " class=\"num\"" : ""
  }

  /// An anchor from any text: lowercase ASCII letters and digits, other runs as one `-`.
  package static func anchor(_ text: String) -> String {
    var output = ""
    for scalar in text.lowercased().unicodeScalars {
      if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
        output.unicodeScalars.append(scalar)
      } else if !output.isEmpty, !output.hasSuffix("-") {
        output += "-"
      }
    }
    while output.hasSuffix("-") { output.removeLast() }
    return output.isEmpty ? "section" : output
  }
}

extension HTMLReport {
  /// A share in 0…1 as a percentage with one decimal (`"12.5%"`), or `"n/a"` when there is none.
  package static func percent(_ share: Double?) -> String {
    guard let share, share.isFinite else { return "n/a" }
    return String(format: "%.1f%%", share * 100)
  }

  /// A number with at most `digits` decimals (`"3.25"`, `"4"`), or `"n/a"`.
  package static func decimal(_ value: Double?, digits: Int = 2) -> String {
    guard let value, value.isFinite else { return "n/a" }
    let text = String(format: "%.\(digits)f", value)
    guard text.contains(".") else { return text }
    var trimmed = Substring(text)
    while trimmed.hasSuffix("0") { trimmed = trimmed.dropLast() }
    if trimmed.hasSuffix(".") { trimmed = trimmed.dropLast() }
    return trimmed == "-0" ? "0" : String(trimmed)
  }
}

extension HTMLReport.Block {
  /// A chart captioned by its description, with its data as the text alternative.
  /// - Parameters:
  ///   - canvas: The drawing.
  ///   - title: The chart's accessible name.
  ///   - description: What it shows: its `<desc>` and its caption.
  ///   - header: The data table's column names.
  ///   - rows: The data table's rows.
  ///   - numericColumns: The columns aligned right.
  package static func chart(
    _ canvas: SVGCanvas, title: String, description: String, header: [String], rows: [[String]],
    numericColumns: Set<Int> = []
  ) -> Self {
    .figure(
      .init(
        svg: canvas.inlineElement(title: title, description: description), caption: description,
        alternative: .init(header: header, rows: rows, numericColumns: numericColumns)))
  }
}
