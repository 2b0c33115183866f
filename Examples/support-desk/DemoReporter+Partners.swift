import Foundation
import HostingSupport
import RetentionMetrics
import SupportSLA
import SupportTickets

extension DemoReporter {
  func partners(
    _ notifications: [HostingSupport.OutboundMessage], tickets: [Ticket], customers: [CustomerProfile],
    premiumTicket: TicketID?, at end: Date
  ) async throws -> DemoReport.Partners {
    let configuration = desk.configuration
    let directory = configuration.partners.partners.map { partner in
      DemoReport.Partners.Entry(
        id: partner.id.rawValue, kind: partner.kind.rawValue, name: partner.name, brand: partner.brand?.displayName,
        languages: partner.brand?.languages ?? [], slaPolicySet: partner.slaPolicySetName)
    }
    let health = try await desk.partnerHealth(now: end).map { row in
      DemoReport.Partners.Health(
        partner: row.partnerID.rawValue, name: row.name, customers: row.customers, atRisk: row.atRiskCount,
        meanHealth: row.meanHealthScore, openTickets: row.openTickets, slaBreaches: row.slaBreaches,
        negativeFeedback: row.negativeFeedback, flagged: row.isFlagged, reasons: row.flagReasons)
    }
    let rule = PartnerRiskRule()
    return DemoReport.Partners(
      directory: directory,
      whiteLabel: whiteLabel(notifications, hostName: configuration.hostName),
      resellerSLA: resellerSLA(premiumTicket, tickets: tickets, customers: customers, at: end),
      health: health,
      flagRule: "flagged with \(rule.minimumAtRiskCustomers)+ at-risk customers, or \(Int(rule.atRiskShare * 100)) %+ "
        + "of \(rule.minimumCustomersForShare)+ customers at risk, or missing from the directory")
  }

  private func whiteLabel(_ notifications: [HostingSupport.OutboundMessage], hostName: String)
    -> DemoReport.Partners.WhiteLabel
  {
    let toCustomers = notifications.filter { $0.audience == .customer }
    let branded = toCustomers.filter { $0.sender?.partnerID != nil }
    func namesHost(_ message: HostingSupport.OutboundMessage) -> Bool {
      (message.subject + message.body).contains(hostName)
    }
    // Show a maintenance or incident notice when there is one: they reach the most customers.
    let preferred: [MessageKind] = [.maintenanceAdvance, .incidentStart, .progressUpdate]
    let example = preferred.lazy.compactMap { kind in branded.first { $0.kind == kind } }.first ?? branded.first
    return DemoReport.Partners.WhiteLabel(
      noticesByReseller: DemoReporter.count(branded.compactMap { $0.sender?.partnerID?.rawValue }),
      noticesNamingHost: branded.count(where: namesHost),
      directNoticesNamingHost: toCustomers.filter { $0.sender?.partnerID == nil }.count(where: namesHost),
      example: example.map { message in
        DemoReport.Partners.Notice(
          customer: message.customerID?.rawValue ?? "", partner: message.sender?.partnerID?.rawValue ?? "",
          kind: message.kind.rawValue, locale: message.locale.rawValue,
          from: "\(message.sender?.displayName ?? "") <\(message.sender?.address ?? "")>", subject: message.subject,
          body: message.body)
      })
  }

  private func resellerSLA(_ premiumTicket: TicketID?, tickets: [Ticket], customers: [CustomerProfile], at end: Date)
    -> DemoReport.Partners.ResellerSLA?
  {
    let resellers = Dictionary(customers.map { ($0.id, $0.partners.reseller) }, uniquingKeysWith: { first, _ in first })
    let evaluator = SLAEvaluator(policies: desk.policies)
    let standard = SLAEvaluator(policies: (try? DemoPartners.catalog().standard) ?? .hostingDefault)
    let premiumNames = Set(
      ((try? DemoPartners.catalog().named[DemoPartners.premiumSetName]) ?? nil)?.policies.map(\.name) ?? [])
    let underPremium = tickets.count { ticket in
      let subject = SLASubject(ticket, reseller: resellers[ticket.customerID] ?? nil)
      return evaluator.policies.policy(for: subject).map { premiumNames.contains($0.name) } ?? false
    }
    guard let id = premiumTicket, let ticket = tickets.first(where: { $0.id == id }),
      let reseller = resellers[ticket.customerID] ?? nil,
      let premium = evaluator.evaluate(SLASubject(ticket, reseller: reseller), now: end)
    else { return nil }
    let plain = standard.evaluate(SLASubject(ticket), now: end)
    let targets = [SLAMetric.firstResponse, .resolution].compactMap {
      metric -> DemoReport.Partners.ResellerSLA.Target? in
      guard let mine = premium.cycles(of: metric).first else { return nil }
      let theirs = plain?.cycles(of: metric).first
      return .init(
        metric: metric.rawValue, premiumGoalMinutes: mine.goal / 60, standardGoalMinutes: theirs.map { $0.goal / 60 },
        premiumOutcome: mine.state.rawValue, standardOutcome: theirs?.state.rawValue)
    }
    return DemoReport.Partners.ResellerSLA(
      partner: reseller.rawValue, ticket: ticket.id.rawValue, customer: ticket.customerID.rawValue,
      policy: premium.policyName, standardPolicy: plain?.policyName, targets: targets,
      ticketsUnderResellerPolicies: underPremium)
  }

  func segmentRetention(_ input: DemoRetentionInput, month: String, to end: Date) throws -> DemoReport.SegmentRetention
  {
    let dataset = try input.dataset()
    let last = CivilDate(end).civilMonth
    let segmented = SegmentedRetentionAggregate(dataset: dataset, through: last, by: [.channel, .partner])
    func rows(_ dimension: RetentionSegment.Dimension) -> [DemoReport.SegmentRetention.Row] {
      segmented.segments(of: dimension).compactMap { segment, aggregate in
        guard let snapshot = aggregate.snapshots().last(where: { "\($0.month)" == month }) else { return nil }
        return .init(
          segment: segment.value, customersStart: snapshot.counters.customersStart,
          customersEnd: snapshot.counters.customersEnd, churnedCustomers: snapshot.counters.churnedCustomers,
          churnRatePercent: snapshot.customerChurnRate.map { $0 * 100 },
          renewalRatePercent: snapshot.allRenewals.rate.map { $0 * 100 },
          nrr12mPercent: snapshot.nrr12m.map { $0 * 100 })
      }
    }
    let first = input.plans.map(\.start).min().map { CivilDate($0).civilMonth } ?? last
    let report = try RetentionReport(dataset: dataset, months: first...last, options: .init(segments: []))
    func survival(_ groups: SurvivalAgainstDirect) -> [DemoReport.SegmentRetention.Survival] {
      groups.groups.map {
        .init(
          group: $0.name, customers: $0.customers, medianDays: $0.estimate.median,
          logRankPValueVsDirect: $0.testAgainstDirect?.pValue)
      }
    }
    return DemoReport.SegmentRetention(
      month: month, byChannel: rows(.channel), byPartner: rows(.partner),
      partnerRanking: report.partnerRanking.map {
        .init(
          rank: $0.rank, partner: $0.partner.rawValue, customers: $0.customers,
          renewalRatePercent: $0.renewalRate.map { $0 * 100 }, nrr12mPercent: $0.nrr12m.map { $0 * 100 })
      },
      survivalByChannel: survival(report.customerSurvivalByChannel),
      survivalByPartner: survival(report.customerSurvivalByPartner))
  }
}
