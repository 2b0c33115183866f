import FeedbackSentiment
import Foundation
import HostingSupport
import SupportSLA
import SupportTickets

/// Turns the desk's end state into the demo report.
struct DemoReporter {
  let desk: SupportDesk
  let store: FileTicketStore
  let outbox: URL
  let options: DemoOptions

  func report(
    customers: [CustomerProfile],
    tickets: Int,
    retention: DemoRetentionInput,
    start: Date,
    end: Date
  ) async throws -> DemoReport {
    let notifications = try FileOutboxTransport.notifications(in: outbox)
    let all = try await store.allTickets(matching: TicketQuery(limit: 1_000))
    return DemoReport(
      scenario: DemoReport.Scenario(
        seed: options.seed, days: options.days, customers: customers.count, start: start, end: end,
        tiers: Self.count(customers.map(\.tier.rawValue)), channels: Self.count(customers.map(\.acquisition.rawValue)),
        languages: Self.count(customers.map(\.locale.rawValue)), ticketsOpened: tickets),
      sla: slaRows(all, notifications: notifications, at: end),
      notifications: notificationSummary(notifications, customers: customers),
      sentiment: try await sentiment(customers: customers),
      retention: try DemoRetention.snapshot(retention, from: start, to: end),
      churnRisks: try await risks(customers: customers, at: end)
    )
  }

  private func slaRows(_ tickets: [Ticket], notifications: [HostingSupport.OutboundMessage], at end: Date)
    -> [DemoReport.SLARow]
  {
    let evaluator = SLAEvaluator(policies: desk.policies)
    let breachAlerts = notifications.filter { $0.kind == .slaBreach }
    return Priority.allCases.reversed().map { priority in
      let statuses = tickets.filter { $0.priority == priority && !$0.id.rawValue.hasPrefix("FB-") }
        .compactMap { evaluator.evaluate(SLASubject($0), now: end) }
      func attainment(_ metric: SLAMetric) -> Double? {
        let decided = statuses.flatMap { $0.cycles(of: metric) }.filter {
          $0.state == .achieved || $0.state == .breached
        }
        guard !decided.isEmpty else { return nil }
        return Double(decided.filter { $0.state == .achieved }.count) / Double(decided.count) * 100
      }
      return DemoReport.SLARow(
        priority: priority.rawValue,
        tickets: statuses.count,
        firstResponseAttainmentPercent: attainment(.firstResponse),
        resolutionAttainmentPercent: attainment(.resolution),
        breachedTickets: statuses.filter(\.hasBreach).count,
        breaches: breachAlerts.filter { $0.metadata["priority"] == priority.rawValue }.count
      )
    }
  }

  private func notificationSummary(_ sent: [HostingSupport.OutboundMessage], customers: [CustomerProfile])
    -> DemoReport.Notifications
  {
    let maintenance = sent.filter { $0.maintenanceID != nil }
    let recipients = Set(maintenance.compactMap(\.customerID))
    return DemoReport.Notifications(
      total: sent.count,
      slaWarnings: sent.filter { $0.kind == .slaWarning }.count,
      slaBreaches: sent.filter { $0.kind == .slaBreach }.count,
      escalations: sent.filter { $0.kind == .slaEscalation }.count,
      progressUpdates: sent.filter { $0.kind == .progressUpdate }.count,
      maintenanceByKind: Self.count(maintenance.map(\.kind.rawValue)),
      maintenanceRecipients: recipients.count,
      customersNotAffectedByMaintenance: customers.count - recipients.count,
      feedbackFollowUps: sent.filter { $0.kind == .feedbackFollowUp }.count,
      referralOpportunities: sent.filter { $0.kind == .referralOpportunity }.count,
      byLanguage: Self.count(sent.filter { $0.audience == .customer }.map(\.locale.rawValue)),
      outbox: outbox.lastPathComponent
    )
  }

  private func sentiment(customers: [CustomerProfile]) async throws -> DemoReport.Sentiment {
    let outcomes = try await desk.feedbackOutcomes()
    var byLanguage: [String: [String: Int]] = [:]
    for outcome in outcomes { byLanguage[outcome.language, default: [:]][outcome.label.rawValue, default: 0] += 1 }
    let followUps = outcomes.compactMap { outcome -> DemoReport.FollowUp? in
      guard let ticket = outcome.followUpTicketID else { return nil }
      return DemoReport.FollowUp(
        ticket: ticket.rawValue, customer: outcome.feedback.customerID.rawValue, language: outcome.language,
        priority: outcome.followUpPriority?.rawValue ?? "", aspect: outcome.criticisedAspects.first?.rawValue,
        feedback: outcome.feedback.text)
    }
    return DemoReport.Sentiment(
      responses: outcomes.count,
      byLabel: Self.count(outcomes.map(\.label.rawValue)),
      byLanguage: byLanguage,
      followUps: followUps,
      promotersFlagged: outcomes.filter(\.flaggedForReferral).count
    )
  }

  private func risks(customers: [CustomerProfile], at end: Date) async throws -> [DemoReport.Risk] {
    let names = Dictionary(customers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    return try await desk.churnRisks(now: end).prefix(5).map { health in
      let customer = names[health.customerID]
      return DemoReport.Risk(
        customer: health.customerID.rawValue, name: customer?.name ?? "", tier: customer?.tier.rawValue ?? "",
        monthlyRevenue: health.monthlyRevenue.description, health: health.score,
        revenueAtRisk: health.revenueAtRisk.description,
        reasons: health.factors.filter { $0.points < 0 }.map { "\($0.detail) (\($0.points))" })
    }
  }

  static func count(_ values: [String]) -> [String: Int] {
    values.reduce(into: [:]) { $0[$1, default: 0] += 1 }
  }
}
