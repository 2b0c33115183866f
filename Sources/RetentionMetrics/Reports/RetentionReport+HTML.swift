import Foundation

extension RetentionReport {
  /// The report's sections of the HTML report: MRR movements, churn and renewals, cohort heat map, survival
  /// curves with confidence bands, the upgrade funnel and satisfaction. Each chart comes with its data table.
  /// - Parameter idPrefix: Prefixes every anchor and chart id, so the sections can join others in one page.
  /// - Returns: The sections, in reading order.
  /// - Complexity: O(months × cohorts + survival timeline).
  package func htmlSections(idPrefix: String = "retention") -> [HTMLReport.Section] {
    [
      mrrSection(idPrefix), ratesSection(idPrefix), cohortSection(idPrefix), survivalSection(idPrefix),
      funnelSection(idPrefix), satisfactionSection(idPrefix),
    ].compactMap { $0 }
  }

  /// The whole report as one self-contained HTML page.
  /// - Parameter title: The page title.
  /// - Returns: The HTML document.
  package func htmlDocument(title: String = "Retention report") -> String {
    HTMLReport(
      title: title, subtitle: "\(range.lowerBound) to \(range.upperBound), amounts in \(currency)",
      sections: htmlSections()
    ).rendered()
  }

  private func money(_ minorUnits: Int64) -> String {
    Money(minorUnits: minorUnits, currency: currency).decimalString
  }

  private func amount(_ minorUnits: Int64) -> String {
    Money(minorUnits: minorUnits, currency: currency).description
  }

  private func mrrSection(_ prefix: String) -> HTMLReport.Section {
    let chart = RetentionCharts.drawMRRMovements(months, title: "MRR movements", id: "\(prefix)-mrr")
    let last = months.last
    let rows = months.map { month -> [String] in
      let c = month.counters
      let net = c.newMRR + c.expansionMRR + c.reactivationMRR - c.contractionMRR - c.churnedMRR
      return [
        month.month.description, money(c.newMRR), money(c.expansionMRR), money(c.reactivationMRR),
        money(c.contractionMRR), money(c.churnedMRR), money(net), money(c.mrrEnd),
      ]
    }
    return HTMLReport.Section(
      id: "\(prefix)-mrr", title: "MRR movements",
      blocks: [
        .keyFigures([
          .init(
            "MRR at the end of \(last.map { "\($0.month)" } ?? "the range")",
            last.map { amount($0.counters.mrrEnd) } ?? "n/a"),
          .init("NRR (12 months)", HTMLReport.percent(last?.nrr12m)),
          .init("GRR (12 months)", HTMLReport.percent(last?.grr12m)),
          .init("ARPA", last?.arpa?.description ?? "n/a"),
        ]),
        chart.block(
          header: ["Month", "New", "Expansion", "Reactivation", "Contraction", "Churn", "Net", "MRR at end"],
          rows: rows, numericColumns: Set(1...7)),
      ])
  }

  private func ratesSection(_ prefix: String) -> HTMLReport.Section {
    let chart = RetentionCharts.drawRates(months, title: "Churn and renewal rates", id: "\(prefix)-rates")
    let rows = months.map { month in
      [
        month.month.description, String(month.counters.customersStart), String(month.counters.churnedCustomers),
        HTMLReport.percent(month.customerChurnRate), "\(month.allRenewals.renewed) of \(month.allRenewals.due)",
        HTMLReport.percent(month.allRenewals.rate), HTMLReport.percent(month.grr12m),
      ]
    }
    return HTMLReport.Section(
      id: "\(prefix)-rates", title: "Churn and renewals",
      blocks: [
        chart.block(
          header: ["Month", "Customers at start", "Churned", "Churn rate", "Renewed", "Renewal rate", "GRR 12 m"],
          rows: rows, numericColumns: Set(1...6))
      ])
  }

  private func cohortSection(_ prefix: String) -> HTMLReport.Section? {
    guard let table = cohorts.first, !table.rows.isEmpty else { return nil }
    // The most recent two years of cohorts, so the heat map stays legible.
    let recent = CohortTable(
      segment: table.segment, currency: table.currency, lastMonth: table.lastMonth,
      rows: Array(table.rows.filter { $0.customers.first ?? 0 > 0 }.suffix(24)))
    let chart = RetentionCharts.drawCohortHeatmap(recent, revenue: false, title: nil, id: "\(prefix)-cohorts")
    let ages = min(recent.rows.map(\.customers.count).max() ?? 0, 13)
    let rows = recent.rows.map { row in
      [row.cohort.description, String(row.customers.first ?? 0)]
        + (0..<ages).map { age in age < row.customers.count ? HTMLReport.percent(row.customerRetention(atAge: age)) : ""
        }
    }
    return HTMLReport.Section(
      id: "\(prefix)-cohorts", title: "Cohort retention",
      blocks: [
        .paragraph(
          "Each row is the customers who signed up in one month; each column a month of age. The cell is the share "
            + "of them still subscribed. Up to the latest 24 cohorts are shown."),
        chart.block(
          header: ["Cohort", "Customers"] + (0..<ages).map { "Month \($0)" }, rows: rows,
          numericColumns: Set(1...(ages + 1))),
      ])
  }

  private func survivalSection(_ prefix: String) -> HTMLReport.Section {
    let unit = lifetimeUnit.rawValue
    var groups: [(name: String, estimate: KaplanMeierEstimate)] = [("All subscriptions", survival)]
    groups += zip(survivalByTier.names, survivalByTier.estimates).map { ("Tier: \($0)", $1) }
    let chart = RetentionCharts.drawSurvival(
      groups, unit: unit, title: "Subscription survival (Kaplan–Meier)", id: "\(prefix)-survival")
    var blocks: [HTMLReport.Block] = [
      .keyFigures([
        .init(
          "Median lifetime", survival.median.map { "\(HTMLReport.decimal($0, digits: 0)) \(unit)" } ?? "not reached"),
        .init("Subscriptions", String(survival.atRisk.first ?? 0)),
        .init("Ended", String(survival.events.reduce(0, +))),
      ]),
      .figure(
        .init(
          svg: chart.inline, caption: chart.description,
          alternative: Self.survivalTable(groups, unit: unit))),
    ]
    if let test = survivalByTier.logRank {
      blocks.append(
        .paragraph(
          "Log-rank test between tiers: χ² = \(HTMLReport.decimal(test.statistic)) with \(test.degreesOfFreedom) "
            + "degrees of freedom, p = \(HTMLReport.decimal(test.pValue, digits: 4))."))
    }
    return HTMLReport.Section(id: "\(prefix)-survival", title: "Survival", blocks: blocks)
  }

  /// Survival with its bounds at round times, one row per group and time: the text alternative of a survival
  /// chart.
  package static func survivalTable(_ groups: [(name: String, estimate: KaplanMeierEstimate)], unit: String)
    -> HTMLReport.Table
  {
    let maxTime = groups.compactMap { $0.estimate.timeline.last }.max() ?? 0
    let times = SVGCanvas.ticks(from: 0, to: max(maxTime, 1)).filter { $0 > 0 && $0 <= maxTime }
    var rows: [[String]] = []
    for group in groups {
      for time in times {
        let index = group.estimate.timeline.lastIndex { $0 <= time }
        let bounds = index.map {
          "\(HTMLReport.percent(group.estimate.lowerBound[$0]))–\(HTMLReport.percent(group.estimate.upperBound[$0]))"
        }
        rows.append([
          group.name, HTMLReport.decimal(time), HTMLReport.percent(group.estimate.survival(at: time)), bounds ?? "",
        ])
      }
    }
    return HTMLReport.Table(
      header: ["Group", "Time (\(unit))", "Still subscribed", "Confidence band"], rows: rows, numericColumns: [1, 2])
  }

  private func funnelSection(_ prefix: String) -> HTMLReport.Section {
    let chart = RetentionCharts.drawUpgradeFunnel(
      upgradeFunnel, title: "Upgrades from shared hosting", id: "\(prefix)-funnel")
    let rows = upgradeFunnel.windows.map { window in
      [
        "Within \(window.months) months", String(window.eligible), String(window.movedToVPS),
        String(window.movedToDedicated), HTMLReport.percent(window.rate),
      ]
    }
    return HTMLReport.Section(
      id: "\(prefix)-funnel", title: "Upgrade funnel",
      blocks: [
        .keyFigures([
          .init("Shared starters", String(upgradeFunnel.sharedStarters)),
          .init("Ever upgraded", String(upgradeFunnel.everUpgraded)),
          .init("Median days to upgrade", upgradeFunnel.medianDaysToUpgrade.map(String.init) ?? "n/a"),
        ]),
        chart.block(
          header: ["Window", "Eligible", "To VPS", "To dedicated", "Upgrade rate"], rows: rows,
          numericColumns: [1, 2, 3, 4]),
      ])
  }

  private func satisfactionSection(_ prefix: String) -> HTMLReport.Section? {
    guard satisfaction.overall.npsResponses + satisfaction.overall.csatResponses > 0 else { return nil }
    let chart = RetentionCharts.drawNPSTrend(satisfaction, title: "NPS and CSAT", id: "\(prefix)-nps")
    let rows = satisfaction.months.map { month in
      [
        month.month.description, String(month.overall.npsResponses), HTMLReport.decimal(month.overall.nps, digits: 1),
        HTMLReport.decimal(month.overall.csat, digits: 1), HTMLReport.decimal(month.overall.ces, digits: 2),
      ]
    }
    return HTMLReport.Section(
      id: "\(prefix)-satisfaction", title: "Satisfaction",
      blocks: [
        chart.block(
          header: ["Month", "NPS answers", "NPS", "CSAT %", "CES"], rows: rows, numericColumns: [1, 2, 3, 4])
      ])
  }
}
