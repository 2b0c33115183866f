import Foundation
import SupportTickets
import Testing

@testable import PostgresStore

@Suite("Partner-scoped access in PostgreSQL")
struct PartnerTests {
  private func partnerColumn(_ store: PostgresTicketStore) async throws -> [String: String?] {
    let admin = try TestDatabase.adminConnection(schema: store.configuration.schema)
    return try await admin.run { connection in
      try connection.execute(PostgresStatement("SELECT id, partner_id FROM tickets ORDER BY seq")).reduce(into: [:]) {
        $0[try $1.string(0)] = try $1.optionalString(1)
      }
    }
  }

  private func opening(_ ticket: TicketID, customer: CustomerID, reseller: PartnerID?) -> [TicketEvent] {
    let opening = TicketOpening(
      ticketID: ticket, customerID: customer, subject: "Mail bounce", body: "Bounces", resellerID: reseller)
    return [
      TicketEvent(id: "e0", instant: TimelineBuilder.start, author: .customer(customer), kind: .created(opening))
    ]
  }

  @Test("partner_id follows the ticket's reseller through create and moves")
  func partnerColumnFollowsReseller() async throws {
    let store = try await TestDatabase.openTicketStore("partners")
    _ = try await store.create(opening("P-1", customer: "cust-1", reseller: "acme"))
    _ = try await store.create(opening("P-2", customer: "cust-2", reseller: nil))
    #expect(try await partnerColumn(store) == ["P-1": "acme", "P-2": nil])
    _ = try await store.moveTickets(ofCustomer: "cust-1", toReseller: "globex", at: TimelineBuilder.start)
    _ = try await store.moveTickets(ofCustomer: "cust-2", toReseller: "acme", at: TimelineBuilder.start)
    #expect(try await partnerColumn(store) == ["P-1": "globex", "P-2": "acme"])
    #expect(try await store.allTickets(matching: TicketQuery(partnerID: "acme")).map(\.id) == ["P-2"])
    await store.close()
  }

  @Test("a schema from before partner scoping gets the column and its index, and keeps its tickets")
  func migrationAddsPartnerColumn() async throws {
    let old = try await TestDatabase.openTicketStore("partners-old")
    let schema = old.configuration.schema
    let kept = try await old.create(TimelineBuilder(ticket: "OLD-1").events)
    await old.close()
    // Roll the schema back to a step 1 without the column (and so without its index).
    let admin = try TestDatabase.adminConnection(schema: schema)
    _ = try await admin.run { connection in
      try connection.execute(PostgresStatement("ALTER TABLE tickets DROP COLUMN partner_id"))
      try connection.execute(
        PostgresStatement("DELETE FROM schema_version WHERE component = 'tickets' AND version > 1"))
    }
    let store = try await PostgresTicketStore.open(old.configuration)
    let catalog = try await admin.run { connection in
      (
        try connection.execute(
          PostgresStatement(
            """
            SELECT count(*) FROM information_schema.columns
            WHERE table_schema = $1 AND table_name = 'tickets' AND column_name = 'partner_id'
            """), [.text(schema)]
        ).single().int(0),
        try connection.execute(
          PostgresStatement(
            "SELECT count(*) FROM pg_indexes WHERE schemaname = $1 AND indexname = 'tickets_by_partner'"),
          [.text(schema)]
        ).single().int(0),
        try connection.execute(
          PostgresStatement("SELECT max(version) FROM schema_version WHERE component = 'tickets'")
        ).single().int(0)
      )
    }
    #expect(catalog.0 == 1 && catalog.1 == 1 && catalog.2 == TicketSchema.migrations.count)
    #expect(try await store.ticket("OLD-1") == kept)
    #expect(try await store.allTickets(matching: TicketQuery(partnerID: "acme")).isEmpty)
    _ = try await store.create(opening("NEW-1", customer: "cust-9", reseller: "acme"))
    #expect(try await store.allTickets(matching: TicketQuery(partnerID: "acme")).map(\.id) == ["NEW-1"])
    await store.close()
  }
}
