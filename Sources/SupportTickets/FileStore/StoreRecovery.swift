/// Where a store's files are damaged.
package struct StoreDamage: Hashable, Sendable {
  /// The damaged file's name inside the store directory.
  package var file: String
  /// The byte offset of the damaged record (0 for a file that is missing, of the wrong kind or unreadable).
  package var offset: Int
  /// What is wrong.
  package var reason: String
}

/// An incomplete final frame of the newest journal segment, after its committed length: what a crash during
/// an unacknowledged write leaves. It is cut away by the next write-opening, never by a read.
package struct TornTail: Hashable, Sendable {
  /// The segment's name.
  package var file: String
  /// The length of its intact part.
  package var validLength: Int
  /// Why the tail is incomplete.
  package var reason: String
}

/// A journal segment that recovery replayed.
package struct LiveSegment: Hashable, Sendable {
  package var name: String
  package var firstSequence: UInt64
  /// The bytes up to the end of its last intact record.
  package var validLength: Int
  package var recordCount: Int
  /// The chain checksum of its intact records (0 when it has none).
  package var chain: UInt32
}

/// What reading a store directory found: the state before any damage, and the damage if any.
package struct RecoveryOutcome: Sendable {
  /// The tickets folded from the snapshot and the journal records read before any damage.
  package var table = TicketTable()
  /// The sequence of the last journal record applied (or the snapshot's).
  package var lastSequence: UInt64 = 0
  /// The snapshot loaded, if any: its name and its manifest entry.
  package var snapshot: (name: String, entry: StoreManifest.Entry)?
  /// The segments replayed, in order.
  package var segments: [LiveSegment] = []
  /// A torn last record (not damage: it was never acknowledged).
  package var tornTail: TornTail?
  /// The first damage found; nothing after it was read.
  package var damage: StoreDamage?
  /// Files a write-open removes: snapshots and segments the manifest does not list (left by an interrupted
  /// compaction) and temporary files.
  package var obsoleteFiles: [String] = []
  /// The manifest as read; `nil` for a store written before manifests existed.
  package var manifest: StoreManifest?
  /// Journal records replayed on top of the snapshot.
  package var recordsSinceSnapshot = 0
  /// Journal bytes replayed on top of the snapshot.
  package var journalBytesSinceSnapshot = 0

  /// The manifest describing the files as recovered (torn tail excluded): what a write-open records.
  package var recoveredManifest: StoreManifest {
    StoreManifest(
      lastSequence: lastSequence, snapshot: snapshot?.entry,
      segments: segments.map {
        StoreManifest.Entry(sequence: $0.firstSequence, length: $0.validLength, chain: $0.chain)
      })
  }

  mutating func damaged(_ file: String, _ offset: Int, _ reason: String) {
    if damage == nil { damage = StoreDamage(file: file, offset: offset, reason: reason) }
  }
}

/// Rebuilds a store's state from its files. Pure: it only reads through `read`, so tests can feed it
/// damaged bytes without touching a disk.
package enum StoreRecovery {
  /// Reads a store directory's files.
  /// - Parameters:
  ///   - listing: The names in the directory and what they are.
  ///   - read: Returns a regular file's bytes; a `corruptJournal` error (not a regular file, too large) is
  ///     reported as damage of that file.
  /// - Returns: The outcome; ``RecoveryOutcome/damage`` is set instead of throwing for damaged data.
  /// - Throws: Other errors of `read` (`ioFailure`).
  package static func scan(
    listing: [String: StoreFileKind], read: (String) throws(StoreError) -> [UInt8]
  ) throws(StoreError) -> RecoveryOutcome {
    try withoutActuallyEscaping(read) { (read) throws(StoreError) -> RecoveryOutcome in
      var scan = DirectoryScan(read: read)
      scan.classify(listing)
      if scan.outcome.damage == nil, listing[StoreLayout.manifestName] != nil,
        let bytes = try scan.load(StoreLayout.manifestName)
      {
        do throws(ByteDecodingError) {
          scan.outcome.manifest = try StoreManifest.decode(bytes)
        } catch {
          scan.outcome.damaged(StoreLayout.manifestName, error.offset, error.reason)
        }
      }
      guard scan.outcome.damage == nil else { return scan.outcome }
      if let manifest = scan.outcome.manifest {
        try scan.replay(following: manifest)
      } else {
        try scan.replayLegacy()
      }
      return scan.outcome
    }
  }
}

/// The state of one ``StoreRecovery/scan(listing:read:)``.
struct DirectoryScan {
  let read: (String) throws(StoreError) -> [UInt8]
  var outcome = RecoveryOutcome()
  var snapshots: [(name: String, sequence: UInt64)] = []
  var segments: [(name: String, sequence: UInt64)] = []
  /// A file written by a version that keeps a manifest, seen while there is none.
  var manifestWriterFile: String?

  init(read: @escaping (String) throws(StoreError) -> [UInt8]) { self.read = read }

  /// Sorts the store's files by kind; anything that is not a regular file, or whose number is out of
  /// range, is damage.
  mutating func classify(_ listing: [String: StoreFileKind]) {
    for (name, kind) in listing.sorted(by: { $0.key < $1.key }) {
      guard let entry = StoreLayout.entry(name) else { continue }
      if entry == .temporary {
        if kind == .regular { outcome.obsoleteFiles.append(name) }
        continue
      }
      guard kind == .regular else {
        return outcome.damaged(name, 0, "it is \(kind.rawValue), not a regular file the store created")
      }
      switch entry {
      case .outOfRange: return outcome.damaged(name, 0, "the number in its name is out of range")
      case .segment(0): return outcome.damaged(name, 0, "journal sequences start at 1")
      case .segment(let sequence): segments.append((name, sequence))
      case .snapshot(let sequence): snapshots.append((name, sequence))
      case .manifest, .temporary: break
      }
    }
    snapshots.sort { $0.sequence < $1.sequence }
    segments.sort { $0.sequence < $1.sequence }
  }

  /// A file's bytes, or `nil` after recording why it cannot be read as damage.
  mutating func load(_ name: String) throws(StoreError) -> [UInt8]? {
    do {
      return try read(name)
    } catch  where error.code == .corruptJournal {
      outcome.damaged(name, Int(error.context["offset"] ?? "0") ?? 0, error.message)
      return nil
    }
  }

  /// Replays the snapshot and segments the manifest lists, checking their committed lengths.
  mutating func replay(following manifest: StoreManifest) throws(StoreError) {
    let listedSnapshot = manifest.snapshot.map { StoreLayout.snapshotName(sequence: $0.sequence) }
    if let entry = manifest.snapshot, let name = listedSnapshot {
      guard snapshots.contains(where: { $0.name == name }) else {
        return outcome.damaged(name, 0, "MANIFEST lists this snapshot, but it is missing")
      }
      guard let bytes = try load(name) else { return }
      guard bytes.count == entry.length else {
        return outcome.damaged(
          name, min(bytes.count, entry.length), "it is \(bytes.count) bytes, but MANIFEST records \(entry.length)")
      }
      guard loadSnapshot(name, bytes, sequence: entry.sequence) == entry.chain else {
        return outcome.damaged(name, 0, "it is not the snapshot MANIFEST records (its records differ)")
      }
    }
    outcome.obsoleteFiles += snapshots.filter { $0.name != listedSnapshot }.map(\.name)
    let covered = manifest.snapshot?.sequence ?? 0
    let listed = Set(manifest.segments.map { StoreLayout.journalName(firstSequence: $0.sequence) })
    for (name, sequence) in segments where !listed.contains(name) {
      if sequence <= covered {
        outcome.obsoleteFiles.append(name)
        continue
      }
      // A segment created by a compaction that stopped before recording it holds only its magic.
      guard let last = manifest.segments.last, sequence > last.sequence, let bytes = try load(name) else {
        return outcome.damaged(name, 0, "a journal segment that MANIFEST does not list")
      }
      guard bytes.count <= RecordFraming.magicLength else {
        return outcome.damaged(name, 0, "a journal segment with records that MANIFEST does not list")
      }
      outcome.obsoleteFiles.append(name)
    }
    outcome.lastSequence = covered
    var expected = covered + 1
    for (index, entry) in manifest.segments.enumerated() {
      let name = StoreLayout.journalName(firstSequence: entry.sequence)
      guard segments.contains(where: { $0.name == name }) else {
        return outcome.damaged(name, 0, "MANIFEST lists this journal segment, but it is missing")
      }
      if index == 0, entry.sequence <= expected { expected = entry.sequence }
      guard entry.sequence == expected else {
        return outcome.damaged(name, 0, "the segment starts at record \(entry.sequence), expected \(expected)")
      }
      guard let bytes = try load(name) else { return }
      let isLast = index == manifest.segments.count - 1
      replaySegment(name, bytes, isLast: isLast, committed: entry, expected: &expected)
      if outcome.damage != nil { return }
    }
    guard outcome.lastSequence >= manifest.lastSequence else {
      let file = manifest.segments.last.map { StoreLayout.journalName(firstSequence: $0.sequence) }
      return outcome.damaged(
        file ?? StoreLayout.manifestName, outcome.segments.last?.validLength ?? 0,
        "MANIFEST records \(manifest.lastSequence) journal records, but only \(outcome.lastSequence) are readable")
    }
  }

  /// Replays a store written before manifests existed: the newest snapshot and the segments after it.
  mutating func replayLegacy() throws(StoreError) {
    if let newest = snapshots.last {
      outcome.obsoleteFiles += snapshots.dropLast().map(\.name)
      guard let bytes = try load(newest.name) else { return }
      guard loadSnapshot(newest.name, bytes, sequence: newest.sequence) != nil else { return }
    }
    let covered = outcome.lastSequence
    var live: [(name: String, sequence: UInt64)] = []
    for (index, segment) in segments.enumerated() {
      if index + 1 < segments.count, segments[index + 1].sequence <= covered + 1 {
        outcome.obsoleteFiles.append(segment.name)
      } else {
        live.append(segment)
      }
    }
    if let first = live.first, first.sequence > covered + 1 {
      return outcome.damaged(first.name, 0, "journal records \(covered + 1)…\(first.sequence - 1) are missing")
    }
    var expected = live.first?.sequence ?? covered + 1
    for (index, (name, firstSequence)) in live.enumerated() {
      guard firstSequence == expected else {
        return outcome.damaged(name, 0, "the segment starts at record \(firstSequence), expected \(expected)")
      }
      guard let bytes = try load(name) else { return }
      replaySegment(name, bytes, isLast: index == live.count - 1, committed: nil, expected: &expected)
      if outcome.damage != nil { return }
    }
    if let file = manifestWriterFile {
      outcome.damaged(
        StoreLayout.manifestName, 0,
        "MANIFEST is missing, but \(file) was written by a version that keeps one: files may be missing too")
    }
  }
}
