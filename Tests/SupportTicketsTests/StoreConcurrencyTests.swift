import Foundation
import SupportTickets
import Testing

/// One append attempt of a concurrent writer.
private struct Attempt: Sendable {
  var expectedVersion: Int
  var succeeded: Bool
}

@Suite("In-memory store: concurrent writers")
struct StoreConcurrencyTests {
  @Test("100 concurrent writers on one ticket lose no event and every conflict is reported")
  func hundredWriters() async throws {
    let store = InMemoryTicketStore()
    let builder = TimelineBuilder()
    _ = try await store.create(builder.events)
    let writers = 100
    let attempts = try await withThrowingTaskGroup(of: [Attempt].self) { group in
      for writer in 0..<writers {
        group.addTask {
          var log: [Attempt] = []
          while true {
            let current = try #require(await store.ticket("T-1"))
            await Task.yield()  // let other writers in between the read and the write
            let event = TicketEvent(
              id: EventID("w\(writer)"), instant: referenceInstant.addingTimeInterval(60),
              author: .agent(AgentID("agent-\(writer)")), kind: .agentReply(body: "update from writer \(writer)"))
            do {
              _ = try await store.append([event], to: "T-1", expectedVersion: current.version)
              log.append(Attempt(expectedVersion: current.version, succeeded: true))
              return log
            } catch let error as StoreError where error.code == .versionConflict {
              #expect(error.context["expected"] == String(current.version))
              #expect(Int(error.context["actual"] ?? "") ?? 0 > current.version)
              log.append(Attempt(expectedVersion: current.version, succeeded: false))
            }
          }
        }
      }
      var all: [Attempt] = []
      for try await log in group { all += log }
      return all
    }
    let ticket = try #require(await store.ticket("T-1"))
    #expect(ticket.version == 1 + writers)
    #expect(Set(ticket.events.dropFirst().map(\.id.rawValue)) == Set((0..<writers).map { "w\($0)" }))
    // Each version was won by exactly one writer; every other attempt at it was reported as a conflict.
    let successes = attempts.filter(\.succeeded)
    #expect(successes.count == writers)
    #expect(Set(successes.map(\.expectedVersion)) == Set(1...writers))
    let conflicts = attempts.filter { !$0.succeeded }
    #expect(attempts.count == writers + conflicts.count)
  }

  @Test("two appends with the same expected version: exactly one wins")
  func exactlyOneWins() async throws {
    let store = InMemoryTicketStore()
    _ = try await store.create(TimelineBuilder().events)
    let results = await withTaskGroup(of: Bool.self) { group in
      for writer in 0..<2 {
        group.addTask {
          let event = TicketEvent(
            id: EventID("x\(writer)"), instant: referenceInstant, author: .agent("ana"),
            kind: .agentReply(body: "first!"))
          return (try? await store.append([event], to: "T-1", expectedVersion: 1)) != nil
        }
      }
      var wins: [Bool] = []
      for await result in group { wins.append(result) }
      return wins
    }
    #expect(results.filter { $0 }.count == 1)
    #expect(await store.ticket("T-1")?.version == 2)
  }

  @Test("many writers on many tickets keep every ticket consistent")
  func manyTickets() async throws {
    let store = InMemoryTicketStore()
    for index in 0..<20 { _ = try await store.create(TimelineBuilder(ticketID: TicketID("T-\(index)")).events) }
    try await withThrowingTaskGroup(of: Void.self) { group in
      for writer in 0..<60 {
        group.addTask {
          let ticketID = TicketID("T-\(writer % 20)")
          while true {
            let version = try #require(await store.ticket(ticketID)).version
            let event = TicketEvent(
              id: EventID("w\(writer)"), instant: referenceInstant.addingTimeInterval(1), author: .agent("ana"),
              kind: .internalNote(body: "writer \(writer)"))
            do {
              _ = try await store.append([event], to: ticketID, expectedVersion: version)
              return
            } catch let error as StoreError where error.code == .versionConflict { continue }
          }
        }
      }
      try await group.waitForAll()
    }
    for index in 0..<20 { #expect(await store.ticket(TicketID("T-\(index)"))?.version == 4) }
  }

  @Test("200 concurrent batches of appends, longer than the store's lookahead, lose and repeat no event")
  func concurrentBatches() async throws {
    let store = InMemoryTicketStore()
    let tickets = (0..<20).map { TicketID("T-\($0)") }
    for id in tickets { _ = try await store.create(TimelineBuilder(ticketID: id).events) }
    let writers = 200
    // Each writer reads every ticket's version, lets the others in, then sends one batch of 40 appends: two per
    // ticket, the second expecting the version the first would make.
    let won = try await withThrowingTaskGroup(of: [String: [String]].self) { group in
      for writer in 0..<writers {
        group.addTask {
          var versions: [Int] = []
          for id in tickets { versions.append(try #require(await store.ticket(id)).version) }
          await Task.yield()
          var batch: [TicketAppend] = []
          for round in 0..<2 {
            for (index, id) in tickets.enumerated() {
              let event = TicketEvent(
                id: EventID("w\(writer)-\(round)"), instant: referenceInstant.addingTimeInterval(1),
                author: .agent("ana"), kind: .internalNote(body: "writer \(writer)"))
              batch.append(TicketAppend(events: [event], ticketID: id, expectedVersion: versions[index] + round))
            }
          }
          var won: [String: [String]] = [:]
          for (item, result) in zip(batch, await store.append(batch)) {
            switch result {
            case .success(let version):
              #expect(version == item.expectedVersion + 1)
              won[item.ticketID.rawValue, default: []].append(item.events[0].id.rawValue)
            case .failure(let error):
              #expect((error as? StoreError)?.code == .versionConflict, "\(error)")
            }
          }
          return won
        }
      }
      var all: [String: [String]] = [:]
      for try await part in group { all.merge(part) { $0 + $1 } }
      return all
    }
    for id in tickets {
      let ticket = try #require(await store.ticket(id))
      let appended = ticket.events.dropFirst(ticket.events.count - (ticket.version - 1)).map(\.id.rawValue)
      #expect(appended.sorted() == (won[id.rawValue] ?? []).sorted())
      #expect(Set(appended).count == appended.count)
      #expect(ticket.version > 1)
    }
  }
}
