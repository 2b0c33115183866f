import Foundation
import HostingSupport
import HostingSupportTestKit
import SupportSLA
import SupportTickets
import Testing

@Suite("SupportDesk tick: SLA alerts, progress updates, idempotency")
struct DeskTickTests {
  @Test("SLA warnings, the breach and escalations are each sent to staff once")
  func alertsOnce() async throws {
    let harness = DeskHarness()
    let opened = try await harness.desk.openTicket(
      for: "cust-nordic", subject: "Server down", body: "Nothing responds", priority: .critical)
    // Critical: first response within 15 min, warnings at 75 % and 90 %, escalation 1 at 15/4 min late.
    let first = try await harness.desk.tick(now: Fixtures.referenceDate.addingTimeInterval(12 * 60))
    #expect(first.newAlerts.map(\.kind) == [.warning(threshold: 0.75)])
    let second = try await harness.desk.tick(now: Fixtures.referenceDate.addingTimeInterval(20 * 60))
    #expect(second.newAlerts.contains { $0.kind == .breach && $0.metric == .firstResponse })
    #expect(second.newAlerts.contains { $0.kind == .escalation(level: 1) && $0.metric == .firstResponse })
    let repeated = try await harness.desk.tick(now: Fixtures.referenceDate.addingTimeInterval(20 * 60))
    #expect(repeated.newAlerts.isEmpty && repeated.delivered.isEmpty)
    let staff = await harness.transport.notifications.filter { $0.audience == .staff }
    #expect(await harness.transport.duplicateKeys.isEmpty)
    #expect(staff.allSatisfy { $0.ticketID == opened.ticket.id })
    #expect(staff.contains { $0.kind == .slaBreach && $0.idempotencyKey == "sla/T-1/firstResponse/1/breach" })
  }

  @Test("idempotency across restart: a restarted desk sends nothing already sent")
  func idempotentAcrossRestart() async throws {
    let directory = try scratchDirectory()
    let harness = DeskHarness(stateStore: FileDeskStateStore(directory: directory))
    _ = try await harness.desk.openTicket(for: "cust-kham", subject: "VPS slow", body: "Load 40", priority: .high)
    try await harness.desk.scheduleMaintenance(
      MaintenanceWindow(
        id: "MW-1", start: Fixtures.referenceDate + 2 * day, end: Fixtures.referenceDate + 2 * day + 2 * hour,
        servers: ["vps-node1"], description: "Hypervisor update"))
    let now = Fixtures.referenceDate.addingTimeInterval(10 * hour)
    let before = try await harness.desk.tick(now: now)
    #expect(!before.delivered.isEmpty)

    let secondTransport = RecordingTransport()
    let restarted = harness.restarted(transport: secondTransport)
    let after = try await restarted.tick(now: now)
    #expect(after.delivered.isEmpty)
    #expect(await secondTransport.notifications.isEmpty)
    // And it keeps going: the next thing due is sent by the restarted desk only.
    let later = try await restarted.tick(now: Fixtures.referenceDate + 2 * day + hour)
    #expect(later.delivered.contains { $0.kind == .maintenanceStart })
    #expect(await harness.transport.notifications.count == before.delivered.count)
  }

  @Test("a failed delivery stays queued and is delivered by a later tick (at least once)")
  func retriesFailedDeliveries() async throws {
    let harness = DeskHarness()
    _ = try await harness.desk.openTicket(for: "cust-nordic", subject: "Down", body: "Down", priority: .critical)
    await harness.transport.failNextSends(with: [HostingSupportError.ioFailure("write", path: "x", errno: 5)])
    let failed = try await harness.desk.tick(now: Fixtures.referenceDate + 12 * 60)
    #expect(failed.failedDeliveries == 1 && failed.stillPending == 1)
    let retried = try await harness.desk.tick(now: Fixtures.referenceDate + 13 * 60)
    #expect(retried.delivered.map(\.kind) == [.slaWarning] && retried.stillPending == 0)
  }

  @Test("long issues without a public reply get progress updates in the customer's language, once per interval")
  func progressUpdates() async throws {
    let harness = DeskHarness()
    let opened = try await harness.desk.openTicket(
      for: "cust-kham", subject: "Backup restore", body: "Restore last week", priority: .low)
    let early = try await harness.desk.tick(now: Fixtures.referenceDate + 7 * hour)
    #expect(early.delivered.filter { $0.kind == .progressUpdate }.isEmpty)
    let due = try await harness.desk.tick(now: Fixtures.referenceDate + 8 * hour)
    let update = try #require(due.delivered.first { $0.kind == .progressUpdate })
    #expect(update.customerID == "cust-kham" && update.locale == .lao)
    #expect(update.body.contains("ສະບາຍດີ Khamphone Travel"))
    let ticket = try #require(await harness.store.ticket(opened.ticket.id))
    #expect(ticket.events.contains { if case .automatedMessage = $0.kind { true } else { false } })
    let again = try await harness.desk.tick(now: Fixtures.referenceDate + 9 * hour)
    #expect(again.delivered.filter { $0.kind == .progressUpdate }.isEmpty)
    let next = try await harness.desk.tick(now: Fixtures.referenceDate + 16 * hour)
    #expect(next.delivered.filter { $0.kind == .progressUpdate }.count == 1)
  }

  @Test("a public agent reply within the interval means no progress update")
  func agentReplySuppressesUpdate() async throws {
    let harness = DeskHarness()
    let opened = try await harness.desk.openTicket(for: "cust-aroon", subject: "DNS", body: "Zone", priority: .low)
    _ = try await harness.desk.addAgentReply(
      "Looking", to: opened.ticket.id, by: "ana", at: Fixtures.referenceDate + 5 * hour)
    let report = try await harness.desk.tick(now: Fixtures.referenceDate + 12 * hour)
    #expect(report.delivered.filter { $0.kind == .progressUpdate }.isEmpty)
  }

  @Test("tickets waiting on the customer get no progress updates")
  func pausedTickets() async throws {
    let harness = DeskHarness()
    let opened = try await harness.desk.openTicket(for: "cust-aroon", subject: "DNS", body: "Zone", priority: .low)
    _ = try await harness.desk.changeStatus(of: opened.ticket.id, to: .waitingOnCustomer, by: .agent("ana"))
    let report = try await harness.desk.tick(now: Fixtures.referenceDate + 20 * hour)
    #expect(report.delivered.filter { $0.kind == .progressUpdate }.isEmpty)
  }

  @Test("a customer's SLA segment picks the policy their tickets are measured against")
  func segmentPolicy() async throws {
    let gold = try SLAPolicy(
      name: "Reseller gold", conditions: SLAConditions(segments: ["gold"]),
      targets: [try SLATarget(.firstResponse, within: 5 * 60)])
    let policies = SLAPolicySet([gold] + SLAPolicySet.hostingDefault.policies)
    var reseller = try #require(Fixtures.customer("cust-webmy"))
    reseller.slaSegment = "gold"
    let desk = SupportDesk(
      policies: policies, transport: RecordingTransport(), customers: [reseller], now: { Fixtures.referenceDate })
    let opened = try await desk.openTicket(for: "cust-webmy", subject: "Reseller panel", body: "Cannot log in")
    #expect(opened.sla?.policyName == "Reseller gold")
    let report = try await desk.tick(now: Fixtures.referenceDate + 6 * 60)
    #expect(report.newAlerts.contains { $0.kind == .breach && $0.policyName == "Reseller gold" })
  }
}
