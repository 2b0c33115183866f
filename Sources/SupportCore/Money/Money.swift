import Foundation

/// An amount of money held exactly, as a whole number of the currency's minor units — never a `Double`.
///
/// `Money(minorUnits: 799, currency: "USD")` is US$7.99; `Money(minorUnits: 1200, currency: "JPY")` is ¥1200
/// (the yen has no minor unit in use) and `Money(minorUnits: 1500, currency: "KWD")` is 1.500 dinars. The
/// number of decimals always comes from the currency (``CurrencyCode/minorUnitDigits``), when parsing and when
/// formatting.
///
/// Arithmetic is checked: ``adding(_:)``, ``subtracting(_:)``, ``multiplied(by:)`` and ``sum(_:currency:)``
/// throw on a currency mismatch or when the result does not fit in `Int64` minor units, instead of trapping
/// or wrapping.
///
/// JSON: `{"minorUnits":799,"currency":"USD"}`.
public struct Money: Hashable, Sendable, Codable, CustomStringConvertible {
  /// The amount in minor units (for USD, cents).
  public var minorUnits: Int64
  /// The currency.
  public var currency: CurrencyCode

  /// Creates an amount.
  /// - Parameters:
  ///   - minorUnits: The amount in the currency's minor units.
  ///   - currency: The currency.
  public init(minorUnits: Int64, currency: CurrencyCode) {
    self.minorUnits = minorUnits
    self.currency = currency
  }

  /// Zero in a currency.
  /// - Parameter currency: The currency.
  /// - Returns: An amount of zero minor units.
  public static func zero(_ currency: CurrencyCode) -> Money { Money(minorUnits: 0, currency: currency) }

  /// Whether the amount is zero.
  public var isZero: Bool { minorUnits == 0 }

  /// The amount in major units as exact decimal text with the currency's decimals: `"7.99"`, `"-0.05"`,
  /// `"1200"` for JPY, `"1.500"` for KWD.
  public var decimalString: String {
    let digits = currency.minorUnitDigits
    let magnitude = minorUnits.magnitude
    let sign = minorUnits < 0 ? "-" : ""
    guard digits > 0 else { return sign + String(magnitude) }
    let scale = UInt64(currency.minorUnitsPerMajor)
    let fraction = String(magnitude % scale)
    return sign + String(magnitude / scale) + "." + String(repeating: "0", count: digits - fraction.count) + fraction
  }

  /// `"USD 7.99"`, `"JPY 1200"`, `"KWD 1.500"` (for display; ``decimalString`` has no code).
  public var description: String { "\(currency.code) \(decimalString)" }

  /// Decodes `{"minorUnits": 799, "currency": "USD"}`.
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: `DecodingError` when a field is missing or the currency is not a three-letter code.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    minorUnits = try container.decode(Int64.self, forKey: .minorUnits)
    currency = try container.decode(CurrencyCode.self, forKey: .currency)
  }

  private enum CodingKeys: String, CodingKey { case minorUnits, currency }

  /// Encodes `{"minorUnits": 799, "currency": "USD"}`.
  /// - Parameter encoder: The encoder to write to.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(minorUnits, forKey: .minorUnits)
    try container.encode(currency, forKey: .currency)
  }
}
