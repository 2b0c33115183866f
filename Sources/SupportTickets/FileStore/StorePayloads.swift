/// One journal record: the events of one `create` or `append` call, stored together or not at all.
package struct JournalEntry: Hashable, Sendable {
  /// The record's log sequence number: 1, 2, 3… across all journal segments, never reused.
  package var sequence: UInt64
  /// The ticket the events belong to.
  package var ticketID: TicketID
  /// Whether the record creates the ticket (its first event is `created`).
  package var createsTicket: Bool
  /// The events, oldest first, already redacted.
  package var events: [TicketEvent]
}

/// The payloads inside framed records (see ``RecordFraming``). The first payload byte is its type.
///
/// - `0x01` ticket created: sequence (varint), ticket id (string), event count (varint), events.
/// - `0x02` events appended: the same fields.
/// - `0x10` snapshot header: the journal sequence it covers (varint), the ticket count (varint).
/// - `0x11` snapshot ticket: event count (varint), events.
/// - `0x12` snapshot trailer: the ticket count again (varint), proving the snapshot is complete.
package enum StorePayloads {
  package static let created: UInt8 = 0x01
  package static let appended: UInt8 = 0x02
  package static let snapshotHeader: UInt8 = 0x10
  package static let snapshotTicket: UInt8 = 0x11
  package static let snapshotTrailer: UInt8 = 0x12

  /// The payload of a journal record.
  package static func encode(_ entry: JournalEntry) -> [UInt8] {
    var writer = ByteWriter(capacity: 64 + entry.events.count * 128)
    writer.write(entry.createsTicket ? created : appended)
    writer.write(varint: entry.sequence)
    writer.write(entry.ticketID.rawValue)
    writeEvents(entry.events, into: &writer)
    return writer.bytes
  }

  /// Decodes a journal record's payload.
  /// - Throws: ``ByteDecodingError`` for any other payload or malformed content.
  package static func decodeEntry(_ payload: UnsafeRawBufferPointer) throws(ByteDecodingError) -> JournalEntry {
    var reader = ByteReader(payload)
    let type = try reader.readByte()
    guard type == created || type == appended else { throw reader.failure("not a journal record (type \(type))") }
    let sequence = try reader.readVarint()
    let ticketID = try reader.readIdentifier(TicketID.self)
    let events = try readEvents(from: &reader)
    guard reader.remaining == 0 else { throw reader.failure("unexpected bytes after the events") }
    return JournalEntry(sequence: sequence, ticketID: ticketID, createsTicket: type == created, events: events)
  }

  package static func encodeSnapshotHeader(coveringThrough sequence: UInt64, ticketCount: Int) -> [UInt8] {
    var writer = ByteWriter(capacity: 24)
    writer.write(snapshotHeader)
    writer.write(varint: sequence)
    writer.write(varint: UInt64(ticketCount))
    return writer.bytes
  }

  package static func encodeSnapshotTicket(_ ticket: Ticket) -> [UInt8] {
    var writer = ByteWriter(capacity: 32 + ticket.events.count * 128)
    writer.write(snapshotTicket)
    writeEvents(ticket.events, into: &writer)
    return writer.bytes
  }

  package static func encodeSnapshotTrailer(ticketCount: Int) -> [UInt8] {
    var writer = ByteWriter(capacity: 12)
    writer.write(snapshotTrailer)
    writer.write(varint: UInt64(ticketCount))
    return writer.bytes
  }

  /// Reads `(sequence, ticketCount)` from a snapshot header payload.
  package static func decodeSnapshotHeader(_ payload: UnsafeRawBufferPointer) throws(ByteDecodingError) -> (
    sequence: UInt64, ticketCount: Int
  ) {
    var reader = ByteReader(payload)
    guard try reader.readByte() == snapshotHeader else { throw reader.failure("not a snapshot header") }
    let sequence = try reader.readVarint()
    let count = try reader.readCount(atMost: Int(Int32.max))
    guard reader.remaining == 0 else { throw reader.failure("unexpected bytes after the header") }
    return (sequence, count)
  }

  /// Reads a ticket's events from a snapshot ticket payload.
  package static func decodeSnapshotTicket(_ payload: UnsafeRawBufferPointer) throws(ByteDecodingError)
    -> [TicketEvent]
  {
    var reader = ByteReader(payload)
    guard try reader.readByte() == snapshotTicket else { throw reader.failure("not a snapshot ticket") }
    let events = try readEvents(from: &reader)
    guard reader.remaining == 0 else { throw reader.failure("unexpected bytes after the events") }
    return events
  }

  /// Whether the payload is a snapshot trailer, and its ticket count.
  package static func decodeSnapshotTrailer(_ payload: UnsafeRawBufferPointer) -> Int? {
    var reader = ByteReader(payload)
    guard (try? reader.readByte()) == snapshotTrailer, let count = try? reader.readCount(atMost: Int(Int32.max)),
      reader.remaining == 0
    else { return nil }
    return count
  }

  /// A whole snapshot file: magic, header, one record per ticket in creation order, trailer.
  /// - Returns: The bytes and the manifest entry that records them.
  package static func snapshotFile(of table: TicketTable, coveringThrough sequence: UInt64) -> (
    bytes: [UInt8], entry: StoreManifest.Entry
  ) {
    var bytes = RecordFraming.snapshotMagic
    var chain = RecordFraming.chain(
      0,
      RecordFraming.append(
        payload: encodeSnapshotHeader(coveringThrough: sequence, ticketCount: table.count), to: &bytes))
    for ticket in table.tickets {
      chain = RecordFraming.chain(chain, RecordFraming.append(payload: encodeSnapshotTicket(ticket), to: &bytes))
    }
    chain = RecordFraming.chain(
      chain, RecordFraming.append(payload: encodeSnapshotTrailer(ticketCount: table.count), to: &bytes))
    return (bytes, StoreManifest.Entry(sequence: sequence, length: bytes.count, chain: chain))
  }

  private static func writeEvents(_ events: [TicketEvent], into writer: inout ByteWriter) {
    writer.write(varint: UInt64(events.count))
    for event in events { EventBinaryCodec.encode(event, into: &writer) }
  }

  private static func readEvents(from reader: inout ByteReader) throws(ByteDecodingError) -> [TicketEvent] {
    // Every event takes at least five bytes, which bounds the count before anything is allocated.
    let count = try reader.readVarint()
    guard count <= UInt64(reader.remaining / 5) else { throw reader.failure("more events than bytes") }
    guard count > 0 else { throw reader.failure("a record without events") }
    var events: [TicketEvent] = []
    events.reserveCapacity(Int(count))
    for _ in 0..<Int(count) { events.append(try EventBinaryCodec.decode(from: &reader)) }
    return events
  }
}
