import Foundation

/// Where a ``SupportDesk`` keeps its own state between runs: an append-only log of ``DeskStateRecord``s
/// (sent marks, the queue of undelivered messages, feedback acted on, SLA breaches, maintenance windows),
/// compacted now and then into the few records that still matter.
///
/// Shipped: ``InMemoryDeskStateStore`` and ``FileDeskStateStore``. A host can put the log in its own database
/// (a table of `sequence`, `kind`, `instant` and `payload`) and check it with `DeskStateStoreConformance` from
/// HostingSupportTestKit.
///
/// ## Contract
/// - **Fresh store.** A store that was never written loads as no records, without an error: that is a first start.
/// - **Append.** ``append(_:)`` stores all of its records or none of them, and returns only once they are as
///   durable as the store promises (a database: committed; a file: written and fsynced). If it throws, the
///   caller assumes nothing was stored and may append the same records again.
/// - **Order.** ``loadRecords()`` returns the records in the order they were appended: the records of one call
///   in their order, and every record of a call that returned before another call began before that call's.
///   Calls that overlap may interleave.
/// - **Concurrency.** Every method may be called from many tasks at once; concurrent appends all land.
///   `SupportDesk` itself writes from one task at a time and never compacts while appending.
/// - **Compaction.** ``replaceRecords(with:)`` replaces everything stored with the given records, atomically: a
///   load afterwards returns exactly those records followed by whatever was appended since; a crash during the
///   call leaves either the old records or the new ones, never a mix and never nothing.
/// - **Records are opaque.** A store keeps each record's ``DeskStateRecord/kind``, ``DeskStateRecord/instant``
///   (to the millisecond) and ``DeskStateRecord/payload`` exactly as given, kinds it does not know included.
/// - **Damage is an error, never "empty".** When stored records exist but cannot all be read back (a damaged
///   file, a row that does not decode), ``loadRecords()`` throws ``HostingSupportError`` with code
///   `corruptState` naming what and where, and returns nothing. Reading state as empty would make the desk send
///   its whole history again and forget its maintenance windows. The only damage a store may silently drop is an
///   append that a crash interrupted before it returned (a torn final write), since it was never acknowledged.
/// - **Errors.** Throw ``HostingSupportError`` `corruptState` for damage and `ioFailure` for storage that cannot
///   be reached or written (or the host's own error type); the desk reports both to its caller, and refuses to
///   run on `corruptState`.
public protocol DeskStateStore: Sendable {
  /// Every record stored, oldest first.
  /// - Returns: The records; none for a store that was never written.
  /// - Throws: ``HostingSupportError`` `corruptState` when stored records cannot all be read, or `ioFailure`.
  func loadRecords() async throws -> [DeskStateRecord]

  /// Appends records, all or none, durably.
  /// - Parameter records: The records, in order.
  /// - Throws: ``HostingSupportError`` `ioFailure` (or the host's own error) when nothing was stored.
  func append(_ records: [DeskStateRecord]) async throws

  /// Replaces every stored record with `records`, atomically (compaction).
  /// - Parameter records: What remains, in order.
  /// - Throws: ``HostingSupportError`` `ioFailure` (or the host's own error) when the old records remain.
  func replaceRecords(with records: [DeskStateRecord]) async throws
}

/// Keeps the desk's state log in memory: for tests and for hosts that persist nothing.
public actor InMemoryDeskStateStore: DeskStateStore {
  /// Every record stored, oldest first.
  public private(set) var records: [DeskStateRecord] = []

  /// An empty store.
  public init() {}

  /// Every record stored, oldest first.
  public func loadRecords() -> [DeskStateRecord] { records }

  /// Appends the records.
  /// - Parameter records: The records.
  public func append(_ records: [DeskStateRecord]) { self.records += records }

  /// Replaces every record.
  /// - Parameter records: What remains.
  public func replaceRecords(with records: [DeskStateRecord]) { self.records = records }
}
