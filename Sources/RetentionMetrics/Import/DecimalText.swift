import Foundation

/// Numbers and flags read straight from CSV bytes.
package enum DecimalText {
  private static let powersOfTen: [Double] = (0...22).map { pow(10, Double($0)) }

  /// A plain decimal (`42`, `3.25`) read exactly: digits whose value is below 2⁵³ over a power of ten up to
  /// 10²² are both exact doubles, so one division rounds correctly (Clinger's fast path). `nil` for anything
  /// else (signs, exponents, more digits), which the caller reads with `Double(_:)`.
  package static func double(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    guard !bytes.isEmpty, bytes.count <= 40 else { return nil }
    var mantissa: UInt64 = 0
    var fractionDigits = 0
    var sawPoint = false
    var digits = 0
    for byte in bytes {
      if byte == UInt8(ascii: ".") {
        guard !sawPoint else { return nil }
        sawPoint = true
        continue
      }
      let digit = UInt64(byte) &- 48
      guard digit <= 9 else { return nil }
      if digits == 0 && digit == 0 && !sawPoint { continue }
      digits += 1
      guard digits <= 19 else { return nil }
      mantissa = mantissa &* 10 &+ digit
      if sawPoint { fractionDigits += 1 }
    }
    guard mantissa <= 1 << 53, fractionDigits <= 22, bytes.count > (sawPoint ? 1 : 0) else { return nil }
    return Double(mantissa) / powersOfTen[fractionDigits]
  }

  /// As ``flag(_:)`` for text that needed unescaping.
  package static func flag(text: String) -> Bool? {
    switch text.lowercased() {
    case "1", "true": true
    case "0", "false": false
    default: nil
    }
  }

  /// `1`/`true` → `true`, `0`/`false` → `false` (any case), else `nil`.
  package static func flag(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
    if bytes.count == 1 {
      if bytes[0] == UInt8(ascii: "1") { return true }
      if bytes[0] == UInt8(ascii: "0") { return false }
      return nil
    }
    func spells(_ word: StaticString) -> Bool {
      guard bytes.count == word.utf8CodeUnitCount else { return false }
      let letters = word.utf8Start
      return (0..<bytes.count).allSatisfy { bytes[$0] | 0x20 == letters[$0] }
    }
    if spells("true") { return true }
    if spells("false") { return false }
    return nil
  }
}
