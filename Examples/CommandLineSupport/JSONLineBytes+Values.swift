/// String literals and four-decimal numbers written straight into a ``JSONLineBytes``: the byte-level forms of
/// ``JSONText/quoted(_:)`` and ``JSONText/number(_:)``, byte for byte the same text without a `String` or a
/// format call per value.
extension JSONLineBytes {
  /// Appends a JSON string literal exactly as ``JSONText/quoted(_:)`` writes it: quotes, backslashes and control
  /// characters escaped, and U+2028/U+2029 too.
  ///
  /// - Parameter text: The text.
  /// - Complexity: O(n) in the text's UTF-8 length.
  package mutating func append(quoted text: String) {
    var text = text
    text.withUTF8 { append(quotedUTF8: $0) }
  }

  /// ``append(quoted:)`` for text given as valid UTF-8 bytes.
  ///
  /// - Parameter bytes: The text's UTF-8 (valid: from a `String` or checked by the caller).
  /// - Complexity: O(n) in the number of bytes.
  package mutating func append(quotedUTF8 bytes: UnsafeBufferPointer<UInt8>) {
    // An escape is at most six bytes (\u00xx) for one byte of input.
    append(atMost: 6 * bytes.count + 2) { writer in
      writer.append(byte: UInt8(ascii: "\""))
      var index = 0
      let count = bytes.count
      while index < count {
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""): writer.append(#"\""#)
        case UInt8(ascii: "\\"): writer.append(#"\\"#)
        case UInt8(ascii: "\n"): writer.append(#"\n"#)
        case UInt8(ascii: "\r"): writer.append(#"\r"#)
        case UInt8(ascii: "\t"): writer.append(#"\t"#)
        case 0..<0x20:
          writer.append(#"\u00"#)
          writer.append(byte: Self.hexDigits[Int(byte >> 4)])
          writer.append(byte: Self.hexDigits[Int(byte & 0xF)])
        case 0xE2 where index + 1 < count && bytes[index] == 0x80 && (bytes[index + 1] | 1) == 0xA9:
          // U+2028 (E2 80 A8) and U+2029 (E2 80 A9).
          writer.append(bytes[index + 1] == 0xA8 ? #"\u2028"# : #"\u2029"#)
          index += 2
        default: writer.append(byte: byte)
        }
      }
      writer.append(byte: UInt8(ascii: "\""))
    }
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)

  /// Appends a number exactly as ``JSONText/number(_:)`` writes it: `%.4f` (the binary value rounded to four
  /// decimals, ties to even, `-` kept for negative zero and for negatives that round to zero), `null` when
  /// not finite.
  ///
  /// - Parameter value: The number.
  /// - Complexity: O(1).
  package mutating func append(fourDecimals value: Double) {
    guard value.isFinite else { return append("null") }
    guard let scaled = Self.fourDecimalUnits(value.magnitude) else {
      return append(contentsOf: JSONText.number(value))
    }
    append(atMost: 26) { writer in
      if value.sign == .minus { writer.append(byte: UInt8(ascii: "-")) }
      writer.append(decimal: Int64(scaled / 10_000))
      writer.append(byte: UInt8(ascii: "."))
      writer.append(digitsOf: Int(scaled % 10_000), width: 4)
    }
  }

  /// `magnitude × 10⁴` rounded to the nearest whole number, ties to even, computed exactly: a finite double is
  /// m·2^e with m < 2^53, so m·10⁴ = (m·625)·2^(e+4) with m·625 < 2^63. `nil` from 10^14 on (the caller formats
  /// those the slow way).
  static func fourDecimalUnits(_ magnitude: Double) -> UInt64? {
    guard magnitude < 1e14 else { return nil }
    guard magnitude != 0 else { return 0 }
    let significand: UInt64
    let exponent: Int
    if magnitude.exponentBitPattern == 0 {
      significand = magnitude.significandBitPattern
      exponent = -1074
    } else {
      significand = magnitude.significandBitPattern | (1 << 52)
      exponent = Int(magnitude.exponentBitPattern) - 1075
    }
    let product = significand * 625
    let shift = exponent + 4
    if shift >= 0 { return product << UInt64(shift) }
    let right = -shift
    guard right < 64 else { return 0 }
    let quotient = product >> UInt64(right)
    let remainder = product & ((1 << UInt64(right)) - 1)
    let half: UInt64 = 1 << UInt64(right - 1)
    return remainder > half || (remainder == half && quotient & 1 == 1) ? quotient + 1 : quotient
  }
}
