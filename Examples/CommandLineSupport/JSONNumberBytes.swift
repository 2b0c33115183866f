/// The value of a JSON number read straight from its bytes, for the common numbers whose conversion is exact
/// without a general decimal parser.
package enum JSONNumberBytes {
  /// Powers of ten that a `Double` holds exactly.
  private static let exactPowersOfTen: [Double] = (0...22).map { exponent in
    (0..<exponent).reduce(1.0) { power, _ in power * 10 }
  }

  /// The number's value, when it can be computed exactly: no exponent, its digits (without the point) forming a
  /// whole number below 2^53, and at most 22 decimals. The value is then the quotient of two doubles that hold
  /// their numbers exactly, which IEEE 754 rounds correctly: the same `Double` that `JSONDecoder` (or any
  /// correct decimal conversion) gives.
  ///
  /// - Parameter text: Number text already checked against JSON's grammar (as ``FlatJSONObjectScanner`` does).
  /// - Returns: The value, or `nil` for a number this shortcut does not cover (decode it the full way).
  package static func exactDouble(_ text: ArraySlice<UInt8>) -> Double? {
    var index = text.startIndex
    let negative = index < text.endIndex && text[index] == UInt8(ascii: "-")
    if negative { index += 1 }
    var significand: UInt64 = 0
    var decimals = 0
    var seenPoint = false
    while index < text.endIndex {
      let byte = text[index]
      index += 1
      if byte == UInt8(ascii: ".") && !seenPoint {
        seenPoint = true
        continue
      }
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      significand = significand * 10 + UInt64(byte - UInt8(ascii: "0"))
      guard significand < 1 << 53 else { return nil }
      if seenPoint { decimals += 1 }
    }
    guard decimals < exactPowersOfTen.count else { return nil }
    let magnitude = Double(significand) / exactPowersOfTen[decimals]
    return negative ? -magnitude : magnitude
  }
}
