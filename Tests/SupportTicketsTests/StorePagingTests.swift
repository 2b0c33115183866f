import Foundation
import SupportTickets
import Testing

@Suite("In-memory store: paging")
struct StorePagingTests {
  private func filledStore(_ count: Int, customers: Int = 5) async throws -> InMemoryTicketStore {
    let store = InMemoryTicketStore()
    for index in 0..<count {
      let builder = TimelineBuilder(
        ticketID: TicketID("T-\(index)"), customerID: CustomerID("cust-\(index % customers)"),
        start: referenceInstant.addingTimeInterval(Double(index)))
      _ = try await store.create(builder.events)
    }
    return store
  }

  @Test("pages come in creation order, and following the cursors visits every ticket once")
  func cursorsVisitEverything() async throws {
    let store = try await filledStore(53)
    var seen: [TicketID] = []
    var query = TicketQuery(limit: 10)
    var pages = 0
    while true {
      let page = try await store.query(query)
      pages += 1
      seen += page.tickets.map(\.id)
      guard let next = page.nextCursor else { break }
      query.cursor = next
    }
    #expect(seen == (0..<53).map { TicketID("T-\($0)") })
    #expect(pages == 6)
  }

  @Test("a page that ends exactly at the last ticket has no next cursor")
  func exactEnd() async throws {
    let store = try await filledStore(20)
    let first = try await store.query(TicketQuery(limit: 10))
    let second = try await store.query(TicketQuery(limit: 10, cursor: first.nextCursor))
    #expect(second.tickets.count == 10)
    #expect(second.nextCursor == nil)
  }

  @Test("paging while writes happen never repeats or skips a ticket that existed when paging began")
  func pagingDuringWrites() async throws {
    for customerScoped in [false, true] {
      let store = try await filledStore(300, customers: 3)
      let existing = (0..<300).filter { !customerScoped || $0 % 3 == 1 }.map { TicketID("T-\($0)") }
      let writer = Task {
        var generator = SeededGenerator(seed: 5)
        for round in 0..<400 {
          if round % 2 == 0 {
            let builder = TimelineBuilder(
              ticketID: TicketID("new-\(round)"), customerID: CustomerID("cust-\(round % 3)"))
            _ = try await store.create(builder.events)
          } else {
            let target = TicketID("T-\(Int.random(in: 0..<300, using: &generator))")
            let ticket = try #require(await store.ticket(target))
            let event = TicketEvent(
              id: EventID("r\(round)"), instant: ticket.updatedAt.addingTimeInterval(1), author: .agent("ana"),
              kind: .agentReply(body: "progress \(round)"))
            _ = try? await store.append([event], to: target, expectedVersion: ticket.version)
          }
          await Task.yield()
        }
      }
      var seen: [TicketID] = []
      var query = TicketQuery(customerID: customerScoped ? "cust-1" : nil, limit: 7)
      while true {
        let page = try await store.query(query)
        seen += page.tickets.map(\.id)
        await Task.yield()
        guard let next = page.nextCursor else { break }
        query.cursor = next
      }
      try await writer.value
      #expect(Set(seen).count == seen.count, "no ticket is repeated")
      #expect(Set(existing).isSubset(of: Set(seen)), "no ticket that existed is skipped")
      let positions = existing.compactMap { seen.firstIndex(of: $0) }
      #expect(positions == positions.sorted(), "creation order is kept")
      if customerScoped { #expect(seen.allSatisfy { $0.rawValue.hasPrefix("new-") || existing.contains($0) }) }
    }
  }

  @Test(
    "a cursor the store did not issue is refused with invalidCursor",
    arguments: ["", "garbage", "s", "s-1", "s1.5", "x10", "s99999999", "s 3"])
  func invalidCursor(raw: String) async throws {
    let store = try await filledStore(5)
    let error = await #expect(throws: StoreError.self) {
      try await store.query(TicketQuery(cursor: TicketCursor(rawValue: raw)))
    }
    #expect(error?.code == .invalidCursor)
  }

  @Test("the page size is clamped to 1…1000")
  func limitClamped() {
    #expect(TicketQuery(limit: 0).limit == 1)
    #expect(TicketQuery(limit: -5).limit == 1)
    #expect(TicketQuery(limit: 5_000).limit == 1_000)
  }
}
