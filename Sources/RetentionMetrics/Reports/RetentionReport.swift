import Foundation

/// Every metric of the module for a range of months, as the `retention-report` example prints and writes.
///
/// Build it from a ``RetentionDataset`` and survey answers; render it with ``jsonString(pretty:)`` (schema in
/// the <doc:JSONSchema> article) or as SVG charts with ``RetentionCharts``.
public struct RetentionReport: Sendable {
  /// Choices for building a report.
  public struct Options: Hashable, Sendable {
    /// Denominator and margin choices for the monthly metrics.
    public var metrics: MetricOptions
    /// Segments to compute cohort tables for, besides everyone (a customer's tier and channel are those of its
    /// first subscription).
    public var segments: [RetentionSegment]
    /// Word-of-mouth tell-rates.
    public var wordOfMouth: WordOfMouthModel
    /// The unit of subscription lifetimes for the survival section.
    public var lifetimeUnit: SubscriptionLifetimes.Unit
    /// The confidence level of survival bounds.
    public var confidenceLevel: Double
    /// The dimension whose segments get their own monthly rows in ``RetentionReport/segmentMonths`` (and
    /// `"segments"` in the JSON); `nil` (the default) for none.
    public var segmentedBy: RetentionSegment.Dimension?

    /// Creates options; every parameter has the documented default.
    /// - Parameters:
    ///   - metrics: Metric choices; ``MetricOptions/init(churnDenominator:grossMargin:)`` defaults.
    ///   - segments: Each tier and each channel by default.
    ///   - wordOfMouth: Default tell-rates (3 happy, 33 unhappy).
    ///   - lifetimeUnit: Days by default.
    ///   - confidenceLevel: 0.95 by default.
    ///   - segmentedBy: The dimension of the monthly segments; none by default.
    public init(
      metrics: MetricOptions = MetricOptions(),
      segments: [RetentionSegment] = Array(RetentionSegment.allSegments.dropFirst()),
      wordOfMouth: WordOfMouthModel = WordOfMouthModel(), lifetimeUnit: SubscriptionLifetimes.Unit = .days,
      confidenceLevel: Double = 0.95, segmentedBy: RetentionSegment.Dimension? = nil
    ) {
      self.metrics = metrics
      self.segments = segments
      self.wordOfMouth = wordOfMouth
      self.lifetimeUnit = lifetimeUnit
      self.confidenceLevel = confidenceLevel
      self.segmentedBy = segmentedBy
    }
  }

  /// The report currency.
  public var currency: CurrencyCode
  /// The months reported.
  public var range: ClosedRange<CivilMonth>
  /// The last day observed: the last day of the last month.
  public var reportDate: CivilDate
  /// Every customer's monthly metrics, one per month in range.
  public var months: [MonthlySnapshot]
  /// Monthly metrics per segment of ``Options/segmentedBy`` (empty without it), sorted by value; tier segments
  /// carry only the start-based counters (see ``RetentionSegment``).
  public var segmentMonths: [(segment: RetentionSegment, months: [MonthlySnapshot])]
  /// Cohort tables: all customers first, then one per segment.
  public var cohorts: [CohortTable]
  /// Shared → VPS / dedicated movement.
  public var upgradeFunnel: UpgradeFunnel
  /// NPS, CSAT and CES per month and segment.
  public var satisfaction: SatisfactionReport
  /// Expected word-of-mouth reach of each customer's latest answer.
  public var wordOfMouth: WordOfMouthReach
  /// The unit of the survival section's lifetimes.
  public var lifetimeUnit: SubscriptionLifetimes.Unit
  /// The options the report was built with.
  public var options: Options
  /// Kaplan–Meier estimate of subscription lifetimes.
  public var survival: KaplanMeierEstimate
  /// Nelson–Aalen cumulative hazard of subscription lifetimes.
  public var cumulativeHazard: NelsonAalenEstimate
  /// Lifetimes by tier with the log-rank test between tiers.
  public var survivalByTier: GroupedSurvival
  /// Lifetimes by channel with the log-rank test between channels.
  public var survivalByChannel: GroupedSurvival
  /// Customer lifetimes (first start to the first day without any subscription) by the channel of the first
  /// subscription, each channel tested against direct customers.
  public var customerSurvivalByChannel: SurvivalAgainstDirect
  /// Customer lifetimes by partner (customers without one under ``RetentionSegment/noPartnerValue``), each
  /// tested against direct customers.
  public var customerSurvivalByPartner: SurvivalAgainstDirect
  /// Renewal rate and NRR per partner over the report's months, best first, with each partner's customers.
  public var partnerRanking: [PartnerRetention]

  /// Computes every metric.
  /// - Parameters:
  ///   - dataset: The validated subscriptions and changes.
  ///   - surveys: Survey answers (may be empty).
  ///   - range: The months to report; history before it is still used for movements, NRR and reactivation.
  ///   - options: Choices; documented defaults.
  /// - Throws: ``RetentionError/Code-swift.struct/invalidArgument`` for a bad confidence level, or a range of
  ///   more than ``maximumMonths`` months or outside the months of ``RetentionDataset/supportedDates``
  ///   (1970-01 to 2099-12: the tables grow with the months spanned, so 0001-01 … 9999-12 would need
  ///   hundreds of gigabytes).
  /// - Complexity: O((n + c) × (1 + segments)) plus survival's O(n).
  public init(
    dataset: RetentionDataset, surveys: [SurveyResponse] = [], months range: ClosedRange<CivilMonth>,
    options: Options = Options()
  ) throws(RetentionError) {
    try Self.checkRange(range)
    self.options = options
    currency = dataset.currency
    self.range = range
    reportDate = range.upperBound.lastDay
    func monthRows(_ aggregate: RetentionAggregate) -> [MonthlySnapshot] {
      let snapshots = aggregate.snapshots(options: options.metrics).filter { range.contains($0.month) }
      return Self.padded(snapshots, range: range, currency: dataset.currency)
    }
    // Every monthly figure in one pass: the whole, the requested dimension and (for the ranking) partners.
    var dimensions = Set<RetentionSegment.Dimension>()
    if let dimension = options.segmentedBy { dimensions.insert(dimension) }
    if !dataset.partners.isEmpty { dimensions.insert(.partner) }
    let segmented = SegmentedRetentionAggregate(dataset: dataset, through: range.upperBound, by: dimensions)
    months = monthRows(segmented.total)
    segmentMonths =
      options.segmentedBy.map { dimension in
        segmented.segments(of: dimension).map { ($0.segment, monthRows($0.aggregate)) }
      } ?? []
    cohorts = CohortTable.tables(dataset: dataset, through: range.upperBound, segments: [.all] + options.segments)
    upgradeFunnel = UpgradeFunnel(dataset: dataset, reportDate: reportDate)
    satisfaction = SatisfactionReport(responses: surveys, dataset: dataset, months: range)
    let reportDate = reportDate
    wordOfMouth = options.wordOfMouth.reach(of: surveys, through: reportDate)
    lifetimeUnit = options.lifetimeUnit
    let level = options.confidenceLevel
    let lifetimes = SubscriptionLifetimes.grouped(dataset: dataset, reportDate: reportDate, unit: options.lifetimeUnit)
    survival = try KaplanMeierEstimate(lifetimes.all, confidenceLevel: level)
    cumulativeHazard = try NelsonAalenEstimate(lifetimes.all, confidenceLevel: level)
    survivalByTier = try GroupedSurvival(groups: lifetimes.byTier, confidenceLevel: level)
    survivalByChannel = try GroupedSurvival(groups: lifetimes.byChannel, confidenceLevel: level)
    let customers = CustomerLifetimes.lifetimes(in: dataset, reportDate: reportDate, unit: options.lifetimeUnit)
    let channelTables = SubscriptionLifetimes.tables(
      durations: customers.durations, observed: customers.observed,
      keys: customers.customers.map { Int32(dataset.customerChannelIndex[Int($0)]) },
      names: dataset.channels.map(\.rawValue))
    let direct = channelTables.first { $0.name == AcquisitionChannel.direct.rawValue }?.table
    customerSurvivalByChannel = try SurvivalAgainstDirect(
      tables: channelTables, direct: direct, directName: AcquisitionChannel.direct.rawValue, confidenceLevel: level)
    let partnerKeys = customers.customers.map { customer in
      let slot = Int(dataset.customerPartnerIndex[Int(customer)])
      return Int32(slot < 0 ? dataset.partners.count : slot)
    }
    customerSurvivalByPartner = try SurvivalAgainstDirect(
      tables: dataset.partners.isEmpty
        ? []
        : SubscriptionLifetimes.tables(
          durations: customers.durations, observed: customers.observed, keys: partnerKeys,
          names: dataset.partners.map(\.rawValue) + [RetentionSegment.noPartnerValue]),
      direct: direct, directName: nil, confidenceLevel: level)
    var customersPerPartner = [Int](repeating: 0, count: dataset.partners.count + 1)
    for key in partnerKeys { customersPerPartner[Int(key)] += 1 }
    partnerRanking = PartnerRetention.ranking(
      segmented.segments(of: .partner).compactMap { entry in
        guard case .partner(let partner?) = entry.segment.kind else { return nil }
        let index = dataset.partners.firstIndex(of: partner) ?? dataset.partners.count
        return (partner, customersPerPartner[index], monthRows(entry.aggregate))
      })
  }

  /// The most months one report covers: 100 years.
  public static let maximumMonths = 1_200

  private static func checkRange(_ range: ClosedRange<CivilMonth>) throws(RetentionError) {
    let months = range.lowerBound.distance(to: range.upperBound) + 1
    guard months <= maximumMonths else {
      throw .invalidArgument(
        "a report covers at most \(maximumMonths) months (100 years); \(range.lowerBound) … \(range.upperBound) "
          + "spans \(months)")
    }
    let supported = RetentionDataset.supportedDates
    guard range.lowerBound >= supported.lowerBound.civilMonth, range.upperBound <= supported.upperBound.civilMonth
    else {
      throw .invalidArgument(
        "a report's months must lie within \(supported.lowerBound.civilMonth) … \(supported.upperBound.civilMonth), "
          + "the dates a dataset accepts; got \(range.lowerBound) … \(range.upperBound)")
    }
  }

  /// Months in range before the first subscription get empty snapshots so every month is present.
  private static func padded(_ snapshots: [MonthlySnapshot], range: ClosedRange<CivilMonth>, currency: CurrencyCode)
    -> [MonthlySnapshot]
  {
    let byMonth = Dictionary(uniqueKeysWithValues: snapshots.map { ($0.month, $0) })
    return range.map { month in
      byMonth[month]
        ?? MonthlySnapshot(
          month: month, counters: MonthlyCounters(), currency: currency, customerChurnRate: nil,
          grossMRRChurnRate: nil, arpa: nil, ltv: nil, nrr12m: nil, grr12m: nil,
          renewals: BillingPeriod.allCases.map { _ in RenewalCount(due: 0, renewed: 0) },
          allRenewals: RenewalCount(due: 0, renewed: 0))
    }
  }
}
