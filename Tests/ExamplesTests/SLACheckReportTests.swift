import Foundation
import Testing

@Suite("sla-check report")
struct SLACheckReportTests {
  static let samples = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Examples/sla-check/samples")
  static let tickets = samples.appendingPathComponent("tickets.jsonl").path

  struct Report: Decodable {
    struct Row: Decodable {
      var metric: String
      var priority: String?
      var department: String?
      var period: String?
      var measured: Int
      var achieved: Int
      var breached: Int
      var open: Int
      var attainmentPercent: Double?
      var medianSeconds: Double?
      var p90Seconds: Double?
    }
    var period: String
    var rows: [Row]
    var totals: [Row]
  }

  @Test("the JSON report over the sample matches attainment and percentiles worked out by hand")
  func jsonReport() async throws {
    let run = try await runExample(
      "sla-check", ["report", "--tickets", Self.tickets, "--now", "2026-11-30T00:00:00Z", "--json"])
    #expect(run.status == 0, "\(run.standardError)")
    let report = try JSONDecoder().decode(Report.self, from: Data(run.standardOutput.utf8))
    #expect(report.period == "month")
    let resolution = try #require(report.totals.first { $0.metric == "resolution" })
    // Achieved: T-1001 (45 min), T-1003 (3 h 05), T-1005 twice (1 h each); breached: T-1002 (2 h), T-1004 (26 h),
    // T-1006 (still open), T-1008 (critical, on hold since 12:10: on hold counts as requester wait, so it breached
    // at 13:00); open within goal: T-1007.
    #expect(resolution.measured == 8)
    #expect(resolution.achieved == 4)
    #expect(resolution.open == 1)
    #expect(resolution.attainmentPercent == 50)
    // Fulfilled times 45m, 1h, 1h, 2h, 3h05m, 26h: median (1 h + 2 h) / 2; p90 at rank 4.5.
    #expect(resolution.medianSeconds == 5_400)
    #expect(resolution.p90Seconds == 11_100 + 0.5 * (93_600 - 11_100))
    let first = try #require(report.totals.first { $0.metric == "firstResponse" })
    #expect(first.measured == 8)
    #expect(first.breached == 2)  // T-1002 after 20 min (critical: 15), T-1004 after 5 h (normal: 4)
    #expect(first.medianSeconds == 1_800)
    let criticalTechnical = try #require(
      report.rows.first {
        $0.metric == "resolution" && $0.priority == "critical" && $0.department == "technical"
      })
    #expect(criticalTechnical.period == "2026-11")
    #expect(criticalTechnical.attainmentPercent == 50)
  }

  @Test("the text report is a table with a totals section, grouped by week on request")
  func textReport() async throws {
    let run = try await runExample(
      "sla-check", ["report", "--tickets", Self.tickets, "--now", "2026-11-30T00:00:00Z", "--period", "week"])
    #expect(run.status == 0, "\(run.standardError)")
    #expect(run.standardOutput.contains("SLA compliance by week ("))
    #expect(run.standardOutput.contains("2026-W47  firstResponse  critical  technical"))
    #expect(run.standardOutput.contains("2026-W48"))
    #expect(run.standardOutput.contains("50.0%"))
  }

  @Test("a policy file replaces the hosting default")
  func customPolicy() async throws {
    let policy = FileManager.default.temporaryDirectory.appendingPathComponent("policy-\(UUID().uuidString).json")
    defer { try? FileManager.default.removeItem(at: policy) }
    try Data(#"{"policies":[{"name":"Lenient","targets":[{"metric":"resolution","within":"2d"}]}]}"#.utf8)
      .write(to: policy)
    let run = try await runExample(
      "sla-check",
      ["report", "--tickets", Self.tickets, "--policy", policy.path, "--now", "2026-11-30T00:00:00Z", "--json"])
    #expect(run.status == 0, "\(run.standardError)")
    let report = try JSONDecoder().decode(Report.self, from: Data(run.standardOutput.utf8))
    #expect(report.totals.map(\.metric) == ["resolution"])
    // Within two days, only T-1006 (open since 27 Nov 10:00, past 29 Nov 10:00) breaches.
    #expect(report.totals.first?.breached == 1)
  }

  @Test("a malformed ticket line stops the run with status 2 and names the line")
  func malformedLine() async throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("tickets-\(UUID().uuidString).jsonl")
    defer { try? FileManager.default.removeItem(at: file) }
    let good = try String(contentsOfFile: Self.tickets, encoding: .utf8).split(separator: "\n")[0]
    try Data("\(good)\n\n{\"id\":\"T-9\",\"events\":[]}\n".utf8).write(to: file)
    let run = try await runExample("sla-check", ["report", "--tickets", file.path, "--now", "2026-11-30T00:00:00Z"])
    #expect(run.status == 2)
    #expect(run.standardError.hasPrefix("sla-check: invalidValue: \(file.path): line 3: events[0]: "))
    #expect(run.standardOutput.isEmpty)
  }

  @Test(
    "bad arguments and an invalid policy exit with status 2",
    arguments: [
      ["report"], ["report", "--tickets"], ["report", "--tickets", "x.jsonl", "--now", "yesterday"],
      ["report", "--tickets", "x.jsonl", "--period", "year"], ["report", "--tickets", "/nonexistent/tickets.jsonl"],
    ])
  func badArguments(arguments: [String]) async throws {
    let run = try await runExample("sla-check", arguments)
    #expect(run.status == 2)
    #expect(!run.standardError.isEmpty)
  }

  @Test("an invalid policy file is reported with the field that was wrong")
  func invalidPolicy() async throws {
    let policy = FileManager.default.temporaryDirectory.appendingPathComponent("policy-\(UUID().uuidString).json")
    defer { try? FileManager.default.removeItem(at: policy) }
    try Data(#"{"policies":[{"name":"P","targets":[{"metric":"resolution","within":"soon"}]}]}"#.utf8)
      .write(to: policy)
    let run = try await runExample("sla-check", ["report", "--tickets", Self.tickets, "--policy", policy.path])
    #expect(run.status == 2)
    #expect(run.standardError.contains("policies[0].targets[0].within"))
  }
}
