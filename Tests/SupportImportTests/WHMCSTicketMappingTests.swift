import Foundation
import SupportImport
import Testing

@Suite("WHMCS tickets are mapped as Importing.md documents")
struct WHMCSTicketMappingTests {
  let read: TicketImport

  init() throws {
    read = try SampleExports.whmcs().tickets(from: try SampleExports.documents("whmcs"))
  }

  func ticket(_ id: String) throws -> ImportedTicket {
    try #require(read.tickets.first { $0.id.rawValue == id })
  }

  func opening(_ ticket: ImportedTicket) throws -> TicketOpening {
    guard case .created(let opening) = ticket.opening.kind else { throw ImportError(code: .malformed, message: "") }
    return opening
  }

  @Test("every GetTicket response becomes one ticket whose id is derived from the WHMCS ticket id")
  func ticketIDs() {
    #expect(read.tickets.map(\.id.rawValue) == ["whmcs-T101", "whmcs-T102", "whmcs-T103"])
  }

  @Test("the opening is reply 0: the client's first message, at the ticket's date in the server's time zone")
  func openingMessage() throws {
    let ticket = try ticket("whmcs-T101")
    let opening = try opening(ticket)
    #expect(ticket.opening.id.rawValue == "whmcs-T101-r0")
    #expect(ticket.opening.author == .customer("whmcs-C7"))
    #expect(ticket.opening.instant == SampleExports.instant("2024-03-04T02:12:40Z"))  // 09:12:40 in Vientiane (UTC+7)
    #expect(opening.customerID == "whmcs-C7")
    #expect(opening.subject == "Site returns 503 after the PHP upgrade")
    #expect(opening.body.hasPrefix("Since you upgraded PHP"))
  }

  @Test("priorities, departments and the service come from the ticket, the mapping and GetClientsProducts")
  func openingFields() throws {
    let opening = try opening(try ticket("whmcs-T101"))
    #expect(opening.priority == .high)
    #expect(opening.department == .technical)
    #expect(opening.service?.serviceID == "whmcs-S12")
    #expect(opening.service?.tier == .shared)
    #expect(opening.service?.plan == "Shared Starter")
    #expect(try self.opening(try ticket("whmcs-T102")).priority == .normal)  // Medium
    #expect(try self.opening(try ticket("whmcs-T103")).department == .sales)
  }

  @Test("replies by an admin are agent replies, other replies are the client's, admin notes are internal")
  func repliesAndNotes() throws {
    let events = try ticket("whmcs-T101").events
    // Replies and notes in time order; the current status last, at the last reply.
    #expect(
      events.map(\.id.rawValue) == [
        "whmcs-T101-r311", "whmcs-T101-n44", "whmcs-T101-r312", "whmcs-T101-r315", "whmcs-T101-s-closed-1709524925",
      ])
    #expect(events[0].kind.name == "agentReply" && events[0].author == .agent("whmcs-admin-anousone-keo"))
    #expect(events[1].kind.name == "internalNote" && events[1].visibility == .internal)
    #expect(events[2].kind.name == "customerReply" && events[2].author == .customer("whmcs-C7"))
    #expect(events[4].kind == .statusChanged(to: .resolved))  // WHMCS "Closed" is the kit's resolved
  }

  @Test("a custom status is mapped by the mapping file")
  func customStatus() throws {
    #expect(try ticket("whmcs-T102").events.last?.kind == .statusChanged(to: .onHold))
    #expect(try ticket("whmcs-T103").events.last?.kind == .statusChanged(to: .waitingOnCustomer))
  }

  @Test("a guest ticket belongs to a customer id derived from a hash of the address, never the address")
  func guestTicket() throws {
    let customer = try opening(try ticket("whmcs-T103")).customerID.rawValue
    #expect(customer.hasPrefix("whmcs-G"))
    #expect(!customer.lowercased().contains("visitor"))
  }

  @Test("a star rating of a staff reply is a CSAT answer of the client, dated the reply's local day")
  func replyRating() throws {
    #expect(read.surveys.count == 1)
    let survey = try #require(read.surveys.first)
    #expect(survey.response.kind == .csat && survey.response.score == 5)
    #expect(survey.response.customer == "whmcs-C7")
    #expect(survey.response.date == (try CivilDate(parsing: "2024-03-04")))
    #expect(survey.ticketID == "whmcs-T101")
  }
}
