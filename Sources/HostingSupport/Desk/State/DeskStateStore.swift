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
///
/// ## Sharing between desks
/// A store that several desk processes open at once (a database behind a load balancer) says so with
/// ``isShared`` and implements the requirements after it for real: ``records(after:)`` in commit order,
/// ``appendUnique(_:)`` with unique keys, ``replaceRecords(through:with:)``, ``claimDeliveries(_:for:at:until:)``,
/// ``acquireLease(_:for:at:until:)`` and ``releaseLease(_:for:)``, ``reserveTicketNumber()``. Each has a default
/// implementation that is right for a store one desk uses, so such stores implement only the three requirements
/// above; the desk does not call the others on them. `SharedDeskStateStoreConformance` in HostingSupportTestKit
/// checks a shared store; <doc:DeskConcurrency> describes what the desk does with it.
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

  // MARK: Sharing between desks
  // Defaults (in `DeskStateStore+Sharing.swift`) are right for a store that one desk writes at a time; a store
  // that several desk processes open at once implements them all. See <doc:DeskConcurrency>.

  /// Whether several desks (processes) may use this store at once (default `false`). A desk on a shared store
  /// re-reads the log before it decides, claims each delivery, takes the SLA scan lease and draws ticket
  /// numbers from the store.
  var isShared: Bool { get }

  /// The records committed after `position`, in commit order.
  ///
  /// With `position` `nil`, or a position that a compaction has since replaced, the answer is the whole log
  /// (``DeskStateLogRead/isWholeLog``): the reader starts over from an empty state.
  /// - Parameter position: The position of the last record the reader has seen, or `nil` for the whole log.
  /// - Returns: The records after it, each with its position.
  /// - Throws: As ``loadRecords()``.
  func records(after position: DeskStateLogPosition?) async throws -> DeskStateLogRead

  /// Appends records, all or none, skipping every record whose key is already stored (or repeated earlier in
  /// the call): a record's key makes its append idempotent across desks.
  /// - Parameter records: The records, in order; records without a key are always appended.
  /// - Returns: The keys that were already stored, so their records were not appended.
  /// - Throws: As ``append(_:)``.
  func appendUnique(_ records: [KeyedDeskStateRecord]) async throws -> DeskStateAppendResult

  /// Replaces the records at or before `position` with `records`, atomically, keeping every record committed
  /// after `position` (compaction by a desk that has seen the log up to `position`).
  /// - Parameters:
  ///   - position: The last position the compacting desk has read.
  ///   - records: What replaces the records up to `position`, in order; their keys stay unique.
  /// - Returns: `false`, and nothing changed, when another desk compacted past `position` meanwhile.
  /// - Throws: As ``replaceRecords(with:)``.
  func replaceRecords(through position: DeskStateLogPosition, with records: [KeyedDeskStateRecord]) async throws
    -> Bool

  /// Claims the delivery of messages for `owner` until `leaseEnd`: a key is claimed when nobody holds it, when
  /// `owner` holds it, or when its last claim's lease ended at or before `instant`.
  /// - Parameters:
  ///   - keys: Idempotency keys of queued messages.
  ///   - owner: The claiming desk (``DeskConfiguration/instanceName``).
  ///   - instant: The desk's present.
  ///   - leaseEnd: When the claim lapses if the desk never marks the message sent.
  /// - Returns: The keys `owner` now holds.
  func claimDeliveries(_ keys: [String], for owner: String, at instant: Date, until leaseEnd: Date) async throws
    -> Set<String>

  /// Takes the named lease (a try-lock) for `owner` until `leaseEnd`, unless another owner holds it past `instant`.
  /// - Parameters:
  ///   - name: The lease (``DeskStateLease/slaScan``).
  ///   - owner: The desk taking it.
  ///   - instant: The desk's present.
  ///   - leaseEnd: When it lapses unless released.
  /// - Returns: Whether `owner` holds it now.
  func acquireLease(_ name: DeskStateLease, for owner: String, at instant: Date, until leaseEnd: Date) async throws
    -> Bool

  /// Releases a lease `owner` holds (nothing happens when it does not hold it).
  /// - Parameters:
  ///   - name: The lease.
  ///   - owner: The desk releasing it.
  func releaseLease(_ name: DeskStateLease, for owner: String) async throws

  /// The next ticket number from a counter all desks share (a database sequence), or `nil` when the store keeps
  /// none and the desk numbers tickets itself.
  func reserveTicketNumber() async throws -> Int?
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
