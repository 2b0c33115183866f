import Foundation

extension Money {
  /// The sum of two amounts of the same currency.
  /// - Parameter other: The amount to add.
  /// - Returns: The exact sum.
  /// - Throws: ``SupportCoreError`` `currencyMismatch` or `overflow`.
  public func adding(_ other: Money) throws(SupportCoreError) -> Money {
    guard currency == other.currency else { throw .currencyMismatch(currency, other.currency) }
    let (sum, overflow) = minorUnits.addingReportingOverflow(other.minorUnits)
    guard !overflow else { throw .overflow("\(self) + \(other)") }
    return Money(minorUnits: sum, currency: currency)
  }

  /// The difference of two amounts of the same currency.
  /// - Parameter other: The amount to subtract.
  /// - Returns: The exact difference.
  /// - Throws: ``SupportCoreError`` `currencyMismatch` or `overflow`.
  public func subtracting(_ other: Money) throws(SupportCoreError) -> Money {
    guard currency == other.currency else { throw .currencyMismatch(currency, other.currency) }
    let (difference, overflow) = minorUnits.subtractingReportingOverflow(other.minorUnits)
    guard !overflow else { throw .overflow("\(self) - \(other)") }
    return Money(minorUnits: difference, currency: currency)
  }

  /// The amount times a whole number, such as a price times a quantity.
  /// - Parameter factor: The multiplier.
  /// - Returns: The exact product.
  /// - Throws: ``SupportCoreError`` `overflow`.
  public func multiplied(by factor: Int64) throws(SupportCoreError) -> Money {
    let (product, overflow) = minorUnits.multipliedReportingOverflow(by: factor)
    guard !overflow else { throw .overflow("\(self) × \(factor)") }
    return Money(minorUnits: product, currency: currency)
  }

  /// The amount divided by a whole number, rounded half away from zero to the minor unit (an annual price of
  /// 95.88 over 12 months is 7.99 a month).
  /// - Parameter divisor: A non-zero divisor.
  /// - Returns: The rounded quotient.
  /// - Throws: ``SupportCoreError`` `invalidAmount` when `divisor` is zero, `overflow` for `Int64.min ÷ −1`.
  public func dividedRounded(by divisor: Int64) throws(SupportCoreError) -> Money {
    guard divisor != 0 else { throw .invalidAmount("\(self) ÷ 0", expected: "a non-zero divisor") }
    guard !(minorUnits == .min && divisor == -1) else { throw .overflow("\(self) ÷ -1") }
    return Money(minorUnits: roundedDivision(minorUnits, by: divisor), currency: currency)
  }

  /// The amount with the opposite sign.
  /// - Returns: `−self`.
  /// - Throws: ``SupportCoreError`` `overflow` for `Int64.min` minor units.
  public func negated() throws(SupportCoreError) -> Money {
    guard minorUnits != .min else { throw .overflow("-(\(self))") }
    return Money(minorUnits: -minorUnits, currency: currency)
  }

  /// The exact sum of many amounts of one currency.
  /// - Parameters:
  ///   - amounts: The amounts to add.
  ///   - currency: The currency of the result (and of every amount).
  /// - Returns: The sum; zero for no amounts.
  /// - Throws: ``SupportCoreError`` `currencyMismatch` or `overflow`.
  /// - Complexity: O(*n*).
  public static func sum(_ amounts: some Sequence<Money>, currency: CurrencyCode) throws(SupportCoreError) -> Money {
    var total = Money.zero(currency)
    for amount in amounts { total = try total.adding(amount) }
    return total
  }
}

/// Divides rounding half away from zero.
/// - Precondition: `denominator` is not zero and the quotient fits.
package func roundedDivision(_ numerator: Int64, by denominator: Int64) -> Int64 {
  let quotient = numerator / denominator
  let remainder = numerator % denominator
  if remainder.magnitude >= denominator.magnitude - remainder.magnitude {
    return quotient + ((numerator < 0) != (denominator < 0) ? -1 : 1)
  }
  return quotient
}
