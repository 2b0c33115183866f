import Foundation

/// An amount of money in a currency's minor units (cents, sen…), never a floating-point number.
///
/// `Money(minorUnits: 799, currency: "USD")` is US$7.99. Arithmetic is exact and refuses to mix
/// currencies.
public struct Money: Hashable, Sendable, Codable, CustomStringConvertible {
  /// The amount in minor units (for USD, cents).
  public var minorUnits: Int64
  /// The ISO 4217 currency code, upper case (`USD`, `MYR`, `LAK`).
  public var currency: String

  /// Creates an amount.
  /// - Parameters:
  ///   - minorUnits: The amount in the currency's minor units.
  ///   - currency: The ISO 4217 code; it is upper-cased.
  public init(minorUnits: Int64, currency: String) {
    self.minorUnits = minorUnits
    self.currency = currency.uppercased()
  }

  /// Decodes `{"minorUnits": 799, "currency": "USD"}`.
  /// - Throws: `DecodingError` when the currency is not three ASCII letters.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let units = try container.decode(Int64.self, forKey: .minorUnits)
    let code = try container.decode(String.self, forKey: .currency)
    guard code.count == 3, code.allSatisfy({ $0.isASCII && $0.isLetter }) else {
      throw DecodingError.dataCorruptedError(
        forKey: .currency, in: container, debugDescription: "currency must be a three-letter ISO 4217 code")
    }
    self.init(minorUnits: units, currency: code)
  }

  /// Zero in a currency.
  /// - Parameter currency: The ISO 4217 code.
  /// - Returns: An amount of zero minor units.
  public static func zero(_ currency: String) -> Money { Money(minorUnits: 0, currency: currency) }

  /// Adds two amounts of the same currency.
  /// - Precondition: Both amounts have the same currency; use ``adding(_:)`` to get an error instead.
  public static func + (lhs: Money, rhs: Money) -> Money {
    precondition(lhs.currency == rhs.currency, "cannot add \(lhs.currency) and \(rhs.currency)")
    return Money(minorUnits: lhs.minorUnits + rhs.minorUnits, currency: lhs.currency)
  }

  /// Subtracts an amount of the same currency.
  /// - Precondition: Both amounts have the same currency.
  public static func - (lhs: Money, rhs: Money) -> Money {
    precondition(lhs.currency == rhs.currency, "cannot subtract \(rhs.currency) from \(lhs.currency)")
    return Money(minorUnits: lhs.minorUnits - rhs.minorUnits, currency: lhs.currency)
  }

  /// Adds an amount, failing on a currency mismatch or overflow instead of trapping.
  /// - Parameter other: The amount to add.
  /// - Returns: The sum, or `nil` when the currencies differ or the sum overflows.
  public func adding(_ other: Money) -> Money? {
    guard currency == other.currency else { return nil }
    let (sum, overflow) = minorUnits.addingReportingOverflow(other.minorUnits)
    return overflow ? nil : Money(minorUnits: sum, currency: currency)
  }

  /// The amount as `CUR 12.34` with two decimals (for display only).
  public var description: String {
    let sign = minorUnits < 0 ? "-" : ""
    let magnitude = minorUnits.magnitude
    let cents = magnitude % 100
    return "\(currency) \(sign)\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
  }
}
