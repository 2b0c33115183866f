/// Bytes of JSON lines being built by hand on a hot path: ASCII literals, whole numbers and zero-padded digits
/// written straight into one reusable buffer, with no `String` per value.
///
/// ``JSONLinesWriter`` keeps one and lends it to ``JSONLinesWriter/writeLine(_:)``; a test builds one of its own
/// to look at what a tool would write. A run of small pieces is written in one ``append(atMost:_:)`` call, whose
/// ``ByteWriter`` stores each byte with a single bounds check.
///
/// The hot members are `public @inlinable` rather than `package`: Swift 6.3 does not inline `@inlinable package`
/// members into other modules, and inlined into the tools' loops they cost a few instructions a byte. The target
/// is not a product, so `public` reaches no further than `package` would.
public struct JSONLineBytes {
  /// Initialized bytes; the first `used` are the content, the rest room to write into.
  @usableFromInline var storage: [UInt8]
  @usableFromInline var used = 0

  /// An empty buffer.
  ///
  /// - Parameter capacity: Bytes to make room for up front.
  package init(capacity: Int = 0) { storage = Array(repeating: 0, count: capacity) }

  /// What was appended so far.
  package var bytes: ArraySlice<UInt8> { storage[..<used] }

  /// The number of bytes appended so far.
  @inlinable public var count: Int { used }

  /// Appends at most `maximumCount` bytes through a ``ByteWriter``.
  ///
  /// - Parameters:
  ///   - maximumCount: An upper bound of what `write` writes; writing more stops the program.
  ///   - write: Writes the bytes. The writer is valid only during this call.
  /// - Complexity: O(`maximumCount`), amortized.
  @inlinable @inline(__always)
  public mutating func append(atMost maximumCount: Int, _ write: (inout ByteWriter) -> Void) {
    if storage.count - used < maximumCount {
      storage.append(contentsOf: repeatElement(0, count: Swift.max(maximumCount, storage.count)))
    }
    let start = used
    used = storage.withUnsafeMutableBufferPointer { buffer in
      var writer = ByteWriter(buffer, from: start, limit: start + maximumCount)
      write(&writer)
      return writer.position
    }
  }

  /// Appends ASCII text given as a literal, such as `#"{"deadline":""#`.
  ///
  /// - Parameter literal: Text whose bytes are all ASCII.
  @inlinable public mutating func append(_ literal: StaticString) {
    append(atMost: literal.utf8CodeUnitCount) { $0.append(literal) }
  }

  /// Appends one byte.
  ///
  /// - Parameter byte: The byte.
  @inlinable public mutating func append(byte: UInt8) {
    append(atMost: 1) { $0.append(byte: byte) }
  }

  /// Appends a whole number in decimal, with a `-` when negative: what `String(value)` writes.
  ///
  /// - Parameter value: The number.
  @inlinable public mutating func append(decimal value: Int64) {
    append(atMost: 20) { $0.append(decimal: value) }
  }

  /// Appends the UTF-8 of a string (the slow paths' form).
  ///
  /// - Parameter text: The text, already valid JSON where it lands.
  package mutating func append(contentsOf text: String) {
    var text = text
    text.withUTF8 { append(contentsOf: $0) }
  }

  /// Appends bytes as they are.
  ///
  /// - Parameter other: The bytes, such as an encoder's output.
  package mutating func append(contentsOf other: some Collection<UInt8>) {
    append(atMost: other.count) { writer in
      for byte in other { writer.append(byte: byte) }
    }
  }

  /// Appends one line: what `build` appends, then a newline. If `build` throws, what it appended is dropped,
  /// so the line is in the buffer whole or not at all.
  ///
  /// - Parameter build: Appends one compact JSON value, without a newline.
  /// - Returns: The buffer's size afterwards.
  /// - Throws: What `build` throws.
  @discardableResult
  @inlinable public mutating func appendLine(_ build: (inout JSONLineBytes) throws -> Void) rethrows -> Int {
    let start = used
    do {
      try build(&self)
    } catch {
      used = start
      throw error
    }
    append(byte: UInt8(ascii: "\n"))
    return used
  }

  /// Drops what was appended after the first `count` bytes (a line given up half way).
  ///
  /// - Parameter count: How many bytes to keep.
  package mutating func truncate(to count: Int) {
    precondition(count >= 0 && count <= used, "a count within the buffer")
    used = count
  }

  /// Empties the buffer, keeping its capacity.
  package mutating func removeAll() { used = 0 }
}

/// Writes bytes into the room a ``JSONLineBytes`` made for them: the one place its buffer is written through a
/// pointer. It exists only inside ``JSONLineBytes/append(atMost:_:)`` — never keep it — and checks every byte
/// against the room reserved, so a wrong bound stops the program instead of writing past it.
public struct ByteWriter {
  @usableFromInline let buffer: UnsafeMutableBufferPointer<UInt8>
  @usableFromInline let limit: Int
  @usableFromInline var position: Int

  @inlinable init(_ buffer: UnsafeMutableBufferPointer<UInt8>, from position: Int, limit: Int) {
    precondition(position >= 0 && position <= limit && limit <= buffer.count, "room inside the buffer")
    self.buffer = buffer
    self.position = position
    self.limit = limit
  }

  /// Writes one byte.
  ///
  /// - Parameter byte: The byte.
  @inlinable @inline(__always)
  public mutating func append(byte: UInt8) {
    precondition(position < limit, "more bytes than JSONLineBytes.append(atMost:) reserved")
    buffer[position] = byte
    position += 1
  }

  /// Writes ASCII text given as a literal.
  ///
  /// - Parameter literal: Text whose bytes are all ASCII.
  @inlinable @inline(__always)
  public mutating func append(_ literal: StaticString) {
    assert(literal.hasPointerRepresentation, "a literal, not a single scalar")
    let count = literal.utf8CodeUnitCount
    precondition(count <= limit - position, "more bytes than JSONLineBytes.append(atMost:) reserved")
    let start = literal.utf8Start
    for offset in 0..<count { buffer[position + offset] = start[offset] }
    position += count
  }

  /// Writes a non-negative number as exactly `width` digits, padded with leading zeros.
  ///
  /// - Parameters:
  ///   - value: The number, `0 ..< 10^width`.
  ///   - width: How many digits.
  @inlinable @inline(__always)
  public mutating func append(digitsOf value: Int, width: Int) {
    assert(value >= 0, "a non-negative number")
    precondition(width <= limit - position, "more bytes than JSONLineBytes.append(atMost:) reserved")
    var rest = value
    for offset in stride(from: width - 1, through: 0, by: -1) {
      buffer[position + offset] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
      rest /= 10
    }
    assert(rest == 0, "more digits than the width")
    position += width
  }

  /// Writes a whole number in decimal (at most 20 bytes), with a `-` when negative: what `String(value)`
  /// writes.
  ///
  /// - Parameter value: The number.
  @inlinable
  public mutating func append(decimal value: Int64) {
    if value < 0 { append(byte: UInt8(ascii: "-")) }
    let magnitude = value.magnitude
    var width = 1
    var power: UInt64 = 10
    while width < 19 && magnitude >= power {
      width += 1
      power *= 10
    }
    precondition(width <= limit - position, "more bytes than JSONLineBytes.append(atMost:) reserved")
    var rest = magnitude
    for offset in stride(from: width - 1, through: 0, by: -1) {
      buffer[position + offset] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
      rest /= 10
    }
    position += width
  }
}
