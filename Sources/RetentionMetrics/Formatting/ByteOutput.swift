import Foundation

/// Output text built as UTF-8 bytes in one growing buffer: numbers are formatted straight into it (no `String`
/// per number), and the whole buffer is written or decoded once at the end.
struct ByteOutput {
  /// The bytes written so far.
  var bytes: [UInt8]

  /// An empty buffer.
  /// - Parameter capacity: Bytes to reserve up front.
  init(capacity: Int = 1 << 16) {
    bytes = []
    bytes.reserveCapacity(capacity)
  }

  /// The text written so far.
  var text: String { String(decoding: bytes, as: UTF8.self) }

  @inline(__always)
  mutating func append(_ byte: UInt8) { bytes.append(byte) }

  /// Appends a string's UTF-8 bytes.
  mutating func append(_ text: String) {
    var text = text
    text.withUTF8 { bytes.append(contentsOf: $0) }
  }

  /// Appends `value` in decimal.
  mutating func append(integer value: Int) {
    if value < 0 {
      bytes.append(UInt8(ascii: "-"))
      appendDigits(value.magnitude.toUInt64)
    } else {
      appendDigits(UInt64(value))
    }
  }

  /// Appends a `Double` exactly as Swift's `description` writes it: the shortest digits that read back as the
  /// same value, in positional notation from 1e-4 up to 2⁵³ (`0.0001`, `123.5`, `7.0`) and in exponential
  /// notation outside (`1e-05`, `1.5e+300`); `0.0`, `-0.0`, `inf`, `-inf` and `nan` for the special values.
  mutating func append(double value: Double) {
    guard value.isFinite else {
      append(value.isNaN ? "nan" : value < 0 ? "-inf" : "inf")
      return
    }
    if value.sign == .minus { bytes.append(UInt8(ascii: "-")) }
    let magnitude = value.magnitude
    if magnitude == 0 {
      append("0.0")
      return
    }
    let decimal = ShortestDecimal(magnitude)
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
      // The digits, most significant first.
      let count = ShortestDecimal.digitCount(decimal.digits)
      var rest = decimal.digits
      for index in stride(from: count - 1, through: 0, by: -1) {
        digits[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
        rest /= 10
      }
      // Scientific exponent: value = d.ddd × 10^scientific.
      let scientific = decimal.exponent + count - 1
      if magnitude > 0x1p53 || scientific < -4 {
        bytes.append(digits[0])
        if count > 1 {
          bytes.append(UInt8(ascii: "."))
          bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[1..<count]))
        }
        bytes.append(UInt8(ascii: "e"))
        bytes.append(scientific < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
        if scientific.magnitude < 10 { bytes.append(UInt8(ascii: "0")) }
        appendDigits(UInt64(scientific.magnitude))
      } else if scientific < 0 {
        bytes.append(UInt8(ascii: "0"))
        bytes.append(UInt8(ascii: "."))
        for _ in 0..<(-scientific - 1) { bytes.append(UInt8(ascii: "0")) }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[0..<count]))
      } else if scientific + 1 >= count {
        // A whole number: digits, zeros, ".0".
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[0..<count]))
        for _ in 0..<(scientific + 1 - count) { bytes.append(UInt8(ascii: "0")) }
        bytes.append(UInt8(ascii: "."))
        bytes.append(UInt8(ascii: "0"))
      } else {
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[0...scientific]))
        bytes.append(UInt8(ascii: "."))
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[(scientific + 1)..<count]))
      }
    }
  }

  /// Appends the decimal digits of `value`.
  mutating func appendDigits(_ value: UInt64) {
    if value < 10 {
      bytes.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value))
      return
    }
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
      var rest = value
      var index = 20
      while rest > 0 {
        index -= 1
        digits[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
        rest /= 10
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[index..<20]))
    }
  }
}

extension UInt {
  fileprivate var toUInt64: UInt64 { UInt64(self) }
}
