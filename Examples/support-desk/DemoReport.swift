import Foundation

/// Everything the demo measured; `--json` prints it as is.
struct DemoReport: Codable {
  struct Scenario: Codable {
    var seed: UInt64
    var days: Int
    var customers: Int
    var start: Date
    var end: Date
    var tiers: [String: Int]
    var channels: [String: Int]
    var languages: [String: Int]
    var ticketsOpened: Int
  }
  struct SLARow: Codable {
    var priority: String
    var tickets: Int
    var firstResponseAttainmentPercent: Double?
    var resolutionAttainmentPercent: Double?
    var breachedTickets: Int
    var breaches: Int
  }
  struct Notifications: Codable {
    var total: Int
    var slaWarnings: Int
    var slaBreaches: Int
    var escalations: Int
    var progressUpdates: Int
    var maintenanceByKind: [String: Int]
    var maintenanceRecipients: Int
    var customersNotAffectedByMaintenance: Int
    var feedbackFollowUps: Int
    var referralOpportunities: Int
    var byLanguage: [String: Int]
    var outbox: String
  }
  struct FollowUp: Codable {
    var ticket: String
    var customer: String
    var language: String
    var priority: String
    var aspect: String?
    var feedback: String
  }
  struct Sentiment: Codable {
    var responses: Int
    var byLabel: [String: Int]
    var byLanguage: [String: [String: Int]]
    var followUps: [FollowUp]
    var promotersFlagged: Int
  }
  struct Retention: Codable {
    var month: String
    var activeAtStart: Int
    var activeAtEnd: Int
    var churnedCustomers: Int
    var customerChurnRatePercent: Double?
    var renewalRatePercent: Double?
    var netRevenueRetentionPercent: Double?
    var grossRevenueRetentionPercent: Double?
    var upgradeFunnel: [String: Double?]
    var sharedStarters: Int
    var everUpgraded: Int
    var nps: Double?
    var npsResponses: Int
    var wordOfMouthPositiveReach: Double
    var wordOfMouthNegativeReach: Double
    var wordOfMouthNetReach: Double
  }
  struct Risk: Codable {
    var customer: String
    var name: String
    var tier: String
    var monthlyRevenue: String
    var health: Int
    var revenueAtRisk: String
    var reasons: [String]
  }

  var scenario: Scenario
  var sla: [SLARow]
  var notifications: Notifications
  var sentiment: Sentiment
  var retention: Retention
  var churnRisks: [Risk]
}

extension DemoReport {
  /// The readable form.
  var text: String {
    var out: [String] = []
    let days = scenario.days
    out.append("support-desk demo: \(days) simulated days, \(scenario.customers) customers, seed \(scenario.seed)")
    out.append(
      "  tiers \(Self.list(scenario.tiers)) · channels \(Self.list(scenario.channels)) · languages \(Self.list(scenario.languages))"
    )
    out.append("  \(scenario.ticketsOpened) tickets opened around the clock")
    out.append("")
    out.append("SLA attainment by priority")
    out.append(Self.row(["priority", "tickets", "first resp.", "resolution", "breached tickets", "breaches"]))
    for row in sla {
      out.append(
        Self.row([
          row.priority, String(row.tickets), Self.percent(row.firstResponseAttainmentPercent),
          Self.percent(row.resolutionAttainmentPercent), String(row.breachedTickets), String(row.breaches),
        ]))
    }
    out.append("")
    out.append("Notifications sent (\(notifications.total), outbox \(notifications.outbox))")
    out.append(
      "  SLA to staff: \(notifications.slaWarnings) warnings, \(notifications.slaBreaches) breaches, "
        + "\(notifications.escalations) escalations")
    out.append("  progress updates to customers: \(notifications.progressUpdates)")
    if notifications.maintenanceByKind.isEmpty {
      out.append("  maintenance notices: none (no customer was affected by a window in this period)")
    } else {
      out.append(
        "  maintenance notices: \(Self.list(notifications.maintenanceByKind)) to \(notifications.maintenanceRecipients) "
          + "affected customers (\(notifications.customersNotAffectedByMaintenance) unaffected customers got none)")
    }
    out.append(
      "  feedback follow-ups: \(notifications.feedbackFollowUps) · referral opportunities: \(notifications.referralOpportunities)"
    )
    out.append("  customer messages by language: \(Self.list(notifications.byLanguage))")
    out.append("")
    out.append("Feedback sentiment (\(sentiment.responses) responses)")
    out.append("  overall: \(Self.list(sentiment.byLabel))")
    for (language, counts) in sentiment.byLanguage.sorted(by: { $0.key < $1.key }) {
      out.append("  \(language): \(Self.list(counts))")
    }
    out.append(
      "  follow-up tickets opened: \(sentiment.followUps.count), promoters flagged: \(sentiment.promotersFlagged)")
    for followUp in sentiment.followUps.prefix(8) {
      out.append(
        "    \(followUp.ticket) \(followUp.priority) \(followUp.customer) [\(followUp.language)] "
          + "\(followUp.aspect ?? "general"): \(Self.clip(followUp.feedback, 60))")
    }
    if sentiment.followUps.count > 8 { out.append("    … \(sentiment.followUps.count - 8) more (see --json)") }
    out.append("")
    out.append("Retention snapshot (\(retention.month))")
    out.append(
      "  active customers \(retention.activeAtStart) → \(retention.activeAtEnd), churned \(retention.churnedCustomers), "
        + "churn rate \(Self.percent(retention.customerChurnRatePercent)), renewal rate \(Self.percent(retention.renewalRatePercent))"
    )
    out.append(
      "  NRR \(Self.percent(retention.netRevenueRetentionPercent)), GRR \(Self.percent(retention.grossRevenueRetentionPercent))"
    )
    let funnel = retention.upgradeFunnel.sorted { $0.key < $1.key }.map {
      "\($0.key) \(Self.percent($0.value.map { $0 * 100 }))"
    }
    out.append(
      "  upgrade funnel: \(retention.everUpgraded) of \(retention.sharedStarters) shared starters upgraded; "
        + funnel.joined(separator: ", "))
    out.append(
      "  NPS \(retention.nps.map { String(format: "%+.0f", $0) } ?? "–") from \(retention.npsResponses) answers; "
        + String(
          format: "word of mouth: %.0f people hear good things, %.0f bad (net %+.0f)",
          retention.wordOfMouthPositiveReach,
          retention.wordOfMouthNegativeReach, retention.wordOfMouthNetReach))
    out.append("")
    out.append("Top churn risks (by MRR at risk)")
    if churnRisks.isEmpty { out.append("  nobody at risk") }
    for risk in churnRisks {
      out.append(
        "  \(risk.customer) \(risk.name) (\(risk.tier), \(risk.monthlyRevenue)/mo): health \(risk.health)/100, "
          + "\(risk.revenueAtRisk) at risk")
      for reason in risk.reasons.prefix(3) { out.append("      - \(reason)") }
    }
    return out.joined(separator: "\n") + "\n"
  }

  static func list(_ counts: [String: Int]) -> String {
    counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
  }

  static func percent(_ value: Double?) -> String {
    value.map { String(format: "%.1f %%", $0) } ?? "–"
  }

  static func row(_ cells: [String]) -> String {
    let widths = [10, 8, 12, 11, 17, 8]
    return "  "
      + zip(cells, widths).map { cell, width in
        cell.padding(toLength: max(width, cell.count), withPad: " ", startingAt: 0)
      }
      .joined(separator: " ")
  }

  static func clip(_ text: String, _ length: Int) -> String {
    text.count <= length ? text : String(text.prefix(length - 1)) + "…"
  }
}
