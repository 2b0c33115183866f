import Foundation
import SupportTickets
import Testing

private func roundTrip<T: Codable & Equatable>(_ value: T) throws -> T {
  let data = try TicketJSON.makeEncoder().encode(value)
  return try TicketJSON.decode(T.self, from: data)
}

private func json<T: Encodable>(_ value: T) throws -> String {
  String(decoding: try TicketJSON.makeEncoder().encode(value), as: UTF8.self)
}

/// One event of every kind.
private func everyKind() -> [TicketEvent] {
  var builder = TimelineBuilder()
  builder.add(.customerReply(body: "Any news? ✉️ ລາວ"))
  builder.add(.agentReply(body: "Yes"))
  builder.add(.automatedMessage(body: "We are still on it"))
  builder.add(.internalNote(body: "db01"))
  builder.add(.statusChanged(to: .waitingOnCustomer))
  builder.add(.priorityChanged(to: .critical))
  builder.add(.departmentChanged(to: Department("domains")))
  builder.add(.assigneeChanged(to: "bo"))
  builder.add(.assigneeChanged(to: nil))
  builder.add(.mergedFrom("T-2"))
  builder.add(.resellerChanged(to: "acme"))
  builder.add(.resellerChanged(to: nil))
  builder.add(.statusChanged(to: .resolved))
  builder.add(.reopened)
  builder.add(.merged(into: "T-3"))
  return builder.events
}

@Suite("Codable round trips")
struct CodableRoundTripTests {
  @Test("every event kind survives a JSON round trip")
  func events() throws {
    let events = everyKind()
    #expect(Set(events.map(\.kind.name)).count == 13)
    for event in events { #expect(try roundTrip(event) == event) }
    #expect(try roundTrip(events) == events)
  }

  @Test("an event is written in the documented shape")
  func eventShape() throws {
    let event = TicketEvent(
      id: "e2", instant: referenceInstant.addingTimeInterval(300.1234), author: .agent("ana"),
      kind: .agentReply(body: "We are on it."))
    #expect(
      try json(event)
        == #"{"at":"2026-11-23T10:05:00.123Z","author":{"id":"ana","role":"agent"},"body":"We are on it.","#
        + #""id":"e2","type":"agentReply","visibility":"public"}"#)
    let system = TicketEvent(id: "e3", instant: referenceInstant, author: .system, kind: .reopened)
    #expect(
      try json(system)
        == #"{"at":"2026-11-23T10:00:00.000Z","author":{"role":"system"},"id":"e3","type":"reopened","#
        + #""visibility":"public"}"#)
  }

  @Test("a ticket survives a JSON round trip and writes its summary")
  func ticket() throws {
    let ticket = try Ticket(events: everyKind())
    #expect(try roundTrip(ticket) == ticket)
    let text = try json(ticket)
    for field in [
      #""id":"T-1""#, #""customer":"cust-1""#, #""status":"closed""#, #""version":16"#, #""priority":"critical""#,
    ] {
      #expect(text.contains(field), "\(field)")
    }
  }

  @Test("the customer view, query, page and cursor survive a JSON round trip")
  func readModels() throws {
    let ticket = try Ticket(events: Array(everyKind().prefix(6)))
    #expect(try roundTrip(ticket.customerView) == ticket.customerView)
    let query = TicketQuery(
      customerID: "cust-1", statuses: [.open, .onHold], priorities: [.high, .critical], departments: [.billing],
      assignee: "ana", updatedSince: referenceInstant, text: "backup", searchesInternalNotes: true, limit: 25,
      cursor: TicketCursor(rawValue: "s41"))
    #expect(try roundTrip(query) == query)
    #expect(try roundTrip(TicketQuery()) == TicketQuery())
    #expect(try json(TicketQuery(statuses: [.resolved, .open])).contains(#""statuses":["open","resolved"]"#))
    let page = TicketPage(tickets: [ticket], nextCursor: TicketCursor(rawValue: "s0"))
    #expect(try roundTrip(page) == page)
    #expect(try json(TicketCursor(rawValue: "s9")) == #""s9""#)
  }

  @Test("value types survive a JSON round trip and encode as documented")
  func values() throws {
    #expect(try roundTrip(Money(minorUnits: 799, currency: "usd")) == Money(minorUnits: 799, currency: "USD"))
    #expect(try json(Money(minorUnits: -5, currency: "MYR")) == #"{"currency":"MYR","minorUnits":-5}"#)
    #expect(try json(TicketID("T-1")) == #""T-1""#)
    #expect(try roundTrip(CustomerID("cust-ລາວ")) == "cust-ລາວ")
    for status in TicketStatus.allCases { #expect(try roundTrip(status) == status) }
    for priority in Priority.allCases { #expect(try roundTrip(priority) == priority) }
    for tier in PlanTier.allCases { #expect(try roundTrip(tier) == tier) }
    #expect(try roundTrip(Department("domains")) == Department("domains"))
    #expect(try roundTrip(Channel.chat) == .chat)
    let service = ServiceReference(serviceID: "svc-9", tier: .vps, plan: "VPS 4 GB", server: "vps9.example.net")
    #expect(try roundTrip(service) == service)
    for author in [TicketAuthor.customer("c"), .agent("a"), .system] { #expect(try roundTrip(author) == author) }
    #expect(try roundTrip(EventVisibility.internal) == .internal)
    #expect(try roundTrip(AutoClosePolicy(period: 3600)) == AutoClosePolicy(period: 3600))
    let opening = TicketOpening(ticketID: "T-1", customerID: "c", subject: "s", body: "b", service: service)
    #expect(try roundTrip(opening) == opening)
    let append = TicketAppend(events: everyKind(), ticketID: "T-1", expectedVersion: 3)
    #expect(try roundTrip(append) == append)
  }

  @Test("errors survive a JSON round trip")
  func errors() throws {
    let transition = TicketError.invalidTransition(from: .closed, to: .open, ticketID: "T-1")
    #expect(try roundTrip(transition) == transition)
    #expect(try json(transition).contains(#""ticket":"T-1""#))
    let conflict = StoreError.versionConflict("T-1", expected: 3, actual: 4)
    #expect(try roundTrip(conflict) == conflict)
    let issue = DecodingIssue(code: .invalidValue, path: "events[3].status", line: 12, message: "unknown value")
    #expect(try roundTrip(issue) == issue)
    #expect(
      try json(DecodingIssue(code: .missingField, path: "id", message: "is missing"))
        == #"{"code":"missingField","context":{"path":"id"},"message":"is missing"}"#)
  }
}
