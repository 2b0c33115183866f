/// The framing shared by journal and snapshot files: an eight-byte file magic, then records of
/// `length (UInt32 LE) · length check (UInt32 LE) · payload checksum (UInt32 LE) · payload`.
///
/// The length check is the CRC-32C of the four length bytes, so a damaged length is recognised as damage
/// instead of being mistaken for a record that runs past the end of the file; the payload checksum is the
/// CRC-32C of the payload.
package enum RecordFraming {
  /// Bytes before each payload.
  package static let headerSize = 12
  /// The largest payload accepted (64 MiB); a longer length field is damage.
  package static let maximumPayload = 64 << 20
  /// The length of every file magic.
  package static let magicLength = 8
  /// The first eight bytes of a journal segment written by this version (which keeps a manifest).
  package static let journalMagic: [UInt8] = Array("HSKJRNL2".utf8)
  /// The first eight bytes of a snapshot written by this version.
  package static let snapshotMagic: [UInt8] = Array("HSKSNAP2".utf8)
  /// The magics of files written before the manifest existed: still read.
  package static let legacyJournalMagic: [UInt8] = Array("HSKJRNL1".utf8)
  package static let legacySnapshotMagic: [UInt8] = Array("HSKSNAP1".utf8)
  /// The first eight bytes of the manifest.
  package static let manifestMagic: [UInt8] = Array("HSKMANI1".utf8)

  /// Appends one framed record.
  /// - Returns: The payload's checksum.
  @discardableResult
  package static func append(payload: [UInt8], to output: inout [UInt8]) -> UInt32 {
    let length = UInt32(payload.count).littleEndian
    let lengthCheck = withUnsafeBytes(of: length) { CRC32C.update(0, $0) }
    let crc = payload.withUnsafeBytes { CRC32C.update(0, $0) }
    withUnsafeBytes(of: length) { output.append(contentsOf: $0) }
    withUnsafeBytes(of: lengthCheck.littleEndian) { output.append(contentsOf: $0) }
    withUnsafeBytes(of: crc.littleEndian) { output.append(contentsOf: $0) }
    output.append(contentsOf: payload)
    return crc
  }

  /// Folds one record's payload checksum into a chain checksum: the CRC-32C of the little-endian payload
  /// checksums of a file's records, in order. The manifest records it so that a file replaced by another
  /// with intact records is still told apart from the original.
  package static func chain(_ chain: UInt32, _ checksum: UInt32) -> UInt32 {
    withUnsafeBytes(of: checksum.littleEndian) { CRC32C.update(chain, $0) }
  }

  /// Which magic a file starts with: `(isJournal, isLegacy)`, or `nil` for none.
  package static func magic(of bytes: [UInt8]) -> (isJournal: Bool, isLegacy: Bool)? {
    if bytes.starts(with: journalMagic) { return (true, false) }
    if bytes.starts(with: snapshotMagic) { return (false, false) }
    if bytes.starts(with: legacyJournalMagic) { return (true, true) }
    if bytes.starts(with: legacySnapshotMagic) { return (false, true) }
    return nil
  }
}

extension RecordFraming {
  /// The stored payload checksum of the record at `recordOffset`.
  package static func storedChecksum(_ buffer: UnsafeRawBufferPointer, recordOffset start: Int) -> UInt32 {
    buffer.loadUnaligned(fromByteOffset: start + 8, as: UInt32.self).littleEndian
  }

  /// The offset of the first intact record (header check, length and payload checksum all match) that
  /// starts after `offset`, or `nil`: how damage is told from a torn write, and where repair resumes.
  /// - Complexity: O(n) in the bytes after `offset` (a 4-byte checksum per offset until a header matches).
  package static func nextIntactRecord(_ buffer: UnsafeRawBufferPointer, after offset: Int) -> Int? {
    var start = offset + 1
    while start + headerSize <= buffer.count {
      defer { start += 1 }
      let lengthCheck = buffer.loadUnaligned(fromByteOffset: start + 4, as: UInt32.self).littleEndian
      guard CRC32C.update(0, UnsafeRawBufferPointer(rebasing: buffer[start..<(start + 4)])) == lengthCheck else {
        continue
      }
      let length = Int(buffer.loadUnaligned(fromByteOffset: start, as: UInt32.self).littleEndian)
      guard length <= maximumPayload, length <= buffer.count - start - headerSize else { continue }
      if payloadIsIntact(buffer, recordOffset: start) { return start }
    }
    return nil
  }

  /// Whether the payload of the record at `recordOffset` (whose header was already checked) matches its
  /// checksum.
  package static func payloadIsIntact(_ buffer: UnsafeRawBufferPointer, recordOffset start: Int) -> Bool {
    let length = Int(buffer.loadUnaligned(fromByteOffset: start, as: UInt32.self).littleEndian)
    let stored = buffer.loadUnaligned(fromByteOffset: start + 8, as: UInt32.self).littleEndian
    let payload = (start + headerSize)..<(start + headerSize + length)
    return CRC32C.update(0, UnsafeRawBufferPointer(rebasing: buffer[payload])) == stored
  }
}

/// One step of scanning a file's records.
package enum ScannedRecord: Equatable {
  /// An intact record whose payload is `payload` (absolute byte offsets); `offset` is its header's.
  case record(offset: Int, payload: Range<Int>)
  /// The file ends in the middle of a record, or its last record fails its checksum and nothing follows:
  /// what a crash during an append leaves. Everything from `offset` on was never acknowledged.
  case tornTail(offset: Int, reason: String)
  /// A record that is damaged and is not the file's last: real corruption.
  case damaged(offset: Int, reason: String)
}

/// Walks the records of a file after its magic. Stops at the first torn or damaged record.
package struct RecordScanner: Sequence, IteratorProtocol {
  private let buffer: UnsafeRawBufferPointer
  private var offset: Int
  private var finished = false
  private let verifiesPayloads: Bool

  /// - Parameters:
  ///   - buffer: The whole file.
  ///   - start: Where the first record begins (after the magic).
  ///   - verifiesPayloads: Whether to check each payload's checksum here; pass `false` to check them later
  ///     (in parallel) with ``RecordFraming/payloadIsIntact(_:recordOffset:)``.
  package init(_ buffer: UnsafeRawBufferPointer, start: Int, verifiesPayloads: Bool = true) {
    self.buffer = buffer
    self.offset = start
    self.verifiesPayloads = verifiesPayloads
  }

  package mutating func next() -> ScannedRecord? {
    guard !finished, offset < buffer.count else { return nil }
    let start = offset
    let available = buffer.count - start
    guard available >= RecordFraming.headerSize else {
      return stop(.tornTail(offset: start, reason: "the file ends inside a record header"))
    }
    let lengthValue = buffer.loadUnaligned(fromByteOffset: start, as: UInt32.self).littleEndian
    let lengthCheck = buffer.loadUnaligned(fromByteOffset: start + 4, as: UInt32.self).littleEndian
    guard CRC32C.update(0, UnsafeRawBufferPointer(rebasing: buffer[start..<(start + 4)])) == lengthCheck else {
      if isZero(from: start) {
        return stop(.tornTail(offset: start, reason: "zero-filled space where a record was being written"))
      }
      return stop(.damaged(offset: start, reason: "the record header fails its check"))
    }
    let length = Int(lengthValue)
    guard length <= RecordFraming.maximumPayload else {
      return stop(.damaged(offset: start, reason: "record length \(length) is larger than any record"))
    }
    let end = start + RecordFraming.headerSize + length
    guard end <= buffer.count else {
      return stop(.tornTail(offset: start, reason: "the file ends inside a record of \(length) bytes"))
    }
    guard !verifiesPayloads || RecordFraming.payloadIsIntact(buffer, recordOffset: start) else {
      if end == buffer.count {
        return stop(.tornTail(offset: start, reason: "the last record fails its checksum"))
      }
      return stop(.damaged(offset: start, reason: "checksum mismatch"))
    }
    offset = end
    return .record(offset: start, payload: (start + RecordFraming.headerSize)..<end)
  }

  private func isZero(from start: Int) -> Bool {
    guard start < buffer.count else { return true }
    return buffer[start...].allSatisfy { $0 == 0 }
  }

  private mutating func stop(_ result: ScannedRecord) -> ScannedRecord {
    finished = true
    return result
  }
}
