import FeedbackSentiment
import Foundation
import HostingSupport
import HostingSupportTestKit
import SupportTickets
import Testing

@Suite("SupportDesk clarity hints on agent replies")
struct DeskClarityTests {
  static let jargon = "Your MX records point to the old server. The DNS propagation takes a few hours."

  @Test("an agent reply gets clarity hints in the customer's language, in the update and on an internal note")
  func hintsAttached() async throws {
    let harness = DeskHarness()
    let opened = try await harness.desk.openTicket(for: "cust-aroon", subject: "Mail", body: "No mail")
    let update = try await harness.desk.addAgentReply(Self.jargon, to: opened.ticket.id, by: "ana")
    #expect(update.clarityHints.contains { $0.kind == .jargon && $0.language == .english })
    #expect(update.clarityHints.contains { $0.kind == .noNextStep })
    let reply = try #require(update.ticket.events.first { $0.isPublicAgentReply })
    #expect(reply.body == Self.jargon, "the reply is stored as written: hints never block or change it")
    let note = try #require(update.ticket.events.last)
    #expect(note.visibility == .internal && note.author == .system)
    #expect(note.body?.contains("Clarity hints for reply \(reply.id.rawValue)") == true)
    #expect(note.body?.contains("MX records") == true)
  }

  @Test("a Malay customer's reply is checked against the Malay glossary")
  func customerLanguage() async throws {
    let harness = DeskHarness()
    let opened = try await harness.desk.openTicket(for: "cust-siti", subject: "Emel", body: "Tiada emel")
    let update = try await harness.desk.addAgentReply(
      "Rekod MX anda perlu dikemas kini.", to: opened.ticket.id, by: "ana")
    #expect(!update.clarityHints.isEmpty && update.clarityHints.allSatisfy { $0.language == .malay })
  }

  @Test("hints never reach the customer: not in the customer view, notifications or customer search")
  func internalOnly() async throws {
    let harness = DeskHarness()
    let opened = try await harness.desk.openTicket(for: "cust-aroon", subject: "Mail", body: "No mail")
    let update = try await harness.desk.addAgentReply(Self.jargon, to: opened.ticket.id, by: "ana")
    let hintText = try #require(update.clarityHints.first { $0.kind == .jargon }?.explanation)
    let view = try #require(await harness.store.ticket(opened.ticket.id)).customerView
    #expect(!view.events.contains { ($0.body ?? "").contains("Clarity hints") || ($0.body ?? "").contains(hintText) })
    let found = try await harness.store.allTickets(
      matching: TicketQuery(customerID: "cust-aroon", text: "Clarity hints"))
    #expect(found.isEmpty)
    _ = try await harness.desk.tick(now: Fixtures.referenceDate + day)
    #expect(await harness.transport.notifications.allSatisfy { !$0.body.contains("Clarity hints") })
  }

  @Test("a clear reply gets no note, and a desk without the check adds none")
  func noHints() async throws {
    let harness = DeskHarness()
    let opened = try await harness.desk.openTicket(for: "cust-aroon", subject: "Mail", body: "No mail")
    let clear = try await harness.desk.addAgentReply(
      "Your e-mail works again. I will check it once more tomorrow morning.", to: opened.ticket.id, by: "ana")
    #expect(clear.clarityHints.isEmpty && clear.ticket.events.last?.isPublicAgentReply == true)
    var configuration = DeskConfiguration()
    configuration.clarityCheck = nil
    let plain = DeskHarness(configuration: configuration)
    let other = try await plain.desk.openTicket(for: "cust-aroon", subject: "Mail", body: "No mail")
    let update = try await plain.desk.addAgentReply(Self.jargon, to: other.ticket.id, by: "ana")
    #expect(update.clarityHints.isEmpty && update.ticket.events.count == 2)
  }
}
