import HostingSupportTestKit
import PostgresStore
import SupportTickets
import Testing

@Suite("PostgresTicketStore keeps the TicketStore contract")
struct ConformanceTests {
  @Test(
    "each check of the kit's conformance suite passes against PostgreSQL, on a fresh schema",
    arguments: TicketStoreConformance.Check.allCases)
  func conformance(check: TicketStoreConformance.Check) async throws {
    let suite = TicketStoreConformance { try await TestDatabase.openTicketStore("conformance") }
    try await suite.run([check])
  }
}
