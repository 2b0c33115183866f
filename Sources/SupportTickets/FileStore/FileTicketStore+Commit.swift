import Dispatch
import Foundation

/// The group-commit bookkeeping of ``FileTicketStore/Durability/batched(maxDelay:)``.
struct BatchState {
  /// Framed records not yet handed to the syncer.
  var pendingBytes: [UInt8] = []
  var pendingRecords = 0
  /// The chain checksum of the segment's records including the pending ones.
  var pendingChain: UInt32 = 0
  /// When the oldest pending record was queued.
  var openedAt: ContinuousClock.Instant?
  var syncInFlight = false
  var timerArmed = false
  /// How many records the previous batch held: the next one starts as soon as as many are waiting.
  var previousBatchSize = 1
  /// Callers waiting for a sequence number to become durable.
  var waiters: [(sequence: UInt64, continuation: CheckedContinuation<Void, any Error>)] = []
  /// Callers waiting for everything queued to be synced (compaction, close).
  var drainRequested = false
}

extension FileTicketStore {
  static let syncQueue = DispatchQueue(label: "HostingSupportKit.FileTicketStore.sync")

  /// Journals records whose events are already applied to ``table`` (and whose sequences ``lastSequence``
  /// already counts), and returns when they are acknowledged according to ``durability``. A failed write
  /// or sync poisons the store (``failure``): its in-memory state may then be ahead of the disk, so every
  /// later call throws until the store is reopened.
  func commit(_ entries: [JournalEntry]) async throws {
    guard let last = entries.last, let segment else { return }
    var framed: [UInt8] = []
    // The chain of every record handed to the segment, in file order: queued ones follow the pending ones.
    var chain = batch.pendingBytes.isEmpty ? segmentChain : batch.pendingChain
    for entry in entries {
      chain = RecordFraming.chain(chain, RecordFraming.append(payload: StorePayloads.encode(entry), to: &framed))
    }
    journalBytesSinceSnapshot += framed.count
    switch durability {
    case .fsyncEachWrite:
      do {
        try segment.write(framed, at: segmentLength)
        try segment.sync()
        segmentLength += framed.count
        segmentChain = chain
        durableSequence = last.sequence
        if let update = manifestUpdateIfDue() { try writeManifest(update) }
      } catch {
        failure = error
        throw error
      }
    case .batched:
      if batch.pendingBytes.isEmpty { batch.openedAt = .now }
      batch.pendingBytes += framed
      batch.pendingRecords += entries.count
      batch.pendingChain = chain
      try await waitUntilDurable(last.sequence)
    }
    if journalBytesSinceSnapshot >= compactionThreshold, !isCompacting { try? await compact() }
  }

  /// The manifest to record once everything handed to the segment is synced, when the segment has grown
  /// by ``manifestInterval`` since the manifest last recorded its length.
  func manifestUpdateIfDue() -> StoreManifest? {
    guard let recorded = manifest.segments.last?.length, segmentLength - recorded >= manifestInterval else {
      return nil
    }
    return currentManifest()
  }

  /// Suspends until every record up to `sequence` is on stable storage.
  func waitUntilDurable(_ sequence: UInt64) async throws {
    if let failure { throw failure }
    guard sequence > durableSequence else { return }
    try await withCheckedThrowingContinuation { continuation in
      batch.waiters.append((sequence, continuation))
      startSyncIfDue()
    }
  }

  /// Waits until nothing is queued or being synced.
  func drain() async throws {
    while batch.syncInFlight || !batch.pendingBytes.isEmpty {
      batch.drainRequested = true
      try await waitUntilDurable(lastSequence)
    }
    batch.drainRequested = false
    if let failure { throw failure }
  }

  /// Starts a sync when none is running and the batch is full enough or old enough; else arms a timer.
  func startSyncIfDue() {
    guard !batch.syncInFlight, !batch.pendingBytes.isEmpty, case .batched(let maxDelay) = durability else { return }
    let waited = batch.openedAt.map { ContinuousClock.now - $0 } ?? .zero
    guard batch.drainRequested || batch.pendingRecords >= batch.previousBatchSize || waited >= maxDelay else {
      guard !batch.timerArmed else { return }
      batch.timerArmed = true
      Task { [weak self] in
        try? await Task.sleep(for: maxDelay - waited)
        await self?.timerFired()
      }
      return
    }
    let bytes = batch.pendingBytes
    let offset = segmentLength
    let target = lastSequence
    guard let file = segment else { return }
    batch.previousBatchSize = batch.pendingRecords
    batch.pendingBytes = []
    batch.pendingRecords = 0
    batch.openedAt = nil
    batch.syncInFlight = true
    segmentLength += bytes.count
    segmentChain = batch.pendingChain
    let manifestUpdate = manifestUpdateIfDue()
    let (fileSystem, path) = (self.fileSystem, self.path)
    Self.syncQueue.async {
      let result: Result<Void, StoreError>
      do throws(StoreError) {
        try file.write(bytes, at: offset)
        try file.sync()
        if let manifestUpdate {
          try fileSystem.writeAtomically(manifestUpdate.fileBytes(), directory: path, name: StoreLayout.manifestName)
        }
        result = .success(())
      } catch {
        result = .failure(error)
      }
      Task { await self.finishSync(through: target, manifest: manifestUpdate, result) }
    }
  }

  private func timerFired() {
    batch.timerArmed = false
    startSyncIfDue()
  }

  private func finishSync(through target: UInt64, manifest update: StoreManifest?, _ result: Result<Void, StoreError>) {
    batch.syncInFlight = false
    switch result {
    case .success:
      if let update { manifest = update }
      durableSequence = max(durableSequence, target)
      var remaining: [(sequence: UInt64, continuation: CheckedContinuation<Void, any Error>)] = []
      for waiter in batch.waiters {
        if waiter.sequence <= durableSequence { waiter.continuation.resume() } else { remaining.append(waiter) }
      }
      batch.waiters = remaining
      startSyncIfDue()
    case .failure(let error):
      failure = error
      let waiters = batch.waiters
      batch.waiters = []
      for waiter in waiters { waiter.continuation.resume(throwing: error) }
    }
  }
}
