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
      let walk = RecordWalk(buffer, start: magic.count)
      // Checksums, decoding and the fold of new tickets run in parallel; applying stays in journal order.
      let prepared = ParallelDecoding.map(count: walk.records.count) { index in
        PreparedRecord(buffer, walk.records[index])
      }
      for (index, record) in prepared.enumerated() {
        let (offset, payload) = walk.records[index]
        if record.checksumFailed {
          let isLastRecord = index == prepared.count - 1 && walk.stop == nil && payload.upperBound == buffer.count
          if isLast, isLastRecord {
            outcome.tornTail = TornTail(file: name, validLength: offset, reason: "the last record fails its checksum")
          } else {
            outcome.damage = StoreDamage(file: name, offset: offset, reason: "checksum mismatch", inSnapshot: false)
          }
          return
        }
        if let reason = apply(record, expected: expected, size: payload.count, to: &outcome) {
          outcome.damage = StoreDamage(file: name, offset: offset, reason: reason, inSnapshot: false)
          return
        }
        expected += 1
        segment.validLength = payload.upperBound
        segment.recordCount += 1
      }
      switch walk.stop {
      case .tornTail(let offset, let reason):
        if isLast {
          outcome.tornTail = TornTail(file: name, validLength: offset, reason: reason)
        } else {
          outcome.damage = StoreDamage(file: name, offset: offset, reason: reason, inSnapshot: false)
        }
      case .damaged(let offset, let reason):
        outcome.damage = StoreDamage(file: name, offset: offset, reason: reason, inSnapshot: false)
      case .record, nil:
        break
      }
    }
  }

  /// Applies one decoded journal record; returns why it cannot be applied, or `nil`.
  private static func apply(_ record: PreparedRecord, expected: UInt64, size: Int, to outcome: inout RecoveryOutcome)
    -> String?
  {
    guard let entry = record.entry else { return record.failure ?? "undecodable record" }
    guard entry.sequence == expected else {
      return "record sequence \(entry.sequence) where \(expected) was expected"
    }
    if entry.sequence <= (outcome.snapshot?.sequence ?? 0) { return nil }
    outcome.lastSequence = entry.sequence
    outcome.recordsSinceSnapshot += 1
    outcome.journalBytesSinceSnapshot += size + RecordFraming.headerSize
    if entry.createsTicket {
      guard let ticket = record.ticket else { return record.failure ?? "the record does not fold" }
      guard outcome.table.position(of: entry.ticketID) == nil else {
        return "ticket \(entry.ticketID) is created twice"
      }
      guard ticket.id == entry.ticketID else { return "the record's ticket id differs from its events'" }
      outcome.table.insert(ticket)
      return nil
    }
    guard let position = outcome.table.position(of: entry.ticketID) else {
      return "events for unknown ticket \(entry.ticketID)"
    }
    do {
      try outcome.table.apply(entry.events, at: position)
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
      let walk = RecordWalk(buffer, start: magic.count)
      let records = walk.records
      guard let first = records.first else { return damage(magic.count, "the snapshot has no header") }
      guard RecordFraming.payloadIsIntact(buffer, recordOffset: first.offset),
        let header = try? StorePayloads.decodeSnapshotHeader(UnsafeRawBufferPointer(rebasing: buffer[first.payload])),
        header.sequence == sequence
      else { return damage(first.offset, "missing or mismatched snapshot header") }
      let ticketRecords = records.dropFirst().prefix(header.ticketCount)
      table.reserveCapacity(header.ticketCount)
      let tickets = ParallelDecoding.map(count: ticketRecords.count) { index in
        SnapshotTicket(buffer, ticketRecords[ticketRecords.startIndex + index])
      }
      for (index, decoded) in tickets.enumerated() {
        let offset = ticketRecords[ticketRecords.startIndex + index].offset
        guard let ticket = decoded.ticket else { return damage(offset, decoded.failure) }
        guard table.position(of: ticket.id) == nil else { return damage(offset, "ticket \(ticket.id) appears twice") }
        table.insert(ticket)
      }
      let rest = records.dropFirst(1 + header.ticketCount)
      guard let trailer = rest.first else {
        if case .tornTail(let offset, let reason)? = walk.stop { return damage(offset, reason) }
        if case .damaged(let offset, let reason)? = walk.stop { return damage(offset, reason) }
        return damage(buffer.count, "the snapshot is incomplete")
      }
      guard RecordFraming.payloadIsIntact(buffer, recordOffset: trailer.offset),
        StorePayloads.decodeSnapshotTrailer(UnsafeRawBufferPointer(rebasing: buffer[trailer.payload]))
          == header.ticketCount
      else { return damage(trailer.offset, "bad trailer") }
      if let extra = rest.dropFirst().first { return damage(extra.offset, "data after the snapshot trailer") }
      if case .tornTail(let offset, let reason)? = walk.stop { return damage(offset, reason) }
      if case .damaged(let offset, let reason)? = walk.stop { return damage(offset, reason) }
      return nil
    }
  }
}

/// The record boundaries of a file, found by checking only the headers.
private struct RecordWalk {
  var records: [(offset: Int, payload: Range<Int>)] = []
  /// What ended the walk before the end of the file, if anything.
  var stop: ScannedRecord?

  init(_ buffer: UnsafeRawBufferPointer, start: Int) {
    for scanned in RecordScanner(buffer, start: start, verifiesPayloads: false) {
      if case .record(let offset, let payload) = scanned {
        records.append((offset, payload))
      } else {
        stop = scanned
      }
    }
  }
}

/// A journal record checked and decoded off the main path: checksum, events, and for a creation the ticket.
private struct PreparedRecord {
  var checksumFailed = false
  var entry: JournalEntry?
  var ticket: Ticket?
  var failure: String?

  init(_ buffer: UnsafeRawBufferPointer, _ record: (offset: Int, payload: Range<Int>)) {
    guard RecordFraming.payloadIsIntact(buffer, recordOffset: record.offset) else {
      checksumFailed = true
      return
    }
    do {
      let entry = try StorePayloads.decodeEntry(UnsafeRawBufferPointer(rebasing: buffer[record.payload]))
      self.entry = entry
      if entry.createsTicket { ticket = try Ticket(events: entry.events) }
    } catch let error as ByteDecodingError {
      failure = "undecodable record: \(error.reason) at payload byte \(error.offset)"
    } catch {
      failure = "the record does not fold: \(error)"
    }
  }
}

/// A snapshot ticket record checked, decoded and folded.
private struct SnapshotTicket {
  var ticket: Ticket?
  var failure = ""

  init(_ buffer: UnsafeRawBufferPointer, _ record: (offset: Int, payload: Range<Int>)) {
    guard RecordFraming.payloadIsIntact(buffer, recordOffset: record.offset) else {
      failure = "checksum mismatch"
      return
    }
    do {
      ticket = try Ticket(
        events: try StorePayloads.decodeSnapshotTicket(UnsafeRawBufferPointer(rebasing: buffer[record.payload])))
    } catch {
      failure = "undecodable ticket: \(error)"
    }
  }
}
