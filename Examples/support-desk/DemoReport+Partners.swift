import Foundation

extension DemoReport {
  /// Resellers and affiliates: white-labelled notices, the premium reseller's SLA, and each partner's customers'
  /// health.
  struct Partners: Codable {
    struct Entry: Codable {
      var id: String
      var kind: String
      var name: String
      var brand: String?
      var languages: [String]
      var slaPolicySet: String?
    }
    /// One notice a reseller's customer received, as sent.
    struct Notice: Codable {
      var customer: String
      var partner: String
      var kind: String
      var locale: String
      var from: String
      var subject: String
      var body: String
    }
    struct WhiteLabel: Codable {
      /// Notices to resellers' customers, by reseller.
      var noticesByReseller: [String: Int]
      /// Of those, how many name the host anywhere (subject or body): the rule says none.
      var noticesNamingHost: Int
      /// Notices to the host's own customers that carry the host's name.
      var directNoticesNamingHost: Int
      var example: Notice?
    }
    /// A premium reseller's customer's ticket measured with the reseller's targets, beside the standard ones.
    struct ResellerSLA: Codable {
      struct Target: Codable {
        var metric: String
        var premiumGoalMinutes: Double
        var standardGoalMinutes: Double?
        var premiumOutcome: String
        var standardOutcome: String?
      }
      var partner: String
      var ticket: String
      var customer: String
      var policy: String
      var standardPolicy: String?
      var targets: [Target]
      /// Tickets of the reseller's customers measured with its policies, during the run.
      var ticketsUnderResellerPolicies: Int
    }
    struct Health: Codable {
      var partner: String
      var name: String?
      var customers: Int
      var atRisk: Int
      var meanHealth: Double?
      var openTickets: Int
      var slaBreaches: Int
      var negativeFeedback: Int
      var flagged: Bool
      var reasons: [String]
    }
    var directory: [Entry]
    var whiteLabel: WhiteLabel
    var resellerSLA: ResellerSLA?
    var health: [Health]
    var flagRule: String
  }

  /// Retention per acquisition channel and per partner (RetentionMetrics' segments), the partners ranked by
  /// renewal rate, and customer survival against direct customers.
  struct SegmentRetention: Codable {
    struct Row: Codable {
      var segment: String
      var customersStart: Int
      var customersEnd: Int
      var churnedCustomers: Int
      var churnRatePercent: Double?
      var renewalRatePercent: Double?
      var nrr12mPercent: Double?
    }
    struct Ranked: Codable {
      var rank: Int
      var partner: String
      var customers: Int
      var renewalRatePercent: Double?
      var nrr12mPercent: Double?
    }
    struct Survival: Codable {
      var group: String
      var customers: Int
      var medianDays: Double?
      var logRankPValueVsDirect: Double?
    }
    var month: String
    var byChannel: [Row]
    var byPartner: [Row]
    var partnerRanking: [Ranked]
    var survivalByChannel: [Survival]
    var survivalByPartner: [Survival]
  }

  var partnerLines: [String] {
    var out = ["Partners: \(partners.directory.count) (resellers white-label their customers' notices)"]
    for entry in partners.directory {
      let brand = entry.brand.map { " as \"\($0)\" in \(entry.languages.joined(separator: "/"))" } ?? ""
      let sla = entry.slaPolicySet.map { ", SLA set \($0)" } ?? ""
      out.append("  \(entry.id) (\(entry.kind)): \(entry.name)\(brand)\(sla)")
    }
    let white = partners.whiteLabel
    out.append(
      "  notices to resellers' customers: \(Self.list(white.noticesByReseller)); naming the host: "
        + "\(white.noticesNamingHost) (direct customers' notices naming it: \(white.directNoticesNamingHost))")
    if let example = white.example {
      out.append("  a white-labelled \(example.kind) notice to \(example.customer) (\(example.locale)):")
      out.append("    From: \(example.from)")
      out.append("    Subject: \(example.subject)")
      for line in example.body.split(separator: "\n", omittingEmptySubsequences: false) { out.append("    | \(line)") }
    }
    if let sla = partners.resellerSLA {
      out.append(
        "  reseller SLA applied: \(sla.ticket) of \(sla.customer) (\(sla.partner)) measured with \"\(sla.policy)\""
          + " instead of \"\(sla.standardPolicy ?? "–")\"; \(sla.ticketsUnderResellerPolicies) ticket(s) under "
          + "the reseller's policies in the run")
      for target in sla.targets {
        out.append(
          "    \(target.metric): premium \(Self.minutes(target.premiumGoalMinutes)) → \(target.premiumOutcome); "
            + "standard \(target.standardGoalMinutes.map(Self.minutes) ?? "–") → \(target.standardOutcome ?? "–")")
      }
    }
    out.append("  partner health (\(partners.flagRule)):")
    for row in partners.health {
      out.append(
        "    \(row.flagged ? "⚑" : " ") \(row.partner): \(row.customers) customers, \(row.atRisk) at risk, mean health "
          + "\(row.meanHealth.map { String(format: "%.0f", $0) } ?? "–"), \(row.openTickets) open tickets, "
          + "\(row.slaBreaches) breached, \(row.negativeFeedback) negative feedback"
          + (row.reasons.isEmpty ? "" : " — " + row.reasons.joined(separator: "; ")))
    }
    return out
  }

  var segmentRetentionLines: [String] {
    let segments = retentionBySegment
    var out = ["Retention per channel and partner (\(segments.month))"]
    let header = ["segment", "start", "end", "churned", "churn rate", "renewal rate", "NRR 12m"]
    for (title, rows) in [("by channel", segments.byChannel), ("by partner", segments.byPartner)] {
      out.append("  \(title)")
      out.append(Self.segmentRow(header))
      for row in rows {
        out.append(
          Self.segmentRow([
            row.segment, String(row.customersStart), String(row.customersEnd), String(row.churnedCustomers),
            Self.percent(row.churnRatePercent), Self.percent(row.renewalRatePercent), Self.percent(row.nrr12mPercent),
          ]))
      }
    }
    out.append("  partners ranked by renewal rate over the history (customers beside, so small ones are not over-read)")
    for row in segments.partnerRanking {
      out.append(
        "    \(row.rank). \(row.partner): \(row.customers) customers, renewal rate \(Self.percent(row.renewalRatePercent)),"
          + " NRR 12m \(Self.percent(row.nrr12mPercent))")
    }
    out.append("  customer survival against direct customers (Kaplan–Meier median, log-rank p against direct)")
    for (title, rows) in [("by channel", segments.survivalByChannel), ("by partner", segments.survivalByPartner)] {
      out.append("    \(title)")
      for row in rows {
        let median = row.medianDays.map { String(format: "%.0f days", $0) } ?? "not reached"
        let test = row.logRankPValueVsDirect.map { String(format: "%.3f", $0) } ?? "–"
        out.append("      \(row.group): \(row.customers) customers, median \(median), p \(test)")
      }
    }
    return out
  }

  static func segmentRow(_ cells: [String]) -> String {
    let widths = [12, 6, 6, 8, 11, 13, 8]
    return "    "
      + zip(cells, widths).map { cell, width in
        cell.padding(toLength: max(width, cell.count), withPad: " ", startingAt: 0)
      }
      .joined(separator: " ")
  }
}
