import Foundation

extension DeskReportFigures {
  /// Sentiment colours: negative vermillion and hatched, neutral grey, positive bluish green.
  static let sentimentStyles = [
    ChartStyle(color: ChartStyle.vermillion, hatch: 45), ChartStyle(color: "#999999"),
    ChartStyle(color: ChartStyle.bluishGreen),
  ]

  /// The desk's sections of the HTML report, each chart with its data table; the experience comparison is
  /// included when ``experience`` is set, and sections without data are left out rather than shown empty.
  /// - Parameter idPrefix: Prefixes every anchor and chart id, so the sections can join others in one page.
  /// - Returns: The sections, in reading order.
  package func htmlSections(idPrefix: String = "desk") -> [HTMLReport.Section] {
    [
      slaSection(idPrefix), agedSection(idPrefix), alertsSection(idPrefix), sentimentSection(idPrefix),
      suggestionsSection(idPrefix), experience?.htmlSection(idPrefix: "\(idPrefix)-experience"),
      churnSection(idPrefix),
    ].compactMap { $0 }
  }

  private func slaSection(_ prefix: String) -> HTMLReport.Section? {
    guard !sla.isEmpty else { return nil }
    let title = "SLA attainment by priority"
    let canvas = SVGCharts.barChart(
      categories: sla.map(\.priority),
      series: [
        SVGCharts.Series("First response", sla.map(\.firstResponseAttainment)),
        SVGCharts.Series("Resolution", sla.map(\.resolutionAttainment)),
      ], maximum: 1, format: HTMLReport.percent, title: title, valueTitle: "Targets met", id: "\(prefix)-sla")
    let description =
      "Share of first-response and resolution targets met, per ticket priority; n/a where no target was decided yet."
    return HTMLReport.Section(
      id: "\(prefix)-sla", title: "Service levels",
      blocks: [
        .keyFigures([
          .init("Tickets", String(sla.reduce(0) { $0 + $1.tickets })),
          .init("Tickets with a breach", String(sla.reduce(0) { $0 + $1.breachedTickets })),
        ]),
        .chart(
          canvas, title: title, description: description,
          header: ["Priority", "Tickets", "First response met", "Resolution met", "Tickets with a breach"],
          rows: sla.map {
            [
              $0.priority, String($0.tickets), HTMLReport.percent($0.firstResponseAttainment),
              HTMLReport.percent($0.resolutionAttainment), String($0.breachedTickets),
            ]
          }, numericColumns: [1, 2, 3, 4]),
      ])
  }

  private func agedSection(_ prefix: String) -> HTMLReport.Section {
    let limit = HTMLReport.decimal(ageLimitHours, digits: 1)
    var blocks: [HTMLReport.Block] = [
      .keyFigures([
        .init("Age alerts sent", String(ageAlertsSent)),
        .init("Still open past \(limit) h", String(openPastAgeLimit.count)),
      ]),
      .paragraph(
        openPastAgeLimit.isEmpty
          ? "No ticket is open past \(limit) hours now."
          : "Open past \(limit) hours now: \(openPastAgeLimit.joined(separator: ", "))."),
    ]
    if !agedTickets.isEmpty {
      let title = "Where the time went on tickets open past \(limit) h"
      let other = agedTickets.map { max($0.ageHours - $0.onHoldHours - $0.waitingOnCustomerHours, 0) }
      let canvas = SVGCharts.barChart(
        categories: agedTickets.map(\.ticket),
        series: [
          SVGCharts.Series("With the host", other), SVGCharts.Series("On hold", agedTickets.map(\.onHoldHours)),
          SVGCharts.Series("Waiting on customer", agedTickets.map(\.waitingOnCustomerHours)),
        ], stacked: true, format: { HTMLReport.decimal($0, digits: 1) }, title: title, valueTitle: "Hours",
        id: "\(prefix)-aged")
      let description =
        "Age of each ticket when it passed the limit, split into time with the host, on hold and waiting on the "
        + "customer: the age limit counts all of it."
      blocks.append(
        .chart(
          canvas, title: title, description: description,
          header: ["Ticket", "Status", "Age (h)", "On hold (h)", "Waiting on customer (h)"],
          rows: agedTickets.map {
            [
              $0.ticket, $0.status, HTMLReport.decimal($0.ageHours, digits: 1),
              HTMLReport.decimal($0.onHoldHours, digits: 1),
              HTMLReport.decimal($0.waitingOnCustomerHours, digits: 1),
            ]
          }, numericColumns: [2, 3, 4]))
    }
    return HTMLReport.Section(id: "\(prefix)-aged", title: "Tickets open past \(limit) hours", blocks: blocks)
  }

  private func alertsSection(_ prefix: String) -> HTMLReport.Section? {
    guard !alertsByDay.isEmpty else { return nil }
    let title = "SLA alerts per day"
    let series = [
      SVGCharts.Series("Warnings", alertsByDay.map { Double($0.warnings) }),
      SVGCharts.Series("Breaches", alertsByDay.map { Double($0.breaches) }),
      SVGCharts.Series(
        "Open past \(HTMLReport.decimal(ageLimitHours, digits: 1)) h", alertsByDay.map { Double($0.openPastAgeLimit) }),
    ]
    let maximum = series.flatMap { $0.values.compactMap { $0 } }.max() ?? 1
    let canvas = SVGCharts.lineChart(
      labels: alertsByDay.map { String($0.day.suffix(5)) }, series: series,
      ticks: SVGCanvas.ticks(from: 0, to: max(maximum, 1)), format: { HTMLReport.decimal($0, digits: 1) },
      title: title, xTitle: "Day", yTitle: "Alerts", id: "\(prefix)-alerts")
    let description = "SLA warnings, breaches and age-limit alerts the desk sent each day."
    return HTMLReport.Section(
      id: "\(prefix)-alerts", title: "Breaches over time",
      blocks: [
        .chart(
          canvas, title: title, description: description, header: ["Day", "Warnings", "Breaches", "Open past limit"],
          rows: alertsByDay.map {
            [$0.day, String($0.warnings), String($0.breaches), String($0.openPastAgeLimit)]
          },
          numericColumns: [1, 2, 3])
      ])
  }

  private func sentimentSection(_ prefix: String) -> HTMLReport.Section? {
    guard !sentimentByLanguage.isEmpty || !sentimentByAspect.isEmpty else { return nil }
    var blocks: [HTMLReport.Block] = []
    for (key, heading, rows) in [
      ("language", "Feedback sentiment by language", sentimentByLanguage),
      ("aspect", "Feedback sentiment by aspect", sentimentByAspect),
    ] where !rows.isEmpty {
      let canvas = SVGCharts.barChart(
        categories: rows.map(\.name),
        series: [
          SVGCharts.Series("Negative", rows.map { Double($0.negative) }),
          SVGCharts.Series("Neutral", rows.map { Double($0.neutral) }),
          SVGCharts.Series("Positive", rows.map { Double($0.positive) }),
        ], stacked: true, format: { HTMLReport.decimal($0, digits: 0) }, title: heading, valueTitle: "Feedback",
        id: "\(prefix)-sentiment-\(key)", styles: Self.sentimentStyles)
      let description = "Negative, neutral and positive feedback per \(key)."
      blocks.append(
        .chart(
          canvas, title: heading, description: description,
          header: [key == "language" ? "Language" : "Aspect", "Negative", "Neutral", "Positive"],
          rows: rows.map { [$0.name, String($0.negative), String($0.neutral), String($0.positive)] },
          numericColumns: [1, 2, 3]))
    }
    return HTMLReport.Section(id: "\(prefix)-sentiment", title: "Feedback sentiment", blocks: blocks)
  }

  private func suggestionsSection(_ prefix: String) -> HTMLReport.Section? {
    guard !suggestions.isEmpty else { return nil }
    let title = "Suggestions board"
    let canvas = SVGCharts.barChart(
      categories: suggestions.map(\.aspect),
      series: [
        SVGCharts.Series("New", suggestions.map { Double($0.new) }),
        SVGCharts.Series("Planned", suggestions.map { Double($0.planned) }),
        SVGCharts.Series("Done", suggestions.map { Double($0.done) }),
      ], stacked: true, format: { HTMLReport.decimal($0, digits: 0) }, title: title, valueTitle: "Suggestions",
      id: "\(prefix)-suggestions")
    let description = "Customers' suggestions grouped by aspect, by where they stand: new, planned or done."
    return HTMLReport.Section(
      id: "\(prefix)-suggestions", title: "Suggestions board",
      blocks: [
        .chart(
          canvas, title: title, description: description,
          header: ["Aspect", "Suggestions", "New", "Planned", "Done", "Examples"],
          rows: suggestions.map {
            [
              $0.aspect, String($0.count), String($0.new), String($0.planned), String($0.done),
              $0.examples.joined(separator: " · "),
            ]
          }, numericColumns: [1, 2, 3, 4])
      ])
  }

  private func churnSection(_ prefix: String) -> HTMLReport.Section? {
    guard !churnRisks.isEmpty else { return nil }
    let title = "Churn risks by expected value at risk"
    let canvas = SVGCharts.barChart(
      categories: churnRisks.map { $0.name.isEmpty ? $0.customer : $0.name },
      series: [SVGCharts.Series("Expected value at risk", churnRisks.map(\.expectedValueAtRiskAmount))],
      format: { HTMLReport.decimal($0, digits: 0) }, title: title, valueTitle: "Expected value at risk (\(currency))",
      id: "\(prefix)-churn")
    let description =
      "Customers most at risk, ranked by expected value at risk: revenue and upgrade value, weighted by how close "
      + "their renewal is."
    return HTMLReport.Section(
      id: "\(prefix)-churn", title: "Churn risks",
      blocks: [
        .chart(
          canvas, title: title, description: description,
          header: ["Customer", "Name", "Tier", "Health", "MRR", "Expected value at risk", "Next renewal", "Why"],
          rows: churnRisks.map {
            [
              $0.customer, $0.name, $0.tier, String($0.health), $0.monthlyRevenue, $0.expectedValueAtRisk,
              $0.nextRenewal ?? "", $0.reasons.joined(separator: "; "),
            ]
          }, numericColumns: [3, 4, 5])
      ])
  }
}

extension ExperienceComparisonFigures {
  /// The experience comparison as a report section: per comparison its finding, the survival curves of the
  /// groups large enough to compare (with confidence bands), and every group's counts in a table.
  /// - Parameter idPrefix: The section anchor and the prefix of its chart ids.
  /// - Returns: The section.
  package func htmlSection(idPrefix: String = "experience") -> HTMLReport.Section {
    var blocks: [HTMLReport.Block] = [
      .paragraph(
        "Customers grouped by the support they received, and how long they stayed. Groups with fewer than "
          + "\(minimumGroupSize) customers are counted but not compared.")
    ]
    for (index, comparison) in comparisons.enumerated() {
      blocks.append(.heading(comparison.title))
      var finding = comparison.summary
      if let p = comparison.pValue { finding += " (log-rank p = \(HTMLReport.decimal(p, digits: 4)))" }
      blocks.append(.paragraph(finding))
      let rows = comparison.groups.map { group in
        [
          group.name, String(group.customers), String(group.churned), HTMLReport.percent(group.churnRate),
          HTMLReport.percent(group.renewalRate), group.customers < minimumGroupSize ? "too few to compare" : "",
        ]
      }
      let table = HTMLReport.Table(
        header: ["Group", "Customers", "Churned", "Churn rate", "Renewal rate", "Note"], rows: rows,
        numericColumns: [1, 2, 3, 4])
      let curves = comparison.groups.compactMap { group in
        group.customers >= minimumGroupSize ? group.survival.map { (name: group.name, estimate: $0) } : nil
      }
      guard !curves.isEmpty else {
        blocks.append(.table(table))
        continue
      }
      let chart = RetentionCharts.drawSurvival(
        curves, unit: unit, title: comparison.title, id: "\(idPrefix)-\(index)")
      var alternative = RetentionReport.survivalTable(curves, unit: unit)
      alternative.caption = "Survival over time"
      blocks.append(.table(table))
      blocks.append(.figure(.init(svg: chart.inline, caption: chart.description, alternative: alternative)))
    }
    return HTMLReport.Section(id: idPrefix, title: "Support experience and retention", blocks: blocks)
  }
}
