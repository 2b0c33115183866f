import Foundation
import PostgresStore
import SupportTickets
import Testing

/// Two stores on one schema stand for two processes (each has its own pool of connections).
@Suite("Concurrent writers on one database")
struct ConcurrencyTests {
  @Test("writers of two processes contending on one ticket lose no event and win each version once")
  func contendedAppends() async throws {
    let schema = TestDatabase.freshSchema("contention")
    let stores = try await TestDatabase.openTicketStores(2, schema: schema)
    _ = try await stores[0].create(TimelineBuilder(ticket: "W-1").events)
    let writers = 40
    let outcomes = try await withThrowingTaskGroup(of: (won: Int, conflicts: Int).self) { group in
      for writer in 0..<writers {
        let store = stores[writer % 2]
        group.addTask {
          var conflicts = 0
          while true {
            let current = try #require(try await store.ticket("W-1"))
            let event = TicketEvent(
              id: EventID("w\(writer)"), instant: TimelineBuilder.start.addingTimeInterval(60),
              author: .agent(AgentID("agent-\(writer)")), kind: .internalNote(body: "writer \(writer)"))
            do {
              _ = try await store.append([event], to: "W-1", expectedVersion: current.version)
              return (current.version, conflicts)
            } catch let error as StoreError where error.code == .versionConflict {
              conflicts += 1
            }
          }
        }
      }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    #expect(outcomes.map(\.won).sorted() == Array(1...writers))
    #expect(outcomes.map(\.conflicts).reduce(0, +) > 0, "the writers never conflicted: no real contention")
    let ticket = try #require(try await stores[1].ticket("W-1"))
    #expect(ticket.version == writers + 1)
    #expect(Set(ticket.events.dropFirst().map(\.id.rawValue)) == Set((0..<writers).map { "w\($0)" }))

    let raw = try await rawTimeline(of: "W-1", schema: schema)
    #expect(
      raw
        == RawTimeline(
          rows: writers + 1, distinctEventIDs: writers + 1, lastSequence: writers + 1, version: writers + 1))
  }

  @Test("of many appends with the same expected version exactly one wins; the others conflict and write nothing")
  func sameExpectedVersion() async throws {
    let schema = TestDatabase.freshSchema("conflict")
    let stores = try await TestDatabase.openTicketStores(2, schema: schema)
    _ = try await stores[0].create(TimelineBuilder(ticket: "C-1").events)
    let attempts = 30
    let results = await withTaskGroup(of: Result<Ticket, any Error>.self) { group in
      for attempt in 0..<attempts {
        let store = stores[attempt % 2]
        group.addTask {
          let event = TicketEvent(
            id: EventID("a\(attempt)"), instant: TimelineBuilder.start.addingTimeInterval(60), author: .agent("ana"),
            kind: .agentReply(body: "answer \(attempt)"))
          return await outcome { try await store.append([event], to: "C-1", expectedVersion: 1) }
        }
      }
      return await group.reduce(into: []) { $0.append($1) }
    }
    let winners = results.compactMap { try? $0.get() }
    #expect(winners.count == 1)
    let conflicts = results.compactMap { result -> StoreError? in
      guard case .failure(let error as StoreError) = result else { return nil }
      return error
    }
    #expect(conflicts.count == attempts - 1)
    #expect(conflicts.allSatisfy { $0.code == .versionConflict && $0.context["actual"] == "2" })
    let stored = try #require(try await stores[1].ticket("C-1"))
    #expect(stored == winners.first)
    #expect(try await rawTimeline(of: "C-1", schema: schema).rows == 2)
  }

  @Test("creating one id from many tasks of two processes: one ticket, every other call gets duplicateTicket")
  func duplicateCreates() async throws {
    let schema = TestDatabase.freshSchema("duplicates")
    let stores = try await TestDatabase.openTicketStores(2, schema: schema)
    let results = await withTaskGroup(of: Result<Ticket, any Error>.self) { group in
      for attempt in 0..<20 {
        let store = stores[attempt % 2]
        let timeline = TimelineBuilder(ticket: "D-1", customer: CustomerID("cust-\(attempt)")).events
        group.addTask { await outcome { try await store.create(timeline) } }
      }
      return await group.reduce(into: []) { $0.append($1) }
    }
    let created = results.compactMap { try? $0.get() }
    #expect(created.count == 1)
    let refusals = results.compactMap { result -> StoreError.Code? in
      guard case .failure(let error as StoreError) = result else { return nil }
      return error.code
    }
    #expect(refusals == Array(repeating: .duplicateTicket, count: 19))
    #expect(try await stores[0].ticket("D-1") == created.first)
  }

  @Test("a reader following cursors while two processes create tickets misses no ticket")
  func followerMissesNothing() async throws {
    let schema = TestDatabase.freshSchema("follower")
    let stores = try await TestDatabase.openTicketStores(2, schema: schema)
    let follower = try await PostgresTicketStore.open(TestDatabase.configuration(schema: schema))
    let finished = Flag()
    let creators = Task {
      let outcome = await outcome {
        try await withThrowingTaskGroup(of: Void.self) { group in
          for creator in 0..<8 {
            let store = stores[creator % 2]
            group.addTask {
              for index in 0..<25 {
                _ = try await store.create(TimelineBuilder(ticket: TicketID("F-\(creator)-\(index)")).events)
              }
            }
          }
          try await group.waitForAll()
        }
      }
      await finished.set()
      try outcome.get()
    }
    // Poll as a follower would: page to the end, remember the last cursor, poll again from there. A ticket
    // committed late with a creation number behind the cursor would never be seen.
    var seen = Set<TicketID>()
    var cursor: TicketCursor?
    var polls = 0
    while true {
      let creatorsFinished = await finished.isSet
      while true {
        let page = try await follower.query(TicketQuery(limit: 5, cursor: cursor))
        seen.formUnion(page.tickets.map(\.id))
        guard let next = page.nextCursor else { break }
        cursor = next
      }
      polls += 1
      if creatorsFinished { break }
      try await Task.sleep(for: .milliseconds(2))
    }
    try await creators.value
    #expect(polls > 2, "the follower did not poll while tickets were being created")
    #expect(seen.count == 200)
  }
}

/// A flag one task sets and another reads.
actor Flag {
  private(set) var isSet = false
  func set() { isSet = true }
}

/// What the raw tables hold for one ticket.
struct RawTimeline: Equatable {
  var rows: Int
  var distinctEventIDs: Int
  var lastSequence: Int
  var version: Int
}

func rawTimeline(of ticket: TicketID, schema: String) async throws -> RawTimeline {
  let admin = try TestDatabase.adminConnection(schema: schema)
  return try await admin.run { connection in
    let row = try connection.execute(
      PostgresStatement(
        """
        SELECT count(*), count(DISTINCT e.event_id), coalesce(max(e.sequence), 0),
               coalesce((SELECT version FROM tickets WHERE id = $1), 0)
        FROM ticket_events e WHERE e.ticket_id = $1
        """),
      [.text(ticket.rawValue)]
    ).single()
    return RawTimeline(
      rows: try row.int(0), distinctEventIDs: try row.int(1), lastSequence: try row.int(2), version: try row.int(3))
  }
}
