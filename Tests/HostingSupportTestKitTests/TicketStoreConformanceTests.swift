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

@Suite("Ticket store conformance suite")
struct TicketStoreConformanceTests {
  @Test("InMemoryTicketStore passes every check of the conformance suite")
  func inMemoryConforms() async throws {
    try await TicketStoreConformance { InMemoryTicketStore() }.run()
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
