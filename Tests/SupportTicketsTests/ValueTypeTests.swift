import Foundation
import SupportTickets
import Testing

@Suite("Value types")
struct ValueTypeTests {
  @Test("priorities are ordered from low to critical")
  func priorityOrder() {
    #expect(Priority.low < .normal && Priority.normal < .high && Priority.high < .critical)
    #expect([Priority.critical, .low, .high, .normal].sorted() == [.low, .normal, .high, .critical])
    #expect([Priority.critical, .low].max() == .critical)
  }

  @Test("identifiers are typed strings that compare by their text")
  func identifiers() {
    let ticket: TicketID = "T-2"
    #expect(ticket.rawValue == "T-2")
    #expect(ticket.description == "T-2")
    #expect(TicketID("T-1") < ticket)
    #expect(CustomerID(rawValue: "c") == CustomerID("c"))
  }

  @Test("departments and channels are open: hosts add their own next to the well-known ones")
  func openNames() {
    #expect(
      [Department.billing, .technical, .sales, .abuse].map(\.rawValue) == ["billing", "technical", "sales", "abuse"])
    #expect([Channel.email, .panel, .chat, .phone].map(\.rawValue) == ["email", "panel", "chat", "phone"])
    let domains: Department = "domains"
    #expect(domains == Department(rawValue: "domains"))
    #expect(Channel("whatsapp").description == "whatsapp")
  }

  @Test("status helpers split active from solved")
  func statusHelpers() {
    #expect(TicketStatus.allCases.filter(\.isActive) == [.open, .inProgress, .waitingOnCustomer, .onHold])
    #expect(TicketStatus.allCases.filter(\.isSolved) == [.resolved, .closed])
  }
}
