import Foundation
import SupportTickets
import Testing

@testable import PostgresStore

/// The store's connections are disturbed from a second session: an advisory lock makes a `create` wait
/// (it takes the schema's creation lock), `pg_terminate_backend` ends the store's session.
@Suite("Lost connections and timeouts")
struct ConnectionFailureTests {
  /// A store with one connection, named so that its session can be found in `pg_stat_activity`.
  private func isolatedStore(statementTimeout: Duration? = .seconds(60)) async throws -> (
    store: PostgresTicketStore, name: String, admin: PostgresConnection
  ) {
    let name = "victim-\(UUID().uuidString.prefix(8))"
    let store = try await TestDatabase.openTicketStore(
      "failure", maximumConnections: 1, statementTimeout: statementTimeout, applicationName: name)
    return (store, name, try TestDatabase.adminConnection(schema: store.configuration.schema))
  }

  /// Holds (or releases) the schema's ticket-creation lock from the admin session.
  private func creationLock(_ hold: Bool, schema: String, admin: PostgresConnection) async throws {
    _ = try await admin.run { connection in
      if hold {
        try connection.execute(
          PostgresStatement("SELECT pg_advisory_lock($1, hashtext($2))"),
          [.int32(AdvisoryLockKey.ticketCreation), .text(schema)])
      } else {
        try connection.execute(
          PostgresStatement("SELECT pg_advisory_unlock($1, hashtext($2))"),
          [.int32(AdvisoryLockKey.ticketCreation), .text(schema)])
      }
    }
  }

  private func terminate(_ pid: Int, admin: PostgresConnection) async throws {
    let terminated = try await admin.run { connection in
      try connection.execute(PostgresStatement("SELECT pg_terminate_backend($1)"), [.int32(Int32(pid))])
        .single().bool(0)
    }
    #expect(terminated)
  }

  @Test(
    "a connection lost in the middle of a create throws connectionLost, writes nothing, and the next call reconnects")
  func lostDuringWrite() async throws {
    let (store, name, admin) = try await isolatedStore()
    let schema = store.configuration.schema
    try await creationLock(true, schema: schema, admin: admin)
    let creating = Task { try await store.create(TimelineBuilder(ticket: "L-1").events) }
    var waiting: [Int] = []
    try await TestDatabase.waitUntil("the create waits on the lock") {
      waiting = try await TestDatabase.backends(named: name, waitingOnLock: true, admin: admin)
      return waiting.count == 1
    }
    try await terminate(waiting[0], admin: admin)
    let error = await storeError { _ = try await creating.value }
    #expect(error?.code == .connectionLost)
    #expect(error?.context["phase"] == nil, "the session broke before COMMIT, so the outcome is known")
    try await creationLock(false, schema: schema, admin: admin)

    #expect(try await store.ticket("L-1") == nil, "the lost create wrote something")
    #expect(try await rawTimeline(of: "L-1", schema: schema).rows == 0)
    let created = try await store.create(TimelineBuilder(ticket: "L-1").events)
    #expect(try await store.ticket("L-1") == created)
    let sessions = try await TestDatabase.backends(named: name, admin: admin)
    #expect(sessions.count == 1 && sessions != waiting, "the store did not open a new session")
  }

  @Test("a session the server closed while idle is replaced before the next call, which succeeds")
  func lostWhileIdle() async throws {
    let (store, name, admin) = try await isolatedStore()
    let created = try await store.create(TimelineBuilder(ticket: "I-1").events)
    let before = try await TestDatabase.backends(named: name, admin: admin)
    try #require(before.count == 1)
    try await terminate(before[0], admin: admin)
    // Gone from pg_stat_activity, and the process has exited (so its end of the socket is closed).
    try await TestDatabase.waitUntil("the session is gone") {
      try await TestDatabase.backends(named: name, admin: admin).isEmpty && kill(pid_t(before[0]), 0) == -1
    }
    #expect(try await store.ticket("I-1") == created)
    let after = try await TestDatabase.backends(named: name, admin: admin)
    #expect(after.count == 1 && after != before)
  }

  @Test("a statement that runs past the timeout throws timeout, writes nothing, and the session stays usable")
  func statementTimeout() async throws {
    let (store, name, admin) = try await isolatedStore(statementTimeout: .seconds(1))
    let schema = store.configuration.schema
    let before = try await TestDatabase.backends(named: name, admin: admin)
    try await creationLock(true, schema: schema, admin: admin)
    let started = ContinuousClock.now
    let error = await storeError { _ = try await store.create(TimelineBuilder(ticket: "T-1").events) }
    let waited = ContinuousClock.now - started
    try await creationLock(false, schema: schema, admin: admin)
    #expect(error?.code == .timeout)
    #expect(waited >= .seconds(1) && waited < .seconds(10))
    #expect(try await store.ticket("T-1") == nil)
    _ = try await store.create(TimelineBuilder(ticket: "T-1").events)
    #expect(try await TestDatabase.backends(named: name, admin: admin) == before, "the session was replaced")
  }

  @Test("a store that cannot reach its server throws unavailable")
  func unreachableServer() async throws {
    var configuration = try TestDatabase.configuration(schema: "unreachable")
    configuration.connection["host"] = "/nonexistent/postgres-socket-folder"
    let error = await storeError { _ = try await PostgresTicketStore.open(configuration) }
    #expect(error?.code == .unavailable)
  }

  @Test("a closed store refuses further calls with unavailable")
  func closedStore() async throws {
    let store = try await TestDatabase.openTicketStore("closed")
    await store.close()
    let error = await storeError { _ = try await store.ticket("X-1") }
    #expect(error?.code == .unavailable)
  }
}
