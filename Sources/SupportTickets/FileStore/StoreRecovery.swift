/// Where a store's files are damaged.
package struct StoreDamage: Hashable, Sendable {
  /// The damaged file's name inside the store directory.
  package var file: String
  /// The byte offset of the damaged record (or of the file, for a bad magic).
  package var offset: Int
  /// What is wrong.
  package var reason: String
  /// Whether the damage is in a snapshot rather than a journal segment.
  package var inSnapshot: Bool
}

/// A torn record at the end of the newest journal segment: a crash during an unacknowledged append.
package struct TornTail: Hashable, Sendable {
  /// The segment's name.
  package var file: String
  /// The length of its intact part; everything after it is cut away on open.
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
}

/// What reading a store directory found: the state before any damage, and the damage if any.
package struct RecoveryOutcome: Sendable {
  /// The tickets folded from the snapshot and the journal records read before any damage.
  package var table = TicketTable()
  /// The sequence of the last journal record applied (or the snapshot's).
  package var lastSequence: UInt64 = 0
  /// The snapshot loaded, if any.
  package var snapshot: (name: String, sequence: UInt64)?
  /// The segments replayed, in order.
  package var segments: [LiveSegment] = []
  /// A torn last record (not damage: it was never acknowledged).
  package var tornTail: TornTail?
  /// The first damage found; nothing after it was read.
  package var damage: StoreDamage?
  /// Older snapshots, segments wholly covered by the snapshot, and leftover temporary files.
  package var obsoleteFiles: [String] = []
  /// Journal records replayed on top of the snapshot.
  package var recordsSinceSnapshot = 0
  /// Journal bytes replayed on top of the snapshot.
  package var journalBytesSinceSnapshot = 0
}

/// Rebuilds a store's state from its files. Pure: it only reads through `read`, so tests can feed it
/// damaged bytes without touching a disk.
package enum StoreRecovery {
  /// Reads a store directory's files.
  /// - Parameters:
  ///   - names: The names in the directory.
  ///   - read: Returns a file's bytes.
  /// - Returns: The outcome; ``RecoveryOutcome/damage`` is set instead of throwing for damaged data.
  /// - Throws: Only what `read` throws.
  package static func scan(names: [String], read: (String) throws -> [UInt8]) throws -> RecoveryOutcome {
    var outcome = RecoveryOutcome()
    let snapshots = names.compactMap { name in StoreLayout.snapshotSequence(name).map { (name, $0) } }
      .sorted { $0.1 < $1.1 }
    let segments = names.compactMap { name in StoreLayout.journalSequence(name).map { (name, $0) } }
      .sorted { $0.1 < $1.1 }
    outcome.obsoleteFiles = names.filter { $0.hasSuffix(".tmp") }
    if let newest = snapshots.last {
      outcome.obsoleteFiles += snapshots.dropLast().map(\.0)
      outcome.snapshot = newest
      outcome.lastSequence = newest.1
      if let damage = loadSnapshot(named: newest.0, bytes: try read(newest.0), into: &outcome.table, sequence: newest.1)
      {
        outcome.damage = damage
        return outcome
      }
    }
    let covered = outcome.lastSequence
    var live: [(String, UInt64)] = []
    for (index, segment) in segments.enumerated() {
      if index + 1 < segments.count, segments[index + 1].1 <= covered + 1 {
        outcome.obsoleteFiles.append(segment.0)
      } else {
        live.append(segment)
      }
    }
    if let first = live.first, first.1 > covered + 1 {
      outcome.damage = StoreDamage(
        file: first.0, offset: 0, reason: "journal records \(covered + 1)…\(first.1 - 1) are missing",
        inSnapshot: false)
      return outcome
    }
    var expected = live.first?.1 ?? covered + 1
    for (index, (name, firstSequence)) in live.enumerated() {
      guard firstSequence == expected else {
        outcome.damage = StoreDamage(
          file: name, offset: 0, reason: "the segment starts at record \(firstSequence), expected \(expected)",
          inSnapshot: false)
        return outcome
      }
      let bytes = try read(name)
      let isLast = index == live.count - 1
      replaySegment(name, firstSequence, bytes, isLast: isLast, expected: &expected, into: &outcome)
      if outcome.damage != nil { return outcome }
    }
    return outcome
  }

  private static func replaySegment(
    _ name: String, _ firstSequence: UInt64, _ bytes: [UInt8], isLast: Bool, expected: inout UInt64,
    into outcome: inout RecoveryOutcome
  ) {
    var segment = LiveSegment(name: name, firstSequence: firstSequence, validLength: 0, recordCount: 0)
    defer { outcome.segments.append(segment) }
    let magic = RecordFraming.journalMagic
    guard bytes.count >= magic.count else {
      if isLast, bytes.elementsEqual(magic.prefix(bytes.count)) {
        outcome.tornTail = TornTail(file: name, validLength: 0, reason: "the segment header was being written")
      } else {
        outcome.damage = StoreDamage(file: name, offset: 0, reason: "too short to be a journal", inSnapshot: false)
      }
      return
    }
    guard bytes.starts(with: magic) else {
      outcome.damage = StoreDamage(file: name, offset: 0, reason: "not a journal segment", inSnapshot: false)
      return
    }
    segment.validLength = magic.count
    bytes.withUnsafeBytes { buffer in
      for scanned in RecordScanner(buffer, start: magic.count) {
        switch scanned {
        case .record(let offset, let payload):
          if let reason = apply(UnsafeRawBufferPointer(rebasing: buffer[payload]), expected: expected, to: &outcome) {
            outcome.damage = StoreDamage(file: name, offset: offset, reason: reason, inSnapshot: false)
            return
          }
          expected += 1
          segment.validLength = payload.upperBound
          segment.recordCount += 1
        case .tornTail(let offset, let reason):
          if isLast {
            outcome.tornTail = TornTail(file: name, validLength: offset, reason: reason)
          } else {
            outcome.damage = StoreDamage(file: name, offset: offset, reason: reason, inSnapshot: false)
          }
          return
        case .damaged(let offset, let reason):
          outcome.damage = StoreDamage(file: name, offset: offset, reason: reason, inSnapshot: false)
          return
        }
      }
    }
  }

  /// Applies one journal record; returns why it cannot be applied, or `nil`.
  private static func apply(_ payload: UnsafeRawBufferPointer, expected: UInt64, to outcome: inout RecoveryOutcome)
    -> String?
  {
    let entry: JournalEntry
    do {
      entry = try StorePayloads.decodeEntry(payload)
    } catch {
      return "undecodable record: \(error.reason) at payload byte \(error.offset)"
    }
    guard entry.sequence == expected else {
      return "record sequence \(entry.sequence) where \(expected) was expected"
    }
    if entry.sequence <= (outcome.snapshot?.sequence ?? 0) { return nil }
    outcome.lastSequence = entry.sequence
    outcome.recordsSinceSnapshot += 1
    outcome.journalBytesSinceSnapshot += payload.count + RecordFraming.headerSize
    do {
      if entry.createsTicket {
        guard outcome.table.position(of: entry.ticketID) == nil else {
          return "ticket \(entry.ticketID) is created twice"
        }
        let ticket = try Ticket(events: entry.events)
        guard ticket.id == entry.ticketID else { return "the record's ticket id differs from its events'" }
        outcome.table.insert(ticket)
      } else {
        guard let position = outcome.table.position(of: entry.ticketID) else {
          return "events for unknown ticket \(entry.ticketID)"
        }
        try outcome.table.apply(entry.events, at: position)
      }
    } catch {
      return "the record does not fold onto its ticket: \(error)"
    }
    return nil
  }

  /// Loads a snapshot into `table`; returns the damage, or `nil` when the snapshot is intact.
  private static func loadSnapshot(named name: String, bytes: [UInt8], into table: inout TicketTable, sequence: UInt64)
    -> StoreDamage?
  {
    func damage(_ offset: Int, _ reason: String) -> StoreDamage {
      StoreDamage(file: name, offset: offset, reason: reason, inSnapshot: true)
    }
    let magic = RecordFraming.snapshotMagic
    guard bytes.starts(with: magic) else { return damage(0, "not a snapshot") }
    return bytes.withUnsafeBytes { buffer -> StoreDamage? in
      var expectedCount: Int?
      var finished = false
      for scanned in RecordScanner(buffer, start: magic.count) {
        guard case .record(let offset, let range) = scanned else {
          switch scanned {
          case .tornTail(let offset, let reason), .damaged(let offset, let reason): return damage(offset, reason)
          case .record: return nil
          }
        }
        let payload = UnsafeRawBufferPointer(rebasing: buffer[range])
        if finished { return damage(offset, "data after the snapshot trailer") }
        guard let count = expectedCount else {
          guard let header = try? StorePayloads.decodeSnapshotHeader(payload), header.sequence == sequence else {
            return damage(offset, "missing or mismatched snapshot header")
          }
          expectedCount = header.ticketCount
          continue
        }
        if table.count == count {
          guard StorePayloads.decodeSnapshotTrailer(payload) == count else { return damage(offset, "bad trailer") }
          finished = true
          continue
        }
        do {
          let ticket = try Ticket(events: try StorePayloads.decodeSnapshotTicket(payload))
          guard table.position(of: ticket.id) == nil else { return damage(offset, "ticket \(ticket.id) appears twice") }
          table.insert(ticket)
        } catch {
          return damage(offset, "undecodable ticket: \(error)")
        }
      }
      return finished ? nil : damage(buffer.count, "the snapshot is incomplete")
    }
  }
}
