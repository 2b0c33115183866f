import Foundation
import HostingSupport
import HostingSupportTestKit
import SupportSLA
import SupportTickets
import Testing

@Suite("SupportDesk: nothing open past 24 hours, progress updates on hold")
struct DeskAgeGuardTests {
  @Test("a ticket open past 24 h alerts staff once, with its own message kind, whatever its pauses")
  func openPastAgeLimit() async throws {
    let harness = DeskHarness()
    let opened = try await harness.desk.openTicket(
      for: "cust-kham", subject: "Domain transfer", body: "Transfer stuck", priority: .low)
    _ = try await harness.desk.addAgentReply(
      "Waiting for the registrar.", to: opened.ticket.id, by: "ana", at: Fixtures.referenceDate + hour)
    _ = try await harness.desk.changeStatus(
      of: opened.ticket.id, to: .onHold, by: .agent("ana"), at: Fixtures.referenceDate + 2 * hour)
    let before = try await harness.desk.tick(now: Fixtures.referenceDate + 23 * hour)
    #expect(!before.delivered.contains { $0.kind == .openPastAgeLimit })
    let past = try await harness.desk.tick(now: Fixtures.referenceDate + 25 * hour)
    let alert = try #require(past.delivered.first { $0.kind == .openPastAgeLimit })
    #expect(alert.audience == .staff && alert.ticketID == opened.ticket.id)
    #expect(alert.subject.contains("open past 1 d"))
    #expect(alert.metadata["onHoldSeconds"] == String(23 * 3_600))
    #expect(alert.body.contains("23 h on hold"))
    #expect(past.newAlerts.contains { if case .ageLimitExceeded = $0.kind { true } else { false } })
    #expect(!past.delivered.contains { $0.kind == .slaEscalation && $0.idempotencyKey.hasSuffix("age-limit") })
    let again = try await harness.desk.tick(now: Fixtures.referenceDate + 30 * hour)
    #expect(!again.delivered.contains { $0.kind == .openPastAgeLimit })
  }

  @Test(
    "time on hold and time waiting on the customer both count toward the 24 h limit",
    arguments: [TicketStatus.onHold, .waitingOnCustomer])
  func pausesCount(status: TicketStatus) async throws {
    let harness = DeskHarness()
    let opened = try await harness.desk.openTicket(for: "cust-blue", subject: "DNS", body: "Zone", priority: .low)
    _ = try await harness.desk.changeStatus(
      of: opened.ticket.id, to: status, by: .agent("ana"), at: Fixtures.referenceDate + 10 * 60)
    let report = try await harness.desk.tick(now: Fixtures.referenceDate + day + 60)
    let alert = try #require(report.delivered.first { $0.kind == .openPastAgeLimit })
    let key = status == .onHold ? "onHoldSeconds" : "waitingOnCustomerSeconds"
    #expect(Int(alert.metadata[key] ?? "") ?? 0 > 23 * 3_600)
  }

  @Test("on-hold tickets keep getting progress updates")
  func progressUpdatesOnHold() async throws {
    let harness = DeskHarness()
    let opened = try await harness.desk.openTicket(
      for: "cust-kham", subject: "Backup restore", body: "Restore last week", priority: .low)
    _ = try await harness.desk.changeStatus(
      of: opened.ticket.id, to: .onHold, by: .agent("ana"), at: Fixtures.referenceDate + hour)
    let report = try await harness.desk.tick(now: Fixtures.referenceDate + 8 * hour)
    let update = try #require(report.delivered.first { $0.kind == .progressUpdate })
    #expect(update.customerID == "cust-kham" && update.ticketID == opened.ticket.id)
    let ticket = try #require(await harness.store.ticket(opened.ticket.id))
    #expect(ticket.status == .onHold)
    let next = try await harness.desk.tick(now: Fixtures.referenceDate + 16 * hour)
    #expect(next.delivered.filter { $0.kind == .progressUpdate }.count == 1)
  }

  @Test("progress updates follow the policy's periodic target: a target that pauses on hold stops them")
  func progressFollowsPolicy() async throws {
    let pausing = try SLAPolicy(
      name: "Agent time", conditions: .any,
      targets: [try SLATarget(.nextResponse, within: 8 * hour, pauseStatuses: SLATarget.defaultPauseStatuses)])
    let desk = SupportDesk(
      policies: SLAPolicySet([pausing]), transport: RecordingTransport(), customers: Fixtures.customers,
      now: { Fixtures.referenceDate })
    let opened = try await desk.openTicket(for: "cust-kham", subject: "Backup", body: "Restore", priority: .low)
    _ = try await desk.changeStatus(
      of: opened.ticket.id, to: .onHold, by: .agent("ana"), at: Fixtures.referenceDate + hour)
    let report = try await desk.tick(now: Fixtures.referenceDate + 9 * hour)
    #expect(!report.delivered.contains { $0.kind == .progressUpdate })
  }
}
