import Foundation
import Testing

@Suite("support-desk demo", .serialized)
struct SupportDeskDemoTests {
  /// The default demo's JSON report, run once for the outcome tests.
  /// (A static initializer cannot suspend, so this one run blocks its thread.)
  static let defaultRun: Result<Data, any Error> = Result {
    let run = try runExample("support-desk", ["demo", "--json"])
    guard run.status == 0 else { throw DemoFailure(message: run.standardError) }
    return Data(run.standardOutput.utf8)
  }

  struct DemoFailure: Error { var message: String }

  static func report() throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: defaultRun.get()) as? [String: Any])
  }

  static func section(_ name: String) throws -> [String: Any] {
    try #require(try report()[name] as? [String: Any], "missing \(name)")
  }

  static func list(_ name: String) throws -> [[String: Any]] {
    try #require(try report()[name] as? [[String: Any]], "missing \(name)")
  }

  @Test("the default demo prints every section of the report, figures labelled with what they measure")
  func defaultDemo() async throws {
    let run = try await runExample("support-desk", ["demo"])
    #expect(run.status == 0, "\(run.standardError)")
    for heading in [
      "30 simulated days", "SLA attainment by priority", "Resolution quality", "Nothing open past 24 h",
      "Notifications sent", "maintenance notices", "Incidents", "Maintenance (complete only when marked done)",
      "Satisfaction surveys", "Feedback sentiment", "Suggestions board", "Clarity hints on agent replies",
      "Retention snapshot", "NRR", "upgrade funnel", "NPS", "word of mouth", "Top churn risks",
      // Figures that could read as contradictions say what they count.
      "customer churn rate", "customers active on the first day of", "renewal rate",
      "billing terms that came up for renewal", "observed that long", "within 6 months", "within 12 months",
      // Partners: a white-labelled notice, a reseller SLA applied, retention per channel and partner.
      "Partners:", "a white-labelled", "From: ", "reseller SLA applied", "partner health",
      "Retention per channel and partner", "by channel", "by partner", "partners ranked by renewal rate",
      "customer survival against direct customers",
    ] {
      #expect(run.standardOutput.contains(heading), "missing \(heading)")
    }
  }

  @Test("tickets open past 24 h raise alerts, and on-hold time counts toward the limit")
  func ageGuard() throws {
    let section = try Self.section("ageGuard")
    #expect(section["limitHours"] as? Double == 24)
    #expect((section["alertsSent"] as? Int ?? 0) > 0)
    #expect((section["alertsWithPausedTime"] as? Int ?? 0) > 0)
    let example = try #require((section["examples"] as? [[String: Any]])?.first)
    #expect((example["ageHours"] as? Double ?? 0) >= 24)
    #expect((example["onHoldHours"] as? Double ?? 0) > 12, "most of its age was on hold, and it still counted")
  }

  @Test("on-hold tickets get progress updates")
  func progressOnHold() throws {
    let notifications = try Self.section("notifications")
    #expect((notifications["progressUpdatesWhileOnHold"] as? Int ?? 0) > 0)
    #expect((notifications["openPastAgeLimit"] as? Int ?? 0) > 0)
  }

  @Test("a survey round: requests, answers (some rating-only), and rating-only low scores followed up")
  func surveys() throws {
    let surveys = try Self.section("surveys")
    let totals = try #require(surveys["totals"] as? [[String: Any]])
    let csat = try #require(totals.first { $0["kind"] as? String == "csat" })
    #expect((csat["requested"] as? Int ?? 0) > 0 && (csat["answered"] as? Int ?? 0) > 0)
    #expect((csat["ratingOnly"] as? Int ?? 0) > 0 && (csat["followedUp"] as? Int ?? 0) > 0)
    #expect(csat["responseRatePercent"] is Double && csat["followUpRatePercent"] is Double)
    let followUps = try #require(surveys["ratingOnlyFollowUps"] as? [[String: Any]])
    #expect(!followUps.isEmpty)
    for followUp in followUps {
      let score = try #require(followUp["score"] as? Int)
      #expect(followUp["kind"] as? String == "csat" ? score <= 2 : score <= 6)
      #expect((followUp["followUpTicket"] as? String ?? "").hasPrefix("FB-"))
    }
    #expect(!((surveys["byWeek"] as? [Any]) ?? []).isEmpty, "rates per period")
  }

  @Test("the suggestions board groups suggestions by aspect, and a customer is told theirs is done")
  func suggestions() throws {
    let suggestions = try Self.section("suggestions")
    #expect((suggestions["total"] as? Int ?? 0) > 0)
    let groups = try #require(suggestions["groups"] as? [[String: Any]])
    let top = try #require(groups.first)
    #expect((top["done"] as? Int ?? 0) >= 1 && !((top["examples"] as? [String]) ?? []).isEmpty)
    #expect((suggestions["customersToldDone"] as? Int ?? 0) >= 1)
    #expect((try Self.section("notifications")["suggestionDone"] as? Int ?? 0) >= 1)
  }

  @Test("an incident links its customers' tickets, updates them every 30 minutes and reports its duration")
  func incident() throws {
    let incident = try #require(try Self.list("incidents").first)
    #expect((incident["affectedCustomers"] as? Int ?? 0) > 0)
    #expect((incident["linkedTickets"] as? Int ?? 0) > 0)
    #expect(incident["bulkUpdatedTickets"] as? Int == incident["linkedTickets"] as? Int)
    #expect((incident["periodicUpdateNotices"] as? Int ?? 0) > 0)
    #expect(incident["startNotices"] as? Int == incident["resolutionNotices"] as? Int)
    #expect(incident["durationMinutes"] as? Double == 150)
  }

  @Test("a maintenance window that overruns sends 'overrunning, new estimate' and completes only when marked done")
  func maintenanceOverrun() throws {
    let windows = try Self.list("maintenance")
    let overrun = try #require(windows.first { $0["id"] as? String == "MW-web02-kernel" })
    #expect((overrun["overrunNotices"] as? Int ?? 0) > 0 && overrun["overrunMinutes"] as? Double == 45)
    #expect(overrun["completionNotices"] as? Int == overrun["overrunNotices"] as? Int)
    let onTime = try #require(windows.first { $0["id"] as? String == "MW-vps-node2-storage" })
    #expect(onTime["overrunNotices"] as? Int == 0 && (onTime["completionNotices"] as? Int ?? 0) > 0)
  }

  @Test("resolution-quality figures come from the SLA compliance report, per agent and department")
  func resolutionQuality() throws {
    let quality = try Self.section("resolutionQuality")
    let overall = try #require(quality["overall"] as? [String: Any])
    #expect(overall["firstContactResolutionPercent"] is Double && overall["reopenRatePercent"] is Double)
    #expect(((quality["byAgent"] as? [Any]) ?? []).count >= 4)
    #expect(!((quality["byDepartment"] as? [Any]) ?? []).isEmpty)
  }

  @Test("agent replies get clarity hints in the customer's language, and none reach a customer")
  func clarity() throws {
    let clarity = try Self.section("clarity")
    #expect((clarity["repliesWithHints"] as? Int ?? 0) > 0)
    let examples = try #require(clarity["examples"] as? [[String: Any]])
    #expect(Set(examples.compactMap { $0["language"] as? String }).count >= 2)
    #expect(clarity["hintsInCustomerMessages"] as? Int == 0)
  }

  @Test("the churn-risk list includes a shared-plan customer because of upgrade value and a renewal due soon")
  func churnRisks() throws {
    let risks = try Self.list("churnRisks")
    let shared = risks.filter { $0["tier"] as? String == "shared" && $0["expectedUpgradeMRR"] != nil }
    let end = try #require(try Self.section("scenario")["end"] as? String)
    let due = shared.filter { risk in
      guard let renewal = risk["nextRenewal"] as? String else { return false }
      return renewal > end && risk["renewalWeight"] as? Double == 1
        && ((risk["valueReasons"] as? [String]) ?? []).contains { $0.contains("renews in") }
    }
    #expect(!due.isEmpty, "\(risks.map { $0["customer"] ?? "" })")
    let retention = try Self.section("retention")
    let funnel = try #require(retention["upgradeFunnel"] as? [[String: Any]])
    #expect(funnel.map { $0["months"] as? Int } == [6, 12])
    #expect(funnel.allSatisfy { ($0["measures"] as? String ?? "").contains("within those") })
    #expect(retention["upgradeExpectation"] is [String: Any])
  }

  @Test("resellers' customers get white-labelled notices: the reseller's name and sender, never the host's name")
  func whiteLabelledNotices() throws {
    let white = try #require(try Self.section("partners")["whiteLabel"] as? [String: Any])
    let byReseller = try #require(white["noticesByReseller"] as? [String: Int])
    #expect(Set(byReseller.keys) == ["acme", "laocloud", "nusantara"], "\(byReseller)")
    #expect(white["noticesNamingHost"] as? Int == 0)
    #expect((white["directNoticesNamingHost"] as? Int ?? 0) > 0, "the host's own customers still hear its name")
    let example = try #require(white["example"] as? [String: Any])
    let body = try #require(example["body"] as? String)
    let from = try #require(example["from"] as? String)
    let brands = ["acme": "Acme Web", "laocloud": "Lao Cloud", "nusantara": "Nusantara Host"]
    let brand = try #require(brands[example["partner"] as? String ?? ""])
    #expect(from.hasPrefix(brand) && body.contains(brand) && !body.contains("Example Hosting"))
  }

  @Test("a premium reseller's customer's ticket is measured with the reseller's targets, not the standard ones")
  func resellerSLA() throws {
    let sla = try #require(try Self.section("partners")["resellerSLA"] as? [String: Any])
    #expect(sla["partner"] as? String == "acme" && sla["policy"] as? String == "Acme premium critical")
    #expect(sla["standardPolicy"] as? String == "Critical")
    let targets = try #require(sla["targets"] as? [[String: Any]])
    let first = try #require(targets.first { $0["metric"] as? String == "firstResponse" })
    #expect(first["premiumGoalMinutes"] as? Double == 5 && first["standardGoalMinutes"] as? Double == 15)
    #expect(first["premiumOutcome"] as? String == "breached" && first["standardOutcome"] as? String == "achieved")
    #expect((sla["ticketsUnderResellerPolicies"] as? Int ?? 0) >= 1)
  }

  @Test("each partner's customers' health is summarised, and partners are flagged by the documented rule")
  func partnerHealth() throws {
    let health = try #require(try Self.section("partners")["health"] as? [[String: Any]])
    #expect(
      Set(health.compactMap { $0["partner"] as? String }) == ["acme", "laocloud", "nusantara", "blog-42", "forum-7"])
    for row in health {
      let customers = try #require(row["customers"] as? Int)
      let atRisk = try #require(row["atRisk"] as? Int)
      let expected = atRisk >= 3 || (customers >= 4 && atRisk > 0 && Double(atRisk) / Double(customers) >= 0.25)
      #expect(row["flagged"] as? Bool == expected, "\(row)")
      #expect(((row["reasons"] as? [String]) ?? []).isEmpty == !expected)
    }
  }

  @Test("retention per channel and per partner partitions the customers, with partners ranked and survival tested")
  func retentionBySegment() throws {
    let segments = try Self.section("retentionBySegment")
    let channels = try #require(segments["byChannel"] as? [[String: Any]])
    let partners = try #require(segments["byPartner"] as? [[String: Any]])
    #expect(Set(channels.compactMap { $0["segment"] as? String }) == ["direct", "reseller", "affiliate"])
    #expect(partners.contains { $0["segment"] as? String == "acme" })
    func total(_ rows: [[String: Any]], _ key: String) -> Int { rows.reduce(0) { $0 + ($1[key] as? Int ?? 0) } }
    for key in ["customersStart", "customersEnd", "churnedCustomers"] {
      #expect(total(channels, key) == total(partners, key), "\(key): every customer in one channel and one partner")
    }
    let ranking = try #require(segments["partnerRanking"] as? [[String: Any]])
    #expect(ranking.map { $0["rank"] as? Int } == Array(1...ranking.count).map { Optional($0) })
    let survival = try #require(segments["survivalByChannel"] as? [[String: Any]])
    #expect(survival.contains { $0["group"] as? String == "reseller" && $0["logRankPValueVsDirect"] is Double })
  }

  @Test("--json writes the whole report, and the same seed gives the same report")
  func jsonIsDeterministic() async throws {
    let arguments = ["demo", "--days", "6", "--customers", "15", "--seed", "11", "--json"]
    let first = try await runExample("support-desk", arguments)
    let second = try await runExample("support-desk", arguments)
    #expect(first.status == 0, "\(first.standardError)")
    #expect(first.standardOutput == second.standardOutput)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(first.standardOutput.utf8)) as? [String: Any])
    #expect(
      Set(object.keys) == [
        "scenario", "sla", "notifications", "ageGuard", "sentiment", "surveys", "suggestions", "incidents",
        "maintenance", "resolutionQuality", "clarity", "retention", "churnRisks", "partners", "retentionBySegment",
        "experience",
      ])
    let scenario = try #require(object["scenario"] as? [String: Any])
    #expect(scenario["days"] as? Int == 6 && scenario["customers"] as? Int == 15 && scenario["seed"] as? Int == 11)
  }

  @Test("the demo compares the retention of its archive's customers by support experience, guarding small groups")
  func experience() throws {
    let experience = try Self.section("experience")
    let comparisons = try #require(experience["comparisons"] as? [[String: Any]])
    #expect(
      comparisons.compactMap { $0["kind"] as? String } == [
        "slaBreach", "criticalBreach", "openPastAgeLimit", "npsCategory", "feedbackFollowUp",
      ])
    let minimum = try #require((experience["options"] as? [String: Any])?["minimumGroupSize"] as? Int)
    for comparison in comparisons {
      let groups = try #require(comparison["groups"] as? [[String: Any]])
      let sizes = groups.prefix(2).compactMap { $0["customers"] as? Int }
      let summary = try #require(comparison["summary"] as? String)
      if sizes.contains(where: { $0 < minimum }) {
        #expect(summary.hasPrefix("Too few customers to compare"))
        #expect(comparison["logRank"] == nil)
      } else {
        #expect(summary.contains("p = ") || summary.contains("p < ") || summary.contains("nothing to compare"))
      }
    }
  }

  @Test("a different seed gives a different scenario")
  func seedMatters() async throws {
    let first = try await runExample(
      "support-desk", ["demo", "--days", "4", "--customers", "12", "--seed", "1", "--json"])
    let second = try await runExample(
      "support-desk", ["demo", "--days", "4", "--customers", "12", "--seed", "2", "--json"])
    #expect(first.standardOutput != second.standardOutput)
  }

  @Test("the shortest demo runs every scene that fits a day")
  func oneDay() async throws {
    let run = try await runExample("support-desk", ["demo", "--days", "1", "--customers", "3"])
    #expect(run.status == 0, "\(run.standardError)")
    #expect(run.standardOutput.contains("1 simulated days"))
  }

  @Test(
    "bad options exit with status 2 and a one-line error",
    arguments: [
      ["demo", "--days", "0"], ["demo", "--customers", "many"], ["demo", "--seed"], ["demo", "--colour"],
    ])
  func badOptions(arguments: [String]) async throws {
    let run = try await runExample("support-desk", arguments)
    #expect(run.status == 2)
    #expect(run.standardError.split(separator: "\n").count == 1)
    #expect(run.standardOutput.isEmpty)
  }
}
