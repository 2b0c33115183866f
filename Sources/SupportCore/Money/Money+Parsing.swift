import Foundation

extension Money {
  /// Parses a decimal amount in major units (`"7.99"`, `"-12"`, `"0.5"`, `"1200"` for JPY) exactly into minor
  /// units, never through `Double`.
  ///
  /// A sign, digits and at most one `.` are accepted, surrounded by spaces. More decimals than the currency has
  /// are rejected unless they are zeros (`"7.990"` is 799 cents; `"7.995"` is an error).
  /// - Parameters:
  ///   - text: The decimal text.
  ///   - currency: The currency, which says how many decimals are allowed.
  /// - Throws: ``SupportCoreError`` `invalidAmount` for malformed text or too much precision, `overflow` when
  ///   the amount does not fit in `Int64` minor units.
  /// - Complexity: O(*n*) in the length of `text`.
  public init(parsing text: String, currency: CurrencyCode) throws(SupportCoreError) {
    let digits = currency.minorUnitDigits
    var bytes = Substring(text).utf8[...]
    while let first = bytes.first, first == UInt8(ascii: " ") { bytes = bytes.dropFirst() }
    while let last = bytes.last, last == UInt8(ascii: " ") { bytes = bytes.dropLast() }
    var negative = false
    if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
      negative = first == UInt8(ascii: "-")
      bytes = bytes.dropFirst()
    }
    let expected =
      digits == 0
      ? "a whole amount of \(currency) such as 1200"
      : "a decimal amount of \(currency) with at most \(digits) decimal places"
    // Accumulate as a negative number so Int64.min minor units can be read.
    var value: Int64 = 0
    var sawDigit = false
    var fractionDigits = -1
    for byte in bytes {
      if byte == UInt8(ascii: ".") {
        guard fractionDigits < 0 else { throw .invalidAmount(text, expected: expected) }
        fractionDigits = 0
        continue
      }
      guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else {
        throw .invalidAmount(text, expected: expected)
      }
      let digit = Int64(byte - UInt8(ascii: "0"))
      sawDigit = true
      if fractionDigits >= 0 {
        fractionDigits += 1
        if fractionDigits > digits {
          guard digit == 0 else { throw .invalidAmount(text, expected: expected) }
          continue
        }
      }
      let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
      let (next, overflow2) = times10.subtractingReportingOverflow(digit)
      guard !overflow1 && !overflow2 else { throw .overflow("the amount '\(abbreviated(text))'") }
      value = next
    }
    guard sawDigit else { throw .invalidAmount(text, expected: expected) }
    for _ in 0..<(digits - max(0, min(fractionDigits, digits))) {
      let (scaled, overflow) = value.multipliedReportingOverflow(by: 10)
      guard !overflow else { throw .overflow("the amount '\(abbreviated(text))'") }
      value = scaled
    }
    if negative {
      self.init(minorUnits: value, currency: currency)
    } else {
      guard value != .min else { throw .overflow("the amount '\(abbreviated(text))'") }
      self.init(minorUnits: -value, currency: currency)
    }
  }
}
