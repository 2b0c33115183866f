import Foundation
import HostingSupport
import HostingSupportTestKit
import SupportSLA
import SupportTickets
import Testing

@Suite("SupportDesk ticket operations")
struct DeskTicketTests {
  @Test("SupportDesk() works in memory out of the box")
  func defaults() async throws {
    let desk = SupportDesk(transport: RecordingTransport(), now: { Fixtures.referenceDate })
    let update = try await desk.openTicket(for: "cust-x", subject: "Mail down", body: "No mail since 9:00")
    #expect(update.ticket.id == "T-1")
    #expect(try await desk.openTicket(for: "cust-x", subject: "Again", body: "Still").ticket.id == "T-2")
  }

  @Test(
    "an operation at an instant with a sub-millisecond fraction still sees its SLA targets",
    arguments: [0.0004, 0.0005, 0.0006, 0.0009])
  func subMillisecondInstants(fraction: Double) async throws {
    let instant = Fixtures.referenceDate.addingTimeInterval(fraction)
    let desk = SupportDesk(transport: RecordingTransport(), now: { instant })
    let update = try await desk.openTicket(for: "cust-x", subject: "Site down", body: "500 errors", priority: .critical)
    #expect(update.sla?.targets.isEmpty == false)
    let status = try await desk.slaStatus(of: update.ticket.id, now: instant)
    #expect(status?.targets.isEmpty == false)
  }

  @Test("opening validates the text and refuses an empty body")
  func validates() async throws {
    let harness = DeskHarness()
    let error = await #expect(throws: HostingSupportError.self) {
      try await harness.desk.openTicket(for: "cust-aroon", subject: "Help", body: "  \n ")
    }
    #expect(error?.code == .invalidRequest)
  }

  @Test("secrets are redacted before the ticket is stored")
  func redacts() async throws {
    let harness = DeskHarness()
    let update = try await harness.desk.openTicket(
      for: "cust-aroon", subject: "Billing", body: "Charge my card 4111 1111 1111 1111 please", priority: .high)
    let stored = try #require(await harness.store.ticket(update.ticket.id))
    let body = try #require(stored.events.first?.body)
    #expect(!body.contains("4111 1111 1111 1111"))
    let reply = try await harness.desk.addCustomerReply("my password: hunter2secret", to: update.ticket.id)
    #expect(reply.ticket.events.last?.body?.contains("hunter2secret") == false)
  }

  @Test("each operation re-evaluates the SLA: an agent reply achieves the first response")
  func reevaluatesSLA() async throws {
    let harness = DeskHarness()
    let opened = try await harness.desk.openTicket(
      for: "cust-nordic", subject: "RAID degraded", body: "Disk 2 failed", priority: .critical)
    #expect(opened.sla?.current(.firstResponse)?.state == .running)
    harness.clock.advance(by: 10 * 60)
    let replied = try await harness.desk.addAgentReply("Replacing the disk now", to: opened.ticket.id, by: "ana")
    #expect(replied.sla?.current(.firstResponse)?.state == .achieved)
  }

  @Test("an invalid status change is refused by the ticket rules")
  func invalidTransition() async throws {
    let harness = DeskHarness()
    let opened = try await harness.desk.openTicket(for: "cust-aroon", subject: "Hi", body: "Question")
    _ = try await harness.desk.changeStatus(of: opened.ticket.id, to: .resolved, by: .agent("ana"))
    _ = try await harness.desk.changeStatus(of: opened.ticket.id, to: .closed, by: .system)
    await #expect(throws: TicketError.self) {
      try await harness.desk.changeStatus(of: opened.ticket.id, to: .inProgress, by: .agent("ana"))
    }
  }

  @Test("internal notes stay internal")
  func internalNotes() async throws {
    let harness = DeskHarness()
    let opened = try await harness.desk.openTicket(for: "cust-aroon", subject: "Hi", body: "Question")
    let noted = try await harness.desk.addInternalNote(
      "Customer is on the old cluster", to: opened.ticket.id, by: "ana")
    #expect(noted.ticket.events.last?.visibility == .internal)
  }
}
