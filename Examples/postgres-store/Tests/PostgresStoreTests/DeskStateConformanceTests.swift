import HostingSupport
import HostingSupportTestKit
import PostgresStore
import Testing

@Suite("PostgresDeskStateStore keeps the desk state store contract, shared between desks")
struct DeskStateConformanceTests {
  static func openStore(schema: String) async throws -> PostgresDeskStateStore {
    try await PostgresDeskStateStore.open(TestDatabase.configuration(schema: schema))
  }

  @Test(
    "each check of the kit's desk state store conformance suite passes against PostgreSQL, unchanged",
    arguments: DeskStateStoreConformance.Check.allCases)
  func conformance(check: DeskStateStoreConformance.Check) async throws {
    let suite = DeskStateStoreConformance(
      makeStore: { try await Self.openStore(schema: TestDatabase.freshSchema("deskstate")) },
      reopen: { store in try await Self.openStore(schema: (store as! PostgresDeskStateStore).configuration.schema) },
      damage: { store in
        let admin = try TestDatabase.adminConnection(schema: (store as! PostgresDeskStateStore).configuration.schema)
        try await admin.run { connection in
          _ = try connection.execute(
            PostgresStatement(
              "UPDATE desk_log SET kind = 'not a kind!' WHERE position = (SELECT max(position) FROM desk_log)"))
        }
      })
    try await suite.run([check])
  }

  @Test(
    "each check of the shared-store conformance suite passes with two instances standing for two processes",
    arguments: SharedDeskStateStoreConformance.Check.allCases)
  func sharedConformance(check: SharedDeskStateStoreConformance.Check) async throws {
    let suite = SharedDeskStateStoreConformance(
      makeStore: { try await Self.openStore(schema: TestDatabase.freshSchema("shareddesk")) },
      openAnotherInstance: { store in
        try await Self.openStore(schema: (store as! PostgresDeskStateStore).configuration.schema)
      })
    try await suite.run([check])
  }
}
