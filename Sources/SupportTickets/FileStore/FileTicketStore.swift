import Foundation

/// A durable ``TicketStore`` in a directory: an append-only, checksummed journal with snapshots.
///
/// ```swift
/// let store = try FileTicketStore(directory: URL(fileURLWithPath: "/var/lib/desk/tickets"))
/// let ticket = try await store.create(opening: opening)   // on disk when this returns
/// ```
///
/// Every `create` and `append` becomes one journal record (length, checksums, the redacted events), written
/// and synced before the call returns — or, with ``Durability/batched(maxDelay:)``, synced together with
/// the records of concurrent callers. Opening the directory replays the newest snapshot and the journal
/// after it, truncates a torn last record (a crash during an unacknowledged write), and refuses damage
/// anywhere else with ``StoreError`` `corruptJournal`. An advisory lock keeps a second process out
/// (``StoreError`` `locked`). See <doc:FileStoreFormat> for the file format and the durability promises.
public actor FileTicketStore: TicketStore {
  /// When a write is acknowledged.
  public enum Durability: Hashable, Sendable {
    /// Each `create`/`append` returns only after its record is synced to stable storage. The default.
    case fsyncEachWrite
    /// Group commit: concurrent writes share one sync, and each returns once its batch is synced. A batch
    /// is synced as soon as no other sync is running and as many writes are waiting as joined the previous
    /// batch, and at the latest `maxDelay` after its first write.
    case batched(maxDelay: Duration)
  }

  /// Whether a store may write.
  public enum Access: Hashable, Sendable {
    /// Takes the directory's exclusive lock for as long as the store is open, cuts a torn tail, records
    /// the manifest and accepts writes. The default.
    case readWrite
    /// Takes a shared lock only while loading, never creates, modifies or removes anything (works on a
    /// read-only file system), and refuses writes with ``StoreError`` `readOnly`. The store then holds
    /// the state as it was when opened.
    case readOnly
  }

  /// The store's directory.
  public nonisolated let directory: URL
  /// When writes are acknowledged.
  public nonisolated let durability: Durability
  /// The journal size (bytes since the last snapshot) that triggers an automatic compaction.
  public nonisolated let compactionThreshold: Int
  /// Whether the store may write.
  public nonisolated let access: Access

  /// Journal bytes appended after which the manifest's committed length is brought up to date (4 MiB).
  let manifestInterval: Int

  let redactor: SensitiveDataRedactor
  let path: String
  let fileSystem: any StoreFileSystem
  var table: TicketTable
  /// The directory lock (exclusive) of a read-write store; `nil` once closed, and for read-only stores.
  var lock: (any StoreDirectoryLock)?
  /// The segment being appended to; `nil` for read-only stores.
  var segment: (any StoreFileHandle)?
  var segmentFirstSequence: UInt64
  var segmentLength: Int
  /// The chain checksum (see ``RecordFraming/chain(_:_:)``) of the records up to ``segmentLength``.
  var segmentChain: UInt32
  /// The manifest as last written (or as read, for read-only stores).
  var manifest: StoreManifest
  /// The sequence of the last record handed to the journal (written, or queued in batched mode).
  var lastSequence: UInt64
  /// The sequence of the last record known to be on stable storage.
  var durableSequence: UInt64
  var journalBytesSinceSnapshot: Int
  /// Set after a failed write or sync: the store refuses everything until reopened.
  var failure: StoreError?
  var isClosed = false
  var isCompacting = false
  var batch = BatchState()
  var compactionWaiters: [CheckedContinuation<Void, Never>] = []

  /// Opens the store in `directory` and recovers its state.
  /// - Parameters:
  ///   - directory: The store's folder (created with its parents when missing, unless read-only).
  ///   - durability: When writes are acknowledged; ``Durability/fsyncEachWrite`` by default.
  ///   - redactor: Applied to every event before it is written; ``SensitiveDataRedactor/standard`` by default.
  ///   - compactionThreshold: Journal bytes since the last snapshot that trigger a compaction (64 MiB).
  ///   - access: ``Access/readWrite`` (the default) or ``Access/readOnly``.
  ///   - lockTimeout: How long to wait while another process holds the directory (5 seconds by default;
  ///     the calling thread waits). Readers share the lock; a writer needs it alone.
  /// - Throws: ``StoreError`` `locked` when the lock is still held after `lockTimeout`, `corruptJournal`
  ///   naming the file and byte offset of damaged data (nothing is modified then), `ioFailure` (for a
  ///   read-only open of a folder that does not exist, among others).
  /// - Complexity: O(n) in the events stored since the newest snapshot plus the snapshot's size.
  public init(
    directory: URL,
    durability: Durability = .fsyncEachWrite,
    redactor: SensitiveDataRedactor = .standard,
    compactionThreshold: Int = 64 << 20,
    access: Access = .readWrite,
    lockTimeout: Duration = .seconds(5)
  ) throws {
    try self.init(
      directory: directory, durability: durability, redactor: redactor, compactionThreshold: compactionThreshold,
      access: access, lockTimeout: lockTimeout, fileSystem: POSIXStoreFileSystem())
  }

  /// Opens a store on any file system (the power-loss tests pass a simulated disk, and a small
  /// `manifestInterval` to exercise the manifest updates between writes).
  init(
    directory: URL, durability: Durability = .fsyncEachWrite, redactor: SensitiveDataRedactor = .standard,
    compactionThreshold: Int = 64 << 20, access: Access = .readWrite, lockTimeout: Duration = .seconds(5),
    fileSystem: any StoreFileSystem, manifestInterval: Int = 4 << 20
  ) throws(StoreError) {
    let path = directory.standardizedFileURL.path
    let opened = try Self.open(path: path, access: access, lockTimeout: lockTimeout, fileSystem: fileSystem)
    self.directory = directory
    self.durability = durability
    self.compactionThreshold = max(compactionThreshold, 1 << 16)
    self.manifestInterval = manifestInterval
    self.access = access
    self.redactor = redactor
    self.path = path
    self.fileSystem = fileSystem
    self.table = opened.table
    self.lock = opened.lock
    self.segment = opened.segment
    self.segmentFirstSequence = opened.manifest.segments.last?.sequence ?? opened.lastSequence + 1
    self.segmentLength = opened.manifest.segments.last?.length ?? RecordFraming.magicLength
    self.segmentChain = opened.manifest.segments.last?.chain ?? 0
    self.manifest = opened.manifest
    self.lastSequence = opened.lastSequence
    self.durableSequence = opened.lastSequence
    self.journalBytesSinceSnapshot = opened.journalBytes
  }

  deinit {
    if !isClosed {
      segment?.close()
      lock?.release()
    }
  }

  /// The number of tickets stored.
  public var count: Int { table.count }

  /// Stores a new ticket durably. See ``TicketStore/create(_:)``.
  /// - Throws: ``StoreError`` `duplicateTicket`, `secretInIdentifier`, `readOnly`, `ioFailure`;
  ///   ``TicketError`` for an invalid timeline.
  /// - Complexity: O(k) for k events, plus one sync (shared with other writers in batched mode).
  public nonisolated func create(_ timeline: [TicketEvent]) async throws -> Ticket {
    // Redaction runs on the caller's task, so concurrent writers redact in parallel.
    try await createRedacted(try redactor.redacted(timeline))
  }

  private func createRedacted(_ timeline: [TicketEvent]) async throws -> Ticket {
    try await waitWhileCompacting()
    try checkWritable()
    let (ticket, entry) = try stageCreate(timeline)
    try await commit([entry])
    return ticket
  }

  /// Validates a new ticket, adds it to the table and returns its journal record (not yet written).
  private func stageCreate(_ timeline: [TicketEvent]) throws -> (Ticket, JournalEntry) {
    let ticket = try Ticket(events: timeline)
    guard table.position(of: ticket.id) == nil else { throw StoreError.duplicateTicket(ticket.id) }
    table.insert(ticket)
    lastSequence += 1
    return (ticket, JournalEntry(sequence: lastSequence, ticketID: ticket.id, createsTicket: true, events: timeline))
  }

  /// Appends events durably if the version matches. See ``TicketStore/append(_:to:expectedVersion:)``.
  /// - Throws: ``StoreError`` `versionConflict`, `ticketNotFound`, `duplicateEvent`, `secretInIdentifier`,
  ///   `readOnly`, `ioFailure`; ``TicketError``.
  /// - Complexity: Amortized O(k) for k events, plus one sync (shared in batched mode).
  public nonisolated func append(_ events: [TicketEvent], to ticketID: TicketID, expectedVersion: Int) async throws
    -> Ticket
  {
    try await appendRedacted(
      try redactor.redacted(events), to: ticketID, expectedVersion: expectedVersion)
  }

  private func appendRedacted(_ redacted: [TicketEvent], to ticketID: TicketID, expectedVersion: Int) async throws
    -> Ticket
  {
    try await waitWhileCompacting()
    try checkWritable()
    let (updated, entry) = try stageAppend(redacted, to: ticketID, expectedVersion: expectedVersion)
    if let entry { try await commit([entry]) }
    return updated
  }

  /// Checks the version and the events, applies them to the table and returns the ticket as this call left
  /// it with its journal record (not yet written; `nil` for no events).
  private func stageAppend(_ redacted: [TicketEvent], to ticketID: TicketID, expectedVersion: Int) throws -> (
    Ticket, JournalEntry?
  ) {
    guard let position = table.position(of: ticketID) else { throw StoreError.ticketNotFound(ticketID) }
    let version = table.tickets[position].version
    guard version == expectedVersion else {
      throw StoreError.versionConflict(ticketID, expected: expectedVersion, actual: version)
    }
    for (index, event) in redacted.enumerated()
    where table.tickets[position].containsEvent(event.id) || redacted[..<index].contains(where: { $0.id == event.id }) {
      throw StoreError.duplicateEvent(event.id, in: ticketID)
    }
    guard !redacted.isEmpty else { return (table.tickets[position], nil) }
    // All events or none. The record is written before any suspension (fsyncEachWrite), or readers wait
    // for its batch (batched), so no caller sees the change before it is durable.
    try table.apply(redacted, at: position)
    lastSequence += 1
    let entry = JournalEntry(sequence: lastSequence, ticketID: ticketID, createsTicket: false, events: redacted)
    return (table.tickets[position], entry)
  }

  /// Creates several tickets with one journal write and one sync. See ``TicketStore/create(timelines:)``.
  /// - Complexity: O(k) for k events in all, plus one sync.
  public nonisolated func create(timelines: [[TicketEvent]]) async -> [Result<Int, any Error>] {
    await createRedacted(
      timelines: timelines.map { timeline in Result { () throws(StoreError) in try redactor.redacted(timeline) } })
  }

  private func createRedacted(timelines: [Result<[TicketEvent], StoreError>]) async -> [Result<Int, any Error>] {
    await commitBatch(timelines) { timeline in
      let (ticket, entry) = try stageCreate(try timeline.get())
      return (ticket.version, entry)
    }
  }

  /// Performs several appends with one journal write and one sync. See ``TicketStore/append(_:)``.
  /// - Complexity: Amortized O(k) for k events in all, plus one sync.
  public nonisolated func append(_ batch: [TicketAppend]) async -> [Result<Int, any Error>] {
    let redacted = batch.map { item in
      Result { () throws(StoreError) in
        TicketAppend(
          events: try redactor.redacted(item.events), ticketID: item.ticketID, expectedVersion: item.expectedVersion)
      }
    }
    return await appendRedacted(batch: redacted)
  }

  private func appendRedacted(batch: [Result<TicketAppend, StoreError>]) async -> [Result<Int, any Error>] {
    await commitBatch(batch) { result in
      let item = try result.get()
      let (ticket, entry) = try stageAppend(item.events, to: item.ticketID, expectedVersion: item.expectedVersion)
      return (ticket.version, entry)
    }
  }

  /// Stages every element (each succeeds or fails on its own), then writes all their records at once.
  private func commitBatch<Element>(
    _ elements: [Element], stage: (Element) throws -> (version: Int, entry: JournalEntry?)
  ) async -> [Result<Int, any Error>] {
    do {
      try await waitWhileCompacting()
      try checkWritable()
    } catch {
      return elements.map { _ in .failure(error) }
    }
    var results: [Result<Int, any Error>] = []
    var entries: [JournalEntry] = []
    for element in elements {
      do {
        let staged = try stage(element)
        if let entry = staged.entry { entries.append(entry) }
        results.append(.success(staged.version))
      } catch {
        results.append(.failure(error))
      }
    }
    do {
      try await commit(entries)
    } catch {
      return results.map { result in result.flatMap { _ in .failure(error) } }
    }
    return results
  }

  /// The latest acknowledged state of a ticket. See ``TicketStore/ticket(_:)``.
  /// - Complexity: O(1) (in batched mode it first waits for pending writes to be synced).
  public func ticket(_ id: TicketID) async throws -> Ticket? {
    try checkUsable()
    try await waitUntilDurable(lastSequence)
    return table.ticket(id)
  }

  /// One page of matching tickets. See ``TicketStore/query(_:)``.
  /// - Complexity: O(c) over the candidates of the most selective index (customer, status, updated-at), or
  ///   the tickets after the cursor, until the page is full.
  public func query(_ query: TicketQuery) async throws -> TicketPage {
    try checkUsable()
    try await waitUntilDurable(lastSequence)
    return try table.query(query)
  }

  /// Waits for pending writes, records the journal's committed length in the manifest, then releases the
  /// files and the lock. Later calls throw.
  public func close() async {
    guard !isClosed else { return }
    try? await drain()
    if failure == nil, segment != nil, manifest.segments.last?.length != segmentLength {
      try? writeManifest(currentManifest())
    }
    isClosed = true
    segment?.close()
    lock?.release()
  }

  func checkUsable() throws(StoreError) {
    if let failure { throw failure }
    if isClosed {
      throw StoreError(code: .ioFailure, message: "the store at \(path) is closed", context: ["path": path])
    }
  }

  func checkWritable() throws(StoreError) {
    try checkUsable()
    guard access == .readWrite else { throw StoreError.readOnly(path) }
  }
}
