import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Checks an HTML report the way the kit promises it: self-contained (no scripts, no event handlers, no URL that
/// could be fetched or followed off the page, the no-fetch content security policy), and accessible (every chart
/// an `<svg role="img">` named by its `<title>` and `<desc>`, well-formed, inside a `<figure>` with a data table
/// as its text alternative). The kit's own tests run it on every report they render.
package enum HTMLReportAudit {
  /// What is wrong with the page; empty when it keeps every promise.
  /// - Parameter html: The page.
  /// - Returns: One line per problem.
  package static func problems(in html: String) -> [String] {
    var problems: [String] = []
    let lowered = html.lowercased()
    for forbidden in ["<script", "http://", "https://", "//", "javascript:", "<iframe", "<object", "<embed", "<link"]
    where lowered.contains(forbidden) {
      problems.append("contains \(forbidden)")
    }
    // Markup only: escaped text cannot hold a `<`, so every `<…>` is a real tag.
    let tags = matches(of: "(<[^>]*>)", in: lowered).joined(separator: "\n")
    if tags.range(of: #"\son[a-z]+\s*="#, options: .regularExpression) != nil {
      problems.append("has an event handler attribute")
    }
    if tags.range(of: #"\ssrc\s*="#, options: .regularExpression) != nil { problems.append("has a src attribute") }
    for link in matches(of: #"href="([^"]*)""#, in: tags) where !link.hasPrefix("#") {
      problems.append("links off the page: \(link)")
    }
    if !html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"") {
      problems.append("lacks the no-fetch content security policy")
    }
    let figures = html.components(separatedBy: "<figure>").dropFirst()
    let charts = html.components(separatedBy: "<svg").count - 1
    if figures.count != charts { problems.append("\(charts) charts but \(figures.count) figures") }
    for (index, figure) in figures.enumerated() {
      let body = figure.components(separatedBy: "</figure>")[0]
      guard let start = body.range(of: "<svg"), let end = body.range(of: "</svg>") else {
        problems.append("figure \(index) has no chart")
        continue
      }
      let svg = String(body[start.lowerBound..<end.upperBound])
      problems += chartProblems(svg).map { "figure \(index): \($0)" }
      let after = body[end.upperBound...]
      if !(after.contains("<details>") && after.contains("<table>") && after.contains("<th scope=\"col\"")) {
        problems.append("figure \(index) has no data table in a <details>")
      }
    }
    return problems
  }

  /// What is wrong with one inline chart: not well-formed, not `role="img"`, or without a non-empty `<title>` and
  /// `<desc>` that `aria-labelledby` names.
  /// - Parameter svg: The `<svg>` element.
  /// - Returns: One line per problem.
  package static func chartProblems(_ svg: String) -> [String] {
    var problems: [String] = []
    let reader = ChartReader()
    let parser = XMLParser(data: Data(svg.utf8))
    parser.delegate = reader
    if !parser.parse() { problems.append("is not well-formed") }
    if reader.rootAttributes["role"] != "img" { problems.append("is not role=\"img\"") }
    for element in ["title", "desc"] {
      guard let text = reader.firstChildren[element], !text.trimmingCharacters(in: .whitespaces).isEmpty else {
        problems.append("has no \(element)")
        continue
      }
      let id = reader.firstChildIDs[element] ?? ""
      if id.isEmpty || !(reader.rootAttributes["aria-labelledby"] ?? "").split(separator: " ").contains(Substring(id)) {
        problems.append("its \(element) is not named by aria-labelledby")
      }
    }
    return problems
  }

  private static func matches(of pattern: String, in text: String) -> [String] {
    guard let expression = try? NSRegularExpression(pattern: pattern) else { return [] }
    let range = NSRange(text.startIndex..., in: text)
    return expression.matches(in: text, range: range).compactMap { match in
      Range(match.range(at: 1), in: text).map { String(text[$0]) }
    }
  }

  /// Records the root's attributes and the text and id of its first `<title>` and `<desc>` children.
  private final class ChartReader: NSObject, XMLParserDelegate {
    var rootAttributes: [String: String] = [:]
    var firstChildren: [String: String] = [:]
    var firstChildIDs: [String: String] = [:]
    private var depth = 0
    private var current: String?

    func parser(
      _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String] = [:]
    ) {
      depth += 1
      if depth == 1 { rootAttributes = attributes }
      if depth == 2, name == "title" || name == "desc", firstChildren[name] == nil {
        current = name
        firstChildren[name] = ""
        firstChildIDs[name] = attributes["id"]
      }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      if let current { firstChildren[current, default: ""] += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
      if depth == 2 { current = nil }
      depth -= 1
    }
  }
}
