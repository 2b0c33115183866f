import Foundation
import Testing

@Suite("support-desk demo", .serialized)
struct SupportDeskDemoTests {
  @Test("the default demo prints every section of the report")
  func defaultDemo() throws {
    let run = try runExample("support-desk", ["demo"])
    #expect(run.status == 0, "\(run.standardError)")
    for heading in [
      "30 simulated days", "SLA attainment by priority", "Notifications sent", "maintenance notices",
      "Feedback sentiment", "follow-up tickets opened", "Retention snapshot", "NRR", "upgrade funnel", "NPS",
      "word of mouth", "Top churn risks",
    ] {
      #expect(run.standardOutput.contains(heading), "missing \(heading)")
    }
  }

  @Test("--json writes the whole report, and the same seed gives the same report")
  func jsonIsDeterministic() throws {
    let arguments = ["demo", "--days", "6", "--customers", "15", "--seed", "11", "--json"]
    let first = try runExample("support-desk", arguments)
    let second = try runExample("support-desk", arguments)
    #expect(first.status == 0, "\(first.standardError)")
    #expect(first.standardOutput == second.standardOutput)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(first.standardOutput.utf8)) as? [String: Any])
    #expect(Set(object.keys) == ["scenario", "sla", "notifications", "sentiment", "retention", "churnRisks"])
    let scenario = try #require(object["scenario"] as? [String: Any])
    #expect(scenario["days"] as? Int == 6 && scenario["customers"] as? Int == 15 && scenario["seed"] as? Int == 11)
  }

  @Test("a different seed gives a different scenario")
  func seedMatters() throws {
    let first = try runExample("support-desk", ["demo", "--days", "4", "--customers", "12", "--seed", "1", "--json"])
    let second = try runExample("support-desk", ["demo", "--days", "4", "--customers", "12", "--seed", "2", "--json"])
    #expect(first.standardOutput != second.standardOutput)
  }

  @Test(
    "bad options exit with status 2 and a one-line error",
    arguments: [
      ["demo", "--days", "0"], ["demo", "--customers", "many"], ["demo", "--seed"], ["demo", "--colour"],
    ])
  func badOptions(arguments: [String]) throws {
    let run = try runExample("support-desk", arguments)
    #expect(run.status == 2)
    #expect(run.standardError.split(separator: "\n").count == 1)
    #expect(run.standardOutput.isEmpty)
  }
}
