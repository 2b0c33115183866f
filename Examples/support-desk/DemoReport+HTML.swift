import Foundation
import HostingSupport
import RetentionMetrics

extension DemoReport {
  /// The report as one self-contained HTML page: the desk's sections, then the retention report's.
  /// - Parameter retention: The retention report of the customers' history.
  /// - Returns: The HTML document.
  func htmlDocument(retention: RetentionReport) -> String {
    let days = "\(scenario.days) simulated days, \(scenario.customers) customers, seed \(scenario.seed)"
    return HTMLReport(
      title: "Example Hosting: support and retention",
      subtitle: "\(days); \(scenario.ticketsOpened) tickets opened. Retention: \(retention.range.lowerBound) to "
        + "\(retention.range.upperBound).",
      sections: deskFigures.htmlSections() + retention.htmlSections()
    ).rendered()
  }

  /// The desk's figures for the HTML report.
  var deskFigures: DeskReportFigures {
    var figures = DeskReportFigures()
    figures.sla = sla.map {
      .init(
        priority: $0.priority, tickets: $0.tickets,
        firstResponseAttainment: $0.firstResponseAttainmentPercent.map { $0 / 100 },
        resolutionAttainment: $0.resolutionAttainmentPercent.map { $0 / 100 }, breachedTickets: $0.breachedTickets)
    }
    figures.ageLimitHours = ageGuard.limitHours
    figures.ageAlertsSent = ageGuard.alertsSent
    figures.openPastAgeLimit = ageGuard.openPastLimitTickets
    figures.agedTickets = ageGuard.examples.map {
      .init(
        ticket: $0.ticket, status: $0.status, ageHours: $0.ageHours, onHoldHours: $0.onHoldHours,
        waitingOnCustomerHours: $0.waitingOnCustomerHours)
    }
    figures.alertsByDay = notifications.slaAlertsByDay.map {
      .init(day: $0.day, warnings: $0.warnings, breaches: $0.breaches, openPastAgeLimit: $0.openPastAgeLimit)
    }
    func counts(_ table: [String: [String: Int]]) -> [DeskReportFigures.SentimentCounts] {
      table.keys.sorted().map { name in
        let row = table[name] ?? [:]
        return .init(
          name: name, negative: row["negative"] ?? 0, neutral: row["neutral"] ?? 0, positive: row["positive"] ?? 0)
      }
    }
    figures.sentimentByLanguage = counts(sentiment.byLanguage)
    figures.sentimentByAspect = counts(sentiment.byAspect)
    figures.suggestions = suggestions.groups.map {
      .init(aspect: $0.aspect, count: $0.count, new: $0.new, planned: $0.planned, done: $0.done, examples: $0.examples)
    }
    figures.churnRisks = churnRisks.map {
      .init(
        customer: $0.customer, name: $0.name, tier: $0.tier, health: $0.health, monthlyRevenue: $0.monthlyRevenue,
        expectedValueAtRisk: $0.expectedValueAtRisk,
        expectedValueAtRiskAmount: Double($0.expectedValueAtRiskAmount) ?? 0,
        nextRenewal: $0.nextRenewal.map { CivilDate($0).description }, reasons: $0.reasons + $0.valueReasons)
    }
    figures.experience = experience.figures
    return figures
  }
}
