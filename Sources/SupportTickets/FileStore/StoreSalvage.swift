/// Something a repair could not keep.
package struct SalvageLoss: Hashable, Sendable {
  /// The file's name inside the store directory.
  package var file: String
  /// The damaged byte range (empty for a file that is missing or not a regular file).
  package var bytes: Range<Int>
  package var reason: String
  /// The ticket and events concerned, as far as the damaged bytes can be read.
  package var ticket: TicketID?
  package var events: [EventID] = []
}

/// Everything intact in a store directory, gathered for ``FileTicketStore/repair(at:lockTimeout:)``.
///
/// Every snapshot and every segment is read record by record, resynchronising on the next intact record
/// after damage. Tickets come from the snapshots (newest first; an older snapshot only adds tickets the
/// newer ones lost), then every journal record is applied in sequence order, skipping events a ticket
/// already has (by id), so records a snapshot covers are not applied twice and nothing depends on which
/// files the manifest named.
package struct StoreSalvage: Sendable {
  package var table = TicketTable()
  /// The highest sequence any file mentions: the repaired snapshot covers it, so no sequence is reused.
  package var highestSequence: UInt64 = 0
  package var losses: [SalvageLoss] = []
  /// Regular files with damage: copied aside before they are replaced.
  package var damagedFiles: Set<String> = []
  /// Entries named like store files that are not regular files: moved aside.
  package var irregularFiles: [String] = []
  /// Every regular file the repaired store replaces (removed once the new files are durable).
  package var replacedFiles: [String] = []

  private var order: [TicketID] = []
  private var tickets: [TicketID: Ticket] = [:]

  /// Gathers what is intact.
  /// - Throws: What `read` throws other than `corruptJournal` (which is recorded as a loss).
  package static func collect(
    listing: [String: StoreFileKind], read: (String) throws(StoreError) -> [UInt8]
  ) throws(StoreError) -> StoreSalvage {
    var salvage = StoreSalvage()
    var snapshots: [(name: String, sequence: UInt64)] = []
    var segments: [(name: String, sequence: UInt64)] = []
    for (name, kind) in listing.sorted(by: { $0.key < $1.key }) {
      guard let entry = StoreLayout.entry(name) else { continue }
      guard kind == .regular else {
        salvage.irregularFiles.append(name)
        salvage.lose(name, 0..<0, "it is \(kind.rawValue), not a regular file the store created")
        continue
      }
      salvage.replacedFiles.append(name)
      switch entry {
      case .segment(let sequence): segments.append((name, sequence))
      case .snapshot(let sequence): snapshots.append((name, sequence))
      case .outOfRange:
        salvage.damagedFiles.insert(name)
        salvage.lose(name, 0..<0, "the number in its name is out of range; the file was not read")
      case .manifest: try salvage.readManifest(listing: listing, read: read)
      case .temporary: break
      }
    }
    for (name, sequence) in snapshots.sorted(by: { $0.sequence > $1.sequence }) {
      salvage.noteSequence(sequence)
      guard let bytes = try salvage.load(name, read) else { continue }
      salvage.readSnapshot(name, bytes)
    }
    var entries: [(entry: JournalEntry, file: String, bytes: Range<Int>)] = []
    for (name, sequence) in segments.sorted(by: { $0.sequence < $1.sequence }) {
      salvage.noteSequence(max(sequence, 1) - 1)
      guard let bytes = try salvage.load(name, read) else { continue }
      entries += salvage.readSegment(name, firstSequence: sequence, bytes)
    }
    // A stable sort keeps file order among records that claim the same sequence.
    for item in entries.enumerated().sorted(by: {
      ($0.element.entry.sequence, $0.offset) < ($1.element.entry.sequence, $1.offset)
    }) {
      salvage.noteSequence(item.element.entry.sequence)
      salvage.apply(item.element.entry, from: item.element.file, bytes: item.element.bytes)
    }
    salvage.table = TicketTable()
    salvage.table.reserveCapacity(salvage.order.count)
    for id in salvage.order { salvage.table.insert(salvage.tickets[id]!) }
    return salvage
  }

  /// Raises ``highestSequence`` to `sequence`, kept below the largest valid name so the new segment after
  /// it has one.
  private mutating func noteSequence(_ sequence: UInt64) {
    highestSequence = max(highestSequence, min(sequence, StoreLayout.maximumSequence - 1))
  }

  private mutating func lose(
    _ file: String, _ bytes: Range<Int>, _ reason: String, ticket: TicketID? = nil, events: [EventID] = []
  ) {
    losses.append(SalvageLoss(file: file, bytes: bytes, reason: reason, ticket: ticket, events: events))
  }

  private mutating func load(_ name: String, _ read: (String) throws(StoreError) -> [UInt8]) throws(StoreError)
    -> [UInt8]?
  {
    do {
      return try read(name)
    } catch  where error.code == .corruptJournal {
      damagedFiles.insert(name)
      lose(name, 0..<0, error.message)
      return nil
    }
  }

  private mutating func readManifest(
    listing: [String: StoreFileKind], read: (String) throws(StoreError) -> [UInt8]
  ) throws(StoreError) {
    guard let bytes = try load(StoreLayout.manifestName, read) else { return }
    guard let manifest = try? StoreManifest.decode(bytes) else {
      damagedFiles.insert(StoreLayout.manifestName)
      return lose(StoreLayout.manifestName, 0..<bytes.count, "the manifest is damaged; it is rebuilt")
    }
    noteSequence(manifest.lastSequence)
    let names =
      manifest.segments.map { StoreLayout.journalName(firstSequence: $0.sequence) }
      + (manifest.snapshot.map { [StoreLayout.snapshotName(sequence: $0.sequence)] } ?? [])
    for name in names where listing[name] == nil {
      lose(name, 0..<0, "MANIFEST lists this file, but it is missing: what it held is lost")
    }
  }

  private mutating func recordDamage(_ name: String, _ buffer: UnsafeRawBufferPointer, _ range: Range<Int>) {
    damagedFiles.insert(name)
    let remains = FrameSalvage.readableRemains(buffer, in: range)
    if remains.isEmpty { return lose(name, range, "damaged bytes; no record in them can be read") }
    for remain in remains {
      lose(
        name, range, "a damaged record (ids read despite its failed checksum)", ticket: remain.ticket,
        events: remain.events)
    }
  }

  private mutating func readSnapshot(_ name: String, _ bytes: [UInt8]) {
    let magic = RecordFraming.magic(of: bytes)
    bytes.withUnsafeBytes { buffer in
      let salvage = FrameSalvage(buffer, magicIsValid: magic?.isJournal == false)
      for range in salvage.damaged { recordDamage(name, buffer, range) }
      for (offset, payload) in salvage.records {
        let slice = UnsafeRawBufferPointer(rebasing: buffer[payload])
        if let header = try? StorePayloads.decodeSnapshotHeader(slice) {
          noteSequence(header.sequence)
        } else if StorePayloads.decodeSnapshotTrailer(slice) != nil {
          continue
        } else if let events = try? StorePayloads.decodeSnapshotTicket(slice), let ticket = try? Ticket(events: events)
        {
          guard tickets[ticket.id] == nil else { continue }  // a newer snapshot has it
          order.append(ticket.id)
          tickets[ticket.id] = ticket
        } else {
          damagedFiles.insert(name)
          lose(name, offset..<payload.upperBound, "a snapshot record that does not decode or fold")
        }
      }
    }
  }

  /// The decodable records of a segment whose sequences rise from `firstSequence`; others are losses.
  private mutating func readSegment(_ name: String, firstSequence: UInt64, _ bytes: [UInt8]) -> [(
    entry: JournalEntry, file: String, bytes: Range<Int>
  )] {
    let magic = RecordFraming.magic(of: bytes)
    return bytes.withUnsafeBytes { buffer in
      let salvage = FrameSalvage(buffer, magicIsValid: magic?.isJournal == true)
      for range in salvage.damaged { recordDamage(name, buffer, range) }
      var entries: [(entry: JournalEntry, file: String, bytes: Range<Int>)] = []
      var next = firstSequence
      for (offset, payload) in salvage.records {
        let slice = UnsafeRawBufferPointer(rebasing: buffer[payload])
        guard let entry = try? StorePayloads.decodeEntry(slice), entry.sequence < StoreLayout.maximumSequence else {
          damagedFiles.insert(name)
          lose(name, offset..<payload.upperBound, "a journal record that does not decode")
          continue
        }
        // Sequences only rise within a segment (gaps are damage lost before it).
        guard entry.sequence >= next else {
          damagedFiles.insert(name)
          lose(
            name, offset..<payload.upperBound,
            "record sequence \(entry.sequence) out of order (\(next) or later expected)",
            ticket: entry.ticketID, events: entry.events.map(\.id))
          continue
        }
        next = entry.sequence + 1
        entries.append((entry, name, offset..<payload.upperBound))
      }
      return entries
    }
  }

  /// Applies a journal record's events that its ticket does not have yet.
  private mutating func apply(_ entry: JournalEntry, from file: String, bytes: Range<Int>) {
    let ids = entry.events.map(\.id)
    func lost(_ reason: String) {
      damagedFiles.insert(file)
      lose(file, bytes, reason, ticket: entry.ticketID, events: ids)
    }
    guard let ticket = tickets[entry.ticketID] else {
      guard entry.createsTicket else { return lost("events for a ticket whose creation was lost") }
      do {
        let created = try Ticket(events: entry.events)
        guard created.id == entry.ticketID else { return lost("the record's ticket id differs from its events'") }
        order.append(created.id)
        tickets[created.id] = created
      } catch {
        lost("the record does not fold: \(error)")
      }
      return
    }
    let missing = entry.events.filter { !ticket.containsEvent($0.id) }
    let conflicting = entry.events.contains { event in
      ticket.containsEvent(event.id) && !ticket.events.contains(event)
    }
    guard !conflicting else { return lost("event ids the ticket already has with other contents") }
    guard !missing.isEmpty else { return }  // already in a snapshot or an earlier copy of the record
    guard !entry.createsTicket || missing.count < entry.events.count else {
      return lost("ticket \(entry.ticketID) is created twice")
    }
    do {
      tickets[entry.ticketID] = try ticket.applying(missing)
    } catch {
      lost("the events do not fold onto their ticket: \(error)")
    }
  }
}
