import Foundation
import HostingSupportTestKit
import Testing

@Suite("--html: the reports as one self-contained page")
struct HTMLReportCommandTests {
  static let demoArguments = ["demo", "--days", "5", "--customers", "14", "--seed", "3"]

  func scratchFile(_ name: String) -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("html-\(UUID().uuidString)-\(name)")
  }

  @Test("support-desk demo --html writes every section, fetches nothing, and the same seed gives the same page")
  func demoPage() async throws {
    let first = scratchFile("first.html")
    let second = scratchFile("second.html")
    defer {
      try? FileManager.default.removeItem(at: first)
      try? FileManager.default.removeItem(at: second)
    }
    let run = try await runExample("support-desk", Self.demoArguments + ["--html", first.path])
    #expect(run.status == 0, "\(run.standardError)")
    #expect(run.standardOutput.contains("simulated days"), "the text report is still printed")
    #expect(try await runExample("support-desk", Self.demoArguments + ["--html", second.path]).status == 0)
    let html = try String(contentsOf: first, encoding: .utf8)
    #expect(html == (try String(contentsOf: second, encoding: .utf8)))
    #expect(HTMLReportAudit.problems(in: html) == [])
    for heading in [
      "Service levels", "Tickets open past 24 hours", "Breaches over time", "Feedback sentiment", "Churn risks",
      "MRR movements", "Cohort retention", "Survival", "Upgrade funnel",
    ] {
      #expect(html.contains(">\(heading)</h2>"), "missing \(heading)")
    }
  }

  @Test("retention-report --html writes the retention page next to the usual output")
  func retentionPage() async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("html-retention-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(
      try await runExample("retention-report", ["sample", "--out", folder.path, "--customers", "300"]).status == 0)
    let page = folder.appendingPathComponent("report.html")
    let run = try await runExample(
      "retention-report",
      [
        "--subscriptions", folder.appendingPathComponent("subscriptions.csv").path, "--surveys",
        folder.appendingPathComponent("surveys.csv").path, "--html", page.path,
      ])
    #expect(run.status == 0, "\(run.standardError)")
    let html = try String(contentsOf: page, encoding: .utf8)
    #expect(HTMLReportAudit.problems(in: html) == [])
    for heading in [
      "MRR movements", "Churn and renewals", "Cohort retention", "Survival", "Upgrade funnel", "Satisfaction",
    ] {
      #expect(html.contains(">\(heading)</h2>"), "missing \(heading)")
    }
  }

  @Test("--html into a folder that does not exist fails with a one-line error")
  func unwritablePage() async throws {
    let run = try await runExample(
      "support-desk", ["demo", "--days", "1", "--customers", "2", "--html", "/nonexistent-folder/report.html"])
    #expect(run.status != 0)
    #expect(run.standardError.split(separator: "\n").count == 1, "\(run.standardError)")
  }
}
