import Foundation
import Testing

@testable import RetentionMetrics

/// A small partner book: resellers R1 and R2, affiliate A1, and direct customers.
enum PartnerHost {
  static func partnerSub(
    _ id: String, _ customer: String, _ mrr: String, _ start: String, _ end: String? = nil, tier: PlanTier = .shared,
    channel: AcquisitionChannel = .direct, reseller: String? = nil, affiliate: String? = nil
  ) -> Subscription {
    var subscription = sub(id, customer, mrr, start, end, tier: tier, channel: channel)
    subscription.partnerID = reseller.map { PartnerID($0) }
    subscription.affiliateID = affiliate.map { PartnerID($0) }
    return subscription
  }

  static let subscriptions = [
    partnerSub("p1", "P", "10.00", "2024-01-05", "2024-03-01", channel: .reseller, reseller: "R1"),
    partnerSub("q1", "Q", "20.00", "2024-01-10", channel: .reseller, reseller: "R1"),
    partnerSub("r1", "R", "15.00", "2024-01-03", "2024-02-01", channel: .affiliate, affiliate: "A1"),
    partnerSub("s1", "S", "30.00", "2024-01-01", "2024-04-01", tier: .vps, channel: .reseller, reseller: "R2"),
    partnerSub("t1", "T", "8.00", "2024-01-02"),
    partnerSub("t2", "T", "25.00", "2024-02-01", tier: .vps),
    partnerSub("u1", "U", "12.00", "2024-01-20", "2024-02-10"),
    // V's two first subscriptions start the same day: the one with the smaller id ("v1") is first.
    partnerSub("v2", "V", "9.00", "2024-01-15", channel: .affiliate, affiliate: "A1"),
    partnerSub("v1", "V", "9.00", "2024-01-15", channel: .reseller, reseller: "R2"),
  ]
}

@Suite("Retention by channel, tier and partner")
struct SegmentationTests {
  let last = month("2024-04")

  @Test("a customer's channel and partner are those of its first subscription: earliest start, then id")
  func firstSubscriptionRule() throws {
    let dataset = try RetentionDataset(subscriptions: PartnerHost.subscriptions)
    let v = try #require(dataset.customerIndex(of: "V"))
    #expect(dataset.customerChannel(v) == .reseller)
    #expect(dataset.customerPartner(v) == "R2")
    #expect(dataset.partners == ["A1", "R1", "R2"])
    let segmented = SegmentedRetentionAggregate(dataset: dataset, through: last, by: [.partner, .channel])
    #expect(segmented.segments[.partner("R2")]?.counters.last?.customersEnd == 1)
    #expect(segmented.segments[.partner("A1")]?.counters.map(\.newCustomers) == [1, 0, 0, 0])
  }

  @Test("the partner is the reseller, else the affiliate; customers without one form the (none) segment")
  func partnerAttribution() throws {
    let both = PartnerHost.partnerSub("w1", "W", "5.00", "2024-01-01", reseller: "R9", affiliate: "A9")
    #expect(both.attributedPartner == "R9")
    #expect(both.partners == CustomerPartners(reseller: "R9", affiliate: "A9"))
    let dataset = try RetentionDataset(subscriptions: PartnerHost.subscriptions)
    let segmented = SegmentedRetentionAggregate(dataset: dataset, through: last, by: [.partner])
    let none = try #require(segmented.segments[.noPartner])
    #expect(RetentionSegment.noPartner.value == "(none)")
    #expect(none.counters[0].customersEnd == 2)  // T and U
  }

  @Test("a partner id that is the no-partner key is refused")
  func reservedPartnerKey() {
    let clash = PartnerHost.partnerSub("x1", "X", "5.00", "2024-01-01", reseller: "(none)")
    #expect(throws: RetentionError.self) { try RetentionDataset(subscriptions: [clash]) }
  }

  @Test("every segment has the same month rows as the whole")
  func sameMonths() throws {
    let dataset = try RetentionDataset(subscriptions: PartnerHost.subscriptions)
    let segmented = SegmentedRetentionAggregate(
      dataset: dataset, through: last, by: Set(RetentionSegment.Dimension.allCases))
    #expect(!segmented.segments.isEmpty)
    for aggregate in segmented.segments.values { #expect(aggregate.months == segmented.total.months) }
    #expect(Set(segmented.segments(of: .tier).map(\.segment)) == [.tier(.shared), .tier(.vps)])
    #expect(segmented.segments(of: .partner).last?.segment == .noPartner)
  }

  @Test(
    "channel and partner segments add up to the whole on every counter, tiers on the start-based ones",
    arguments: [1, 2, 3, 4, 5] as [UInt64])
  func segmentsSumToTheWhole(seed: UInt64) throws {
    let host = randomPartnerHost(seed: seed, customers: 400)
    let dataset = try RetentionDataset(subscriptions: host.subscriptions, changes: host.changes)
    let through = month("2024-12")
    let segmented = SegmentedRetentionAggregate(
      dataset: dataset, through: through, by: Set(RetentionSegment.Dimension.allCases))
    #expect(segmented.total == RetentionAggregate(dataset: dataset, through: through))
    for dimension in [RetentionSegment.Dimension.channel, .partner] {
      var sum = segmented.total.emptied()
      for (_, aggregate) in segmented.segments(of: dimension) { sum = try sum.merging(aggregate) }
      #expect(sum.counters == segmented.total.counters, "\(dimension)")
    }
    let tiers = segmented.segments(of: .tier).map(\.aggregate)
    for (index, whole) in segmented.total.counters.enumerated() {
      #expect(tiers.reduce(0) { $0 + $1.counters[index].customersStart } == whole.customersStart)
      #expect(tiers.reduce(0) { $0 + $1.counters[index].mrrStart } == whole.mrrStart)
      #expect(tiers.reduce(0) { $0 + $1.counters[index].churnedCustomers } == whole.churnedCustomers)
      #expect(tiers.reduce(0) { $0 + $1.counters[index].churnedMRR } == whole.churnedMRR)
    }
  }

  @Test("segmented aggregates of two shards of customers merge into the aggregate of all")
  func shardsMerge() throws {
    let host = randomPartnerHost(seed: 9, customers: 200)
    let through = month("2024-12")
    let dimensions = Set(RetentionSegment.Dimension.allCases)
    let whole = SegmentedRetentionAggregate(
      dataset: try RetentionDataset(subscriptions: host.subscriptions, changes: host.changes), through: through,
      by: dimensions)
    let (left, right) = host.subscriptions.partitioned { $0.customer.rawValue.hasSuffix("7") }
    func shard(_ subscriptions: [Subscription]) throws -> SegmentedRetentionAggregate {
      let ids = Set(subscriptions.map(\.id))
      let dataset = try RetentionDataset(
        subscriptions: subscriptions, changes: host.changes.filter { ids.contains($0.subscription) })
      return SegmentedRetentionAggregate(dataset: dataset, through: through, by: dimensions)
    }
    let merged = try shard(left).merging(try shard(right))
    #expect(merged.total.counters == whole.total.counters)
    for (segment, aggregate) in whole.segments {
      #expect(merged.segments[segment]?.counters == aggregate.counters, "\(segment)")
    }
  }

  @Test("the subscriptions CSV reads optional partner_id and affiliate_id columns")
  func partnerColumns() throws {
    let csv = """
      customer_id,subscription_id,plan,tier,channel,billing_period,start_date,end_date,mrr,partner_id,affiliate_id
      c1,s1,P,shared,reseller,monthly,2024-01-01,,5,R1,
      c2,s2,P,shared,affiliate,monthly,2024-01-01,,5,,A1
      c3,s3,P,shared,direct,monthly,2024-01-01,,5,,
      """
    let records = try RetentionCSVImporter().subscriptions(csv: csv, file: "s.csv").records
    #expect(records.map(\.partnerID) == ["R1", nil, nil])
    #expect(records.map(\.affiliateID) == [nil, "A1", nil])
    let without = try RetentionCSVImporter().subscriptions(
      csv: "\(CSVImportTests.header)\nc1,s1,P,shared,direct,monthly,2024-01-01,,5\n", file: "s.csv")
    #expect(without.records[0].partnerID == nil)
    let bad = "\(CSVImportTests.header),partner_id\nc1,s1,P,shared,direct,monthly,2024-01-01,,5,\" \"\n"
    let error = try #require(throws: RetentionError.self) {
      try RetentionCSVImporter().subscriptions(csv: bad, file: "s.csv")
    }
    #expect(error.location == RetentionError.Location(file: "s.csv", line: 2, column: "partner_id"))
  }

  @Test("a customer's lifetime runs from its first start to the first day without any subscription")
  func customerLifetime() throws {
    // T: 2 January onwards (t1 still running, t2 overlapping) — censored; U: 20 January to 10 February.
    let dataset = try RetentionDataset(subscriptions: PartnerHost.subscriptions)
    let lifetimes = CustomerLifetimes.lifetimes(in: dataset, reportDate: day("2024-04-30"), unit: .days)
    let t = try #require(dataset.customerIndex(of: "T"))
    let u = try #require(dataset.customerIndex(of: "U"))
    let position = { (customer: Int) in lifetimes.customers.firstIndex(of: Int32(customer))! }
    #expect(lifetimes.durations[position(t)] == Double(day("2024-05-01").dayNumber - day("2024-01-02").dayNumber))
    #expect(lifetimes.observed[position(t)] == false)
    #expect(lifetimes.durations[position(u)] == 21)
    #expect(lifetimes.observed[position(u)] == true)
    // A plan change on the day the old plan ends is no gap.
    let chained = try RetentionDataset(subscriptions: [
      sub("a", "A", "5", "2024-01-01", "2024-02-01"), sub("b", "A", "9", "2024-02-01", "2024-03-01"),
    ])
    let chain = CustomerLifetimes.lifetimes(in: chained, reportDate: day("2024-04-30"), unit: .days)
    #expect(chain.durations == [60])
  }

  @Test("each channel's and each partner's customer survival is tested against direct customers")
  func survivalAgainstDirect() throws {
    let host = randomPartnerHost(seed: 3, customers: 300)
    let dataset = try RetentionDataset(subscriptions: host.subscriptions, changes: host.changes)
    let report = try RetentionReport(dataset: dataset, months: month("2024-01")...month("2024-12"))
    let channels = report.customerSurvivalByChannel.groups
    #expect(channels.map(\.name) == ["affiliate", "direct", "reseller"])
    #expect(channels.first { $0.name == "direct" }?.testAgainstDirect == nil)
    let affiliate = try #require(channels.first { $0.name == "affiliate" }?.testAgainstDirect)
    #expect(affiliate.groups == ["direct", "affiliate"])
    #expect(affiliate.degreesOfFreedom == 1)
    let partners = report.customerSurvivalByPartner.groups
    #expect(partners.contains { $0.name == RetentionSegment.noPartnerValue })
    #expect(partners.filter { $0.name != RetentionSegment.noPartnerValue }.allSatisfy { $0.testAgainstDirect != nil })
    #expect(partners.reduce(0) { $0 + $1.customers } == channels.reduce(0) { $0 + $1.customers })
  }

  @Test("partners are ranked by renewal rate, then NRR, with each partner's customer count")
  func partnerRanking() throws {
    let host = randomPartnerHost(seed: 4, customers: 300)
    let dataset = try RetentionDataset(subscriptions: host.subscriptions, changes: host.changes)
    let report = try RetentionReport(dataset: dataset, months: month("2024-01")...month("2024-12"))
    let ranking = report.partnerRanking
    #expect(ranking.map(\.rank) == Array(1...ranking.count))
    #expect(Set(ranking.map(\.partner)) == Set(dataset.partners))
    let rates = ranking.map { $0.renewalRate ?? -1 }
    #expect(rates == rates.sorted(by: >))
    let segmented = SegmentedRetentionAggregate(dataset: dataset, through: month("2024-12"), by: [.partner])
    for row in ranking {
      let months = segmented.segments[.partner(row.partner)]!.snapshots().suffix(12)
      #expect(row.renewalsDue == months.reduce(0) { $0 + $1.allRenewals.due })
      #expect(row.activeCustomers == months.last!.counters.customersEnd)
      #expect(row.customers > 0)
    }
  }

  @Test("the JSON report with a dimension has segments keyed by value; tier rows carry only the start keys")
  func segmentsJSON() throws {
    let dataset = try RetentionDataset(subscriptions: PartnerHost.subscriptions)
    for dimension in RetentionSegment.Dimension.allCases {
      let report = try RetentionReport(
        dataset: dataset, months: month("2024-01")...last, options: .init(segmentedBy: dimension))
      let object = try #require(
        JSONSerialization.jsonObject(with: Data(report.jsonString().utf8)) as? [String: Any])
      let segments = try #require(object["segments"] as? [String: [String: Any]])
      let months = try #require(segments.values.first?["months"] as? [[String: Any]])
      #expect(months.count == 4)
      if dimension == .tier {
        #expect(Set(segments.keys) == ["shared", "vps"])
        #expect(
          Set(months[0].keys) == ["month", "customers_start", "mrr_start", "churned_customers", "customer_churn_rate"])
      } else {
        let whole = try #require(object["months"] as? [[String: Any]])
        #expect(Set(months[0].keys) == Set(whole[0].keys).subtracting(["nps", "csat", "ces"]))
      }
      if dimension == .partner { #expect(Set(segments.keys) == ["A1", "R1", "R2", "(none)"]) }
      if dimension == .channel { #expect(Set(segments.keys) == ["affiliate", "direct", "reseller"]) }
    }
  }
}

/// Random customers with partners: channel and partner fixed per customer, several subscriptions each.
func randomPartnerHost(seed: UInt64, customers: Int) -> (subscriptions: [Subscription], changes: [MRRChange]) {
  var host = randomHost(seed: seed, customers: customers)
  var generator = SeededGenerator(seed: seed ^ 0xA5A5)
  var partnerOf: [CustomerID: (AcquisitionChannel, PartnerID?)] = [:]
  for index in host.subscriptions.indices {
    let customer = host.subscriptions[index].customer
    if partnerOf[customer] == nil {
      let channel = AcquisitionChannel.wellKnown.randomElement(using: &generator)!
      let partner: PartnerID? =
        channel == .direct
        ? nil : PartnerID("\(channel.rawValue.prefix(3))-\(Int.random(in: 1...6, using: &generator))")
      partnerOf[customer] = (channel, partner)
    }
    let (channel, partner) = partnerOf[customer]!
    host.subscriptions[index].channel = channel
    if channel == .reseller { host.subscriptions[index].partnerID = partner }
    if channel == .affiliate { host.subscriptions[index].affiliateID = partner }
  }
  return host
}

extension Array {
  fileprivate func partitioned(by isInFirst: (Element) -> Bool) -> ([Element], [Element]) {
    (filter(isInFirst), filter { !isInFirst($0) })
  }
}
