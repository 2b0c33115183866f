import Foundation
import SupportTickets
import Testing

/// A reseller's customer's ticket, with an internal note and a public reply.
private func resellerTimeline(
  _ ticket: TicketID = "T-1", customer: CustomerID = "cust-1", reseller: PartnerID? = "acme"
) -> [TicketEvent] {
  let opening = TicketOpening(
    ticketID: ticket, customerID: customer, subject: "Mail bounce", body: "Mail to my domain bounces.",
    resellerID: reseller)
  return [
    TicketEvent(id: "e0", instant: referenceInstant, author: .customer(customer), kind: .created(opening)),
    TicketEvent(
      id: "e1", instant: referenceInstant.addingTimeInterval(60), author: .agent("ana"),
      kind: .internalNote(body: "sh12 mail queue stuck")),
    TicketEvent(
      id: "e2", instant: referenceInstant.addingTimeInterval(120), author: .agent("ana"),
      kind: .agentReply(body: "We are on it.")),
  ]
}

private func resellerChange(_ id: EventID, to reseller: PartnerID?, by author: TicketAuthor = .system) -> TicketEvent {
  TicketEvent(
    id: id, instant: referenceInstant.addingTimeInterval(600), author: author, kind: .resellerChanged(to: reseller))
}

@Suite("Tickets know their customer's reseller")
struct TicketResellerTests {
  @Test("a ticket opened for a reseller's customer belongs to that reseller; a direct customer's to none")
  func openingCarriesReseller() throws {
    #expect(try Ticket(events: resellerTimeline()).resellerID == "acme")
    #expect(try Ticket(events: resellerTimeline(reseller: nil)).resellerID == nil)
  }

  @Test("a reseller change moves the ticket, is internal, and stays in the timeline")
  func resellerChangeMoves() throws {
    var ticket = try Ticket(events: resellerTimeline())
    try ticket.apply(resellerChange("e3", to: "globex"))
    #expect(ticket.resellerID == "globex")
    #expect(ticket.events.last?.visibility == .internal)
    #expect(!ticket.customerView.events.contains { $0.kind.name == "resellerChanged" })
    try ticket.apply(
      TicketEvent(
        id: "e4", instant: referenceInstant.addingTimeInterval(700), author: .agent("bo"),
        kind: .resellerChanged(to: nil)))
    #expect(ticket.resellerID == nil)
  }

  @Test("a customer cannot change a ticket's reseller")
  func customersCannotMove() throws {
    let ticket = try Ticket(events: resellerTimeline())
    #expect(throws: TicketError.self) {
      try ticket.applying([resellerChange("e3", to: "globex", by: .customer("cust-1"))])
    }
  }

  @Test("a change to the reseller the ticket already has is refused")
  func sameResellerRefused() throws {
    let ticket = try Ticket(events: resellerTimeline())
    #expect(throws: TicketError.self) { try ticket.applying([resellerChange("e3", to: "acme")]) }
    let direct = try Ticket(events: resellerTimeline(reseller: nil))
    #expect(throws: TicketError.self) { try direct.applying([resellerChange("e3", to: nil)]) }
  }

  @Test("a closed ticket keeps the reseller it was handled under")
  func closedTicketKeepsReseller() throws {
    var ticket = try Ticket(events: resellerTimeline())
    try ticket.apply(
      TicketEvent(
        id: "e3", instant: referenceInstant.addingTimeInterval(300), author: .agent("ana"),
        kind: .statusChanged(to: .closed)))
    #expect(throws: TicketError.self) { try ticket.applying([resellerChange("e4", to: "globex")]) }
  }

  @Test("a reseller id holding a secret is refused before storage", arguments: [false, true])
  func secretInResellerID(inChange: Bool) async throws {
    let store = InMemoryTicketStore()
    let secret = PartnerID("4111111111111111")
    if inChange {
      _ = try await store.create(resellerTimeline())
      let error = await #expect(throws: StoreError.self) {
        _ = try await store.append([resellerChange("e3", to: secret)], to: "T-1", expectedVersion: 3)
      }
      #expect(error?.code == .secretInIdentifier && error?.context["field"] == "resellerID")
    } else {
      let error = await #expect(throws: StoreError.self) {
        _ = try await store.create(resellerTimeline(reseller: secret))
      }
      #expect(error?.code == .secretInIdentifier && error?.context["field"] == "resellerID")
    }
  }

  @Test("the reseller survives JSON; openings written before resellers read back as a direct customer's")
  func resellerJSON() throws {
    let events = resellerTimeline() + [resellerChange("e3", to: nil)]
    let data = try TicketJSON.makeEncoder().encode(events)
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.contains(#""reseller":"acme""#) && text.contains(#""reseller":null"#))
    #expect(try JSONDecoder().decode([TicketEvent].self, from: data) == events)
    let direct = String(
      decoding: try TicketJSON.makeEncoder().encode(resellerTimeline(reseller: nil)[0]), as: UTF8.self)
    #expect(!direct.contains("reseller"))
    #expect(try JSONDecoder().decode(TicketEvent.self, from: Data(direct.utf8)) == resellerTimeline(reseller: nil)[0])
  }

  @Test("an opening without a reseller keeps its old binary form; one with a reseller gets its own tag")
  func binaryTags() throws {
    for (reseller, tag) in [(nil, UInt8(1)), (PartnerID("acme"), UInt8(14))] {
      let opening = resellerTimeline(reseller: reseller)[0]
      var writer = ByteWriter()
      EventBinaryCodec.encode(opening, into: &writer)
      #expect(writer.bytes.first == tag)
      let decoded = try writer.bytes.withUnsafeBytes { buffer in
        var reader = ByteReader(buffer)
        return try EventBinaryCodec.decode(from: &reader)
      }
      #expect(decoded == opening)
    }
  }
}

@Suite("Partner-scoped queries")
struct PartnerScopedQueryTests {
  @Test("a partner-scoped query never searches internal notes, however it is built")
  func partnerQueryNeverSearchesNotes() throws {
    #expect(!TicketQuery(partnerID: "acme", text: "sh12", searchesInternalNotes: true).searchesInternalNotes)
    var query = TicketQuery(text: "sh12", searchesInternalNotes: true)
    query.partnerID = "acme"
    #expect(!query.searchesInternalNotes)
    query.searchesInternalNotes = true
    #expect(!query.searchesInternalNotes)
    let decoded = try JSONDecoder().decode(
      TicketQuery.self, from: Data(#"{"partner":"acme","text":"sh12","searchesInternalNotes":true}"#.utf8))
    #expect(decoded.partnerID == "acme" && !decoded.searchesInternalNotes)
    #expect(!decoded.matches(try Ticket(events: resellerTimeline())))
  }

  @Test("a partner query matches only that reseller's tickets")
  func partnerMatching() throws {
    let query = TicketQuery(partnerID: "acme")
    #expect(query.matches(try Ticket(events: resellerTimeline())))
    #expect(!query.matches(try Ticket(events: resellerTimeline(reseller: "globex"))))
    #expect(!query.matches(try Ticket(events: resellerTimeline(reseller: nil))))
  }

  @Test("the partner survives a query's JSON round trip")
  func partnerQueryJSON() throws {
    let query = TicketQuery(customerID: "cust-1", partnerID: "acme", statuses: [.open], limit: 5)
    let data = try TicketJSON.makeEncoder().encode(query)
    #expect(String(decoding: data, as: UTF8.self).contains(#""partner":"acme""#))
    #expect(try JSONDecoder().decode(TicketQuery.self, from: data) == query)
  }
}

/// A store from before partner scoping: it ignores `partnerID` and answers every query with all tickets.
private struct PartnerBlindStore: TicketStore {
  let base = InMemoryTicketStore()
  func create(_ timeline: [TicketEvent]) async throws -> Ticket { try await base.create(timeline) }
  func append(_ events: [TicketEvent], to ticketID: TicketID, expectedVersion: Int) async throws -> Ticket {
    try await base.append(events, to: ticketID, expectedVersion: expectedVersion)
  }
  func ticket(_ id: TicketID) async throws -> Ticket? { await base.ticket(id) }
  func query(_ query: TicketQuery) async throws -> TicketPage {
    var blind = query
    blind.partnerID = nil
    blind.searchesInternalNotes = true
    return try await base.query(blind)
  }
}

/// A store where someone else appends to a ticket just before the first append of each ticket.
private actor InterferingStore: TicketStore {
  let base = InMemoryTicketStore()
  private var interfered: Set<TicketID> = []
  func create(_ timeline: [TicketEvent]) async throws -> Ticket { try await base.create(timeline) }
  func append(_ events: [TicketEvent], to ticketID: TicketID, expectedVersion: Int) async throws -> Ticket {
    if interfered.insert(ticketID).inserted, let current = await base.ticket(ticketID) {
      let note = TicketEvent(
        id: "other-writer", instant: current.updatedAt, author: .agent("bo"), kind: .internalNote(body: "meanwhile"))
      _ = try await base.append([note], to: ticketID, expectedVersion: current.version)
    }
    return try await base.append(events, to: ticketID, expectedVersion: expectedVersion)
  }
  func ticket(_ id: TicketID) async throws -> Ticket? { await base.ticket(id) }
  func query(_ query: TicketQuery) async throws -> TicketPage { try await base.query(query) }
}

@Suite("Partner ticket access")
struct PartnerTicketAccessTests {
  @Test("partner access answers in customer views, without internal events")
  func customerViewsOnly() async throws {
    let store = InMemoryTicketStore()
    _ = try await store.create(resellerTimeline())
    let access = PartnerTicketAccess(partnerID: "acme", store: store)
    let page = try await access.tickets()
    #expect(page.tickets.map(\.id) == ["T-1"])
    #expect(page.tickets[0].events.map(\.id) == ["e0", "e2"])
    #expect(try await access.ticket("T-1")?.events.map(\.id) == ["e0", "e2"])
  }

  @Test("partner access refuses a query naming another partner")
  func otherPartnerRefused() async throws {
    let access = PartnerTicketAccess(partnerID: "acme", store: InMemoryTicketStore())
    let error = await #expect(throws: StoreError.self) {
      _ = try await access.tickets(matching: TicketQuery(partnerID: "globex"))
    }
    #expect(error?.code == .outsidePartnerScope && error?.context["requested"] == "globex")
    _ = try await access.tickets(matching: TicketQuery(partnerID: "acme"))
  }

  @Test("partner access shows nothing of others even over a store that ignores the partner")
  func defenceInDepth() async throws {
    let store = PartnerBlindStore()
    _ = try await store.create(resellerTimeline("T-1"))
    _ = try await store.create(resellerTimeline("T-2", customer: "cust-2", reseller: "globex"))
    _ = try await store.create(resellerTimeline("T-3", customer: "cust-3", reseller: nil))
    let access = PartnerTicketAccess(partnerID: "globex", store: store)
    #expect(try await access.tickets().tickets.map(\.id) == ["T-2"])
    #expect(try await access.tickets(matching: TicketQuery(text: "sh12")).tickets.isEmpty)
    #expect(try await access.ticket("T-1") == nil)
    #expect(try await access.ticket("T-3") == nil)
  }

  @Test("moving a customer's tickets retries a ticket someone changed meanwhile")
  func moveRetriesConflicts() async throws {
    let store = InterferingStore()
    _ = try await store.create(resellerTimeline("T-1"))
    _ = try await store.create(resellerTimeline("T-2"))
    let moved = try await store.moveTickets(
      ofCustomer: "cust-1", toReseller: "globex", at: referenceInstant.addingTimeInterval(3600))
    #expect(moved.map(\.id) == ["T-1", "T-2"])
    #expect(moved.allSatisfy { $0.resellerID == "globex" && $0.events.contains { $0.id == "other-writer" } })
  }

  @Test("a move event is dated no earlier than the ticket's last event")
  func moveEventInstant() async throws {
    let store = InMemoryTicketStore()
    _ = try await store.create(resellerTimeline())
    let moved = try await store.moveTickets(ofCustomer: "cust-1", toReseller: nil, at: referenceInstant)
    #expect(moved.first?.events.last?.instant == referenceInstant.addingTimeInterval(120))
    #expect(moved.first?.events.last?.author == .system)
  }
}
