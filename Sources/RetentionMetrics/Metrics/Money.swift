import Foundation

extension Money {
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

/// Rounds a decimal number of minor units to a whole number, half away from zero.
func roundedMinorUnits(_ value: Decimal) -> Int64 {
  var input = value
  var rounded = Decimal()
  NSDecimalRound(&rounded, &input, 0, .plain)
  return NSDecimalNumber(decimal: rounded).int64Value
}
