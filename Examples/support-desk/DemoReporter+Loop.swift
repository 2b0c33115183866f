import FeedbackSentiment
import Foundation
import HostingSupport
import SupportSLA
import SupportTickets

// The report's sections about closing the loop: the age guard, surveys, suggestions, incidents, maintenance,
// resolution quality and clarity hints.
extension DemoReporter {
  func ageGuard(_ sent: [HostingSupport.OutboundMessage], tickets: [Ticket], at end: Date) -> DemoReport.AgeGuard {
    let alerts = sent.filter { $0.kind == .openPastAgeLimit }
    func hours(_ message: HostingSupport.OutboundMessage, _ key: String) -> Double {
      Double(message.metadata[key] ?? "").map { $0 / 3_600 } ?? 0
    }
    let paused = alerts.filter { hours($0, "onHoldSeconds") + hours($0, "waitingOnCustomerSeconds") > 0 }
    let examples = paused.sorted { hours($0, "onHoldSeconds") > hours($1, "onHoldSeconds") }.prefix(3).map {
      DemoReport.AgeGuard.Example(
        ticket: $0.ticketID?.rawValue ?? "", status: $0.metadata["status"] ?? "", ageHours: hours($0, "ageSeconds"),
        onHoldHours: hours($0, "onHoldSeconds"), waitingOnCustomerHours: hours($0, "waitingOnCustomerSeconds"))
    }
    let open = compliance(tickets, at: end).openPastAgeLimit
    return DemoReport.AgeGuard(
      limitHours: (desk.policies.ageGuard?.limit ?? 0) / 3_600, alertsSent: alerts.count,
      alertsWithPausedTime: paused.count, examples: Array(examples), openPastLimitAtEnd: open?.count ?? 0,
      openPastLimitTickets: open?.tickets.map(\.ticketID.rawValue) ?? [])
  }

  func surveys(_ observations: DemoObservations) async throws -> DemoReport.Surveys {
    func figures(_ row: SurveyReport.Row) -> DemoReport.SurveyFigures {
      DemoReport.SurveyFigures(
        period: row.period, kind: row.kind.rawValue, requested: row.requested, answered: row.answered,
        ratingOnly: row.ratingOnly, followedUp: row.followedUp, responseRatePercent: row.responseRatePercent,
        followUpRatePercent: row.followUpRatePercent, averageScore: row.averageScore,
        satisfiedPercent: row.satisfiedPercent, netPromoterScore: row.netPromoterScore)
    }
    let weekly = try await desk.surveyReport(period: .week)
    return DemoReport.Surveys(
      totals: weekly.totals.map(figures), byWeek: weekly.rows.filter { $0.kind == .csat }.map(figures),
      ratingOnlyAnswers: observations.ratingOnlyAnswers, ratingOnlyFollowUps: observations.ratingOnlyFollowUps)
  }

  func suggestions(_ sent: [HostingSupport.OutboundMessage]) async throws -> DemoReport.Suggestions {
    let board = try await desk.suggestionBoard()
    return DemoReport.Suggestions(
      total: board.total,
      groups: board.groups.map {
        DemoReport.SuggestionGroup(
          aspect: $0.aspect?.rawValue ?? "general", count: $0.count, new: $0.new, planned: $0.planned, done: $0.done,
          examples: $0.examples)
      },
      customersToldDone: Set(sent.filter { $0.kind == .suggestionDone }.compactMap(\.customerID)).count)
  }

  func incidents(_ observations: DemoObservations, at end: Date) async throws -> [DemoReport.IncidentFigures] {
    try await desk.incidentReport(now: end).incidents.map { row in
      DemoReport.IncidentFigures(
        id: row.id.rawValue, severity: row.severity.rawValue, durationMinutes: row.durationSeconds / 60,
        affectedCustomers: row.affectedCustomers,
        ticketsOpenedByAffectedCustomers: observations.incidentTicketsOpened, linkedTickets: row.linkedTickets,
        bulkUpdatedTickets: observations.incidentBulkUpdated, updatesPosted: row.updatesPosted,
        startNotices: row.startNotices, updateNotices: row.updateNotices,
        periodicUpdateNotices: row.periodicUpdateNotices, resolutionNotices: row.resolutionNotices)
    }
  }

  func maintenance(_ sent: [HostingSupport.OutboundMessage]) async throws -> [DemoReport.MaintenanceFigures] {
    try await desk.maintenanceWindows().map { record in
      let notices = sent.filter { $0.maintenanceID == record.id && $0.audience == .customer }
      return DemoReport.MaintenanceFigures(
        id: record.id.rawValue, plannedEnd: record.window.end, completedAt: record.completedAt,
        overrunMinutes: record.completedAt.flatMap { done in
          done > record.window.end ? done.timeIntervalSince(record.window.end) / 60 : nil
        },
        estimates: record.overrunEstimates, overrunNotices: notices.count { $0.kind == .maintenanceOverrun },
        completionNotices: notices.count { $0.kind == .maintenanceCompletion })
    }
  }

  func compliance(_ tickets: [Ticket], at end: Date) -> SLAComplianceReport {
    SLAComplianceReport.make(
      tickets.map { SLASubject($0) }, evaluator: SLAEvaluator(policies: desk.policies), now: end, period: .week)
  }

  func quality(_ tickets: [Ticket], at end: Date) -> DemoReport.Quality {
    let report = compliance(tickets, at: end)
    func row(_ name: String, _ quality: SLAComplianceReport.ResolutionQuality?, _ rows: [SLAComplianceReport.Row])
      -> DemoReport.QualityRow
    {
      DemoReport.QualityRow(
        name: name, tickets: quality?.tickets ?? 0, solved: quality?.solved ?? 0,
        reopenRatePercent: quality?.reopenRatePercent,
        firstContactResolutionPercent: quality?.firstContactResolutionPercent,
        answeredOnTimeResolvedLate: quality?.answeredOnTimeResolvedLate ?? 0,
        resolutionAttainmentPercent: rows.first { $0.metric == .resolution }?.attainmentPercent)
    }
    return DemoReport.Quality(
      overall: row("all", report.quality, report.totals),
      byAgent: report.byAgent.map { row($0.agent?.rawValue ?? "unassigned", $0.quality, $0.attainment) },
      byDepartment: report.byDepartment.map { row($0.department.rawValue, $0.quality, $0.attainment) })
  }

  func clarity(_ log: DemoClarityLog, notifications: [HostingSupport.OutboundMessage]) -> DemoReport.Clarity {
    DemoReport.Clarity(
      repliesChecked: log.repliesChecked, repliesWithHints: log.repliesWithHints, byKind: log.byKind,
      examples: log.examples,
      hintsInCustomerMessages: notifications.count { $0.audience == .customer && $0.body.contains("Clarity hints") })
  }
}
