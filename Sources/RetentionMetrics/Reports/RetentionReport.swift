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
    /// Segments to compute monthly metrics and cohort tables for, besides everyone.
    public var segments: [RetentionSegment]
    /// Word-of-mouth tell-rates.
    public var wordOfMouth: WordOfMouthModel
    /// The unit of subscription lifetimes for the survival section.
    public var lifetimeUnit: SubscriptionLifetimes.Unit
    /// The confidence level of survival bounds.
    public var confidenceLevel: Double

    /// Creates options; every parameter has the documented default.
    /// - Parameters:
    ///   - metrics: Metric choices; ``MetricOptions/init(churnDenominator:grossMargin:)`` defaults.
    ///   - segments: Each tier and each channel by default.
    ///   - wordOfMouth: Default tell-rates (3 happy, 33 unhappy).
    ///   - lifetimeUnit: Days by default.
    ///   - confidenceLevel: 0.95 by default.
    public init(
      metrics: MetricOptions = MetricOptions(),
      segments: [RetentionSegment] = Array(RetentionSegment.allSegments.dropFirst()),
      wordOfMouth: WordOfMouthModel = WordOfMouthModel(), lifetimeUnit: SubscriptionLifetimes.Unit = .days,
      confidenceLevel: Double = 0.95
    ) {
      self.metrics = metrics
      self.segments = segments
      self.wordOfMouth = wordOfMouth
      self.lifetimeUnit = lifetimeUnit
      self.confidenceLevel = confidenceLevel
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
  /// Monthly metrics per segment, keyed by ``RetentionSegment/description``.
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
  /// Kaplan–Meier estimate of subscription lifetimes.
  public var survival: KaplanMeierEstimate
  /// Nelson–Aalen cumulative hazard of subscription lifetimes.
  public var cumulativeHazard: NelsonAalenEstimate
  /// Lifetimes by tier with the log-rank test between tiers.
  public var survivalByTier: GroupedSurvival
  /// Lifetimes by channel with the log-rank test between channels.
  public var survivalByChannel: GroupedSurvival

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
    currency = dataset.currency
    self.range = range
    reportDate = range.upperBound.lastDay
    func inRange(_ snapshots: [MonthlySnapshot]) -> [MonthlySnapshot] { snapshots.filter { range.contains($0.month) } }
    let allMonths = RetentionAggregate(dataset: dataset, through: range.upperBound).snapshots(options: options.metrics)
    months = Self.padded(inRange(allMonths), range: range, currency: dataset.currency)
    segmentMonths = options.segments.map { segment in
      let aggregate = RetentionAggregate(dataset: dataset, through: range.upperBound, segment: segment)
      let snapshots = inRange(aggregate.snapshots(options: options.metrics))
      return (segment, Self.padded(snapshots, range: range, currency: dataset.currency))
    }
    cohorts = CohortTable.tables(dataset: dataset, through: range.upperBound, segments: [.all] + options.segments)
    upgradeFunnel = UpgradeFunnel(dataset: dataset, reportDate: reportDate)
    satisfaction = SatisfactionReport(responses: surveys, dataset: dataset, months: range)
    let reportDate = reportDate
    wordOfMouth = options.wordOfMouth.reach(of: surveys.filter { $0.date <= reportDate })
    lifetimeUnit = options.lifetimeUnit
    let subscriptions = dataset.subscriptions
    let table = SubscriptionLifetimes.table(of: subscriptions, reportDate: reportDate, unit: options.lifetimeUnit)
    survival = try KaplanMeierEstimate(table, confidenceLevel: options.confidenceLevel)
    cumulativeHazard = try NelsonAalenEstimate(table, confidenceLevel: options.confidenceLevel)
    survivalByTier = try GroupedSurvival(
      groups: SubscriptionLifetimes.tables(of: subscriptions, reportDate: reportDate, unit: options.lifetimeUnit) {
        $0.tier.rawValue
      }, confidenceLevel: options.confidenceLevel)
    survivalByChannel = try GroupedSurvival(
      groups: SubscriptionLifetimes.tables(of: subscriptions, reportDate: reportDate, unit: options.lifetimeUnit) {
        $0.channel.rawValue
      }, confidenceLevel: options.confidenceLevel)
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
