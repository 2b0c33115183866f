import Foundation

/// The Nelson–Aalen estimate of the cumulative hazard H(t) from right-censored lifetimes, with its
/// confidence interval, following lifelines' `NelsonAalenFitter` so the figures agree to within 1e-9.
///
/// - ``TieHandling/smoothed`` (the default, as in lifelines): dᵢ tied events at nᵢ at risk add
///   Σ_{j=0}^{dᵢ−1} 1/(nᵢ − j) to H and Σ 1/(nᵢ − j)² to its variance (Aalen, Borgan & Gjessing 2008, p. 84);
/// - ``TieHandling/discrete``: they add dᵢ/nᵢ, and (1 − dᵢ/nᵢ)(dᵢ/nᵢ)/nᵢ to the variance.
///
/// The bounds are H·exp(∓z·σ/H) (H = 0 gives 0).
public struct NelsonAalenEstimate: Hashable, Sendable, Codable {
  /// How tied event times are handled.
  public enum TieHandling: String, Hashable, Sendable, Codable {
    /// Ties are broken as if the events happened one after another (lifelines' default).
    case smoothed
    /// Ties count as dᵢ/nᵢ, advisable for naturally discrete times.
    case discrete
  }

  /// 0 followed by the distinct times, ascending.
  public var timeline: [Double]
  /// Ĥ(t) at each time.
  public var cumulativeHazard: [Double]
  /// The estimated variance of Ĥ(t).
  public var variance: [Double]
  /// The lower confidence bound.
  public var lowerBound: [Double]
  /// The upper confidence bound.
  public var upperBound: [Double]

  /// Estimates the cumulative hazard.
  /// - Parameters:
  ///   - table: Events and censorings per distinct time.
  ///   - ties: How tied events are handled; ``TieHandling/smoothed`` by default.
  ///   - confidenceLevel: The confidence level, in (0, 1); 0.95 by default.
  /// - Throws: ``RetentionError/Code-swift.struct/invalidArgument`` for a level outside (0, 1).
  /// - Complexity: O(k + d) for k distinct times and d events.
  public init(_ table: SurvivalTable, ties: TieHandling = .smoothed, confidenceLevel: Double = 0.95)
    throws(RetentionError)
  {
    guard confidenceLevel > 0 && confidenceLevel < 1 else {
      throw .invalidArgument("confidence level \(confidenceLevel) must be between 0 and 1")
    }
    let z = StatisticalFunctions.normalQuantile(1 - (1 - confidenceLevel) / 2)
    timeline = table.times
    let events = table.events
    let censored = table.censored
    cumulativeHazard = []
    variance = []
    lowerBound = []
    upperBound = []
    var remaining = table.subjectCount
    var hazard = 0.0
    var sum = 0.0
    for index in timeline.indices {
      let n = remaining
      let d = events[index]
      remaining -= d + censored[index]
      if d > 0 {
        switch ties {
        case .smoothed:
          var hazardStep = 0.0
          var varianceStep = 0.0
          for j in 0..<d {
            let r = 1 / Double(n - j)
            hazardStep += r
            varianceStep += r * r
          }
          hazard += hazardStep
          sum += varianceStep
        case .discrete:
          let ratio = Double(d) / Double(n)
          hazard += ratio
          sum += (1 - ratio) * ratio / Double(n)
        }
      }
      cumulativeHazard.append(hazard)
      variance.append(sum)
      let spread = exp(z * sum.squareRoot() / (hazard == 0 ? 1 : hazard))
      lowerBound.append(hazard / spread)
      upperBound.append(hazard * spread)
    }
  }
}
