import Foundation

/// How customers who started on shared hosting moved up to a VPS or a dedicated server.
///
/// A customer is a shared starter when its first subscription (earliest start) is of tier `PlanTier.shared`.
/// It upgraded on the first day it started a `PlanTier.vps` or `PlanTier.dedicated` subscription (on or
/// after its first start). "Within w months" means before the w-month anniversary of the first start
/// (start + w months, clamped to the month's end); only starters whose whole window lies on or before the
/// report date are counted for that window, so recent signups do not dilute the rate.
public struct UpgradeFunnel: Hashable, Sendable, Codable {
  /// Counts for one window.
  public struct Window: Hashable, Sendable, Codable {
    /// The window length in months.
    public var months: Int
    /// Shared starters whose whole window was observed.
    public var eligible: Int
    /// Of those, customers who started a VPS within the window.
    public var movedToVPS: Int
    /// Of those, customers who started a dedicated server within the window.
    public var movedToDedicated: Int
    /// Of those, customers who started either within the window.
    public var upgraded: Int
    /// upgraded ÷ eligible, or `nil` when nobody is eligible.
    public var rate: Double? { eligible == 0 ? nil : Double(upgraded) / Double(eligible) }
  }

  /// Customers whose first subscription was shared hosting.
  public var sharedStarters: Int
  /// Starters who ever upgraded (by the report date).
  public var everUpgraded: Int
  /// One entry per requested window (6 and 12 months by default).
  public var windows: [Window]
  /// `daysToUpgrade[d]` = starters who upgraded d days after their first start.
  public var daysToUpgrade: [Int]

  /// The median number of days to upgrade among those who upgraded (lower median), or `nil`.
  public var medianDaysToUpgrade: Int? {
    guard everUpgraded > 0 else { return nil }
    var seen = 0
    for (days, count) in daysToUpgrade.enumerated() {
      seen += count
      if seen * 2 >= everUpgraded { return days }
    }
    return nil
  }

  /// The mean number of days to upgrade, or `nil` when nobody upgraded.
  public var meanDaysToUpgrade: Double? {
    guard everUpgraded > 0 else { return nil }
    let total = daysToUpgrade.enumerated().reduce(0) { $0 + $1.offset * $1.element }
    return Double(total) / Double(everUpgraded)
  }

  /// Computes the funnel.
  /// - Parameters:
  ///   - dataset: The validated subscriptions.
  ///   - reportDate: The last day observed.
  ///   - windows: Window lengths in months; 6 and 12 by default.
  /// - Complexity: O(n).
  public init(dataset: RetentionDataset, reportDate: CivilDate, windows: [Int] = [6, 12]) {
    sharedStarters = 0
    everUpgraded = 0
    self.windows = windows.map { Window(months: $0, eligible: 0, movedToVPS: 0, movedToDedicated: 0, upgraded: 0) }
    daysToUpgrade = []
    let report = Int32(clamping: reportDate.dayNumber)
    for customer in 0..<dataset.customerCount {
      let range = dataset.customerOffsets[customer]..<dataset.customerOffsets[customer + 1]
      let first = Int(dataset.order[range.lowerBound])
      guard dataset.tierRank[first] == PlanTier.shared.segmentRank, dataset.startDay[first] <= report else {
        continue
      }
      sharedStarters += 1
      let start = dataset.startDay[first]
      var firstVPS = Int32.max
      var firstDedicated = Int32.max
      for position in range {
        let subscription = Int(dataset.order[position])
        let day = dataset.startDay[subscription]
        guard day >= start, day <= report else { continue }
        switch dataset.tierRank[subscription] {
        case PlanTier.vps.segmentRank: firstVPS = min(firstVPS, day)
        case PlanTier.dedicated.segmentRank: firstDedicated = min(firstDedicated, day)
        default: break
        }
      }
      let upgradeDay = min(firstVPS, firstDedicated)
      if upgradeDay != .max {
        everUpgraded += 1
        let days = Int(upgradeDay - start)
        if daysToUpgrade.count <= days { daysToUpgrade += [Int](repeating: 0, count: days + 1 - daysToUpgrade.count) }
        daysToUpgrade[days] += 1
      }
      let startDate = CivilDate(dayNumber: Int(start))
      for index in self.windows.indices {
        let anniversary = Int32(clamping: startDate.addingMonths(self.windows[index].months).dayNumber)
        guard anniversary <= report + 1 else { continue }
        self.windows[index].eligible += 1
        if firstVPS < anniversary { self.windows[index].movedToVPS += 1 }
        if firstDedicated < anniversary { self.windows[index].movedToDedicated += 1 }
        if upgradeDay < anniversary { self.windows[index].upgraded += 1 }
      }
    }
  }
}
