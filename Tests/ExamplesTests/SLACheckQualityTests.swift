import Foundation
import Testing

/// The ticket figures of `sla-check report` over the bundled sample, worked out by hand from
/// `Examples/sla-check/samples/tickets.jsonl` at 2026-11-30T00:00:00Z.
@Suite("sla-check report: open past 24 h and resolution quality")
struct SLACheckQualityTests {
  static let tickets = SLACheckReportTests.tickets

  struct Report: Decodable {
    struct Quality: Decodable {
      var tickets: Int
      var solved: Int
      var reopened: Int
      var reopenRatePercent: Double?
      var firstContactResolutions: Int
      var firstContactResolutionPercent: Double?
      var answeredOnTimeResolvedLate: Int
    }
    struct Aged: Decodable {
      var limit: Double
      var count: Int
      var tickets: [Ticket]
      struct Ticket: Decodable {
        var ticketID: String
        var age: Double
        var status: String
        var openedAt: String
      }
    }
    struct Agent: Decodable {
      struct Row: Decodable {
        var metric: String
        var attainmentPercent: Double?
      }
      var agent: String?
      var attainment: [Row]
      var quality: Quality
    }
    var quality: Quality
    var openPastAgeLimit: Aged
    var byAgent: [Agent]
  }

  @Test("the JSON report lists tickets open past 24 h and the resolution quality figures worked out by hand")
  func jsonFigures() async throws {
    let run = try await runExample(
      "sla-check", ["report", "--tickets", Self.tickets, "--now", "2026-11-30T00:00:00Z", "--json"])
    #expect(run.status == 0, "\(run.standardError)")
    let report = try JSONDecoder().decode(Report.self, from: Data(run.standardOutput.utf8))
    // T-1006 (open since 27 Nov 10:00) and T-1008 (on hold since 28 Nov 12:10: on-hold time counts).
    #expect(report.openPastAgeLimit.limit == 86_400)
    #expect(report.openPastAgeLimit.count == 2)
    #expect(report.openPastAgeLimit.tickets.map(\.ticketID) == ["T-1006", "T-1008"])
    #expect(report.openPastAgeLimit.tickets.map(\.age) == [62 * 3_600, 36 * 3_600])
    #expect(report.openPastAgeLimit.tickets.map(\.status) == ["open", "onHold"])
    #expect(report.openPastAgeLimit.tickets[0].openedAt == "2026-11-27T10:00:00.000Z")
    // Solved: T-1001…T-1005; reopened: T-1005; one public reply, never reopened: T-1001, T-1002, T-1004.
    // Answered on time, resolution breached: T-1006 (still open) and T-1008 (on hold).
    let quality = report.quality
    #expect((quality.tickets, quality.solved, quality.reopened) == (8, 5, 1))
    #expect(quality.reopenRatePercent == 20)
    #expect((quality.firstContactResolutions, quality.firstContactResolutionPercent) == (3, 60))
    #expect(quality.answeredOnTimeResolvedLate == 2)
    // ana: T-1001, T-1002, T-1005, T-1008; resolution achieved by T-1001 and T-1005 (twice), breached by T-1002
    // and T-1008: 3 of 5.
    #expect(report.byAgent.map(\.agent) == ["ana", "ben", nil])
    let ana = try #require(report.byAgent.first)
    #expect(ana.quality.tickets == 4)
    #expect(ana.attainment.first { $0.metric == "resolution" }?.attainmentPercent == 60)
  }

  @Test("the text report prints the open-past-24 h list, the quality table and the agent and department tables")
  func textSections() async throws {
    let run = try await runExample("sla-check", ["report", "--tickets", Self.tickets, "--now", "2026-11-30T00:00:00Z"])
    #expect(run.status == 0, "\(run.standardError)")
    let text = run.standardOutput
    #expect(text.contains("Open past 24 h (wall-clock age, pauses included): 2"))
    #expect(text.contains("T-1008  36:00:00  onHold"))
    #expect(text.contains("Resolution quality (tickets by the period they were opened)"))
    #expect(text.contains("all            8       5         1        20.0%    3     60.0%     2"))
    #expect(text.contains("By agent (assignee at resolution"))
    #expect(text.contains("By department"))
  }

  @Test("a department name with control characters is escaped in every table of the text report")
  func hostileDepartment() async throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("tickets-\(UUID().uuidString).jsonl")
    defer { try? FileManager.default.removeItem(at: file) }
    let ticket = #"""
      {"id":"T-1","events":[{"at":"2026-11-20T10:00:00Z","author":{"id":"cust-1","role":"customer"},"body":"Help",\#
      "channel":"panel","customer":"cust-1","department":"bil\u001B[2Jling","id":"e1","priority":"low",\#
      "subject":"Down","ticket":"T-1","type":"created"}]}
      """#
    try Data((ticket + "\n").utf8).write(to: file)
    let run = try await runExample("sla-check", ["report", "--tickets", file.path, "--now", "2026-11-30T00:00:00Z"])
    #expect(run.status == 0, "\(run.standardError)")
    #expect(!run.standardOutput.contains("\u{1B}"))
    let escaped = run.standardOutput.components(separatedBy: #"bil\x1B[2Jling"#).count - 1
    #expect(escaped == 5)  // three metric rows, the open-past-24 h list and the department table
  }
}
