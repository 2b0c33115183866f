import Foundation

/// The Kaplan–Meier estimate of a survival function from right-censored lifetimes, with Greenwood
/// confidence intervals on the log(−log) scale and the median survival time with its interval.
///
/// The computation follows the conventions of the lifelines reference implementation (`KaplanMeierFitter`),
/// so the numbers agree with it to within 1e-9:
/// - the timeline is 0 followed by every other distinct time (event or censoring);
/// - Ŝ(t) = ∏_{tᵢ ≤ t} (1 − dᵢ/nᵢ), with nᵢ the subjects at risk and dᵢ the events at tᵢ (lifelines sums
///   logarithms instead; the two agree to rounding);
/// - Greenwood's sum σ²(t) = Σ_{tᵢ ≤ t} dᵢ / (nᵢ(nᵢ − dᵢ)), a term being 0 when nᵢ = dᵢ;
/// - the bounds are exp(−exp(log(−log Ŝ) ∓ z·σ / log Ŝ)) with z = Φ⁻¹(1 − α/2); where Ŝ = 1 both are 1;
/// - the median is the first time with Ŝ(t) ≤ 0.5 (`nil` — infinite — when Ŝ stays above 0.5); its interval
///   is the first time each bound falls to 0.5 or below.
public struct KaplanMeierEstimate: Hashable, Sendable, Codable {
  /// 0 followed by the distinct times, ascending.
  public var timeline: [Double]
  /// Subjects at risk just before each time.
  public var atRisk: [Int]
  /// Events at each time.
  public var events: [Int]
  /// Subjects censored at each time.
  public var censored: [Int]
  /// Ŝ(t) at each time.
  public var survival: [Double]
  /// The lower confidence bound at each time.
  public var lowerBound: [Double]
  /// The upper confidence bound at each time.
  public var upperBound: [Double]
  /// Greenwood's variance sum Σ dᵢ/(nᵢ(nᵢ − dᵢ)) at each time (Var Ŝ ≈ Ŝ² × this).
  public var greenwoodSum: [Double]
  /// The confidence level of the bounds, e.g. 0.95.
  public var confidenceLevel: Double
  /// The median survival time, or `nil` when the estimate never falls to 0.5.
  public var median: Double?
  /// The lower end of the median's confidence interval (`nil` = infinite).
  public var medianLowerBound: Double?
  /// The upper end of the median's confidence interval (`nil` = infinite).
  public var medianUpperBound: Double?

  /// Estimates the survival function from a table of lifetimes.
  /// - Parameters:
  ///   - table: Events and censorings per distinct time.
  ///   - confidenceLevel: The confidence level of the bounds, in (0, 1); 0.95 by default.
  /// - Throws: ``RetentionError/Code-swift.struct/invalidArgument`` for a confidence level outside (0, 1).
  /// - Complexity: O(k) for k distinct times.
  public init(_ table: SurvivalTable, confidenceLevel: Double = 0.95) throws(RetentionError) {
    guard confidenceLevel > 0 && confidenceLevel < 1 else {
      throw .invalidArgument("confidence level \(confidenceLevel) must be between 0 and 1")
    }
    let z = StatisticalFunctions.normalQuantile(1 - (1 - confidenceLevel) / 2)
    let count = table.times.count
    timeline = table.times
    events = table.events
    censored = table.censored
    self.confidenceLevel = confidenceLevel
    let eventCounts = events
    let censoredCounts = censored
    let subjects = table.subjectCount
    var atRisk: [Int] = []
    var survival: [Double] = []
    var lowerBound: [Double] = []
    var upperBound: [Double] = []
    var greenwoodSum: [Double] = []
    // Every slot is written exactly once, in order, into uninitialized storage.
    atRisk = [Int](unsafeUninitializedCapacity: count) { atRisk, atRiskCount in
      survival = [Double](unsafeUninitializedCapacity: count) { survival, survivalCount in
        lowerBound = [Double](unsafeUninitializedCapacity: count) { lowerBound, lowerCount in
          upperBound = [Double](unsafeUninitializedCapacity: count) { upperBound, upperCount in
            greenwoodSum = [Double](unsafeUninitializedCapacity: count) { greenwoodSum, greenwoodCount in
              eventCounts.withUnsafeBufferPointer { events in
                censoredCounts.withUnsafeBufferPointer { censored in
                  var remaining = subjects
                  var logSurvival = 0.0
                  var product = 1.0
                  var sum = 0.0
                  var lower = 1.0
                  var upper = 1.0
                  for index in 0..<count {
                    let n = remaining
                    let d = events[index]
                    atRisk[index] = n
                    remaining -= d + censored[index]
                    if d > 0 {
                      let fraction = Double(d) / Double(n)
                      logSurvival += log1p(-fraction)
                      product *= 1 - fraction
                      if n > d { sum += fraction / Double(n - d) }
                      if logSurvival == 0 {
                        (lower, upper) = (1, 1)
                      } else if logSurvival == -.infinity {
                        (lower, upper) = (0, 0)
                      } else {
                        // exp(−exp(log(−v) ∓ w)) = exp(v·exp(∓w)) with v = log Ŝ, w = z·σ/v.
                        let spread = exp(z * sum.squareRoot() / logSurvival)
                        lower = exp(logSurvival / spread)
                        upper = exp(logSurvival * spread)
                      }
                    }
                    survival[index] = product
                    greenwoodSum[index] = sum
                    lowerBound[index] = lower
                    upperBound[index] = upper
                  }
                }
              }
              greenwoodCount = count
            }
            upperCount = count
          }
          lowerCount = count
        }
        survivalCount = count
      }
      atRiskCount = count
    }
    self.atRisk = atRisk
    self.survival = survival
    self.lowerBound = lowerBound
    self.upperBound = upperBound
    self.greenwoodSum = greenwoodSum
    median = KaplanMeierEstimate.firstTime(in: timeline, where: survival)
    medianLowerBound = KaplanMeierEstimate.firstTime(in: timeline, where: lowerBound)
    medianUpperBound = KaplanMeierEstimate.firstTime(in: timeline, where: upperBound)
  }

  /// Estimates the survival function from lifetimes.
  /// - Parameters:
  ///   - durations: Each subject's time to the event or to censoring; finite and ≥ 0.
  ///   - observed: Whether each subject's event was observed (`false` = censored).
  ///   - confidenceLevel: The confidence level of the bounds; 0.95 by default.
  /// - Throws: ``RetentionError/Code-swift.struct/invalidArgument`` for bad durations or level.
  /// - Complexity: O(n) (see ``SurvivalTable/init(durations:observed:)``).
  public init(durations: [Double], observed: [Bool], confidenceLevel: Double = 0.95) throws(RetentionError) {
    try self.init(SurvivalTable(durations: durations, observed: observed), confidenceLevel: confidenceLevel)
  }

  /// Ŝ(t) at any time: the value at the last timeline point ≤ t.
  /// - Parameter time: A time ≥ 0.
  /// - Returns: The estimated probability of surviving past `time`.
  /// - Complexity: O(log k).
  public func survival(at time: Double) -> Double {
    var low = 0
    var high = timeline.count
    while low < high {
      let mid = (low + high) / 2
      if timeline[mid] <= time { low = mid + 1 } else { high = mid }
    }
    return low == 0 ? 1 : survival[low - 1]
  }

  /// The first time at which `values` is ≤ 0.5, as lifelines' `qth_survival_time` does.
  static func firstTime(in timeline: [Double], where values: [Double]) -> Double? {
    guard let last = values.last, last <= 0.5 else { return nil }
    return values.firstIndex { $0 <= 0.5 }.map { timeline[$0] }
  }
}

extension KaplanMeierEstimate {
  /// Decodes an estimate, checking that every per-time array has one entry per timeline point.
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: `DecodingError.dataCorrupted` when the arrays differ in length.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    timeline = try container.decode([Double].self, forKey: .timeline)
    atRisk = try container.decode([Int].self, forKey: .atRisk)
    events = try container.decode([Int].self, forKey: .events)
    censored = try container.decode([Int].self, forKey: .censored)
    survival = try container.decode([Double].self, forKey: .survival)
    lowerBound = try container.decode([Double].self, forKey: .lowerBound)
    upperBound = try container.decode([Double].self, forKey: .upperBound)
    greenwoodSum = try container.decode([Double].self, forKey: .greenwoodSum)
    confidenceLevel = try container.decode(Double.self, forKey: .confidenceLevel)
    median = try container.decodeIfPresent(Double.self, forKey: .median)
    medianLowerBound = try container.decodeIfPresent(Double.self, forKey: .medianLowerBound)
    medianUpperBound = try container.decodeIfPresent(Double.self, forKey: .medianUpperBound)
    let count = timeline.count
    guard [atRisk.count, events.count, censored.count, survival.count].allSatisfy({ $0 == count }),
      [lowerBound.count, upperBound.count, greenwoodSum.count].allSatisfy({ $0 == count })
    else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "Kaplan–Meier arrays differ in length"))
    }
  }
}
