import Foundation

/// Turns subscriptions into right-censored lifetimes for the survival estimates.
///
/// A subscription's lifetime runs from its start to its end (the first day without service): an observed
/// event when the end is on or before the day after the report date, otherwise censored at the report date
/// (still running, or ending later). Subscriptions starting after the report date are left out.
public enum SubscriptionLifetimes {
  /// The unit lifetimes are measured in.
  public enum Unit: String, Hashable, Sendable, Codable {
    /// Whole days.
    case days
    /// Completed calendar months (2024-01-31 → 2024-02-29 is one month).
    case months
  }

  /// The lifetime table of the subscriptions that pass a filter.
  /// - Parameters:
  ///   - subscriptions: The subscriptions.
  ///   - reportDate: The last day observed.
  ///   - unit: Days (the default) or completed months.
  ///   - include: Which subscriptions to count; all by default.
  /// - Returns: The counts per distinct lifetime.
  /// - Complexity: O(n).
  public static func table(
    of subscriptions: [Subscription], reportDate: CivilDate, unit: Unit = .days,
    where include: (Subscription) -> Bool = { _ in true }
  ) -> SurvivalTable {
    var durations: [Double] = []
    var observed: [Bool] = []
    for subscription in subscriptions where subscription.start <= reportDate && include(subscription) {
      let (duration, event) = lifetime(of: subscription, reportDate: reportDate, unit: unit)
      durations.append(duration)
      observed.append(event)
    }
    // Durations are whole, finite and ≥ 0 by construction, so this cannot fail.
    return (try? SurvivalTable(durations: durations, observed: observed)) ?? SurvivalTable()
  }

  /// Lifetime tables per group, e.g. per tier, per channel, or "had an SLA breach".
  /// - Parameters:
  ///   - subscriptions: The subscriptions.
  ///   - reportDate: The last day observed.
  ///   - unit: Days (the default) or completed months.
  ///   - group: The group of a subscription, or `nil` to leave it out.
  /// - Returns: Named tables sorted by group name, ready for ``LogRankTest/init(groups:)``.
  /// - Complexity: O(n log g) for g groups.
  public static func tables(
    of subscriptions: [Subscription], reportDate: CivilDate, unit: Unit = .days,
    groupedBy group: (Subscription) -> String?
  ) -> [(name: String, table: SurvivalTable)] {
    var grouped: [String: (durations: [Double], observed: [Bool])] = [:]
    for subscription in subscriptions where subscription.start <= reportDate {
      guard let name = group(subscription) else { continue }
      let (duration, event) = lifetime(of: subscription, reportDate: reportDate, unit: unit)
      grouped[name, default: ([], [])].durations.append(duration)
      grouped[name, default: ([], [])].observed.append(event)
    }
    return grouped.keys.sorted().map { name in
      let value = grouped[name]!
      return (name, (try? SurvivalTable(durations: value.durations, observed: value.observed)) ?? SurvivalTable())
    }
  }

  static func lifetime(of subscription: Subscription, reportDate: CivilDate, unit: Unit) -> (Double, Bool) {
    let horizon = CivilDate(dayNumber: reportDate.dayNumber + 1)
    let event = subscription.end.map { $0 <= horizon } ?? false
    let stop = event ? subscription.end! : horizon
    return (duration(from: subscription.start, to: stop, unit: unit), event)
  }

  /// The time from `start` to `stop` in whole days or completed calendar months.
  static func duration(from start: CivilDate, to stop: CivilDate, unit: Unit) -> Double {
    switch unit {
    case .days:
      return Double(stop.dayNumber - start.dayNumber)
    case .months:
      let from = start.components
      let to = stop.components
      var months = (to.year - from.year) * 12 + to.month - from.month
      if start.addingMonths(months) > stop { months -= 1 }
      return Double(max(months, 0))
    }
  }

  /// The lifetime tables of every subscription of a dataset, by tier and by channel, in one pass.
  static func grouped(dataset: RetentionDataset, reportDate: CivilDate, unit: Unit) -> (
    all: SurvivalTable, byTier: [(name: String, table: SurvivalTable)],
    byChannel: [(name: String, table: SurvivalTable)]
  ) {
    var durations: [Double] = []
    var observed: [Bool] = []
    var tierKeys: [Int32] = []
    var channelKeys: [Int32] = []
    let expected = dataset.subscriptions.count
    durations.reserveCapacity(expected)
    observed.reserveCapacity(expected)
    tierKeys.reserveCapacity(expected)
    channelKeys.reserveCapacity(expected)
    let tiers = PlanTier.allCases
    let tierByRank = PlanTier.byRank.map { tier in tiers.firstIndex(of: tier)! }
    let report = Int32(clamping: reportDate.dayNumber)
    let horizon = report + 1
    for index in 0..<dataset.subscriptions.count where dataset.startDay[index] <= report {
      let event = dataset.endDay[index] <= horizon
      let stop = event ? dataset.endDay[index] : horizon
      let start = dataset.startDay[index]
      durations.append(
        unit == .days
          ? Double(stop - start)
          : duration(from: CivilDate(dayNumber: Int(start)), to: CivilDate(dayNumber: Int(stop)), unit: unit))
      observed.append(event)
      tierKeys.append(Int32(tierByRank[Int(dataset.tierRank[index])]))
      channelKeys.append(Int32(dataset.subscriptionChannelIndex[index]))
    }
    let channels = dataset.channels
    let all = (try? SurvivalTable(durations: durations, observed: observed)) ?? SurvivalTable()
    return (
      all, tables(durations: durations, observed: observed, keys: tierKeys, names: tiers.map(\.rawValue)),
      tables(durations: durations, observed: observed, keys: channelKeys, names: channels.map(\.rawValue))
    )
  }

  /// Lifetime tables of subjects grouped by a small integer key (no dictionary per subject).
  /// - Parameters:
  ///   - durations: Each subject's lifetime (whole, finite, ≥ 0).
  ///   - observed: Whether each subject's event was observed.
  ///   - keys: Each subject's group, in `0..<names.count`, or −1 to leave it out.
  ///   - names: The group names.
  /// - Returns: The named tables of the groups with subjects, sorted by name.
  static func tables(durations: [Double], observed: [Bool], keys: [Int32], names: [String])
    -> [(name: String, table: SurvivalTable)]
  {
    var grouped = [(durations: [Double], observed: [Bool])](repeating: ([], []), count: names.count)
    for index in durations.indices where keys[index] >= 0 {
      grouped[Int(keys[index])].durations.append(durations[index])
      grouped[Int(keys[index])].observed.append(observed[index])
    }
    return names.indices.filter { !grouped[$0].durations.isEmpty }.sorted { names[$0] < names[$1] }.map { key in
      let table = (try? SurvivalTable(durations: grouped[key].durations, observed: grouped[key].observed))
      return (names[key], table ?? SurvivalTable())
    }
  }
}
