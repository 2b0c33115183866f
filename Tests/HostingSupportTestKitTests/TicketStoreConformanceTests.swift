import Foundation
import HostingSupportTestKit
import SupportTickets
import Testing

/// A store that breaks the contract on purpose: it skips redaction, ignores the expected version and
/// forgets the customer scope of queries. The suite must catch all three.
private actor CarelessStore: TicketStore {
  private let backing = InMemoryTicketStore(redactor: .disabled)

  func create(_ timeline: [TicketEvent]) async throws -> Ticket { try await backing.create(timeline) }

  func append(_ events: [TicketEvent], to ticketID: TicketID, expectedVersion: Int) async throws -> Ticket {
    let current = await backing.ticket(ticketID)?.version ?? expectedVersion
    return try await backing.append(events, to: ticketID, expectedVersion: current)
  }

  func ticket(_ id: TicketID) async throws -> Ticket? { await backing.ticket(id) }

  func query(_ query: TicketQuery) async throws -> TicketPage {
    var unscoped = query
    unscoped.customerID = nil
    return try await backing.query(unscoped)
  }
}

/// A store kept at a shared location that, when reopened, loads its tickets sorted by id rather than in
/// creation order: the bug of a database store whose load forgot `ORDER BY` the creation sequence.
private actor UnorderedLocation {
  private var store = InMemoryTicketStore()

  func open() async throws -> InMemoryTicketStore {
    let tickets = try await store.allTickets()
    guard !tickets.isEmpty else { return store }
    let rebuilt = InMemoryTicketStore()
    for ticket in tickets.sorted(by: { $0.id.rawValue < $1.id.rawValue }) {
      _ = try await rebuilt.create(ticket.events)
    }
    store = rebuilt
    return rebuilt
  }
}

@Suite("Ticket store conformance suite")
struct TicketStoreConformanceTests {
  @Test(
    "InMemoryTicketStore passes every check of the conformance suite; it cannot be reopened, so that check is skipped")
  func inMemoryConforms() async throws {
    let checks = try await TicketStoreConformance { InMemoryTicketStore() }.run()
    #expect(checks == TicketStoreConformance.Check.allCases.filter { $0 != .reopening })
  }

  @Test("an in-memory store whose storage is shared by the instances that open it passes the reopening check")
  func sharedStorageReopens() async throws {
    let suite = TicketStoreConformance(factory: .reopenable(makeLocation: { InMemoryTicketStore() }, open: { $0 }))
    #expect(try await suite.run([.reopening]) == [.reopening])
  }

  @Test("a store that reopens empty fails the reopening check, and the failure says what is missing")
  func forgetfulStoreFailsReopening() async throws {
    let suite = TicketStoreConformance(factory: .reopenable(makeLocation: {}, open: { InMemoryTicketStore() }))
    let failure = await #expect(throws: ConformanceFailure.self) { try await suite.run() }
    #expect(failure?.failures.map(\.check) == [.reopening])
    #expect(failure?.description.contains("after reopening, the store lists 0 tickets") == true)
  }

  @Test("a store that loses the creation order when reopened fails the reopening check")
  func unorderedStoreFailsReopening() async throws {
    let suite = TicketStoreConformance(
      factory: .reopenable(makeLocation: { UnorderedLocation() }, open: { try await $0.open() }))
    let failure = await #expect(throws: ConformanceFailure.self) { try await suite.run([.reopening]) }
    #expect(failure?.failures.first?.message.contains("in this order") == true)
  }

  @Test("a factory that hands out a store holding tickets fails each check without running it")
  func nonEmptyStoreIsRefused() async throws {
    let suite = TicketStoreConformance {
      let store = InMemoryTicketStore()
      _ = try await store.create([Fixtures.opening("left-over")])
      return store
    }
    let failure = await #expect(throws: ConformanceFailure.self) { try await suite.run([.createAndFetch, .batches]) }
    #expect(failure?.failures.map(\.check) == [.createAndFetch, .batches])
    #expect(failure?.failures.allSatisfy { $0.message.contains("fresh, empty store") } == true)
  }

  @Test("a store that breaks the contract fails the checks it breaks, and the failure says which")
  func carelessStoreFails() async throws {
    let suite = TicketStoreConformance(concurrentWriters: 10) { CarelessStore() }
    let failure = await #expect(throws: ConformanceFailure.self) { try await suite.run() }
    let failed = Set(failure?.failures.map(\.check) ?? [])
    #expect(failed.isSuperset(of: [.versionConflict, .customerScoping, .redactionBeforeStorage]))
    #expect(!failed.contains(.createAndFetch))
    #expect(!failed.contains(.invalidCursor))
    #expect(failure?.description.contains("redactionBeforeStorage") == true)
  }

  @Test("a subset of checks can be run on its own")
  func subset() async throws {
    try await TicketStoreConformance { CarelessStore() }.run([.createAndFetch, .atomicAppend, .invalidCursor])
  }
}
