/// The store's table of contents, rewritten atomically (like LevelDB's MANIFEST): which snapshot and which
/// journal segments are live, how many bytes of each are committed, and the last sequence, so that a
/// missing, replaced or shortened file is detected instead of read as "fewer tickets".
///
/// File: the manifest magic `HSKMANI1`, then one framed record (see ``RecordFraming``) whose payload is
/// type `0x20`, the last sequence (varint), a snapshot marker (`0`/`1`) and the snapshot's entry, the
/// segment count (varint) and each segment's entry. An entry is the file's number (varint: the covered
/// sequence of a snapshot, the first sequence of a segment), its committed length (varint) and the chain
/// checksum of the records up to that length (UInt32 LE; see ``RecordFraming/chain(_:_:)``; 0 for none).
package struct StoreManifest: Hashable, Sendable {
  /// One live file.
  package struct Entry: Hashable, Sendable {
    /// The number in the file's name.
    package var sequence: UInt64
    /// Bytes known to be on stable storage: a snapshot's whole size; a segment's length when the
    /// manifest was written (sealed segments never grow again).
    package var length: Int
    /// The chain checksum of the records up to ``length``: tells a replaced file from the original.
    package var chain: UInt32
  }

  /// The last sequence known to be on stable storage when the manifest was written.
  package var lastSequence: UInt64
  /// The snapshot to load first, if any.
  package var snapshot: Entry?
  /// The live segments, oldest first; the last one is the segment being appended to.
  package var segments: [Entry]

  static let payloadType: UInt8 = 0x20

  /// The whole manifest file.
  package func fileBytes() -> [UInt8] {
    var writer = ByteWriter(capacity: 64 + segments.count * 24)
    writer.write(Self.payloadType)
    writer.write(varint: lastSequence)
    if let snapshot {
      writer.write(1)
      Self.write(snapshot, into: &writer)
    } else {
      writer.write(0)
    }
    writer.write(varint: UInt64(segments.count))
    for segment in segments { Self.write(segment, into: &writer) }
    var bytes = RecordFraming.manifestMagic
    RecordFraming.append(payload: writer.bytes, to: &bytes)
    return bytes
  }

  /// Reads a manifest file, checking its framing and every field's range.
  /// - Throws: ``ByteDecodingError`` whose offset is relative to the file.
  package static func decode(_ bytes: [UInt8]) throws(ByteDecodingError) -> StoreManifest {
    guard bytes.starts(with: RecordFraming.manifestMagic) else {
      throw ByteDecodingError(reason: "not a manifest", offset: 0)
    }
    let result = bytes.withUnsafeBytes { buffer in Result { () throws(ByteDecodingError) in try decode(buffer) } }
    return try result.get()
  }

  private static func decode(_ buffer: UnsafeRawBufferPointer) throws(ByteDecodingError) -> StoreManifest {
    let magicLength = RecordFraming.magicLength
    var scanner = RecordScanner(buffer, start: magicLength)
    guard case .record(_, let payload)? = scanner.next() else {
      throw ByteDecodingError(reason: "the manifest record is incomplete or fails its checksum", offset: magicLength)
    }
    guard payload.upperBound == buffer.count else {
      throw ByteDecodingError(reason: "data after the manifest record", offset: payload.upperBound)
    }
    var reader = ByteReader(UnsafeRawBufferPointer(rebasing: buffer[payload]))
    do throws(ByteDecodingError) {
      guard try reader.readByte() == payloadType else { throw reader.failure("not a manifest record") }
      let lastSequence = try readSequence(&reader)
      var snapshot: Entry?
      switch try reader.readByte() {
      case 0: snapshot = nil
      case 1: snapshot = try readEntry(&reader)
      default: throw reader.failure("invalid snapshot marker")
      }
      let count = try reader.readCount(atMost: reader.remaining / 6)
      var segments: [Entry] = []
      segments.reserveCapacity(count)
      for _ in 0..<count { segments.append(try readEntry(&reader)) }
      guard reader.remaining == 0 else { throw reader.failure("unexpected bytes after the segments") }
      for (earlier, later) in zip(segments, segments.dropFirst()) where earlier.sequence >= later.sequence {
        throw reader.failure("segments out of order")
      }
      return StoreManifest(lastSequence: lastSequence, snapshot: snapshot, segments: segments)
    } catch {
      throw ByteDecodingError(reason: error.reason, offset: payload.lowerBound + error.offset)
    }
  }

  private static func write(_ entry: Entry, into writer: inout ByteWriter) {
    writer.write(varint: entry.sequence)
    writer.write(varint: UInt64(entry.length))
    writer.write(uint32: entry.chain)
  }

  private static func readSequence(_ reader: inout ByteReader) throws(ByteDecodingError) -> UInt64 {
    let value = try reader.readVarint()
    guard value <= StoreLayout.maximumSequence else { throw reader.failure("sequence \(value) out of range") }
    return value
  }

  private static func readEntry(_ reader: inout ByteReader) throws(ByteDecodingError) -> Entry {
    let sequence = try readSequence(&reader)
    let length = try reader.readCount(atMost: Int.max)
    guard length >= RecordFraming.magicLength else { throw reader.failure("a file length below its magic's") }
    return Entry(sequence: sequence, length: length, chain: try reader.readUInt32())
  }
}
