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
    churned: Set<CustomerID>,
    tickets: Int,
    retention: DemoRetentionInput,
    observations: DemoObservations,
    start: Date,
    end: Date
  ) async throws -> DemoReport {
    let notifications = try FileOutboxTransport.notifications(in: outbox)
    let all = try await store.allTickets(matching: TicketQuery(limit: 1_000))
    let retentionFigures = try DemoRetention.snapshot(retention, from: start, to: end)
    let expectation =
      UpgradeExpectation.measured(from: try retention.dataset(), reportDate: CivilDate(end)) ?? .hostingDefault
    return DemoReport(
      scenario: DemoReport.Scenario(
        seed: options.seed, days: options.days, customers: customers.count, start: start, end: end,
        tiers: Self.count(customers.map(\.tier.rawValue)), channels: Self.count(customers.map(\.acquisition.rawValue)),
        languages: Self.count(customers.map(\.locale.rawValue)), ticketsOpened: tickets),
      sla: slaRows(all, customers: customers, notifications: notifications, at: end),
      notifications: notificationSummary(notifications, customers: customers),
      ageGuard: ageGuard(notifications, tickets: all, at: end),
      sentiment: try await sentiment(customers: customers),
      surveys: try await surveys(observations),
      suggestions: try await suggestions(notifications),
      incidents: try await incidents(observations, at: end),
      maintenance: try await maintenance(notifications),
      resolutionQuality: quality(all, at: end),
      clarity: clarity(observations.clarity, notifications: notifications),
      retention: retentionFigures,
      churnRisks: try await risks(
        customers: customers.filter { !churned.contains($0.id) }, at: end, upgrade: expectation),
      partners: try await partners(
        notifications, tickets: all, customers: customers, premiumTicket: observations.resellerPremiumTicket, at: end),
      retentionBySegment: try segmentRetention(retention, month: retentionFigures.month, to: end),
      experience: try DemoExperienceHistory.report(seed: options.seed, end: end)
    )
  }

  private func slaRows(
    _ tickets: [Ticket], customers: [CustomerProfile], notifications: [HostingSupport.OutboundMessage], at end: Date
  ) -> [DemoReport.SLARow] {
    let evaluator = SLAEvaluator(policies: desk.policies)
    let resellers = Dictionary(customers.map { ($0.id, $0.partners.reseller) }, uniquingKeysWith: { first, _ in first })
    let breachAlerts = notifications.filter { $0.kind == .slaBreach }
    return Priority.allCases.reversed().map { priority in
      let statuses = tickets.filter { $0.priority == priority && !$0.id.rawValue.hasPrefix("FB-") }
        .compactMap { evaluator.evaluate(SLASubject($0, reseller: resellers[$0.customerID] ?? nil), now: end) }
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
    let maintenance = sent.filter { $0.maintenanceID != nil && $0.audience == .customer }
    let recipients = Set(maintenance.compactMap(\.customerID))
    let incidentKinds: Set<MessageKind> = [.incidentStart, .incidentUpdate, .incidentResolved]
    func count(_ kind: MessageKind) -> Int { sent.count { $0.kind == kind } }
    return DemoReport.Notifications(
      total: sent.count,
      slaWarnings: count(.slaWarning),
      slaBreaches: count(.slaBreach),
      escalations: count(.slaEscalation),
      openPastAgeLimit: count(.openPastAgeLimit),
      progressUpdates: count(.progressUpdate),
      progressUpdatesWhileOnHold: sent.count { $0.kind == .progressUpdate && $0.metadata["status"] == "onHold" },
      maintenanceByKind: Self.count(sent.filter { $0.maintenanceID != nil }.map(\.kind.rawValue)),
      maintenanceRecipients: recipients.count,
      customersNotAffectedByMaintenance: customers.count - recipients.count,
      incidentByKind: Self.count(sent.filter { incidentKinds.contains($0.kind) }.map(\.kind.rawValue)),
      surveyRequests: count(.satisfactionSurvey),
      suggestionDone: count(.suggestionDone),
      feedbackFollowUps: count(.feedbackFollowUp),
      referralOpportunities: count(.referralOpportunity),
      byLanguage: Self.count(sent.filter { $0.audience == .customer }.map(\.locale.rawValue)),
      outbox: outbox.lastPathComponent,
      slaAlertsByDay: Self.alertsByDay(sent)
    )
  }

  private func sentiment(customers: [CustomerProfile]) async throws -> DemoReport.Sentiment {
    let outcomes = try await desk.feedbackOutcomes()
    var byLanguage: [String: [String: Int]] = [:]
    var byAspect: [String: [String: Int]] = [:]
    for outcome in outcomes {
      byLanguage[outcome.language, default: [:]][outcome.label.rawValue, default: 0] += 1
      for aspect in Set(outcome.criticisedAspects + outcome.praisedAspects) {
        byAspect[aspect.rawValue, default: [:]][outcome.label.rawValue, default: 0] += 1
      }
    }
    let followUps = outcomes.compactMap { outcome -> DemoReport.FollowUp? in
      guard let ticket = outcome.followUpTicketID else { return nil }
      return DemoReport.FollowUp(
        ticket: ticket.rawValue, customer: outcome.feedback.customerID.rawValue, language: outcome.language,
        priority: outcome.followUpPriority?.rawValue ?? "", aspect: outcome.criticisedAspects.first?.rawValue,
        reasons: outcome.followUpReasons.map(\.rawValue), feedback: outcome.feedback.text)
    }
    return DemoReport.Sentiment(
      responses: outcomes.count,
      byLabel: Self.count(outcomes.map(\.label.rawValue)),
      byLanguage: byLanguage,
      byAspect: byAspect,
      followUps: followUps,
      promotersFlagged: outcomes.filter(\.flaggedForReferral).count
    )
  }

  private func risks(customers: [CustomerProfile], at end: Date, upgrade: UpgradeExpectation) async throws
    -> [DemoReport.Risk]
  {
    let names = Dictionary(customers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let options = ChurnRiskOptions(upgradeExpectation: upgrade)
    // Customers who left are still registered (the desk keeps their history) but are no longer at risk.
    let current = try await desk.churnRisks(now: end, options: options).filter { names[$0.customerID] != nil }
    return current.prefix(6).map { health in
      let customer = names[health.customerID]
      return DemoReport.Risk(
        customer: health.customerID.rawValue, name: customer?.name ?? "", tier: customer?.tier.rawValue ?? "",
        monthlyRevenue: health.monthlyRevenue.description, health: health.score,
        revenueAtRisk: health.revenueAtRisk.description, expectedUpgradeMRR: health.expectedUpgradeMRR?.description,
        billingPeriod: customer?.billingPeriod?.rawValue, nextRenewal: health.nextRenewal,
        renewalWeight: health.renewalWeight, expectedValueAtRisk: health.expectedValueAtRisk.description,
        expectedValueAtRiskAmount: health.expectedValueAtRisk.decimalString,
        reasons: health.factors.filter { $0.points < 0 }.map { "\($0.detail) (\($0.points))" },
        valueReasons: health.valueFactors.map(\.detail))
    }
  }

  /// SLA warnings, breaches and age-limit alerts per UTC day, every day from the first alert to the last.
  static func alertsByDay(_ sent: [HostingSupport.OutboundMessage]) -> [DemoReport.DayAlerts] {
    let kinds: [MessageKind] = [.slaWarning, .slaBreach, .openPastAgeLimit]
    let alerts = sent.filter { kinds.contains($0.kind) }
    guard let first = alerts.map({ CivilDate($0.createdAt) }).min(),
      let last = alerts.map({ CivilDate($0.createdAt) }).max()
    else { return [] }
    var counts: [Int: [MessageKind: Int]] = [:]
    for alert in alerts { counts[CivilDate(alert.createdAt).dayNumber, default: [:]][alert.kind, default: 0] += 1 }
    return (first.dayNumber...last.dayNumber).map { day in
      let count = counts[day] ?? [:]
      return DemoReport.DayAlerts(
        day: CivilDate(dayNumber: day).description, warnings: count[.slaWarning] ?? 0,
        breaches: count[.slaBreach] ?? 0, openPastAgeLimit: count[.openPastAgeLimit] ?? 0)
    }
  }

  static func count(_ values: [String]) -> [String: Int] {
    values.reduce(into: [:]) { $0[$1, default: 0] += 1 }
  }
}
