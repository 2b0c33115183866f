import Foundation

/// One customer's retention as the support-experience analysis reads it: the customer lifetime (first start to
/// the first day without any subscription, as ``SurvivalAgainstDirect`` measures it), whether it ended in
/// churn, and the renewals that fell due and were renewed.
package struct CustomerOutcome: Hashable, Sendable {
  /// The customer.
  package var customer: CustomerID
  /// The lifetime in the unit asked for.
  package var lifetime: Double
  /// Whether the lifetime ended (churn) on or before the day after the report date; otherwise censored.
  package var churned: Bool
  /// Renewals due on or before the report date.
  package var renewalsDue: Int
  /// Of those, the renewals where service went on (or another subscription started that day).
  package var renewed: Int
}

extension RetentionDataset {
  /// Every customer's lifetime and renewals, in customer order; customers whose first start is after the
  /// report date are left out.
  ///
  /// Renewal k of a subscription falls on start + k × period months (day clamped to the month's end). It is
  /// due when the subscription ran up to that day and the day is on or before the report date; it renewed when
  /// service went on past it or the customer started another subscription that day — the rule of the monthly
  /// renewal counts.
  /// - Parameters:
  ///   - reportDate: The last day observed.
  ///   - unit: Days or completed months.
  /// - Returns: One outcome per counted customer.
  /// - Complexity: O(n + r) for n subscriptions and r renewals due.
  package func customerOutcomes(reportDate: CivilDate, unit: SubscriptionLifetimes.Unit) -> [CustomerOutcome] {
    let lifetimes = CustomerLifetimes.lifetimes(in: self, reportDate: reportDate, unit: unit)
    let report = Int32(clamping: reportDate.dayNumber)
    return lifetimes.customers.indices.map { index in
      let customer = Int(lifetimes.customers[index])
      var due = 0
      var renewed = 0
      for position in customerOffsets[customer]..<customerOffsets[customer + 1] {
        let subscription = Int(order[position])
        let start = CivilDate(dayNumber: Int(startDay[subscription]))
        let end = endDay[subscription]
        var k = 1
        while true {
          let day = Int32(clamping: start.addingMonths(k * Int(periodMonths[subscription])).dayNumber)
          guard day <= report, day <= end else { break }
          due += 1
          if day < end || self.customer(customer, startsSubscriptionOn: day, other: subscription) { renewed += 1 }
          k += 1
        }
      }
      return CustomerOutcome(
        customer: customerID(customer), lifetime: lifetimes.durations[index], churned: lifetimes.observed[index],
        renewalsDue: due, renewed: renewed)
    }
  }
}
