/// Bytes of JSON lines being built by hand on a hot path: ASCII literals, whole numbers and zero-padded digits
/// appended straight into one reusable buffer, with no `String` per value.
///
/// ``JSONLinesWriter`` keeps one and lends it to ``JSONLinesWriter/writeLine(_:)``; a test builds one of its own
/// to look at what a tool would write.
package struct JSONLineBytes {
  /// What was appended so far.
  package private(set) var bytes: [UInt8] = []

  /// An empty buffer.
  ///
  /// - Parameter capacity: Bytes to reserve up front.
  package init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

  /// The number of bytes appended so far.
  package var count: Int { bytes.count }

  /// Appends ASCII text given as a literal, such as `#"{"deadline":""#`.
  ///
  /// - Parameter literal: Text whose bytes are all ASCII.
  package mutating func append(_ literal: StaticString) {
    assert(literal.hasPointerRepresentation, "a literal, not a single scalar")
    literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  /// Appends one byte.
  ///
  /// - Parameter byte: The byte.
  package mutating func append(byte: UInt8) { bytes.append(byte) }

  /// Appends the UTF-8 of a string (the slow paths' form).
  ///
  /// - Parameter text: The text, already valid JSON where it lands.
  package mutating func append(contentsOf text: String) { bytes.append(contentsOf: text.utf8) }

  /// Appends bytes as they are.
  ///
  /// - Parameter other: The bytes, such as an encoder's output.
  package mutating func append(contentsOf other: some Collection<UInt8>) { bytes.append(contentsOf: other) }

  /// Appends a whole number in decimal, with a `-` when negative: what `String(value)` writes.
  ///
  /// - Parameter value: The number.
  package mutating func append(decimal value: Int64) {
    if value < 0 { bytes.append(UInt8(ascii: "-")) }
    var magnitude = value.magnitude
    var digits = 1
    var scale: UInt64 = 1
    while magnitude / scale >= 10 {
      scale *= 10
      digits += 1
    }
    for _ in 0..<digits {
      bytes.append(UInt8(ascii: "0") + UInt8(magnitude / scale))
      magnitude %= scale
      scale /= 10
    }
  }

  /// Appends a non-negative number as exactly `width` digits, padded with leading zeros.
  ///
  /// - Parameters:
  ///   - value: The number, `0 ..< 10^width`.
  ///   - width: How many digits.
  package mutating func append(digitsOf value: Int, width: Int) {
    assert(value >= 0 && width > 0 && width <= 18, "a non-negative number that fits in the width")
    var divisor = 1
    for _ in 1..<width { divisor *= 10 }
    assert(value / divisor < 10, "\(value) has more than \(width) digits")
    var rest = value
    while divisor > 0 {
      bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor))
      rest %= divisor
      divisor /= 10
    }
  }

  /// Drops what was appended after the first `count` bytes (a line given up half way).
  ///
  /// - Parameter count: How many bytes to keep.
  package mutating func truncate(to count: Int) {
    bytes.removeSubrange(count...)
  }

  /// Empties the buffer, keeping its capacity.
  package mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }
}
