import Foundation

/// Monthly counters of every customer and of each segment of one or more dimensions (channel, tier,
/// partner), computed in a single pass over the customers.
///
/// Every segment covers the same months as ``total``. Channel and partner segments split the customers, so
/// their counters add up to the total's; tier segments split the customers active at each month's start
/// (see ``RetentionSegment``), so their start-based counters — customers and MRR at the start, churned
/// customers and churned MRR — add up to the total's. Like ``RetentionAggregate`` the result is mergeable
/// across shards of customers.
public struct SegmentedRetentionAggregate: Hashable, Sendable, Codable {
  /// Every customer.
  public private(set) var total: RetentionAggregate
  /// One aggregate per segment that has customers, each covering the same months as ``total``.
  public private(set) var segments: [RetentionSegment: RetentionAggregate]

  /// Computes the total and the segments of the given dimensions in one pass.
  /// - Parameters:
  ///   - dataset: The validated subscriptions and changes.
  ///   - last: The last month to compute; renewals are counted up to its last day.
  ///   - dimensions: The dimensions to segment by; each segment of a dimension that has customers is present.
  /// - Complexity: O(n + c + Σ months each customer is followed × (1 + dimensions)), plus
  ///   O(segments × months) for the tables.
  public init(dataset: RetentionDataset, through last: CivilMonth, by dimensions: Set<RetentionSegment.Dimension>) {
    var total = RetentionAggregate(dataset: dataset, through: last, segment: .all, counting: false)
    let monthCount = total.counters.count
    let base = total.firstMonth.index
    // Slots: channels, then partners (and "no partner"), then tiers by rank.
    let channelCount = dimensions.contains(.channel) ? dataset.channels.count : 0
    let partnerCount = dimensions.contains(.partner) ? dataset.partners.count + 1 : 0
    let tierCount = dimensions.contains(.tier) ? PlanTier.byRank.count : 0
    let slotCount = 1 + channelCount + partnerCount + tierCount
    let block = monthCount * CounterCells.fields
    var cells = [Int64](repeating: 0, count: slotCount * block)
    var buffer = [Int64](repeating: 0, count: monthCount)
    var ranks = [UInt8](repeating: 0, count: monthCount)
    var used = [Bool](repeating: false, count: slotCount)
    cells.withUnsafeMutableBufferPointer { cells in
      buffer.withUnsafeMutableBufferPointer { buffer in
        ranks.withUnsafeMutableBufferPointer { ranks in
          let start = cells.baseAddress!
          func view(_ slot: Int) -> CounterCells { CounterCells(cells: start + slot * block, months: monthCount) }
          let everyone = view(0)
          let tiers = (0..<tierCount).map { view(1 + channelCount + partnerCount + $0) }
          for customer in 0..<dataset.customerCount {
            var channelGroup: CounterCells?
            var partnerGroup: CounterCells?
            if channelCount > 0 {
              let slot = 1 + Int(dataset.customerChannelIndex[customer])
              used[slot] = true
              channelGroup = view(slot)
            }
            if partnerCount > 0 {
              let partner = Int(dataset.customerPartnerIndex[customer])
              let slot = 1 + channelCount + (partner < 0 ? partnerCount - 1 : partner)
              used[slot] = true
              partnerGroup = view(slot)
            }
            if let (active, lastActive) = dataset.fillMonthEndMRR(customer: customer, base: base, into: buffer) {
              let through = min(monthCount - 1, lastActive + 12)
              everyone.addMovements(of: buffer, from: active, through: through)
              channelGroup?.addMovements(of: buffer, from: active, through: through)
              partnerGroup?.addMovements(of: buffer, from: active, through: through)
              if tierCount > 0 {
                let written = dataset.fillTierRanks(customer: customer, base: base, into: ranks)
                CounterCells.addStartCounts(
                  of: buffer, ranks: ranks, from: active, through: min(monthCount - 1, lastActive + 1), into: tiers)
                for slot in active...lastActive where buffer[slot] > 0 {
                  used[1 + channelCount + partnerCount + Int(ranks[slot])] = true
                }
                for slot in written { ranks[slot] = 0 }
              }
              for slot in active...lastActive { buffer[slot] = 0 }
            }
            everyone.addRenewals(of: customer, in: dataset, base: base)
            channelGroup?.addRenewals(of: customer, in: dataset, base: base)
            partnerGroup?.addRenewals(of: customer, in: dataset, base: base)
          }
        }
      }
    }
    func aggregate(_ slot: Int) -> RetentionAggregate {
      var aggregate = total
      aggregate.replaceCounters(
        CounterCells.counters(from: Array(cells[(slot * block)..<((slot + 1) * block)]), months: monthCount))
      return aggregate
    }
    total = aggregate(0)
    var segments: [RetentionSegment: RetentionAggregate] = [:]
    for (index, channel) in dataset.channels.enumerated() where channelCount > 0 && used[1 + index] {
      segments[.channel(channel)] = aggregate(1 + index)
    }
    for index in 0..<partnerCount where used[1 + channelCount + index] {
      let partner = index < dataset.partners.count ? dataset.partners[index] : nil
      segments[.partner(partner)] = aggregate(1 + channelCount + index)
    }
    for (rank, tier) in PlanTier.byRank.enumerated() where tierCount > 0 && used[1 + channelCount + partnerCount + rank]
    {
      segments[.tier(tier)] = aggregate(1 + channelCount + partnerCount + rank)
    }
    self.total = total
    self.segments = segments
  }

  /// The segments of one dimension, sorted by value (the no-partner segment last).
  /// - Parameter dimension: The dimension.
  /// - Returns: Each segment with its aggregate.
  public func segments(of dimension: RetentionSegment.Dimension) -> [(
    segment: RetentionSegment, aggregate: RetentionAggregate
  )] {
    segments.filter { $0.key.dimension == dimension }
      .sorted { lhs, rhs in
        if lhs.key == .noPartner || rhs.key == .noPartner { return rhs.key == .noPartner && lhs.key != .noPartner }
        if case .tier(let left) = lhs.key.kind, case .tier(let right) = rhs.key.kind {
          return left.segmentRank < right.segmentRank
        }
        return lhs.key.value < rhs.key.value
      }
      .map { ($0.key, $0.value) }
  }

  /// Combines the aggregates of two disjoint sets of customers.
  /// - Parameter other: The other shard's aggregate, in the same currency.
  /// - Returns: The aggregate over both; every segment covers the union of the months.
  /// - Throws: As ``RetentionAggregate/merging(_:)``.
  /// - Complexity: O(segments × months).
  public func merging(_ other: SegmentedRetentionAggregate) throws(RetentionError) -> SegmentedRetentionAggregate {
    var merged = self
    merged.total = try total.merging(other.total)
    let empty = RetentionAggregate(currency: merged.total.currency, months: merged.total.monthRange)
    var segments: [RetentionSegment: RetentionAggregate] = [:]
    for key in Set(self.segments.keys).union(other.segments.keys) {
      var combined = try empty.merging(self.segments[key] ?? empty)
      if let theirs = other.segments[key] { combined = try combined.merging(theirs) }
      combined.historyStart = merged.total.historyStart
      segments[key] = combined
    }
    merged.segments = segments
    return merged
  }
}
