import Foundation

extension FileTicketStore {
  /// Writes a snapshot of every ticket and drops the journal segments it covers.
  ///
  /// The steps keep every event on disk at every instant: pending writes are synced; the journal moves to
  /// a new segment, which the manifest records beside the old ones; the snapshot is written to a temporary
  /// file, synced and renamed into place; the manifest then names the snapshot and the new segment alone;
  /// only then are the older segments and snapshots removed. A crash at any step leaves a manifest whose
  /// files hold every event (files it does not list are leftovers, removed by the next write-open).
  /// Runs automatically when the journal grows past ``compactionThreshold``; writers wait meanwhile.
  /// - Throws: ``StoreError`` `readOnly`, `ioFailure`; the journal stays authoritative if the snapshot fails.
  /// - Complexity: O(n) in the total number of events.
  public func compact() async throws {
    try checkWritable()
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
    if segmentLength > RecordFraming.magicLength {
      let next = try Self.startSegment(firstSequence: covered + 1, path: path, fileSystem: fileSystem)
      var sealed = currentManifest()
      sealed.segments.append(
        StoreManifest.Entry(sequence: covered + 1, length: RecordFraming.magicLength, chain: 0))
      do {
        try writeManifest(sealed)
      } catch {
        next.close()
        throw error
      }
      segment?.close()
      segment = next
      segmentFirstSequence = covered + 1
      segmentLength = RecordFraming.magicLength
      segmentChain = 0
    }
    let (bytes, entry) = StorePayloads.snapshotFile(of: table, coveringThrough: covered)
    let snapshotName = StoreLayout.snapshotName(sequence: covered)
    try fileSystem.writeAtomically(bytes, directory: path, name: snapshotName)
    try writeManifest(
      StoreManifest(
        lastSequence: covered, snapshot: entry,
        segments: [
          StoreManifest.Entry(sequence: segmentFirstSequence, length: segmentLength, chain: segmentChain)
        ]))
    let currentSegment = StoreLayout.journalName(firstSequence: segmentFirstSequence)
    for (name, kind) in try fileSystem.entries(in: path) where kind == .regular {
      switch StoreLayout.entry(name) {
      case .segment? where name != currentSegment, .snapshot? where name != snapshotName, .temporary?:
        try fileSystem.remove(path + "/" + name)
      default:
        break
      }
    }
    try fileSystem.syncDirectory(path)
    journalBytesSinceSnapshot = 0
  }

  /// New writes wait while a compaction drains the batch and writes the snapshot.
  func waitWhileCompacting() async throws {
    while isCompacting {
      await withCheckedContinuation { compactionWaiters.append($0) }
    }
  }
}
