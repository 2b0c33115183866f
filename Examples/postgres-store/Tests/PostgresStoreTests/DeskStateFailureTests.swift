import Foundation
import HostingSupport
import Testing

@testable import PostgresStore

/// The desk state store under the same disturbances as the ticket store: a second session holds the log's head
/// row (so an append waits on it), `pg_terminate_backend` ends the store's session.
@Suite("Desk state store: lost connections and timeouts")
struct DeskStateFailureTests {
  /// A store with one connection, named so that its session can be found in `pg_stat_activity`, and a session
  /// in its schema that holds the head row (the admin session, which looks at `pg_stat_activity`, must not be in
  /// a transaction: statistics are read once per transaction).
  private func isolatedStore(statementTimeout: Duration? = .seconds(60)) async throws -> (
    store: PostgresDeskStateStore, name: String, admin: PostgresConnection, holder: PostgresConnection
  ) {
    let name = "desk-victim-\(UUID().uuidString.prefix(8))"
    let store = try await PostgresDeskStateStore.open(
      TestDatabase.configuration(
        schema: TestDatabase.freshSchema("deskfailure"), maximumConnections: 1, statementTimeout: statementTimeout,
        applicationName: name))
    let schema = store.configuration.schema
    return (store, name, try TestDatabase.adminConnection(), try TestDatabase.adminConnection(schema: schema))
  }

  /// Opens a transaction in the holder session that locks the log's head row (appends wait on it), or ends it.
  private func holdHead(_ hold: Bool, holder: PostgresConnection) async throws {
    try await holder.run { connection in
      if hold {
        try connection.execute(PostgresStatement("BEGIN"))
        try connection.execute(PostgresStatement("SELECT last_position FROM desk_log_head FOR UPDATE"))
      } else {
        try connection.execute(PostgresStatement("ROLLBACK"))
      }
    }
  }

  /// Waits until the session named `name` waits on a lock, ends it, and returns its process id.
  private func terminateSessionWaitingOnLock(named name: String, admin: PostgresConnection) async throws -> [Int] {
    var waiting: [Int] = []
    try await TestDatabase.waitUntil("the store's session waits on the head row") {
      waiting = try await TestDatabase.backends(named: name, waitingOnLock: true, admin: admin)
      return waiting.count == 1
    }
    let pid = Int32(waiting[0])
    let terminated = try await admin.run { connection in
      try connection.execute(PostgresStatement("SELECT pg_terminate_backend($1)"), [.int32(pid)]).single().bool(0)
    }
    #expect(terminated)
    return waiting
  }

  private static let records = (0..<3).map {
    KeyedDeskStateRecord(
      key: "sent/k\($0)",
      record: DeskStateRecord(kind: "sent", instant: TimelineBuilder.start + Double($0), payload: "{\"n\":\($0)}"))
  }

  @Test("a connection lost while an append waits throws connectionLost, writes nothing, and the next call reconnects")
  func lostDuringAppend() async throws {
    let (store, name, admin, holder) = try await isolatedStore()
    try await holdHead(true, holder: holder)
    let appending = Task { try await store.appendUnique(Self.records) }
    let waiting = try await terminateSessionWaitingOnLock(named: name, admin: admin)
    let error = await thrownError(PostgresError.self) { _ = try await appending.value }
    #expect(error?.code == .connectionLost)
    #expect(error?.context["phase"] == nil, "the session broke before COMMIT, so the outcome is known")
    try await holdHead(false, holder: holder)

    #expect(try await store.records(after: nil).entries.isEmpty, "the lost append wrote something")
    let retried = try await store.appendUnique(Self.records)
    #expect(retried.alreadyStored.isEmpty, "a retry of the lost append is new, not a repeat")
    #expect(try await store.loadRecords() == Self.records.map(\.record))
    let sessions = try await TestDatabase.backends(named: name, admin: admin)
    #expect(sessions.count == 1 && sessions != waiting, "the store did not open a new session")
  }

  @Test("an append that waits past the statement timeout throws statementTimeout, writes nothing, keeps its session")
  func appendTimesOut() async throws {
    let (store, name, admin, holder) = try await isolatedStore(statementTimeout: .seconds(1))
    _ = try await store.records(after: nil)
    let before = try await TestDatabase.backends(named: name, admin: admin)
    try await holdHead(true, holder: holder)
    let started = ContinuousClock.now
    let error = await thrownError(PostgresError.self) { _ = try await store.appendUnique(Self.records) }
    let waited = ContinuousClock.now - started
    try await holdHead(false, holder: holder)
    #expect(error?.code == .statementTimeout)
    #expect(waited >= .seconds(1) && waited < .seconds(10))
    #expect(try await store.records(after: nil).entries.isEmpty)
    #expect(try await store.appendUnique(Self.records).alreadyStored.isEmpty)
    #expect(try await TestDatabase.backends(named: name, admin: admin) == before, "the session was replaced")
  }

  @Test("a desk whose state store lost its connection reports the error, and its next tick delivers what was due")
  func deskRecoversAfterLostConnection() async throws {
    let (store, name, admin, holder) = try await isolatedStore()
    let tickets = try await TestDatabase.openTicketStore("deskfailure_tickets")
    let transport = CountingTransport()
    var configuration = DeskConfiguration(hostName: "ExampleHost")
    configuration.instanceName = "desk-a"
    let opened = TimelineBuilder.start
    let desk = SupportDesk(
      store: tickets, classifier: LexiconSentimentClassifier(), transport: transport, stateStore: store,
      customers: [
        CustomerProfile(
          id: "cust-1", name: "Aroon Bakery", tier: .shared, monthlyRevenue: Money(minorUnits: 500, currency: "USD"),
          customerSince: opened - 86_400 * 400, servers: ["web01"])
      ],
      configuration: configuration, now: { opened })
    _ = try await desk.openTicket(
      for: "cust-1", subject: "Site down", body: "500 errors", priority: .critical, at: opened)
    // The first tick's write waits on the head row; its session is ended under it.
    try await holdHead(true, holder: holder)
    let ticking = Task { try await desk.tick(now: opened + 7_200) }
    _ = try await terminateSessionWaitingOnLock(named: name, admin: admin)
    let error = await thrownError(PostgresError.self) { _ = try await ticking.value }
    #expect(error?.code == .connectionLost)
    try await holdHead(false, holder: holder)
    #expect(await transport.keys.isEmpty, "nothing was sent before the tick's decisions were written")
    let report = try await desk.tick(now: opened + 7_260)
    #expect(!report.delivered.isEmpty && report.stillPending == 0)
    let keys = await transport.keys
    #expect(Set(keys).count == keys.count, "a key was sent twice")
  }
}

/// A transport that only remembers the keys it was given.
actor CountingTransport: NotificationTransport {
  private(set) var keys: [String] = []
  func send(_ notification: HostingSupport.OutboundMessage) async throws { keys.append(notification.idempotencyKey) }
}
