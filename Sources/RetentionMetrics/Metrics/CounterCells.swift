import Foundation

/// The monthly counters while they are being computed: one flat block of `Int64` cells, ``fields`` per month,
/// written through a pointer so the per-customer loops do no bounds, uniqueness or allocation work.
struct CounterCells {
  static let customersStart = 0
  static let customersEnd = 1
  static let newCustomers = 2
  static let reactivatedCustomers = 3
  static let churnedCustomers = 4
  static let nrrBaseCustomers = 5
  static let mrrStart = 6
  static let mrrEnd = 7
  static let newMRR = 8
  static let reactivationMRR = 9
  static let expansionMRR = 10
  static let contractionMRR = 11
  static let churnedMRR = 12
  static let nrrBaseMRR = 13
  static let nrrCurrentMRR = 14
  static let grrCurrentMRR = 15
  static let renewalsDue = 16
  static let periods = BillingPeriod.allCases.count
  static let renewalsRenewed = renewalsDue + periods
  static let fields = renewalsRenewed + periods

  let cells: UnsafeMutablePointer<Int64>
  let months: Int

  /// Adds one customer's movements, comparing consecutive month ends of its MRR.
  func addMovements(of mrr: UnsafeMutableBufferPointer<Int64>, from first: Int, through last: Int) {
    var previous: Int64 = first > 0 ? mrr[first - 1] : 0
    var everActive = false
    for month in first...last {
      let row = cells + month * Self.fields
      let current = mrr[month]
      if previous > 0 {
        row[Self.customersStart] &+= 1
        row[Self.mrrStart] &+= previous
      }
      if current > 0 {
        row[Self.customersEnd] &+= 1
        row[Self.mrrEnd] &+= current
        if previous == 0 {
          if everActive {
            row[Self.reactivatedCustomers] &+= 1
            row[Self.reactivationMRR] &+= current
          } else {
            row[Self.newCustomers] &+= 1
            row[Self.newMRR] &+= current
          }
        } else if current > previous {
          row[Self.expansionMRR] &+= current - previous
        } else if current < previous {
          row[Self.contractionMRR] &+= previous - current
        }
        everActive = true
      } else if previous > 0 {
        row[Self.churnedCustomers] &+= 1
        row[Self.churnedMRR] &+= previous
      }
      if month >= 12 {
        let yearAgo = mrr[month - 12]
        if yearAgo > 0 {
          row[Self.nrrBaseCustomers] &+= 1
          row[Self.nrrBaseMRR] &+= yearAgo
          row[Self.nrrCurrentMRR] &+= current
          row[Self.grrCurrentMRR] &+= min(current, yearAgo)
        }
      }
      previous = current
    }
  }

  /// Adds one customer's start-based counters to the tier segment it starts each month in: for every month
  /// whose previous month end had MRR > 0, the highest tier rank active then picks the segment (`tiers[rank]`),
  /// which counts the customer and its MRR at the start and, when the month ends at 0, the churn.
  static func addStartCounts(
    of mrr: UnsafeMutableBufferPointer<Int64>, ranks: UnsafeMutableBufferPointer<UInt8>, from first: Int,
    through last: Int, into tiers: [CounterCells]
  ) {
    guard first + 1 <= last else { return }
    for month in (first + 1)...last {
      let previous = mrr[month - 1]
      guard previous > 0 else { continue }
      let row = tiers[Int(ranks[month - 1])].cells + month * fields
      row[customersStart] &+= 1
      row[mrrStart] &+= previous
      if mrr[month] == 0 {
        row[churnedCustomers] &+= 1
        row[churnedMRR] &+= previous
      }
    }
  }

  /// Adds one customer's renewals.
  ///
  /// Renewal k of a subscription falls on start + k × period months (day clamped to the month's end). It is
  /// due when the subscription ran up to that day (start < d ≤ end, or still running) and d is on or before
  /// the report date; it renewed when service continued past d (end > d) or the customer started another
  /// subscription on d. Only a renewal in the month the subscription ends needs its exact day.
  func addRenewals(of customer: Int, in dataset: RetentionDataset, base: Int) {
    let lastMonth = base + months - 1
    for position in dataset.customerOffsets[customer]..<dataset.customerOffsets[customer + 1] {
      let subscription = Int(dataset.order[position])
      let period = Int(dataset.periodMonths[subscription])
      let slot = Int(dataset.periodSlot[subscription])
      let endMonth = Int(dataset.endMonth[subscription])
      let limit = min(endMonth, lastMonth)
      var month = Int(dataset.startMonth[subscription]) + period
      while month <= limit {
        let row = cells + (month - base) * Self.fields
        if month < endMonth {
          row[Self.renewalsDue + slot] &+= 1
          row[Self.renewalsRenewed + slot] &+= 1
        } else {
          let startDay = CivilDate(dayNumber: Int(dataset.startDay[subscription])).components.day
          let target = CivilMonth(index: month)
          let day = Int32(
            CivilCalendar.days(year: target.year, month: target.month, day: min(startDay, target.numberOfDays)))
          let end = dataset.endDay[subscription]
          if day < end {
            row[Self.renewalsDue + slot] &+= 1
            row[Self.renewalsRenewed + slot] &+= 1
          } else if day == end {
            row[Self.renewalsDue + slot] &+= 1
            if dataset.customer(customer, startsSubscriptionOn: day, other: subscription) {
              row[Self.renewalsRenewed + slot] &+= 1
            }
          }
        }
        month += period
      }
    }
  }

  /// The cells as public counters.
  static func counters(from cells: [Int64], months: Int) -> [MonthlyCounters] {
    (0..<months).map { month in
      let row = cells[(month * fields)..<((month + 1) * fields)]
      let base = row.startIndex
      var counter = MonthlyCounters()
      counter.customersStart = Int(row[base + customersStart])
      counter.customersEnd = Int(row[base + customersEnd])
      counter.newCustomers = Int(row[base + newCustomers])
      counter.reactivatedCustomers = Int(row[base + reactivatedCustomers])
      counter.churnedCustomers = Int(row[base + churnedCustomers])
      counter.nrrBaseCustomers = Int(row[base + nrrBaseCustomers])
      counter.mrrStart = row[base + mrrStart]
      counter.mrrEnd = row[base + mrrEnd]
      counter.newMRR = row[base + newMRR]
      counter.reactivationMRR = row[base + reactivationMRR]
      counter.expansionMRR = row[base + expansionMRR]
      counter.contractionMRR = row[base + contractionMRR]
      counter.churnedMRR = row[base + churnedMRR]
      counter.nrrBaseMRR = row[base + nrrBaseMRR]
      counter.nrrCurrentMRR = row[base + nrrCurrentMRR]
      counter.grrCurrentMRR = row[base + grrCurrentMRR]
      counter.renewalsDue = (0..<periods).map { Int(row[base + renewalsDue + $0]) }
      counter.renewalsRenewed = (0..<periods).map { Int(row[base + renewalsRenewed + $0]) }
      return counter
    }
  }
}
