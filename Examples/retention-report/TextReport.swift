import CommandLineSupport
import Foundation
import RetentionMetrics

/// The human-readable report: the monthly table, a cohort table and a summary.
enum TextReport {
  static func render(_ report: RetentionReport) -> String {
    var lines: [String] = []
    lines.append("Retention report \(report.range.lowerBound) … \(report.range.upperBound) (\(report.currency))")
    lines.append("")
    let headers = [
      "month", "cust.start", "new", "react.", "churned", "cust.end", "churn%", "MRR start", "+new", "+expansion",
      "+react.", "-contraction", "-churn", "MRR end", "NRR", "GRR", "renew%", "ARPA",
    ]
    var rows: [[String]] = []
    for month in report.months {
      let c = month.counters
      let money = { (minor: Int64) in month.money(minor).decimalString }
      rows.append([
        month.month.description, "\(c.customersStart)", "\(c.newCustomers)", "\(c.reactivatedCustomers)",
        "\(c.churnedCustomers)", "\(c.customersEnd)", percent(month.customerChurnRate), money(c.mrrStart),
        money(c.newMRR), money(c.expansionMRR), money(c.reactivationMRR), money(c.contractionMRR), money(c.churnedMRR),
        money(c.mrrEnd), percent(month.nrr12m), percent(month.grr12m), percent(month.allRenewals.rate),
        month.arpa?.decimalString ?? "-",
      ])
    }
    lines += table(headers: headers, rows: rows)
    if let cohorts = report.cohorts.first {
      lines.append("")
      lines.append("Customer retention by signup cohort (% of the cohort still paying, by months since signup)")
      let recent = cohorts.rows.filter { $0.customers[0] > 0 }.suffix(12)
      let ages = min(13, recent.map(\.customers.count).max() ?? 0)
      var cohortRows: [[String]] = []
      for row in recent {
        cohortRows.append(
          [row.cohort.description, "\(row.customers[0])"]
            + (0..<ages).map { age in row.customerRetention(atAge: age).map { String(format: "%.0f", $0 * 100) } ?? "" }
        )
      }
      lines += table(headers: ["cohort", "size"] + (0..<ages).map { "m\($0)" }, rows: cohortRows)
    }
    lines.append("")
    let funnel = report.upgradeFunnel
    let windows = funnel.windows.map { "\($0.months) months \(percent($0.rate))% of \($0.eligible)" }
    lines.append(
      "Upgrade funnel: \(funnel.sharedStarters) shared starters; moved to VPS/dedicated within "
        + windows.joined(separator: ", ")
        + "; median \(funnel.medianDaysToUpgrade.map { "\($0) days" } ?? "-") to upgrade")
    let overall = report.satisfaction.overall
    lines.append(
      "Satisfaction: NPS \(number(overall.nps)) (\(overall.npsResponses) answers), CSAT \(number(overall.csat))%, "
        + "CES \(number(overall.ces))")
    let reach = report.wordOfMouth
    lines.append(
      "Word of mouth: \(reach.happy) happy reach \(number(reach.positive)) people, \(reach.unhappy) unhappy reach "
        + "\(number(reach.negative)); net \(number(reach.net))")
    let median = report.survival.median.map { "\(number($0)) \(report.lifetimeUnit.rawValue)" } ?? "not reached"
    lines.append(
      "Subscription survival: median \(median); 1-year survival \(percent(report.survival.survival(at: 365)))%")
    if let test = report.survivalByTier.logRank {
      lines.append(
        "Log-rank test across tiers: χ² = \(number(test.statistic)), p = \(String(format: "%.3g", test.pValue))")
    }
    lines += segmentTables(report)
    lines += partnerSection(report)
    return lines.joined(separator: "\n") + "\n"
  }

  /// One compact monthly table per segment of `--by` (tier segments: the start-based figures only).
  static func segmentTables(_ report: RetentionReport) -> [String] {
    guard let dimension = report.options.segmentedBy else { return [] }
    var lines: [String] = []
    for (segment, months) in report.segmentMonths {
      lines.append("")
      lines.append("\(dimension.rawValue) \(TerminalText.escaped(segment.value))")
      let money = { (month: MonthlySnapshot, minor: Int64) in month.money(minor).decimalString }
      if segment.isStartBased {
        lines += table(
          headers: ["month", "cust.start", "churned", "churn%", "MRR start"],
          rows: months.map { month in
            let c = month.counters
            return [
              month.month.description, "\(c.customersStart)", "\(c.churnedCustomers)",
              percent(month.customerChurnRate), money(month, c.mrrStart),
            ]
          })
      } else {
        lines += table(
          headers: ["month", "cust.start", "new", "churned", "cust.end", "churn%", "MRR end", "NRR", "renew%"],
          rows: months.map { month in
            let c = month.counters
            return [
              month.month.description, "\(c.customersStart)", "\(c.newCustomers)", "\(c.churnedCustomers)",
              "\(c.customersEnd)", percent(month.customerChurnRate), money(month, c.mrrEnd), percent(month.nrr12m),
              percent(month.allRenewals.rate),
            ]
          })
      }
    }
    return lines
  }

  /// Partners ranked by renewal rate, and customer survival by channel and partner against direct customers.
  static func partnerSection(_ report: RetentionReport) -> [String] {
    var lines: [String] = []
    let channels = report.customerSurvivalByChannel.groups
    if channels.count > 1 {
      lines.append("")
      lines.append("Customer lifetime by channel (log-rank against direct customers)")
      lines += survivalTable(channels, unit: report.lifetimeUnit)
    }
    guard !report.partnerRanking.isEmpty else { return lines }
    lines.append("")
    lines.append("Partners ranked by renewal rate over the report (customers = attributed customers)")
    lines += table(
      headers: ["rank", "partner", "customers", "active", "renew%", "due", "NRR"],
      rows: report.partnerRanking.map { row in
        [
          "\(row.rank)", TerminalText.escaped(row.partner.rawValue), "\(row.customers)", "\(row.activeCustomers)",
          percent(row.renewalRate), "\(row.renewalsDue)", percent(row.nrr12m),
        ]
      })
    lines.append("")
    lines.append("Customer lifetime by partner (log-rank against direct customers)")
    lines += survivalTable(report.customerSurvivalByPartner.groups, unit: report.lifetimeUnit)
    return lines
  }

  static func survivalTable(_ groups: [SurvivalAgainstDirect.Group], unit: SubscriptionLifetimes.Unit) -> [String] {
    let year: Double = unit == .days ? 365 : 12
    return table(
      headers: ["group", "customers", "median", "1-year%", "p vs direct"],
      rows: groups.map { group in
        [
          TerminalText.escaped(group.name), "\(group.customers)",
          group.estimate.median.map { "\(number($0)) \(unit.rawValue)" } ?? "-",
          percent(group.estimate.survival(at: year)),
          group.testAgainstDirect.map { String(format: "%.3g", $0.pValue) } ?? "-",
        ]
      })
  }

  static func percent(_ value: Double?) -> String { value.map { String(format: "%.1f", $0 * 100) } ?? "-" }
  static func number(_ value: Double?) -> String { value.map { String(format: "%.1f", $0) } ?? "-" }

  static func table(headers: [String], rows: [[String]]) -> [String] {
    let widths = headers.indices.map { column in
      ([headers[column]] + rows.map { column < $0.count ? $0[column] : "" }).map(\.count).max() ?? 0
    }
    func line(_ cells: [String]) -> String {
      cells.enumerated().map { index, cell in
        let pad = String(repeating: " ", count: widths[index] - cell.count)
        return index == 0 ? cell + pad : pad + cell
      }.joined(separator: "  ")
    }
    return [line(headers), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")] + rows.map(line)
  }
}
