import Foundation

/// An amount of money held exactly, as a whole number of the currency's minor units (cents for USD).
///
/// Amounts are never `Double`. ``init(parsing:currency:)`` reads decimal strings such as `"7.99"` digit by
/// digit into minor units, and ``decimalString`` writes them back the same way.
///
/// `RetentionMetrics` stands alone, so it declares its own `Money`; it has the same shape as the one in
/// `SupportTickets` (`minorUnits` and an ISO 4217 `currency` code).
public struct Money: Hashable, Sendable, Codable, CustomStringConvertible {
  /// The amount in minor units (e.g. 799 for USD 7.99).
  public var minorUnits: Int64
  /// The ISO 4217 currency code, upper case (e.g. `"USD"`).
  public var currency: String

  /// Creates an amount.
  /// - Parameters:
  ///   - minorUnits: The amount in minor units.
  ///   - currency: The ISO 4217 currency code.
  public init(minorUnits: Int64, currency: String) {
    self.minorUnits = minorUnits
    self.currency = currency
  }

  /// Zero in a currency.
  /// - Parameter currency: The ISO 4217 currency code.
  /// - Returns: An amount of zero minor units.
  public static func zero(_ currency: String) -> Money { Money(minorUnits: 0, currency: currency) }

  /// How many decimal digits a currency's minor unit has: 0 for JPY, KRW and a few others, 3 for BHD, JOD,
  /// KWD, OMR, TND, LYD and IQD, 2 otherwise.
  /// - Parameter currency: The ISO 4217 currency code.
  /// - Returns: The number of fractional digits.
  public static func minorUnitDigits(for currency: String) -> Int {
    switch currency.uppercased() {
    case "JPY", "KRW", "VND", "CLP", "ISK", "UGX", "XAF", "XOF", "XPF", "PYG", "RWF", "KMF", "GNF", "VUV", "DJF":
      return 0
    case "BHD", "JOD", "KWD", "OMR", "TND", "LYD", "IQD": return 3
    default: return 2
    }
  }

  /// Parses a decimal amount in major units (`"7.99"`, `"-12"`, `"0.5"`) exactly into minor units.
  ///
  /// The text is read digit by digit; it never passes through `Double`. A sign, digits and at most one `.`
  /// are accepted; more fractional digits than the currency has minor-unit digits are rejected unless
  /// they are zeros (`"7.990"` is 799 cents, `"7.995"` is an error).
  /// - Parameters:
  ///   - text: The decimal text, surrounding spaces allowed.
  ///   - currency: The ISO 4217 currency code.
  /// - Throws: ``RetentionError/Code-swift.struct/invalidValue`` for malformed text or too much precision,
  ///   ``RetentionError/Code-swift.struct/overflow`` when the amount does not fit in `Int64` minor units.
  public init(parsing text: String, currency: String) throws(RetentionError) {
    let digits = Money.minorUnitDigits(for: currency)
    var bytes = Substring(text).utf8[...]
    while let first = bytes.first, first == UInt8(ascii: " ") { bytes = bytes.dropFirst() }
    while let last = bytes.last, last == UInt8(ascii: " ") { bytes = bytes.dropLast() }
    var negative = false
    if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
      negative = first == UInt8(ascii: "-")
      bytes = bytes.dropFirst()
    }
    let expected = "a decimal amount such as 7.99 with at most \(digits) decimal places"
    var value: Int64 = 0
    var sawDigit = false
    var fractionDigits = -1
    for byte in bytes {
      if byte == UInt8(ascii: ".") {
        guard fractionDigits < 0 else { throw .invalidValue(text, expected: expected) }
        fractionDigits = 0
        continue
      }
      guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else {
        throw .invalidValue(text, expected: expected)
      }
      let digit = Int64(byte - UInt8(ascii: "0"))
      sawDigit = true
      if fractionDigits >= 0 {
        fractionDigits += 1
        if fractionDigits > digits {
          guard digit == 0 else { throw .invalidValue(text, expected: expected) }
          continue
        }
      }
      let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
      let (sum, overflow2) = times10.addingReportingOverflow(digit)
      guard !overflow1 && !overflow2 else { throw RetentionError(.overflow, "amount '\(text)' is too large") }
      value = sum
    }
    guard sawDigit else { throw .invalidValue(text, expected: expected) }
    for _ in 0..<(digits - max(0, min(fractionDigits, digits))) {
      let (scaled, overflow) = value.multipliedReportingOverflow(by: 10)
      guard !overflow else { throw RetentionError(.overflow, "amount '\(text)' is too large") }
      value = scaled
    }
    self.init(minorUnits: negative ? -value : value, currency: currency)
  }

  /// The amount in major units as exact decimal text, e.g. `"7.99"`, `"-0.05"`, `"1200"` for JPY.
  public var decimalString: String {
    Money.decimalString(minorUnits: minorUnits, digits: Money.minorUnitDigits(for: currency))
  }

  static func decimalString(minorUnits: Int64, digits: Int) -> String {
    guard digits > 0 else { return String(minorUnits) }
    let magnitude = minorUnits.magnitude
    var scale: UInt64 = 1
    for _ in 0..<digits { scale *= 10 }
    let whole = magnitude / scale
    let fraction = String(magnitude % scale)
    let padded = String(repeating: "0", count: digits - fraction.count) + fraction
    return (minorUnits < 0 ? "-" : "") + "\(whole).\(padded)"
  }

  /// `"7.99 USD"`.
  public var description: String { "\(decimalString) \(currency)" }

  /// The monthly recurring revenue of a price charged once per billing period: the price divided by the
  /// period's months, rounded half away from zero to the minor unit (an annual plan at 95.88 is 7.99 a month).
  /// - Parameters:
  ///   - price: The amount charged each period.
  ///   - period: How often it is charged.
  /// - Returns: The normalised monthly amount.
  public static func monthlyRecurringRevenue(ofPrice price: Money, per period: BillingPeriod) -> Money {
    Money(
      minorUnits: roundedDivision(price.minorUnits, by: Int64(period.months)), currency: price.currency)
  }
}

/// Divides rounding half away from zero.
func roundedDivision(_ numerator: Int64, by denominator: Int64) -> Int64 {
  let quotient = numerator / denominator
  let remainder = numerator % denominator
  if remainder.magnitude * 2 >= denominator.magnitude {
    return quotient + ((numerator < 0) != (denominator < 0) ? -1 : 1)
  }
  return quotient
}

/// Rounds a decimal number of minor units to a whole number, half away from zero.
func roundedMinorUnits(_ value: Decimal) -> Int64 {
  var input = value
  var rounded = Decimal()
  NSDecimalRound(&rounded, &input, 0, .plain)
  return NSDecimalNumber(decimal: rounded).int64Value
}
