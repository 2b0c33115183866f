import Foundation
import SupportTickets
import Testing

@Suite("Customer view")
struct CustomerViewTests {
  @Test("a customer view never contains an internal note, over 1000 random timelines")
  func neverInternal() throws {
    var random = RandomTimelines(seed: 2026)
    var internalSeen = 0
    let encoder = TicketJSON.makeEncoder()
    for index in 0..<1_000 {
      let ticket = try Ticket(events: random.timeline(ticketID: TicketID("T-\(index)"), maxEvents: 40))
      internalSeen += ticket.events.filter { $0.visibility == .internal }.count
      let view = ticket.customerView
      #expect(view.events.allSatisfy { $0.visibility == .public })
      #expect(!view.events.contains { if case .internalNote = $0.kind { return true } else { return false } })
      #expect(view.events.count == ticket.events.filter { $0.visibility == .public }.count)
      // Through JSON too: the encoded view holds no internal text.
      let json = String(decoding: try encoder.encode(view), as: UTF8.self)
      #expect(!json.contains("note: "))
      #expect(!json.contains("\"internal\""))
      let decoded = try TicketJSON.decode(CustomerTicketView.self, from: Data(json.utf8))
      #expect(decoded == view)
    }
    #expect(internalSeen > 1_000, "the generator must actually produce internal events")
  }

  @Test("the view keeps the ticket's public state")
  func keepsState() throws {
    var builder = TimelineBuilder()
    builder.add(.agentReply(body: "Looking into it"))
    let lastPublic = builder.add(.statusChanged(to: .waitingOnCustomer))
    builder.add(.internalNote(body: "customer is on old PHP"))
    let ticket = try builder.ticket()
    let view = ticket.customerView
    #expect(view.id == ticket.id)
    #expect(view.status == .waitingOnCustomer)
    #expect(view.subject == ticket.subject)
    #expect(view.updatedAt == lastPublic.instant, "an internal note does not move the customer's updatedAt")
    #expect(view.events.map(\.id) == ["e0", "e1", "e2"])
  }

  @Test("a view with an internal event in its JSON is refused")
  func decodingRefusesInternal() throws {
    var builder = TimelineBuilder()
    builder.add(.internalNote(body: "secret plan"))
    let ticket = try builder.ticket()
    var view = ticket.customerView
    view.events = ticket.events
    let data = try TicketJSON.makeEncoder().encode(view)
    let issue = #expect(throws: DecodingIssue.self) { try TicketJSON.decode(CustomerTicketView.self, from: data) }
    #expect(issue?.path == "events[1]")
  }
}
