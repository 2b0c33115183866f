import Foundation
import SupportTickets
import Testing

@testable import PostgresStore

@Suite("Schema migrations")
struct MigrationTests {
  private func versions(schema: String) async throws -> [Int] {
    let admin = try TestDatabase.adminConnection(schema: schema)
    return try await admin.run { connection in
      try connection.execute(
        PostgresStatement("SELECT version FROM schema_version WHERE component = 'tickets' ORDER BY version")
      ).map { try $0.int(0) }
    }
  }

  @Test("ten processes opening one new schema at once all succeed, and each step is applied once")
  func concurrentOpeners() async throws {
    let schema = TestDatabase.freshSchema("migrate")
    let configuration = try TestDatabase.configuration(schema: schema, maximumConnections: 1)
    let opened = try await withThrowingTaskGroup(of: PostgresTicketStore.self) { group in
      for _ in 0..<10 { group.addTask { try await PostgresTicketStore.open(configuration) } }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    #expect(opened.count == 10)
    #expect(try await versions(schema: schema) == TicketSchema.migrations.map(\.version))
    _ = try await opened[3].create(TimelineBuilder(ticket: "M-1").events)
    #expect(try await opened[7].ticket("M-1")?.version == 1)
  }

  @Test("reopening a migrated schema changes nothing and keeps its tickets")
  func reopening() async throws {
    let first = try await TestDatabase.openTicketStore("reopen")
    let created = try await first.create(TimelineBuilder(ticket: "K-1").events)
    await first.close()
    let second = try await PostgresTicketStore.open(first.configuration)
    #expect(try await second.ticket("K-1") == created)
    #expect(try await versions(schema: first.configuration.schema) == TicketSchema.migrations.map(\.version))
  }

  @Test("a schema that a newer release migrated is refused and left untouched")
  func newerSchema() async throws {
    let store = try await TestDatabase.openTicketStore("newer")
    let schema = store.configuration.schema
    let admin = try TestDatabase.adminConnection(schema: schema)
    _ = try await admin.run { connection in
      try connection.execute(
        PostgresStatement("INSERT INTO schema_version (component, version, description) VALUES ('tickets', 99, 'x')"))
    }
    let error = await storeError { _ = try await PostgresTicketStore.open(store.configuration) }
    #expect(error?.code == .databaseFailure)
    #expect(error?.message.contains("newer than this build knows") == true)
    #expect(try await versions(schema: schema) == TicketSchema.migrations.map(\.version) + [99])
  }

  @Test("a schema name with quotes, spaces and SQL in it is quoted by the server, never run")
  func awkwardSchemaName() async throws {
    let schema = "odd \"name\"; DROP SCHEMA public; \(UUID().uuidString.prefix(6))"
    let store = try await PostgresTicketStore.open(TestDatabase.configuration(schema: schema))
    let created = try await store.create(TimelineBuilder(ticket: "Q-1").events)
    #expect(try await store.ticket("Q-1") == created)
    let admin = try TestDatabase.adminConnection()
    let schemas = try await admin.run { connection in
      try connection.execute(
        PostgresStatement("SELECT count(*) FROM pg_namespace WHERE nspname = ANY ($1)"),
        [.textArray([schema, "public"])]
      ).single().int(0)
    }
    #expect(schemas == 2)
  }

  @Test(
    "a configuration that cannot work is refused before connecting",
    arguments: [
      PostgresConfiguration(schema: ""),
      PostgresConfiguration(schema: String(repeating: "s", count: 64)),
      PostgresConfiguration(schema: "nul\u{0}byte"),
      PostgresConfiguration(maximumConnections: 0),
      PostgresConfiguration(statementTimeout: .zero),
      PostgresConfiguration(connection: ["host": "a\u{0}b"]),
    ])
  func invalidConfiguration(configuration: PostgresConfiguration) async throws {
    do {
      _ = try await PostgresTicketStore.open(configuration)
      Issue.record("opened with an invalid configuration")
    } catch let error as PostgresError {
      #expect(error.code == .invalidConfiguration)
    }
  }
}
