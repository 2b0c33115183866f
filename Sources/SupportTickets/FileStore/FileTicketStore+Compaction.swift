import Foundation

extension FileTicketStore {
  /// Writes a snapshot of every ticket and drops the journal segments it covers.
  ///
  /// The steps keep every event on disk at every instant: pending writes are synced; the journal moves to
  /// a new segment; the snapshot is written to a temporary file, synced and renamed into place; only then
  /// are the older segments and snapshots removed. A crash at any step leaves either the old snapshot with
  /// all its segments, or the new snapshot (recovery skips segment records it already covers).
  /// Runs automatically when the journal grows past ``compactionThreshold``; writers wait meanwhile.
  /// - Throws: ``StoreError`` `ioFailure`; the journal stays authoritative if the snapshot fails.
  /// - Complexity: O(n) in the total number of events.
  public func compact() async throws {
    try checkUsable()
    guard !isCompacting else { return }
    isCompacting = true
    defer {
      isCompacting = false
      let waiters = compactionWaiters
      compactionWaiters = []
      for waiter in waiters { waiter.resume() }
    }
    try await drain()
    // No suspension from here on: the actor runs the rest without interleaving writers.
    let covered = lastSequence
    if segmentLength > RecordFraming.journalMagic.count {
      let next = try Self.startSegment(firstSequence: covered + 1, path: path)
      segment.close()
      segment = next
      segmentLength = RecordFraming.journalMagic.count
    }
    let bytes = StorePayloads.snapshotFile(of: table, coveringThrough: covered)
    let snapshotName = StoreLayout.snapshotName(sequence: covered)
    try StoreDirectory.writeAtomically(bytes, directory: path, name: snapshotName)
    let currentSegment = StoreLayout.journalName(firstSequence: covered + 1)
    for name in try StoreDirectory.names(in: path) {
      let isOldSegment = StoreLayout.journalSequence(name) != nil && name != currentSegment
      let isOldSnapshot = StoreLayout.snapshotSequence(name) != nil && name != snapshotName
      if isOldSegment || isOldSnapshot || name.hasSuffix(".tmp") { try StoreDirectory.remove(path + "/" + name) }
    }
    try StoreDirectory.sync(path)
    journalBytesSinceSnapshot = 0
  }

  /// New writes wait while a compaction drains the batch and writes the snapshot.
  func waitWhileCompacting() async throws {
    while isCompacting {
      await withCheckedContinuation { compactionWaiters.append($0) }
    }
  }
}
