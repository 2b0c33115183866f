import Foundation
import SupportTickets
import Testing

@testable import PostgresStore

/// The server the tests use: the throwaway one `run-tests.sh` starts, found through libpq's variables
/// (`PGHOST`, `PGPORT`, `PGUSER`, `PGDATABASE`). Every test works in schemas of its own, so tests run in
/// parallel without seeing each other's tickets.
enum TestDatabase {
  /// A schema name no other test uses: `prefix_` and 12 random hexadecimal digits.
  static func freshSchema(_ prefix: String) -> String {
    "\(prefix)_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased())"
  }

  /// A configuration for `schema`.
  /// - Throws: When no server is configured (the tests are meant to run through `run-tests.sh`).
  static func configuration(
    schema: String, maximumConnections: Int = 4, statementTimeout: Duration? = .seconds(60),
    applicationName: String = "postgres-store-tests"
  ) throws -> PostgresConfiguration {
    guard ProcessInfo.processInfo.environment["PGHOST"] != nil else {
      throw MissingServer()
    }
    return PostgresConfiguration(
      schema: schema, maximumConnections: maximumConnections, statementTimeout: statementTimeout,
      applicationName: applicationName)
  }

  /// A new store in a new, empty schema.
  static func openTicketStore(
    _ prefix: String = "tickets", maximumConnections: Int = 4, statementTimeout: Duration? = .seconds(60),
    applicationName: String = "postgres-store-tests"
  ) async throws -> PostgresTicketStore {
    try await PostgresTicketStore.open(
      configuration(
        schema: freshSchema(prefix), maximumConnections: maximumConnections, statementTimeout: statementTimeout,
        applicationName: applicationName))
  }

  /// Stores on one schema, each with a pool of its own, standing for separate processes.
  static func openTicketStores(_ count: Int, schema: String) async throws -> [PostgresTicketStore] {
    var stores: [PostgresTicketStore] = []
    for _ in 0..<count { stores.append(try await PostgresTicketStore.open(configuration(schema: schema))) }
    return stores
  }

  /// A plain connection working in `schema`, for looking at raw tables and for disturbing the store.
  static func adminConnection(schema: String = "public") throws -> PostgresConnection {
    PostgresConnection(configuration: try configuration(schema: schema, applicationName: "postgres-store-admin"))
  }

  /// Backend process ids of the sessions named `applicationName`, optionally only those waiting on a lock.
  static func backends(named applicationName: String, waitingOnLock: Bool = false, admin: PostgresConnection)
    async throws -> [Int]
  {
    try await admin.run { connection in
      try connection.execute(
        PostgresStatement(
          """
          SELECT pid FROM pg_stat_activity
          WHERE application_name = $1 AND (NOT $2 OR wait_event_type = 'Lock')
          ORDER BY pid
          """),
        [.text(applicationName), .bool(waitingOnLock)]
      ).map { try $0.int(0) }
    }
  }

  /// Waits (up to 10 s) until `condition` holds, checking every 20 ms.
  static func waitUntil(_ what: String, _ condition: () async throws -> Bool) async throws {
    for _ in 0..<500 {
      if try await condition() { return }
      try await Task.sleep(for: .milliseconds(20))
    }
    Issue.record("timed out waiting until \(what)")
    throw TimedOut()
  }

  struct MissingServer: Error, CustomStringConvertible {
    var description: String {
      "no PostgreSQL server: run these tests with Examples/postgres-store/run-tests.sh, or set PGHOST (and "
        + "PGPORT, PGUSER, PGDATABASE) to a server where the user may create schemas"
    }
  }

  struct TimedOut: Error {}
}

/// Builds valid timelines with one-minute steps, as the conformance suite does.
struct TimelineBuilder {
  private(set) var events: [TicketEvent]
  private var instant: Date
  let customer: CustomerID

  static let start = Date(timeIntervalSince1970: 1_795_428_000)

  init(
    ticket: TicketID, customer: CustomerID = "cust-1", offset: TimeInterval = 0, subject: String = "Mail bounce",
    body: String = "Mail to my domain bounces."
  ) {
    self.customer = customer
    instant = Self.start.addingTimeInterval(offset)
    let opening = TicketOpening(ticketID: ticket, customerID: customer, subject: subject, body: body)
    events = [TicketEvent(id: "e0", instant: instant, author: .customer(customer), kind: .created(opening))]
  }

  /// The next event (not added), by an agent unless it is a customer reply.
  mutating func next(_ kind: TicketEvent.Kind, id: EventID? = nil) -> TicketEvent {
    instant.addTimeInterval(60)
    var author: TicketAuthor = .agent("ana")
    if case .customerReply = kind { author = .customer(customer) }
    return TicketEvent(id: id ?? EventID("e\(events.count)"), instant: instant, author: author, kind: kind)
  }

  /// Adds the next event to the timeline.
  @discardableResult
  mutating func add(_ kind: TicketEvent.Kind) -> TicketEvent {
    let event = next(kind)
    events.append(event)
    return event
  }
}

/// Runs `body` and returns the `StoreError` it throws; records an issue when it throws nothing or another error.
@discardableResult
func storeError(_ body: () async throws -> Void) async -> StoreError? {
  await thrownError(StoreError.self, body)
}

/// Runs `body` and returns the error of type `Thrown` it throws; records an issue when it throws nothing or another
/// error.
@discardableResult
func thrownError<Thrown: Error>(_ type: Thrown.Type, _ body: () async throws -> Void) async -> Thrown? {
  do {
    try await body()
    Issue.record("expected a \(Thrown.self), but the call succeeded")
  } catch let error as Thrown {
    return error
  } catch {
    Issue.record("expected a \(Thrown.self), got \(error)")
  }
  return nil
}

/// What `body` returned or threw.
func outcome<Value>(_ body: () async throws -> Value) async -> Result<Value, any Error> {
  do { return .success(try await body()) } catch { return .failure(error) }
}
