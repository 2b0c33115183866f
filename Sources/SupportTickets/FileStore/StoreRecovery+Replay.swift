extension DirectoryScan {
  /// Replays one journal segment whose first record must carry sequence `expected`.
  ///
  /// Damage policy: every record up to the committed length (`committed`, from the manifest) must be
  /// intact, and a record must end exactly there with the recorded checksum. After it, in the newest
  /// segment only, the first record that is not intact starts a torn tail when no intact record follows it
  /// anywhere in the file (a crash cut the last write short); anything else is damage.
  mutating func replaySegment(
    _ name: String, _ bytes: [UInt8], isLast: Bool, committed: StoreManifest.Entry?, expected: inout UInt64
  ) {
    let magicLength = RecordFraming.magicLength
    var segment = LiveSegment(
      name: name, firstSequence: expected, validLength: magicLength, recordCount: 0, chain: 0)
    let committedLength = committed?.length ?? magicLength
    let magic = RecordFraming.magic(of: bytes)
    guard bytes.count > magicLength || magic?.isJournal == true else {
      // Without a manifest, a newest segment too short to hold a record is one whose creation a crash cut
      // short; the write-open rewrites its magic. With one, the magic of a listed segment was committed.
      if committed == nil, isLast {
        segment.validLength = 0
        outcome.segments.append(segment)
        outcome.tornTail = TornTail(file: name, validLength: 0, reason: "the segment header was being written")
      } else {
        outcome.damaged(name, 0, "\(bytes.count) bytes that are not a journal segment header")
      }
      return
    }
    guard let magic, magic.isJournal else { return outcome.damaged(name, 0, "not a journal segment") }
    if !magic.isLegacy, bytes.count > magicLength, manifestWriterFile == nil { manifestWriterFile = name }
    if let committed {
      guard bytes.count >= committed.length else {
        return outcome.damaged(
          name, bytes.count,
          "the segment ends at byte \(bytes.count), but \(committed.length) bytes were committed (MANIFEST): "
            + "it was truncated or replaced")
      }
      if !isLast, bytes.count > committed.length {
        return outcome.damaged(name, committed.length, "data after the committed end of a sealed segment")
      }
    }
    var committedChain: UInt32? = committedLength == magicLength ? 0 : nil
    bytes.withUnsafeBytes { buffer in
      /// Whether bad bytes at `offset` are a torn tail rather than damage.
      func isTornTail(at offset: Int) -> Bool {
        isLast && offset >= committedLength && RecordFraming.nextIntactRecord(buffer, after: offset) == nil
      }
      let walk = RecordWalk(buffer, start: magicLength)
      // Checksums, decoding and the fold of new tickets run in parallel; applying stays in journal order.
      let prepared = ParallelDecoding.map(count: walk.records.count) { index in
        PreparedRecord(buffer, walk.records[index])
      }
      for (index, record) in prepared.enumerated() {
        let (offset, payload) = walk.records[index]
        if record.checksumFailed {
          if isTornTail(at: offset) {
            outcome.tornTail = TornTail(file: name, validLength: offset, reason: "the last record is incomplete")
          } else {
            outcome.damaged(name, offset, "checksum mismatch")
          }
          return
        }
        if let reason = apply(record, expected: expected, size: payload.count) {
          return outcome.damaged(name, offset, reason)
        }
        expected += 1
        segment.validLength = payload.upperBound
        segment.recordCount += 1
        segment.chain = RecordFraming.chain(segment.chain, RecordFraming.storedChecksum(buffer, recordOffset: offset))
        if payload.upperBound == committedLength { committedChain = segment.chain }
      }
      if let (offset, reason) = walk.stopOffset {
        if isTornTail(at: offset) {
          outcome.tornTail = TornTail(file: name, validLength: offset, reason: reason)
        } else {
          outcome.damaged(name, offset, reason)
        }
      }
    }
    if outcome.damage == nil, let committed, committedChain != committed.chain {
      outcome.damaged(
        name, committed.length,
        "the records up to the committed length are not those MANIFEST records: the segment was replaced")
    }
    outcome.segments.append(segment)
  }

  /// Applies one decoded journal record; returns why it cannot be applied, or `nil`.
  private mutating func apply(_ record: PreparedRecord, expected: UInt64, size: Int) -> String? {
    guard let entry = record.entry else { return record.failure ?? "undecodable record" }
    guard entry.sequence == expected, entry.sequence < StoreLayout.maximumSequence else {
      return "record sequence \(entry.sequence) where \(expected) was expected"
    }
    if entry.sequence <= (outcome.snapshot?.entry.sequence ?? 0) { return nil }
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

  /// Loads a snapshot into the outcome's table.
  /// - Returns: The chain checksum of its records, or `nil` after recording the damage.
  mutating func loadSnapshot(_ name: String, _ bytes: [UInt8], sequence: UInt64) -> UInt32? {
    guard let magic = RecordFraming.magic(of: bytes), !magic.isJournal else {
      outcome.damaged(name, 0, "not a snapshot")
      return nil
    }
    if !magic.isLegacy, manifestWriterFile == nil { manifestWriterFile = name }
    let result = bytes.withUnsafeBytes { buffer in SnapshotReading(buffer, sequence: sequence) }
    if let (offset, reason) = result.damage {
      outcome.damaged(name, offset, reason)
      return nil
    }
    outcome.table = result.table
    outcome.lastSequence = sequence
    let entry = StoreManifest.Entry(sequence: sequence, length: bytes.count, chain: result.chain)
    outcome.snapshot = (name, entry)
    return result.chain
  }
}

/// A snapshot file read into a table: header, one record per ticket, trailer, nothing after.
private struct SnapshotReading {
  var table = TicketTable()
  var chain: UInt32 = 0
  var damage: (offset: Int, reason: String)?

  init(_ buffer: UnsafeRawBufferPointer, sequence: UInt64) {
    let walk = RecordWalk(buffer, start: RecordFraming.magicLength)
    let records = walk.records
    guard let first = records.first else {
      damage = (RecordFraming.magicLength, walk.stopOffset?.reason ?? "the snapshot has no header")
      return
    }
    guard RecordFraming.payloadIsIntact(buffer, recordOffset: first.offset),
      let header = try? StorePayloads.decodeSnapshotHeader(UnsafeRawBufferPointer(rebasing: buffer[first.payload])),
      header.sequence == sequence
    else {
      damage = (first.offset, "missing or mismatched snapshot header")
      return
    }
    // The count comes from disk: it may only reserve what the file can hold.
    guard header.ticketCount <= records.count - 1 else {
      damage = (first.offset, "the header counts \(header.ticketCount) tickets; the file holds fewer records")
      return
    }
    let ticketRecords = records[1..<(1 + header.ticketCount)]
    table.reserveCapacity(header.ticketCount)
    let tickets = ParallelDecoding.map(count: ticketRecords.count) { index in
      SnapshotTicket(buffer, ticketRecords[ticketRecords.startIndex + index])
    }
    for (index, decoded) in tickets.enumerated() {
      let offset = ticketRecords[ticketRecords.startIndex + index].offset
      guard let ticket = decoded.ticket else {
        damage = (offset, decoded.failure)
        return
      }
      guard table.position(of: ticket.id) == nil else {
        damage = (offset, "ticket \(ticket.id) appears twice")
        return
      }
      table.insert(ticket)
    }
    let rest = records.dropFirst(1 + header.ticketCount)
    guard let trailer = rest.first else {
      damage = walk.stopOffset ?? (buffer.count, "the snapshot is incomplete")
      return
    }
    guard RecordFraming.payloadIsIntact(buffer, recordOffset: trailer.offset),
      StorePayloads.decodeSnapshotTrailer(UnsafeRawBufferPointer(rebasing: buffer[trailer.payload]))
        == header.ticketCount
    else {
      damage = (trailer.offset, "bad trailer")
      return
    }
    if let extra = rest.dropFirst().first {
      damage = (extra.offset, "data after the snapshot trailer")
    } else if let stop = walk.stopOffset {
      damage = stop
    }
    chain = records.prefix(2 + header.ticketCount).reduce(0) { chain, record in
      RecordFraming.chain(chain, RecordFraming.storedChecksum(buffer, recordOffset: record.offset))
    }
  }
}
