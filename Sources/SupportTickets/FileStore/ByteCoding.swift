/// Appends little-endian integers, LEB128 varints and length-prefixed UTF-8 to a byte buffer.
package struct ByteWriter {
  /// The bytes written so far.
  package var bytes: [UInt8] = []

  package init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

  package mutating func write(_ byte: UInt8) { bytes.append(byte) }

  package mutating func write(uint32 value: UInt32) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
  }

  /// Unsigned LEB128: seven bits a byte, low bits first.
  package mutating func write(varint value: UInt64) {
    var rest = value
    while rest >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(rest))
  }

  /// A signed value as a zigzag varint (small magnitudes stay short).
  package mutating func write(signed value: Int64) {
    write(varint: UInt64(bitPattern: (value << 1) ^ (value >> 63)))
  }

  package mutating func write(_ text: String) {
    var text = text
    text.withUTF8 { utf8 in
      write(varint: UInt64(utf8.count))
      bytes.append(contentsOf: utf8)
    }
  }

  package mutating func write(optional text: String?) {
    if let text {
      write(1)
      write(text)
    } else {
      write(0)
    }
  }
}

/// Why bytes could not be decoded; the offset is relative to the start of the decoded buffer.
package struct ByteDecodingError: Error, Hashable, Sendable {
  package var reason: String
  package var offset: Int
}

/// Reads what ``ByteWriter`` wrote, checking every bound: malformed input throws, never traps.
package struct ByteReader {
  private let buffer: UnsafeRawBufferPointer
  /// The next byte's offset.
  package private(set) var offset: Int

  /// - Parameters:
  ///   - buffer: The bytes; they must outlive the reader.
  ///   - offset: Where to start.
  package init(_ buffer: UnsafeRawBufferPointer, offset: Int = 0) {
    self.buffer = buffer
    self.offset = offset
  }

  /// Bytes left to read.
  package var remaining: Int { buffer.count - offset }

  package func failure(_ reason: String) -> ByteDecodingError { ByteDecodingError(reason: reason, offset: offset) }

  package mutating func readByte() throws(ByteDecodingError) -> UInt8 {
    guard offset < buffer.count else { throw failure("unexpected end of data") }
    defer { offset += 1 }
    return buffer[offset]
  }

  package mutating func readUInt32() throws(ByteDecodingError) -> UInt32 {
    guard remaining >= 4 else { throw failure("unexpected end of data") }
    defer { offset += 4 }
    return buffer.loadUnaligned(fromByteOffset: offset, as: UInt32.self).littleEndian
  }

  package mutating func readVarint() throws(ByteDecodingError) -> UInt64 {
    var value: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      let byte = try readByte()
      guard shift < 64, shift < 63 || byte <= 1 else { throw failure("varint too long") }
      value |= UInt64(byte & 0x7F) << shift
      if byte & 0x80 == 0 { return value }
      shift += 7
    }
  }

  /// A varint that must be a count or length no larger than `limit`.
  package mutating func readCount(atMost limit: Int) throws(ByteDecodingError) -> Int {
    let value = try readVarint()
    guard value <= UInt64(limit) else { throw failure("count \(value) exceeds \(limit)") }
    return Int(value)
  }

  package mutating func readSigned() throws(ByteDecodingError) -> Int64 {
    let raw = try readVarint()
    return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
  }

  package mutating func readString() throws(ByteDecodingError) -> String {
    let length = try readVarint()
    guard length <= UInt64(remaining) else { throw failure("a text runs past the end of the data") }
    let slice = UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + Int(length))])
    let text: String
    if Self.isASCII(slice) {
      // ASCII is valid UTF-8: skip the (generic, slower) validating initializer.
      text = String(decoding: slice.assumingMemoryBound(to: UInt8.self), as: UTF8.self)
    } else {
      guard let validated = String(validating: slice, as: UTF8.self) else { throw failure("invalid UTF-8 text") }
      text = validated
    }
    offset += Int(length)
    return text
  }

  /// Reads a text and checks that it is a valid `Identifier`.
  package mutating func readIdentifier<Tag>(_ type: Identifier<Tag>.Type = Identifier<Tag>.self)
    throws(ByteDecodingError) -> Identifier<Tag>
  {
    let start = offset
    let text = try readString()
    guard let id = Identifier<Tag>(rawValue: text) else {
      throw ByteDecodingError(reason: "invalid identifier", offset: start)
    }
    return id
  }

  /// Reads an optional text and checks that it is a valid `Identifier`.
  package mutating func readOptionalIdentifier<Tag>(_ type: Identifier<Tag>.Type = Identifier<Tag>.self)
    throws(ByteDecodingError) -> Identifier<Tag>?
  {
    switch try readByte() {
    case 0: return nil
    case 1: return try readIdentifier(type)
    default: throw failure("invalid optional marker")
    }
  }

  package mutating func readOptionalString() throws(ByteDecodingError) -> String? {
    switch try readByte() {
    case 0: return nil
    case 1: return try readString()
    default: throw failure("invalid optional marker")
    }
  }

  /// Whether every byte is below 0x80, checked eight bytes at a time.
  private static func isASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
    var index = 0
    var combined: UInt64 = 0
    while bytes.count - index >= 8 {
      combined |= bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
      index += 8
    }
    while index < bytes.count {
      combined |= UInt64(bytes[index])
      index += 1
    }
    return combined & 0x8080_8080_8080_8080 == 0
  }

  /// Skips `count` bytes.
  package mutating func skip(_ count: Int) throws(ByteDecodingError) {
    guard count >= 0, count <= remaining else { throw failure("unexpected end of data") }
    offset += count
  }
}
