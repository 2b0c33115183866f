/// The records of a damaged file: every intact record, wherever it is, and the byte ranges between them
/// that hold none. Repair reads files this way so that one bad byte never hides the records after it.
struct FrameSalvage {
  /// Intact records: header offset and payload range.
  var records: [(offset: Int, payload: Range<Int>)] = []
  /// Ranges that are not intact records (a bad magic included).
  var damaged: [Range<Int>] = []

  /// - Parameters:
  ///   - buffer: The whole file.
  ///   - magicIsValid: Whether the file starts with a magic this kind of file may have.
  init(_ buffer: UnsafeRawBufferPointer, magicIsValid: Bool) {
    let start = min(buffer.count, RecordFraming.magicLength)
    if !magicIsValid, start > 0 { damaged.append(0..<start) }
    var offset = start
    while offset < buffer.count {
      if let end = Self.intactRecordEnd(buffer, at: offset) {
        records.append((offset, (offset + RecordFraming.headerSize)..<end))
        offset = end
        continue
      }
      let resume = RecordFraming.nextIntactRecord(buffer, after: offset) ?? buffer.count
      if let last = damaged.last, last.upperBound == offset {
        damaged[damaged.count - 1] = last.lowerBound..<resume
      } else {
        damaged.append(offset..<resume)
      }
      offset = resume
    }
  }

  /// The end of the intact record at `offset`, or `nil`.
  static func intactRecordEnd(_ buffer: UnsafeRawBufferPointer, at offset: Int) -> Int? {
    guard buffer.count - offset >= RecordFraming.headerSize else { return nil }
    let lengthCheck = buffer.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self).littleEndian
    guard CRC32C.update(0, UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + 4)])) == lengthCheck else {
      return nil
    }
    let length = Int(buffer.loadUnaligned(fromByteOffset: offset, as: UInt32.self).littleEndian)
    guard length <= RecordFraming.maximumPayload, length <= buffer.count - offset - RecordFraming.headerSize,
      RecordFraming.payloadIsIntact(buffer, recordOffset: offset)
    else { return nil }
    return offset + RecordFraming.headerSize + length
  }

  /// What can still be read of the records in a damaged range: for each record header that passes its
  /// check, the ticket and event ids of the journal entry or snapshot ticket its payload decodes to despite
  /// a failed checksum.
  static func readableRemains(_ buffer: UnsafeRawBufferPointer, in range: Range<Int>) -> [(
    ticket: TicketID?, events: [EventID]
  )] {
    var found: [(ticket: TicketID?, events: [EventID])] = []
    var offset = range.lowerBound
    while offset + RecordFraming.headerSize <= range.upperBound {
      let lengthCheck = buffer.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self).littleEndian
      let length = Int(buffer.loadUnaligned(fromByteOffset: offset, as: UInt32.self).littleEndian)
      let start = offset + RecordFraming.headerSize
      guard CRC32C.update(0, UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + 4)])) == lengthCheck,
        length <= range.upperBound - start
      else {
        offset += 1
        continue
      }
      let payload = UnsafeRawBufferPointer(rebasing: buffer[start..<(start + length)])
      if let entry = try? StorePayloads.decodeEntry(payload) {
        found.append((entry.ticketID, entry.events.map(\.id)))
      } else if let events = try? StorePayloads.decodeSnapshotTicket(payload) {
        found.append((events.first?.ticketIDIfCreated, events.map(\.id)))
      }
      offset = start + max(length, 1)
    }
    return found
  }
}

extension TicketEvent {
  /// The ticket a `created` event opens.
  var ticketIDIfCreated: TicketID? {
    if case .created(let opening) = kind { return opening.ticketID }
    return nil
  }
}
