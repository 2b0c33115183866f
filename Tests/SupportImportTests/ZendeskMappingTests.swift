import Foundation
import SupportImport
import Testing

@Suite("Zendesk exports are mapped as Importing.md documents")
struct ZendeskMappingTests {
  let read: TicketImport

  init() throws {
    read = try SampleExports.zendesk().tickets(from: try SampleExports.documents("zendesk"))
  }

  func ticket(_ id: String) throws -> ImportedTicket {
    try #require(read.tickets.first { $0.id.rawValue == id })
  }

  @Test("tickets keep their Zendesk ids; a deleted ticket is reported, not imported")
  func tickets() {
    #expect(read.tickets.map(\.id.rawValue) == ["zendesk-T5001", "zendesk-T5002"])
    #expect(read.warnings.map(\.code) == [.skipped])
    #expect(read.warnings.first?.message.contains("5003") == true)
  }

  @Test("the first public comment is the opening; its author is the requester, by external id")
  func opening() throws {
    let ticket = try ticket("zendesk-T5001")
    guard case .created(let opening) = ticket.opening.kind else {
      Issue.record("not an opening")
      return
    }
    #expect(ticket.opening.id == "zendesk-T5001-c61001")
    #expect(opening.customerID == "CUS-00042")  // zendeskExternalIDs
    #expect(opening.priority == .high)  // the value it was created with; urgent came later
    #expect(opening.department == .technical)  // group "Tier 1 Support" by the mapping
    #expect(opening.channel == .email)
  }

  @Test("public agent comments are replies, private ones internal notes; audits give status changes with times")
  func timeline() throws {
    let events = try ticket("zendesk-T5001").events
    let kinds = events.map { "\($0.id.rawValue.dropFirst("zendesk-T5001-".count)):\($0.kind.name)" }
    #expect(
      kinds == [
        "a71002-e72010:priorityChanged", "a71002-e72011:assigneeChanged", "a71002-e72012:statusChanged",
        "c61002:internalNote", "c61003:agentReply", "a71003-e72020:statusChanged", "c61004:customerReply",
        "a71004-e72030:statusChanged", "a71005-e72040:statusChanged", "rating-77001:internalNote",
        "a71006-e72050:statusChanged",
      ])
    #expect(events[3].visibility == .internal && events[3].author == .agent("zendesk-A8100"))
    #expect(events[5].kind == .statusChanged(to: .resolved))
    #expect(events[5].instant == SampleExports.instant("2024-05-02T01:52:00Z"))
    #expect(events.last?.kind == .statusChanged(to: .closed) && events.last?.author == .system)
  }

  @Test("without audits the current status is recorded once, at the ticket's last update")
  func currentState() throws {
    let changes = try ticket("zendesk-T5002").events.filter { $0.kind.name == "statusChanged" }
    #expect(changes.map(\.kind) == [.statusChanged(to: .waitingOnCustomer)])
    #expect(changes.first?.instant == SampleExports.instant("2024-05-03T09:30:00Z"))
  }

  @Test("good ratings are CSAT 5 and bad ones CSAT 1, with their comment; offered ones are not answers")
  func ratings() throws {
    #expect(read.surveys.map(\.response.score) == [5, 1])
    #expect(read.surveys.map(\.id) == ["zendesk-R77001", "zendesk-R77002"])
    #expect(read.surveys[0].response.customer == "CUS-00042")
    #expect(read.surveys[1].response.customer == "zendesk-U9002")
    #expect(read.surveys[1].comment == "Still no certificate after two days.")
    #expect(read.surveys[1].response.date == (try CivilDate(parsing: "2024-05-05")))
  }

  @Test("a different score mapping is a mapping option")
  func scoreMapping() throws {
    var importer = try SampleExports.zendesk()
    importer.mapping.satisfaction = SatisfactionScores(good: 4, bad: 2)
    let read = try importer.tickets(from: try SampleExports.documents("zendesk"))
    #expect(read.surveys.map(\.response.score) == [4, 2])
  }
}
