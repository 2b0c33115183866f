import Foundation

/// Subscriptions and MRR changes in one currency, validated and indexed once for the metric computations.
///
/// Building the dataset checks the records (unique subscription ids, end not before start, one currency,
/// non-negative MRR, changes that refer to known subscriptions and fall within them, amounts whose total fits
/// in 64-bit minor units), groups subscriptions by customer and lays
/// the fields the metrics need out as flat integer arrays, so every computation afterwards is a linear pass
/// without dictionary lookups or calendar calls.
public struct RetentionDataset: Sendable {
  /// The currency of every amount.
  public let currency: CurrencyCode
  /// The subscriptions, in the order given.
  public let subscriptions: [Subscription]
  /// The MRR changes, in the order given.
  public let changes: [MRRChange]

  /// The number of distinct customers; customer `c` is `subscriptions[order[customerOffsets[c]]].customer`.
  public let customerCount: Int
  /// Subscription indices grouped by customer (customers numbered in the order of their first row, each
  /// group sorted by start date, then subscription id); group `c` is
  /// `order[customerOffsets[c]..<customerOffsets[c + 1]]`.
  let customerOffsets: [Int]
  let order: [Int32]
  let startDay: [Int32]
  /// `Int32.max` while running.
  let endDay: [Int32]
  let startMonth: [Int32]
  /// `Int32.max` while running.
  let endMonth: [Int32]
  let initialMRR: [Int64]
  let periodMonths: [Int32]
  /// The position of each subscription's billing period in `BillingPeriod.allCases`.
  let periodSlot: [UInt8]
  /// Changes of subscription `s` are rows `changeOffsets[s]..<changeOffsets[s + 1]`, sorted by date.
  let changeOffsets: [Int]
  let changeMonth: [Int32]
  let changeMRR: [Int64]
  /// Tier of each customer's first subscription.
  let customerTier: [PlanTier]
  /// Channel of each customer's first subscription, as a position in ``channels``.
  let customerChannelIndex: [UInt16]
  /// The partner of each customer's first subscription (its reseller, else its affiliate) as a position in
  /// ``partners``, or −1 without a partner.
  let customerPartnerIndex: [Int32]
  /// Each subscription's tier rank (see `PlanTier.segmentRank`), for the highest-tier-at-start rule.
  let tierRank: [UInt8]
  /// Customer ids by folded hash → customer index.
  let customerLookup: FoldTable
  /// Each subscription's channel, as a position in ``channels``.
  let subscriptionChannelIndex: [UInt16]
  /// The distinct channels of the subscriptions, sorted by name.
  public let channels: [AcquisitionChannel]
  /// The distinct partners customers are attributed to (each customer's first subscription's reseller, else
  /// its affiliate), sorted by id.
  public let partners: [PartnerID]
  /// The month of the earliest start, or `nil` without subscriptions.
  public let firstMonth: CivilMonth?
  /// The month of the latest date in the data (start, end or change), or `nil` without subscriptions.
  public let lastMonth: CivilMonth?
  /// The month of the latest start or MRR change — a good default last month for a report, since end dates
  /// may be scheduled in the future — or `nil` without subscriptions.
  public let lastActivityMonth: CivilMonth?
  /// The dates a dataset accepts: 1970-01-01 through 2099-12-31. Tables grow with the months spanned, so a
  /// mistyped year (0024, 2924) is rejected instead of spanning centuries.
  public static let supportedDates = CivilDate(dayNumber: 0)...CivilDate(dayNumber: 47_481)

  /// Validates and indexes subscriptions and MRR changes.
  /// - Parameters:
  ///   - subscriptions: The subscriptions; identifiers must be unique.
  ///   - changes: MRR changes of those subscriptions.
  ///   - currency: The report currency; by default the first subscription's currency (or `"USD"` when there
  ///     are none).
  /// - Throws: ``RetentionError`` naming the offending record (`subscriptions[i]`, `changes[i]`):
  ///   ``RetentionError/Code-swift.struct/duplicateID``, ``RetentionError/Code-swift.struct/endBeforeStart``,
  ///   ``RetentionError/Code-swift.struct/mixedCurrencies``, ``RetentionError/Code-swift.struct/invalidValue``
  ///   (negative MRR), ``RetentionError/Code-swift.struct/unknownReference``,
  ///   ``RetentionError/Code-swift.struct/changeOutsideSubscription`` (a change dated before its subscription
  ///   starts or on or after its end date) or ``RetentionError/Code-swift.struct/overflow`` (the MRR of all
  ///   subscriptions and changes together does not fit in 64-bit minor units, so monthly sums could not either).
  /// - Complexity: O(n + c) expected for n subscriptions and c changes, plus sorting each customer's few
  ///   subscriptions.
  public init(subscriptions: [Subscription], changes: [MRRChange] = [], currency: CurrencyCode? = nil)
    throws(RetentionError)
  {
    try self.init(subscriptions: subscriptions, index: nil, changes: changes, currency: currency)
  }

  /// Validates and indexes subscriptions read by ``RetentionCSVImporter/indexedSubscriptions(csv:file:)`` and
  /// their MRR changes, as ``init(subscriptions:changes:currency:)`` does with `subscriptions.records`, taking
  /// the import's index of ids and customers instead of hashing every id again.
  /// - Parameters:
  ///   - subscriptions: The imported subscriptions (their ids are unique).
  ///   - changes: MRR changes of those subscriptions.
  ///   - currency: The report currency; by default the first subscription's currency (or `"USD"` when there
  ///     are none).
  /// - Throws: As ``init(subscriptions:changes:currency:)``.
  /// - Complexity: O(n + c) expected, plus sorting each customer's few subscriptions.
  public init(
    indexedSubscriptions subscriptions: IndexedSubscriptions, changes: [MRRChange] = [], currency: CurrencyCode? = nil
  ) throws(RetentionError) {
    try self.init(
      subscriptions: subscriptions.records, index: subscriptions.index, changes: changes, currency: currency)
  }

  /// The one indexing path: `index` is the import's, or `nil` to build it from `subscriptions` (after the
  /// per-record checks, so their errors come first as before).
  private init(
    subscriptions: [Subscription], index given: SubscriptionIndex?, changes: [MRRChange], currency: CurrencyCode?
  ) throws(RetentionError) {
    let currency = currency ?? subscriptions.first?.mrr.currency ?? "USD"
    self.currency = currency
    self.subscriptions = subscriptions
    self.changes = changes
    let count = subscriptions.count
    func at(_ kind: String, _ index: Int) -> RetentionError.Location {
      RetentionError.Location(file: kind, line: index)
    }

    var startDay = [Int32](repeating: 0, count: count)
    var endDay = [Int32](repeating: .max, count: count)
    var startMonth = [Int32](repeating: 0, count: count)
    var endMonth = [Int32](repeating: .max, count: count)
    var initialMRR = [Int64](repeating: 0, count: count)
    var periodMonths = [Int32](repeating: 1, count: count)
    var periodSlot = [UInt8](repeating: 0, count: count)
    var firstMonthIndex = Int.max
    var lastMonthIndex = Int.min
    var lastActivityIndex = Int.min
    func checkRange(_ date: CivilDate, _ kind: String, _ index: Int) throws(RetentionError) {
      guard RetentionDataset.supportedDates.contains(date) else {
        throw .invalidValue(
          date.description, expected: "a date from 1970-01-01 to 2099-12-31", at: at(kind, index))
      }
    }
    // Every monthly sum of the metrics (MRR at a month end, each movement, NRR/GRR bases, cohort MRR) adds at
    // most each subscription's largest MRR once, so when the total of all amounts fits in Int64 no sum can
    // overflow and the per-customer loops can add without checks.
    var mrrTotal: Int64 = 0
    var overflow = false
    var tierRank = [UInt8](repeating: 0, count: count)
    var subscriptionChannelIndex = [UInt16](repeating: 0, count: count)
    var channelSlots = SlotNumbering<AcquisitionChannel>()
    var lastChannel: (channel: AcquisitionChannel, slot: UInt16)?
    for index in 0..<count {
      let mrr = subscriptions[index].mrr
      guard mrr.currency == currency else {
        throw .mixedCurrencies(found: mrr.currency, expected: currency, at: at("subscriptions", index))
      }
      guard mrr.minorUnits >= 0 else {
        throw .invalidValue(mrr.decimalString, expected: "an MRR ≥ 0", at: at("subscriptions", index))
      }
      let start = subscriptions[index].start
      try checkRange(start, "subscriptions", index)
      if let end = subscriptions[index].end {
        try checkRange(end, "subscriptions", index)
        guard end >= start else {
          throw .endBeforeStart(subscriptions[index].id.rawValue, at: at("subscriptions", index))
        }
        endDay[index] = Int32(clamping: end.dayNumber)
        let endMonthIndex = Self.monthIndex(end)
        endMonth[index] = Int32(clamping: endMonthIndex)
        lastMonthIndex = max(lastMonthIndex, endMonthIndex)
      }
      startDay[index] = Int32(clamping: start.dayNumber)
      let month = Self.monthIndex(start)
      startMonth[index] = Int32(clamping: month)
      firstMonthIndex = min(firstMonthIndex, month)
      lastMonthIndex = max(lastMonthIndex, month)
      lastActivityIndex = max(lastActivityIndex, month)
      initialMRR[index] = mrr.minorUnits
      (mrrTotal, overflow) = mrrTotal.addingReportingOverflow(mrr.minorUnits)
      if overflow {
        throw .overflow("the MRR of all subscriptions together", at: at("subscriptions", index))
      }
      periodMonths[index] = Int32(subscriptions[index].billingPeriod.months)
      periodSlot[index] = UInt8(subscriptions[index].billingPeriod.ordinal)
      tierRank[index] = subscriptions[index].tier.segmentRank
      let channel = subscriptions[index].channel
      if let lastChannel, lastChannel.channel == channel {
        subscriptionChannelIndex[index] = lastChannel.slot
      } else {
        let slot: UInt16
        if let known = channelSlots.slot(of: channel) {
          slot = UInt16(known)
        } else {
          guard channelSlots.count < Int(UInt16.max) else {
            throw .invalidValue(
              channel.rawValue, expected: "at most 65535 distinct channels", at: at("subscriptions", index))
          }
          slot = UInt16(channelSlots.add(channel))
        }
        subscriptionChannelIndex[index] = slot
        lastChannel = (channel, slot)
      }
    }

    // Unique subscription ids, then subscriptions grouped by customer (customers numbered by first row), each
    // group in row order: a counting sort by the index's customer numbers.
    let keys: SubscriptionIndex
    if let given { keys = given } else { keys = try SubscriptionIndex(subscriptions) }
    let (customerLookup, customerOfRow, customerCount) = keys.customers(of: subscriptions)
    var offsets = [Int](repeating: 0, count: customerCount + 1)
    for customer in customerOfRow { offsets[Int(customer) + 1] += 1 }
    for customer in 0..<customerCount { offsets[customer + 1] += offsets[customer] }
    var order = [Int32](repeating: 0, count: count)
    do {
      var cursor = offsets
      for (row, customer) in customerOfRow.enumerated() {
        order[cursor[Int(customer)]] = Int32(row)
        cursor[Int(customer)] += 1
      }
    }
    var customerTier = [PlanTier](repeating: .other, count: customerCount)
    var customerChannelIndex = [UInt16](repeating: 0, count: customerCount)
    var customerPartnerIndex = [Int32](repeating: -1, count: customerCount)
    var partnerSlots = SlotNumbering<PartnerID>()
    var lastPartner: (partner: PartnerID, slot: Int32)?
    for customer in 0..<customerCount {
      let range = offsets[customer]..<offsets[customer + 1]
      if range.count > 1 {
        // Earliest start first, then by subscription id: the first subscription gives the customer's segments.
        order[range].sort {
          let (left, right) = (Int($0), Int($1))
          if startDay[left] != startDay[right] { return startDay[left] < startDay[right] }
          let (leftID, rightID) = (subscriptions[left].id, subscriptions[right].id)
          return leftID != rightID ? leftID < rightID : left < right
        }
      }
      let firstIndex = Int(order[range.lowerBound])
      customerTier[customer] = subscriptions[firstIndex].tier
      customerChannelIndex[customer] = subscriptionChannelIndex[firstIndex]
      if let partner = subscriptions[firstIndex].attributedPartner {
        guard partner.rawValue != RetentionSegment.noPartnerValue else {
          throw .invalidValue(
            partner.rawValue,
            expected:
              "a partner id other than \(RetentionSegment.noPartnerValue) (the key of customers without a partner)",
            at: at("subscriptions", firstIndex))
        }
        let slot: Int32
        if let lastPartner, lastPartner.partner == partner {
          slot = lastPartner.slot
        } else {
          slot = Int32(partnerSlots.slot(of: partner) ?? partnerSlots.add(partner))
          lastPartner = (partner, slot)
        }
        customerPartnerIndex[customer] = slot
      }
    }
    // Number channels and partners in sorted order.
    let (channels, channelPositions) = channelSlots.sorted()
    let channelRenumber = channelPositions.map { UInt16($0) }
    for customer in 0..<customerCount {
      customerChannelIndex[customer] = channelRenumber[Int(customerChannelIndex[customer])]
    }
    for index in 0..<count { subscriptionChannelIndex[index] = channelRenumber[Int(subscriptionChannelIndex[index])] }
    let (partners, partnerPositions) = partnerSlots.sorted()
    let partnerRenumber = partnerPositions.map { Int32($0) }
    for customer in 0..<customerCount where customerPartnerIndex[customer] >= 0 {
      customerPartnerIndex[customer] = partnerRenumber[Int(customerPartnerIndex[customer])]
    }

    // Group changes by subscription, each group in date order (stable, so the later row wins on a tie).
    var changeOffsets = [Int](repeating: 0, count: count + 1)
    var changeTarget = [Int32](repeating: 0, count: changes.count)
    var previousTarget = -1
    for (index, change) in changes.enumerated() {
      guard let target = keys.row(of: change.subscription, in: subscriptions, after: previousTarget) else {
        throw .unknownSubscription(change.subscription.rawValue, at: at("changes", index))
      }
      guard change.newMRR.currency == currency else {
        throw .mixedCurrencies(found: change.newMRR.currency, expected: currency, at: at("changes", index))
      }
      guard change.newMRR.minorUnits >= 0 else {
        throw .invalidValue(change.newMRR.decimalString, expected: "an MRR ≥ 0", at: at("changes", index))
      }
      guard subscriptions[target].accepts(changeOn: change.effective) else {
        let subscription = subscriptions[target]
        throw .changeOutsideSubscription(
          subscription.id.rawValue, effective: change.effective, start: subscription.start, end: subscription.end,
          at: at("changes", index))
      }
      (mrrTotal, overflow) = mrrTotal.addingReportingOverflow(change.newMRR.minorUnits)
      if overflow { throw .overflow("the MRR of all subscriptions and changes together", at: at("changes", index)) }
      changeTarget[index] = Int32(target)
      previousTarget = target
      changeOffsets[target + 1] += 1
      try checkRange(change.effective, "changes", index)
      let changeMonthIndex = Self.monthIndex(change.effective)
      lastMonthIndex = max(lastMonthIndex, changeMonthIndex)
      lastActivityIndex = max(lastActivityIndex, changeMonthIndex)
    }
    for index in 0..<count { changeOffsets[index + 1] += changeOffsets[index] }
    var changeCursor = changeOffsets
    var changeRows = [Int32](repeating: 0, count: changes.count)
    for index in changes.indices {
      let target = Int(changeTarget[index])
      changeRows[changeCursor[target]] = Int32(index)
      changeCursor[target] += 1
    }
    for subscription in 0..<count where changeOffsets[subscription + 1] - changeOffsets[subscription] > 1 {
      let range = changeOffsets[subscription]..<changeOffsets[subscription + 1]
      let sorted = changeRows[range].enumerated().sorted { lhs, rhs in
        let left = changes[Int(lhs.element)].effective
        let right = changes[Int(rhs.element)].effective
        return left < right || (left == right && lhs.offset < rhs.offset)
      }
      changeRows.replaceSubrange(range, with: sorted.map(\.element))
    }
    changeMonth = changeRows.map { Int32(clamping: Self.monthIndex(changes[Int($0)].effective)) }
    changeMRR = changeRows.map { changes[Int($0)].newMRR.minorUnits }

    self.customerCount = customerCount
    self.customerOffsets = offsets
    self.order = order
    self.startDay = startDay
    self.endDay = endDay
    self.startMonth = startMonth
    self.endMonth = endMonth
    self.initialMRR = initialMRR
    self.periodMonths = periodMonths
    self.periodSlot = periodSlot
    self.changeOffsets = changeOffsets
    self.customerTier = customerTier
    self.customerChannelIndex = customerChannelIndex
    self.customerPartnerIndex = customerPartnerIndex
    self.tierRank = tierRank
    self.customerLookup = customerLookup
    self.subscriptionChannelIndex = subscriptionChannelIndex
    self.channels = channels
    self.partners = partners
    firstMonth = count == 0 ? nil : CivilMonth(index: firstMonthIndex)
    lastMonth = count == 0 ? nil : CivilMonth(index: lastMonthIndex)
    lastActivityMonth = count == 0 ? nil : CivilMonth(index: lastActivityIndex)
  }

  /// The month index (`CivilMonth.index`) of each supported day, so indexing a million subscriptions does not
  /// run the calendar algorithm for each date (190 KB, built on first use).
  private static let monthIndexOfDay: [Int32] = {
    let days = supportedDates.lowerBound.dayNumber...supportedDates.upperBound.dayNumber
    return days.map { Int32(CivilDate(dayNumber: $0).civilMonth.index) }
  }()

  /// `date.civilMonth.index`, from the table for supported dates.
  static func monthIndex(_ date: CivilDate) -> Int {
    let offset = date.dayNumber - supportedDates.lowerBound.dayNumber
    guard offset >= 0 && offset < monthIndexOfDay.count else { return date.civilMonth.index }
    return Int(monthIndexOfDay[offset])
  }

  /// The identifier of customer `customer` (an index in `0..<customerCount`).
  func customerID(_ customer: Int) -> CustomerID { subscriptions[Int(order[customerOffsets[customer]])].customer }

  /// Adds the month-end MRR of one customer's subscriptions into `buffer`, whose slot 0 is month `base`.
  /// - Returns: The first and last slot with MRR > 0, or `nil` when the customer never has MRR at a month end.
  func fillMonthEndMRR(customer: Int, base: Int, into buffer: UnsafeMutableBufferPointer<Int64>) -> (Int, Int)? {
    let months = buffer.count
    var first = Int.max
    var last = Int.min
    for position in customerOffsets[customer]..<customerOffsets[customer + 1] {
      let subscription = Int(order[position])
      let low = max(Int(startMonth[subscription]) - base, 0)
      let high = endMonth[subscription] == .max ? months : min(Int(endMonth[subscription]) - base, months)
      guard low < high else { continue }
      var value = initialMRR[subscription]
      var month = low
      for row in changeOffsets[subscription]..<changeOffsets[subscription + 1] {
        let changeAt = min(Int(changeMonth[row]) - base, high)
        while month < changeAt {
          buffer[month] += value
          month += 1
        }
        value = changeMRR[row]
      }
      while month < high {
        buffer[month] += value
        month += 1
      }
      for slot in low..<high where buffer[slot] > 0 {
        first = min(first, slot)
        last = max(last, slot)
      }
    }
    return first <= last ? (first, last) : nil
  }

  /// Writes into `ranks` the highest tier rank among the customer's subscriptions active at each month end
  /// (slot 0 is month `base`); slots where none is active are left as they are (0).
  /// - Returns: The slots written (to reset afterwards).
  func fillTierRanks(customer: Int, base: Int, into ranks: UnsafeMutableBufferPointer<UInt8>) -> Range<Int> {
    let months = ranks.count
    var lowest = months
    var highest = 0
    for position in customerOffsets[customer]..<customerOffsets[customer + 1] {
      let subscription = Int(order[position])
      let low = max(Int(startMonth[subscription]) - base, 0)
      let high = endMonth[subscription] == .max ? months : min(Int(endMonth[subscription]) - base, months)
      guard low < high else { continue }
      let rank = tierRank[subscription]
      for slot in low..<high where ranks[slot] < rank { ranks[slot] = rank }
      lowest = min(lowest, low)
      highest = max(highest, high)
    }
    return lowest < highest ? lowest..<highest : 0..<0
  }

  /// Whether a customer has a subscription starting on a given day (a plan change on a renewal date).
  func customer(_ customer: Int, startsSubscriptionOn day: Int32, other subscription: Int) -> Bool {
    for position in customerOffsets[customer]..<customerOffsets[customer + 1] {
      let candidate = Int(order[position])
      if candidate != subscription && startDay[candidate] == day { return true }
      if startDay[candidate] > day { break }
    }
    return false
  }

  /// The channel of a customer's first subscription.
  func customerChannel(_ customer: Int) -> AcquisitionChannel { channels[Int(customerChannelIndex[customer])] }

  /// The partner a customer is attributed to, or `nil`.
  func customerPartner(_ customer: Int) -> PartnerID? {
    let slot = customerPartnerIndex[customer]
    return slot < 0 ? nil : partners[Int(slot)]
  }

  /// The index of a customer, found in an open-addressing table of id hashes (no dictionary, no `Hasher`).
  /// - Complexity: O(1) expected.
  func customerIndex(of id: CustomerID) -> Int? {
    customerLookup.find(HashGrouping.fold(HashGrouping.hash(id.rawValue))) { customerID($0) == id }
  }

  /// A segment in the dataset's numbering of channels and partners, so testing a customer compares integers
  /// instead of names (see ``customer(_:isIn:)-(_,SegmentTest)``).
  enum SegmentTest {
    case all
    case tier(PlanTier)
    case channel(UInt16)
    /// A partner's slot, or −1 for customers without a partner.
    case partner(Int32)
    /// A channel or partner the dataset does not have: no customer.
    case nobody
  }

  /// The test for a segment in this dataset.
  func test(for segment: RetentionSegment) -> SegmentTest {
    switch segment.kind {
    case .all: return .all
    case .tier(let tier): return .tier(tier)
    case .channel(let channel): return channels.firstIndex(of: channel).map { .channel(UInt16($0)) } ?? .nobody
    case .partner(nil): return .partner(-1)
    case .partner(let partner?): return partners.firstIndex(of: partner).map { .partner(Int32($0)) } ?? .nobody
    }
  }

  /// Whether a customer belongs to a segment, as ``customer(_:isIn:)-(_,RetentionSegment)`` tells.
  func customer(_ customer: Int, isIn test: SegmentTest) -> Bool {
    switch test {
    case .all: return true
    case .tier(let tier): return customerTier[customer] == tier
    case .channel(let slot): return customerChannelIndex[customer] == slot
    case .partner(let slot): return customerPartnerIndex[customer] == slot
    case .nobody: return false
    }
  }

  /// Whether a customer belongs to a segment by its first subscription (its tier, channel or partner). Monthly
  /// metrics place tier segments by the tier at each month's start instead (see ``RetentionAggregate``).
  func customer(_ customer: Int, isIn segment: RetentionSegment) -> Bool {
    self.customer(customer, isIn: test(for: segment))
  }
}
