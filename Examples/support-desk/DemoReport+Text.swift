import Foundation
import HostingSupport

extension DemoReport {
  /// The readable form.
  var text: String {
    var out: [String] = []
    out.append(
      "support-desk demo: \(scenario.days) simulated days, \(scenario.customers) customers, seed \(scenario.seed)")
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
    out += qualityLines + [""] + ageGuardLines + [""] + notificationLines + [""] + incidentLines + [""]
    out += maintenanceLines + [""] + surveyLines + [""] + sentimentLines + [""] + suggestionLines + [""]
    out +=
      clarityLines + [""] + retentionLines + [""] + segmentRetentionLines + [""] + riskLines + [""] + experienceLines
      + [""]
    out += partnerLines
    return out.joined(separator: "\n") + "\n"
  }

  private var qualityLines: [String] {
    let overall = resolutionQuality.overall
    var out = [
      "Resolution quality (SLAComplianceReport): reopen rate \(Self.percent(overall.reopenRatePercent)), "
        + "first-contact resolution \(Self.percent(overall.firstContactResolutionPercent)), "
        + "\(overall.answeredOnTimeResolvedLate) answered on time but resolved late"
    ]
    for row in resolutionQuality.byAgent.prefix(4) {
      out.append(
        "  agent \(row.name): \(row.solved) solved, resolution on time \(Self.percent(row.resolutionAttainmentPercent)), "
          + "FCR \(Self.percent(row.firstContactResolutionPercent)), reopened \(Self.percent(row.reopenRatePercent))")
    }
    for row in resolutionQuality.byDepartment {
      out.append(
        "  department \(row.name): \(row.tickets) tickets, resolution on time "
          + "\(Self.percent(row.resolutionAttainmentPercent)), FCR \(Self.percent(row.firstContactResolutionPercent))")
    }
    return out
  }

  private var ageGuardLines: [String] {
    var out = [
      "Nothing open past \(Self.hours(ageGuard.limitHours)), in any case: \(ageGuard.alertsSent) tickets passed it "
        + "and staff were alerted (\(ageGuard.alertsWithPausedTime) of them had paused time, which counts too)"
    ]
    for example in ageGuard.examples.prefix(3) {
      out.append(
        "    \(example.ticket) (\(example.status)): open \(Self.hours(example.ageHours)), of which "
          + "\(Self.hours(example.onHoldHours)) on hold and \(Self.hours(example.waitingOnCustomerHours)) waiting on the customer"
      )
    }
    out.append(
      "  still open past the limit at the end: \(ageGuard.openPastLimitAtEnd)"
        + (ageGuard.openPastLimitTickets.isEmpty
          ? "" : " (\(ageGuard.openPastLimitTickets.prefix(6).joined(separator: ", ")))"))
    return out
  }

  private var notificationLines: [String] {
    var out = ["Notifications sent (\(notifications.total), outbox \(notifications.outbox))"]
    out.append(
      "  SLA to staff: \(notifications.slaWarnings) warnings, \(notifications.slaBreaches) breaches, "
        + "\(notifications.escalations) escalations, \(notifications.openPastAgeLimit) open past 24 h")
    out.append(
      "  progress updates to customers: \(notifications.progressUpdates), "
        + "\(notifications.progressUpdatesWhileOnHold) of them while the ticket was on hold")
    if notifications.maintenanceByKind.isEmpty {
      out.append("  maintenance notices: none (no customer was affected by a window in this period)")
    } else {
      out.append(
        "  maintenance notices: \(Self.list(notifications.maintenanceByKind)) to \(notifications.maintenanceRecipients) "
          + "affected customers (\(notifications.customersNotAffectedByMaintenance) unaffected customers got none)")
    }
    out.append("  incident notices: \(Self.list(notifications.incidentByKind))")
    out.append(
      "  survey requests: \(notifications.surveyRequests) · feedback follow-ups: \(notifications.feedbackFollowUps) · "
        + "referral opportunities: \(notifications.referralOpportunities) · suggestions done: \(notifications.suggestionDone)"
    )
    out.append("  customer messages by language: \(Self.list(notifications.byLanguage))")
    return out
  }

  private var incidentLines: [String] {
    var out = ["Incidents"]
    if incidents.isEmpty { out.append("  none") }
    for incident in incidents {
      out.append(
        "  \(incident.id) (\(incident.severity)): \(Self.minutes(incident.durationMinutes)), "
          + "\(incident.affectedCustomers) affected customers, \(incident.linkedTickets) tickets linked "
          + "(\(incident.bulkUpdatedTickets) answered and resolved in one bulk update)")
      out.append(
        "    notices: \(incident.startNotices) start, \(incident.updateNotices) updates "
          + "(\(incident.periodicUpdateNotices) periodic, every 30 min without news), "
          + "\(incident.resolutionNotices) resolution")
    }
    return out
  }

  private var maintenanceLines: [String] {
    var out = ["Maintenance (complete only when marked done)"]
    if maintenance.isEmpty { out.append("  none in this period") }
    for window in maintenance {
      let state =
        window.completedAt == nil
        ? "not done yet"
        : window.overrunMinutes.map { "done \(Self.minutes($0)) after its planned end" } ?? "done on time"
      out.append(
        "  \(window.id): \(state); \(window.overrunNotices) \"overrunning, new estimate\" notices, "
          + "\(window.completionNotices) completion notices")
    }
    return out
  }

  private var surveyLines: [String] {
    var out = ["Satisfaction surveys (signed single-use links; a rating alone is an answer)"]
    for total in surveys.totals {
      let score =
        total.kind == "csat"
        ? "satisfied (4–5) \(Self.percent(total.satisfiedPercent))"
        : "NPS \(total.netPromoterScore.map { String(format: "%+.0f", $0) } ?? "–")"
      out.append(
        "  \(total.kind.uppercased()): \(total.requested) requested, \(total.answered) answered "
          + "(response rate \(Self.percent(total.responseRatePercent))), \(total.ratingOnly) rating-only, "
          + "\(total.followedUp) followed up (follow-up rate \(Self.percent(total.followUpRatePercent))), \(score)")
    }
    for week in surveys.byWeek {
      out.append(
        "    \(week.period ?? "") \(week.kind): response rate \(Self.percent(week.responseRatePercent)), "
          + "follow-up rate \(Self.percent(week.followUpRatePercent))")
    }
    out.append(
      "  rating-only answers: \(surveys.ratingOnlyAnswers), of which \(surveys.ratingOnlyFollowUps.count) "
        + "led to a follow-up ticket (low score, no text)")
    for followUp in surveys.ratingOnlyFollowUps.prefix(4) {
      out.append(
        "    \(followUp.followUpTicket) \(followUp.priority): \(followUp.customer) rated \(followUp.kind.uppercased()) "
          + "\(followUp.score) without a comment")
    }
    return out
  }

  private var sentimentLines: [String] {
    var out = ["Feedback sentiment (\(sentiment.responses) answers and comments)"]
    out.append("  overall: \(Self.list(sentiment.byLabel))")
    for (language, counts) in sentiment.byLanguage.sorted(by: { $0.key < $1.key }) {
      out.append("  \(language): \(Self.list(counts))")
    }
    out.append(
      "  follow-up tickets opened: \(sentiment.followUps.count), promoters flagged: \(sentiment.promotersFlagged)")
    for followUp in sentiment.followUps.prefix(6) {
      out.append(
        "    \(followUp.ticket) \(followUp.priority) \(followUp.customer) [\(followUp.language)] "
          + "\(followUp.reasons.joined(separator: "+")): \(Self.clip(followUp.feedback.isEmpty ? "(rating only)" : followUp.feedback, 56))"
      )
    }
    if sentiment.followUps.count > 6 { out.append("    … \(sentiment.followUps.count - 6) more (see --json)") }
    return out
  }

  private var suggestionLines: [String] {
    var out = [
      "Suggestions board (\(suggestions.total) suggestions; \(suggestions.customersToldDone) customer(s) told theirs is done)"
    ]
    for group in suggestions.groups {
      out.append(
        "  \(group.aspect): \(group.count) (new \(group.new), planned \(group.planned), done \(group.done)) — "
          + Self.clip(group.examples.first ?? "", 60))
    }
    return out
  }

  private var clarityLines: [String] {
    var out = [
      "Clarity hints on agent replies (for the agent only; \(clarity.hintsInCustomerMessages) in customer messages)",
      "  \(clarity.repliesWithHints) of \(clarity.repliesChecked) replies got hints: \(Self.list(clarity.byKind))",
    ]
    for example in clarity.examples.prefix(3) {
      out.append(
        "    \(example.ticket) [\(example.language)] \"\(example.excerpt)\": \(Self.clip(example.explanation, 60))")
    }
    return out
  }

  private var experienceLines: [String] {
    [
      "Does support experience drive retention? (a seeded archive of \(DemoExperienceHistory.customers) customers;"
        + " associations, not causes)"
    ] + experience.description.components(separatedBy: "\n").map { $0.isEmpty ? "" : "  " + $0 }
  }

  private var retentionLines: [String] {
    var out = ["Retention snapshot (\(retention.month))"]
    out.append(
      "  active customers \(retention.activeAtStart) at the start of the run → \(retention.activeAtEnd) at its end")
    let churn = retention.customerChurn
    out.append(
      "  customer churn rate \(Self.percent(churn.percent)) (\(churn.count) of \(churn.base)): \(churn.measures)")
    let renewals = retention.renewals
    out.append(
      "  renewal rate \(Self.percent(renewals.percent)) (\(renewals.count) of \(renewals.base)): \(renewals.measures)")
    out.append(
      "  NRR \(Self.percent(retention.netRevenueRetentionPercent)), GRR \(Self.percent(retention.grossRevenueRetentionPercent)) (12 months)"
    )
    out.append(
      "  upgrade funnel: \(retention.everUpgraded) of \(retention.sharedStarters) shared starters have moved up so far")
    for window in retention.upgradeFunnel {
      out.append(
        "    within \(window.months) months: \(Self.percent(window.ratePercent)) (\(window.upgraded) of "
          + "\(window.eligible) observed that long) — \(window.measures)")
    }
    if let expectation = retention.upgradeExpectation {
      out.append(
        String(
          format: "  expected upgrade value of a shared customer: %.0f %% × %@ a month (churn ranking below)",
          expectation.probabilityPercent, expectation.typicalUpgradeMRR))
    }
    out.append(
      "  NPS \(retention.nps.map { String(format: "%+.0f", $0) } ?? "–") from \(retention.npsResponses) answers; "
        + String(
          format: "word of mouth: %.0f people hear good things, %.0f bad (net %+.0f)",
          retention.wordOfMouthPositiveReach,
          retention.wordOfMouthNegativeReach, retention.wordOfMouthNetReach))
    return out
  }

  private var riskLines: [String] {
    var out = ["Top churn risks (by expected value at risk: MRR + upgrade value of shared plans, weighted by renewal)"]
    if churnRisks.isEmpty { out.append("  nobody at risk") }
    for risk in churnRisks {
      out.append(
        "  \(risk.customer) \(risk.name) (\(risk.tier), \(risk.monthlyRevenue)/mo): health \(risk.health)/100, "
          + "\(risk.expectedValueAtRisk) expected at risk")
      for reason in risk.valueReasons.dropFirst() { out.append("      · \(reason)") }
      for reason in risk.reasons.prefix(2) { out.append("      - \(reason)") }
    }
    return out
  }

  static func list(_ counts: [String: Int]) -> String {
    counts.isEmpty ? "none" : counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
  }

  static func percent(_ value: Double?) -> String {
    value.map { String(format: "%.1f %%", $0) } ?? "–"
  }

  static func hours(_ value: Double) -> String { String(format: "%.0f h", value) }

  static func minutes(_ value: Double) -> String {
    value >= 60 ? String(format: "%d h %02d min", Int(value) / 60, Int(value) % 60) : String(format: "%.0f min", value)
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
