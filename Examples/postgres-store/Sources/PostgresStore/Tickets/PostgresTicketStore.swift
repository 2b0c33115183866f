import Foundation
import SupportTickets

/// A `TicketStore` in PostgreSQL: the same contract as the kit's file store, shared by every process that
/// opens the same schema.
///
/// ```swift
/// let store = try await PostgresTicketStore.open(
///   PostgresConfiguration(connection: ["host": "db.internal", "dbname": "billing", "user": "support"]))
/// let desk = SupportDesk(store: store, …)
/// ```
///
/// - **Redaction first.** Every text passes through the `SensitiveDataRedactor` on the caller's task,
///   before a connection is taken: a card number pasted into a ticket never reaches the server.
/// - **One transaction per call.** `append` locks the ticket's row (`FOR NO KEY UPDATE`), compares its
///   version with the expected one, folds the new events onto the stored timeline with the kit's rules,
///   and writes the events and the new summary; any refusal rolls everything back. Concurrent appends to
///   one ticket queue on the row lock, and exactly one of those with the same expected version wins.
/// - **Creation order is commit order.** Creating a ticket holds an advisory lock of the schema until
///   commit, so a ticket's creation sequence number (what cursors carry) is never smaller than that of a
///   ticket already visible. Paging, or polling "everything after my cursor", never misses a ticket
///   because a slower transaction committed a smaller number later.
/// - **Failures are typed.** `StoreError` with the kit's codes, plus ``StoreError/Code/unavailable``,
///   ``StoreError/Code/connectionLost``, ``StoreError/Code/timeout``, ``StoreError/Code/databaseFailure``,
///   ``StoreError/Code/corruptRecord`` and ``StoreError/Code/unstorableEvent``. A lost connection is
///   replaced on the next call.
/// - **Text search** is the kit's own matching (`TicketQuery.matches`, case- and diacritic-insensitive),
///   applied to the candidates the other filters select in SQL: exactly the in-memory store's results,
///   at the cost of reading those candidates.
public final class PostgresTicketStore: TicketStore, Sendable {
  /// Where the store's tables are and how it connects.
  public let configuration: PostgresConfiguration
  let redactor: SensitiveDataRedactor
  let pool: PostgresConnectionPool

  private init(configuration: PostgresConfiguration, redactor: SensitiveDataRedactor) {
    self.configuration = configuration
    self.redactor = redactor
    pool = PostgresConnectionPool(configuration: configuration)
  }

  /// Connects, creates the schema and brings its tables to the newest version (see `schema_version`).
  ///
  /// Safe to call from several processes at once: migrations run under an advisory lock, once.
  /// - Parameters:
  ///   - configuration: The database and the schema.
  ///   - redactor: Applied to every event before it is sent; `SensitiveDataRedactor.standard` by default
  ///     (the conformance suite expects it).
  /// - Returns: An open store.
  /// - Throws: ``PostgresError`` `invalidConfiguration`, or a `StoreError` when the database cannot be
  ///   reached or refuses the migration.
  public static func open(
    _ configuration: PostgresConfiguration, redactor: SensitiveDataRedactor = .standard
  ) async throws -> PostgresTicketStore {
    try configuration.validate()
    let store = PostgresTicketStore(configuration: configuration, redactor: redactor)
    try await store.storeErrors {
      try await store.pool.withConnection { connection in
        try await SchemaMigrator.migrate(
          TicketSchema.migrations, component: TicketSchema.component, schema: configuration.schema, on: connection)
      }
    }
    return store
  }

  /// Closes the store's connections; calls after this throw ``StoreError/Code/unavailable``.
  public func close() async {
    await pool.close()
  }

  /// Stores a new ticket. See `TicketStore.create(_:)`.
  /// - Complexity: One transaction of four statements, plus redaction and JSON encoding of the events.
  public func create(_ timeline: [TicketEvent]) async throws -> Ticket {
    let stored = try StoredEvents(timeline, ticketID: nil, redactor: redactor)
    let ticket = try Ticket(events: stored.events)
    let schema = configuration.schema
    try await storeErrors {
      try await pool.transaction { connection in
        try connection.execute(
          TicketStatements.lockCreation, [.int32(AdvisoryLockKey.ticketCreation), .text(schema)])
        let inserted = try connection.execute(TicketStatements.insertTicket, Self.rowValues(of: ticket))
        guard inserted.count == 1 else { throw StoreError.duplicateTicket(ticket.id) }
        try connection.execute(
          TicketStatements.insertEvents, [.text(ticket.id.rawValue)] + stored.columnValues(firstSequence: 1))
      }
    }
    return ticket
  }

  /// Appends events if the version matches. See `TicketStore.append(_:to:expectedVersion:)`.
  /// - Complexity: One transaction; reads the ticket's timeline (O(events of the ticket)) under its row lock.
  public func append(_ events: [TicketEvent], to ticketID: TicketID, expectedVersion: Int) async throws -> Ticket {
    let stored = try StoredEvents(events, ticketID: ticketID, redactor: redactor)
    return try await storeErrors {
      try await pool.transaction { connection in
        let locked = try connection.execute(TicketStatements.lockTicket, [.text(ticketID.rawValue)])
        guard let row = locked.first else { throw StoreError.ticketNotFound(ticketID) }
        let version = try row.int(0)
        guard version == expectedVersion else {
          throw StoreError.versionConflict(ticketID, expected: expectedVersion, actual: version)
        }
        let json = try connection.execute(TicketStatements.timeline, [.text(ticketID.rawValue)]).single()
        let current = try Self.decodeTicket(ticketID, version: version, timeline: try json.optionalString(0))
        var eventIDs = Set(current.events.map(\.id))
        for event in stored.events where !eventIDs.insert(event.id).inserted {
          throw StoreError.duplicateEvent(event.id, in: ticketID)
        }
        guard !stored.events.isEmpty else { return current }
        let updated = try current.applying(stored.events)
        try connection.execute(
          TicketStatements.insertEvents,
          [.text(ticketID.rawValue)] + stored.columnValues(firstSequence: current.version + 1))
        try connection.execute(TicketStatements.updateTicket, Self.summaryValues(of: updated))
        return updated
      }
    }
  }

  /// The ticket with that id. See `TicketStore.ticket(_:)`.
  /// - Complexity: One statement; O(events of the ticket) to decode.
  public func ticket(_ id: TicketID) async throws -> Ticket? {
    try await storeErrors {
      let row = try await pool.run { connection in
        try connection.execute(TicketStatements.ticket, [.text(id.rawValue)]).first
      }
      guard let row else { return nil }
      return try Self.decodeTicket(id, version: try row.int(0), timeline: try row.optionalString(1))
    }
  }

  /// Runs `body`, turning the client's `PostgresError`s into `StoreError`s (other errors pass unchanged).
  @discardableResult
  func storeErrors<Result>(_ body: () async throws -> Result) async throws -> Result {
    do {
      return try await body()
    } catch let error as PostgresError {
      throw StoreError.from(error)
    }
  }

  /// A timeline read from the database, folded and checked against the row's version.
  /// - Throws: ``StoreError/Code/corruptRecord`` when it does not decode or fold, or disagrees with `version`.
  static func decodeTicket(_ id: TicketID, version: Int, timeline: String?) throws -> Ticket {
    let ticket: Ticket
    do {
      let events = try JSONDecoder().decode([TicketEvent].self, from: Data((timeline ?? "[]").utf8))
      ticket = try Ticket(events: events)
    } catch {
      throw StoreError.corruptRecord(id, reason: "\(error)")
    }
    guard ticket.id == id, ticket.version == version else {
      throw StoreError.corruptRecord(
        id, reason: "the row says version \(version), the timeline has \(ticket.version) events of \(ticket.id)")
    }
    return ticket
  }

  /// `$1`…`$11` of ``TicketStatements/insertTicket``.
  private static func rowValues(of ticket: Ticket) -> [PostgresValue] {
    [
      .text(ticket.id.rawValue), .text(ticket.customerID.rawValue), .text(ticket.subject),
      .text(ticket.status.rawValue), .text(ticket.priority.rawValue), .text(ticket.department.rawValue),
      .text(ticket.assignee?.rawValue), .timestamp(ticket.createdAt), .timestamp(ticket.updatedAt),
      .int32(Int32(clamping: ticket.version)), .text(ticket.resellerID?.rawValue),
    ]
  }

  /// `$1`…`$9` of ``TicketStatements/updateTicket``.
  private static func summaryValues(of ticket: Ticket) -> [PostgresValue] {
    [
      .text(ticket.id.rawValue), .text(ticket.subject), .text(ticket.status.rawValue),
      .text(ticket.priority.rawValue), .text(ticket.department.rawValue), .text(ticket.assignee?.rawValue),
      .timestamp(ticket.updatedAt), .int32(Int32(clamping: ticket.version)), .text(ticket.resellerID?.rawValue),
    ]
  }
}
