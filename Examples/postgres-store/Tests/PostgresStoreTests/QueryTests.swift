import Foundation
import SupportTickets
import Testing

@testable import PostgresStore

@Suite("Queries, cursors and what PostgreSQL cannot hold")
struct QueryTests {
  /// 48 tickets for 4 customers with every criterion varied, texts with case, accents and a German ß,
  /// internal notes and public replies holding search words.
  static func timelines() -> [[TicketEvent]] {
    let subjects = ["Café menu broken", "CAFE closed", "Mail bounce", "Straße address wrong", "naïve DNS question"]
    return (0..<48).map { index in
      var timeline = TimelineBuilder(
        ticket: TicketID("Q-\(index)"), customer: CustomerID("cust-\(index % 4)"), offset: Double(index) * 1800,
        subject: subjects[index % subjects.count])
      if index % 3 == 1 { timeline.add(.statusChanged(to: .onHold)) }
      if index % 5 == 2 { timeline.add(.statusChanged(to: .inProgress)) }
      if index % 4 == 2 { timeline.add(.priorityChanged(to: .critical)) }
      if index % 6 == 3 { timeline.add(.priorityChanged(to: .low)) }
      if index % 4 == 3 { timeline.add(.departmentChanged(to: .billing)) }
      if index % 7 == 4 { timeline.add(.assigneeChanged(to: index % 2 == 0 ? "bo" : "ana")) }
      if index % 8 == 5 { timeline.add(.internalNote(body: "check the backup SERVER")) }
      if index % 9 == 6 { timeline.add(.agentReply(body: "Restored from backup, résumé attached")) }
      if index % 10 == 7 { timeline.add(.customerReply(body: "STRASSE is the street")) }
      return timeline.events
    }
  }

  static let queries: [TicketQuery] = [
    TicketQuery(),
    TicketQuery(customerID: "cust-2"),
    TicketQuery(customerID: "cust-9"),
    TicketQuery(statuses: [.onHold, .inProgress]),
    TicketQuery(statuses: []),
    TicketQuery(priorities: [.critical]),
    TicketQuery(customerID: "cust-1", priorities: [.low, .normal]),
    TicketQuery(departments: [.billing]),
    TicketQuery(assignee: "bo"),
    TicketQuery(updatedSince: TimelineBuilder.start.addingTimeInterval(20 * 1800 + 0.0004)),
    TicketQuery(updatedSince: TimelineBuilder.start.addingTimeInterval(20 * 1800 + 60)),
    TicketQuery(text: "cafe"),
    TicketQuery(text: "CAFÉ"),
    TicketQuery(text: "backup"),
    TicketQuery(text: "backup", searchesInternalNotes: true),
    TicketQuery(text: "resume"),
    TicketQuery(text: "strasse"),
    TicketQuery(text: ""),
    TicketQuery(customerID: "cust-3", statuses: [.open], text: "mail"),
  ]

  @Test("every criterion and page size gives the in-memory store's tickets, page by page")
  func sameResultsAsInMemory() async throws {
    let postgres = try await TestDatabase.openTicketStore("equivalence")
    let memory = InMemoryTicketStore()
    for timeline in Self.timelines() {
      #expect(try await postgres.create(timeline) == (try await memory.create(timeline)))
    }
    for base in Self.queries {
      for limit in [1, 4, 1000] {
        var query = base
        query.limit = limit
        let expected = try await pages(of: memory, query)
        let found = try await pages(of: postgres, query)
        #expect(found == expected, "query \(base) with limit \(limit)")
      }
    }
  }

  /// The ids of each non-empty page (a store may end with one empty page or not).
  private func pages(of store: any TicketStore, _ query: TicketQuery) async throws -> [[TicketID]] {
    var pages: [[TicketID]] = []
    var query = query
    while true {
      let page = try await store.query(query)
      if !page.tickets.isEmpty { pages.append(page.tickets.map(\.id)) }
      guard let next = page.nextCursor else { return pages }
      query.cursor = next
    }
  }

  @Test("a cursor past the last ticket is refused; one from another query of the same store is accepted")
  func cursors() async throws {
    let store = try await TestDatabase.openTicketStore("cursor")
    for index in 0..<5 {
      _ = try await store.create(
        TimelineBuilder(ticket: TicketID("K-\(index)"), customer: CustomerID("cust-\(index % 2)")).events)
    }
    let first = try await store.query(TicketQuery(limit: 2))
    let cursor = try #require(first.nextCursor)
    let other = try await store.query(TicketQuery(customerID: "cust-0", cursor: cursor))
    #expect(other.tickets.map(\.id) == ["K-2", "K-4"])
    for raw in ["s999", "s01", "s-1", "s", "s99999999999999999999", "S2", "s2 "] {
      let error = await storeError { _ = try await store.query(TicketQuery(cursor: TicketCursor(rawValue: raw))) }
      #expect(error?.code == .invalidCursor, "cursor \(raw)")
    }
  }

  @Test("an event with a NUL character is refused with unstorableEvent and nothing is written")
  func nulInText() async throws {
    let store = try await TestDatabase.openTicketStore("nul")
    let error = await storeError {
      _ = try await store.create(TimelineBuilder(ticket: "N-1", body: "before\u{0}after").events)
    }
    #expect(error?.code == .unstorableEvent)
    #expect(try await store.ticket("N-1") == nil)
    var timeline = TimelineBuilder(ticket: "N-2", body: #"a literal \u0000 is fine"#)
    _ = try await store.create(timeline.events)
    let reply = timeline.next(.agentReply(body: "nul\u{0}"))
    #expect(
      await storeError { _ = try await store.append([reply], to: "N-2", expectedVersion: 1) }?.code == .unstorableEvent)
    #expect(try await store.ticket("N-2")?.version == 1)
  }

  @Test("an append of no events checks the version and returns the ticket unchanged")
  func emptyAppend() async throws {
    let store = try await TestDatabase.openTicketStore("empty")
    let created = try await store.create(TimelineBuilder(ticket: "A-1").events)
    #expect(try await store.append([], to: "A-1", expectedVersion: 1) == created)
    #expect(
      await storeError { _ = try await store.append([], to: "A-1", expectedVersion: 2) }?.code == .versionConflict)
    #expect(
      await storeError { _ = try await store.append([], to: "A-404", expectedVersion: 1) }?.code == .ticketNotFound)
  }

  @Test("sub-millisecond instants are stored as the event JSON writes them, and reads return what create returned")
  func instantPrecision() async throws {
    let store = try await TestDatabase.openTicketStore("precision")
    let opening = TicketOpening(ticketID: "P-1", customerID: "cust-1", subject: "Slow site", body: "It is slow.")
    let instant = Date(timeIntervalSince1970: 1_795_428_000.123456789)
    let created = try await store.create([
      TicketEvent(id: "e0", instant: instant, author: .customer("cust-1"), kind: .created(opening))
    ])
    #expect(abs(created.createdAt.timeIntervalSince1970 - 1_795_428_000.123) < 0.000_001)
    #expect(try await store.ticket("P-1") == created)
  }
}
