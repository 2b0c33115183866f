import Foundation
import HostingSupport

/// A `DeskStateStore` in PostgreSQL that several desk processes share (`isShared`): the log of every desk's
/// state records, delivery claims, the SLA scan lease and the ticket counter, in one schema.
///
/// ```swift
/// let configuration = PostgresConfiguration(connection: ["host": "db.internal", "dbname": "billing"])
/// let desk = SupportDesk(
///   store: try await PostgresTicketStore.open(configuration),
///   stateStore: try await PostgresDeskStateStore.open(configuration), …)
/// ```
///
/// - **A log in commit order.** Each append locks the log's one head row, gives its records the next
///   positions and commits; so a reader that has seen position *p* has seen every record committed before it,
///   and `records(after:)` misses nothing. Records are stored as given: kind, instant (to the millisecond) and
///   payload (`text`, character for character).
/// - **Keys are unique.** A record whose key is stored is skipped (`ON CONFLICT DO NOTHING`), and the append
///   says so: two desks that raise the same alert store it once.
/// - **Claims and leases are rows with an owner and an end**, taken by one `INSERT … ON CONFLICT DO UPDATE …
///   WHERE` that succeeds only when the row is free, the owner's own, or lapsed. Nothing holds a transaction
///   open while a desk sends a message.
/// - **Compaction through a position** deletes the records up to it and writes the compacted ones at positions
///   up to it, under the head's lock; readers behind it get the whole log on their next read.
/// - **Damage is refused.** A row whose kind is not a valid kind name loads as `HostingSupportError`
///   `corruptState` naming the row's position; a connection problem is a ``PostgresError``.
public final class PostgresDeskStateStore: DeskStateStore, Sendable {
  /// Where the tables are and how the store connects.
  public let configuration: PostgresConfiguration
  let pool: PostgresConnectionPool

  private init(configuration: PostgresConfiguration) {
    self.configuration = configuration
    pool = PostgresConnectionPool(configuration: configuration)
  }

  /// Connects, creates the schema if needed and applies the desk state migrations it lacks (safe from several
  /// processes at once).
  /// - Parameter configuration: The database and the schema (the ticket store's, typically).
  /// - Returns: An open store.
  /// - Throws: ``PostgresError``.
  public static func open(_ configuration: PostgresConfiguration) async throws -> PostgresDeskStateStore {
    try configuration.validate()
    let store = PostgresDeskStateStore(configuration: configuration)
    _ = try await store.pool.withConnection { connection in
      try await SchemaMigrator.migrate(
        DeskStateSchema.migrations, component: DeskStateSchema.component, schema: configuration.schema,
        on: connection)
    }
    return store
  }

  /// Closes the store's connections.
  public func close() async { await pool.close() }

  /// `true`: desk processes share it.
  public var isShared: Bool { true }

  // MARK: Reading

  /// Every record, in commit order.
  /// - Throws: `HostingSupportError` `corruptState` for a row that does not read; ``PostgresError``.
  /// - Complexity: One statement reading the whole log.
  public func loadRecords() async throws -> [DeskStateRecord] {
    try await records(after: nil).records
  }

  /// The records after `position` (the whole log for `nil`, or when a compaction went past it), read in one
  /// snapshot with the log's head.
  /// - Complexity: One transaction of two statements, reading only the records after the position.
  public func records(after position: DeskStateLogPosition?) async throws -> DeskStateLogRead {
    let schema = configuration.schema
    return try await pool.transaction { connection in
      try connection.execute(DeskStateStatements.repeatableRead)
      let head = try connection.execute(DeskStateStatements.head).single()
      let compactedThrough = try head.optionalInt(1)
      var after: Int64?
      if let position, compactedThrough.map({ position.rawValue >= Int64($0) }) ?? true {
        after = position.rawValue
      }
      let rows = try connection.execute(DeskStateStatements.recordsAfter, [.int64(after ?? Int64.min)])
      let entries = try rows.map { try Self.entry($0, schema: schema) }
      return DeskStateLogRead(
        entries: entries, isWholeLog: after == nil, position: entries.last?.position ?? (after == nil ? nil : position))
    }
  }

  private static func entry(_ row: PostgresRow, schema: String) throws -> DeskStateLogEntry {
    let position = try row.int(0)
    let kind = try row.string(1)
    guard DeskStateRecord.Kind.isValidName(kind) else {
      throw HostingSupportError.corruptState(
        path: "postgres:\(schema).desk_log", line: position,
        reason: "the row at position \(position) has kind '\(kind.prefix(40))', which is not a record kind")
    }
    let instant = Date(timeIntervalSince1970: Double(try row.int(2)) / 1000)
    return DeskStateLogEntry(
      position: DeskStateLogPosition(rawValue: Int64(position)),
      record: DeskStateRecord(kind: DeskStateRecord.Kind(rawValue: kind), instant: instant, payload: try row.string(3)))
  }

  // MARK: Writing

  /// Appends records without keys. See `DeskStateStore.append(_:)`.
  public func append(_ records: [DeskStateRecord]) async throws {
    _ = try await appendUnique(records.map { KeyedDeskStateRecord(key: nil, record: $0) })
  }

  /// Appends the records whose keys are not stored yet, all in one transaction.
  /// - Complexity: One transaction of three statements, whatever the number of records.
  public func appendUnique(_ records: [KeyedDeskStateRecord]) async throws -> DeskStateAppendResult {
    let (unique, repeated) = Self.firstOfEachKey(records)
    guard !unique.isEmpty else { return DeskStateAppendResult(alreadyStored: repeated) }
    let columns = Self.columns(unique)
    let stored = try await pool.transaction { connection in
      let last = try connection.execute(DeskStateStatements.lockHead).single().int(0)
      let keys = try connection.execute(DeskStateStatements.insertRecords, [.int64(Int64(last))] + columns)
        .map { try $0.optionalString(0) }
      try connection.execute(DeskStateStatements.advanceHead, [.int64(Int64(last + unique.count))])
      return Set(keys.compactMap { $0 })
    }
    let skipped = Set(unique.compactMap(\.key)).subtracting(stored)
    return DeskStateAppendResult(alreadyStored: repeated.union(skipped))
  }

  /// Replaces every record. See `DeskStateStore.replaceRecords(with:)`.
  public func replaceRecords(with records: [DeskStateRecord]) async throws {
    _ = try await replace(through: nil, with: records.map { KeyedDeskStateRecord(key: nil, record: $0) })
  }

  /// Replaces the records up to `position`, keeping what was committed after it.
  /// - Complexity: One transaction: deletes the replaced records, inserts the new ones.
  public func replaceRecords(through position: DeskStateLogPosition, with records: [KeyedDeskStateRecord])
    async throws -> Bool
  {
    try await replace(through: position.rawValue, with: records)
  }

  private func replace(through position: Int64?, with records: [KeyedDeskStateRecord]) async throws -> Bool {
    let (unique, _) = Self.firstOfEachKey(records)
    let columns = Self.columns(unique)
    return try await pool.transaction { connection in
      let head = try connection.execute(DeskStateStatements.lockHead).single()
      let last = Int64(try head.int(0))
      let through = min(position ?? last, last)
      if let compacted = try head.optionalInt(1), through < Int64(compacted) { return false }
      try connection.execute(DeskStateStatements.deleteThrough, [.int64(through)])
      // The new records take the positions just up to `through`, in order.
      try connection.execute(
        DeskStateStatements.insertRecords, [.int64(through - Int64(unique.count))] + columns)
      try connection.execute(DeskStateStatements.markCompacted, [.int64(through)])
      return true
    }
  }

  /// The records with the first of each key (and every record without one), and the keys repeated.
  private static func firstOfEachKey(_ records: [KeyedDeskStateRecord]) -> ([KeyedDeskStateRecord], Set<String>) {
    var seen: Set<String> = []
    var repeated: Set<String> = []
    let unique = records.filter { record in
      guard let key = record.key else { return true }
      if seen.insert(key).inserted { return true }
      repeated.insert(key)
      return false
    }
    return (unique, repeated)
  }

  /// `$2`…`$5` of ``DeskStateStatements/insertRecords``.
  private static func columns(_ records: [KeyedDeskStateRecord]) -> [PostgresValue] {
    [
      .textArray(records.map(\.key)), .textArray(records.map { $0.record.kind.rawValue }),
      .timestampArray(records.map(\.record.instant)), .textArray(records.map(\.record.payload)),
    ]
  }

  // MARK: Coordination

  /// Claims the keys nobody else holds (one statement).
  public func claimDeliveries(_ keys: [String], for owner: String, at instant: Date, until leaseEnd: Date)
    async throws -> Set<String>
  {
    guard !keys.isEmpty else { return [] }
    let sorted = Set(keys).sorted()
    let claimed = try await pool.run { connection in
      try connection.execute(
        DeskStateStatements.claim, [.textArray(sorted), .text(owner), .timestamp(instant), .timestamp(leaseEnd)]
      ).map { try $0.string(0) }
    }
    return Set(claimed)
  }

  /// Takes the named lease unless another owner holds it (one statement).
  public func acquireLease(_ name: DeskStateLease, for owner: String, at instant: Date, until leaseEnd: Date)
    async throws -> Bool
  {
    try await pool.run { connection in
      try connection.execute(
        DeskStateStatements.acquireLease,
        [.text(name.rawValue), .text(owner), .timestamp(instant), .timestamp(leaseEnd)]
      ).count == 1
    }
  }

  /// Ends the lease if `owner` holds it.
  public func releaseLease(_ name: DeskStateLease, for owner: String) async throws {
    try await pool.run { connection in
      _ = try connection.execute(DeskStateStatements.releaseLease, [.text(name.rawValue), .text(owner)])
    }
  }

  /// The next value of the `desk_ticket_numbers` sequence.
  public func reserveTicketNumber() async throws -> Int? {
    try await pool.run { connection in
      try connection.execute(DeskStateStatements.nextTicketNumber).single().int(0)
    }
  }
}
