/// The record boundaries of a file, found by checking only the headers.
struct RecordWalk {
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

  /// Where the walk stopped and why, if before the end of the file.
  var stopOffset: (offset: Int, reason: String)? {
    switch stop {
    case .tornTail(let offset, let reason)?, .damaged(let offset, let reason)?: return (offset, reason)
    case .record?, nil: return nil
    }
  }
}

/// A journal record checked and decoded off the main path: checksum, events, and for a creation the ticket.
struct PreparedRecord {
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
struct SnapshotTicket {
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
