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

  @Test("money adds exactly within a currency and refuses to mix currencies or overflow")
  func money() {
    let price = Money(minorUnits: 799, currency: "usd")
    #expect(price.currency == "USD")
    #expect(price + Money(minorUnits: 201, currency: "USD") == Money(minorUnits: 1_000, currency: "USD"))
    #expect(price - Money(minorUnits: 800, currency: "USD") == Money(minorUnits: -1, currency: "USD"))
    #expect(price.adding(Money(minorUnits: 1, currency: "MYR")) == nil)
    #expect(Money(minorUnits: .max, currency: "USD").adding(Money(minorUnits: 1, currency: "USD")) == nil)
    #expect(price.description == "USD 7.99")
    #expect(Money(minorUnits: -5, currency: "LAK").description == "LAK -0.05")
    #expect(Money.zero("eur") == Money(minorUnits: 0, currency: "EUR"))
  }

  @Test(
    "money with a currency that is not three letters is refused when decoding", arguments: ["US", "USDT", "12€", ""])
  func moneyCurrency(code: String) {
    let json = #"{"minorUnits":1,"currency":"\#(code)"}"#
    #expect(throws: DecodingIssue.self) { try TicketJSON.decode(Money.self, from: Data(json.utf8)) }
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
