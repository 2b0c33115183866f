import Foundation
import Testing

@testable import RetentionMetrics

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Parses XML with Foundation's XMLParser and records the text of every `<text>` element.
private final class SVGCheck: NSObject, XMLParserDelegate {
  var texts: [String] = []
  var rootName: String?
  private var current: String?

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    if rootName == nil { rootName = elementName }
    if elementName == "text" { current = "" }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) { current? += string }

  func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
    if elementName == "text", let current { texts.append(current) }
    current = nil
  }

  /// Whether the document is well-formed XML with an `<svg>` root.
  static func parse(_ svg: String) -> SVGCheck? {
    let check = SVGCheck()
    let parser = XMLParser(data: Data(svg.utf8))
    parser.delegate = check
    return parser.parse() && check.rootName == "svg" ? check : nil
  }
}

@Suite("The report as JSON and SVG charts")
struct ReportTests {
  func smallReport() throws -> RetentionReport {
    let dataset = try RetentionDataset(subscriptions: SmallHost.subscriptions, changes: SmallHost.changes)
    let surveys = [
      try SurveyResponse(customer: "A", date: day("2024-02-02"), kind: .nps, score: 10),
      try SurveyResponse(customer: "E", date: day("2024-02-03"), kind: .nps, score: 2),
    ]
    return try RetentionReport(dataset: dataset, surveys: surveys, months: month("2024-01")...month("2024-04"))
  }

  @Test("the JSON document carries every documented monthly field, money exact in major units")
  func jsonMonths() throws {
    let text = try smallReport().jsonString()
    let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let months = try #require(object["months"] as? [[String: Any]])
    #expect(months.count == 4)
    let required = [
      "month", "customers_start", "customers_end", "new_customers", "churned_customers", "reactivated_customers",
      "customer_churn_rate", "mrr_start", "mrr_end", "new_mrr", "expansion_mrr", "contraction_mrr", "churned_mrr",
      "reactivation_mrr", "arpa", "nrr_12m", "grr_12m", "renewal_rate_monthly", "renewal_rate_annual",
      "renewal_rate_all",
    ]
    for key in required { #expect(months[0].keys.contains(key), "missing \(key)") }
    #expect(months[1]["month"] as? String == "2024-02")
    #expect(months[0]["nrr_12m"] is NSNull)
    #expect(months[3]["reactivated_customers"] as? Int == 1)
    // Exact decimal text, as written from minor units.
    #expect(text.contains("\"mrr_end\": 53.00"))
    #expect(text.contains("\"arpa\": 22.67"))
    #expect(text.contains("\"churned_mrr\": 12.00"))
    for key in ["cohorts", "upgrade_funnel", "satisfaction", "word_of_mouth", "survival", "partners"] {
      #expect(object[key] != nil, "missing \(key)")
    }
    #expect(object["segments"] == nil, "segments only with a segmentation dimension")
  }

  @Test("the survival JSON has the documented arrays and an infinite median as null")
  func survivalJSON() throws {
    let estimate = try KaplanMeierEstimate(
      durations: LeukemiaRemission.sixMPWeeks, observed: LeukemiaRemission.sixMPRelapsed)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(estimate.jsonString().utf8)) as? [String: Any])
    for key in ["timeline", "at_risk", "events", "censored", "survival", "ci_lower", "ci_upper", "median"] {
      #expect(object[key] != nil, "missing \(key)")
    }
    #expect(object["median"] as? Double == 23)
    #expect(object["median_ci_upper"] is NSNull)
    let survival = try #require(object["survival"] as? [Double])
    // Round-trips through JSON text without losing the 1e-9 agreement.
    for (value, reference) in zip(survival, Lifelines.sixMP.survival) { #expect(abs(value - reference) <= 1e-12) }
  }

  @Test("every chart is well-formed SVG with a title and axis labels")
  func chartsAreWellFormed() throws {
    let charts = RetentionCharts.all(for: try smallReport())
    #expect(
      charts.map(\.fileName).sorted() == [
        "churn-renewal-rates.svg", "cohort-heatmap.svg", "cohort-revenue-heatmap.svg", "kaplan-meier.svg",
        "mrr-movements.svg", "nps-trend.svg", "upgrade-funnel.svg",
      ])
    for chart in charts {
      let check = try #require(SVGCheck.parse(chart.svg), "\(chart.fileName) is not well-formed")
      #expect(check.texts.count >= 5, "\(chart.fileName) has too few labels")
    }
  }

  @Test("text in charts is escaped, so markup in titles cannot break the document")
  func chartTextIsEscaped() throws {
    let hostile = "Churn <script>alert('x')</script> & \"co\"\u{1}"
    let svg = RetentionCharts.rates(try smallReport().months, title: hostile)
    #expect(!svg.contains("<script>"))
    let check = try #require(SVGCheck.parse(svg))
    #expect(check.texts.contains("Churn <script>alert('x')</script> & \"co\""))
  }

  @Test("the JSON writer escapes strings and writes non-finite numbers as null")
  func jsonEscaping() throws {
    let value = JSONValue.object([
      ("text", .string("a\"b\\c\nd\u{1}é")), ("nan", .double(.nan)), ("big", .double(1e300)), ("half", .double(0.5)),
    ])
    let text = value.rendered(pretty: false)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(object["text"] as? String == "a\"b\\c\nd\u{1}é")
    #expect(object["nan"] is NSNull)
    #expect(object["half"] as? Double == 0.5)
    #expect(object["big"] as? Double == 1e300)
  }
}
