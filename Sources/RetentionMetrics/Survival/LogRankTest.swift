import Foundation

/// The log-rank test of whether two or more groups have the same survival function (e.g. shared vs VPS
/// customers, or customers who had an SLA breach vs those who did not).
///
/// At every distinct time tᵢ with nᵢ at risk and dᵢ events overall, group g expects
/// Eᵢg = dᵢ·nᵢg/nᵢ events; Z_g = Σ (Oᵢg − Eᵢg), with hypergeometric covariance
/// V_gh = Σ dᵢ (nᵢ − dᵢ)/(nᵢ − 1) · nᵢg (δ_gh nᵢ − nᵢh)/nᵢ² (the (nᵢ − dᵢ)/(nᵢ − 1) factor being 1 when
/// nᵢ = 1). The statistic is Zᵀ V⁻¹ Z over the first k − 1 groups, χ²-distributed with k − 1 degrees of
/// freedom. This is the statistic of lifelines' `logrank_test` / `multivariate_logrank_test`.
public struct LogRankTest: Hashable, Sendable, Codable {
  /// The group names, in the order given.
  public var groups: [String]
  /// Observed events per group.
  public var observed: [Int]
  /// Expected events per group under the null hypothesis.
  public var expected: [Double]
  /// The χ² test statistic.
  public var statistic: Double
  /// Degrees of freedom (groups − 1).
  public var degreesOfFreedom: Int
  /// The p-value: P(χ² > statistic).
  public var pValue: Double

  /// Compares the survival of groups.
  /// - Parameter groups: At least two named groups with their lifetime tables.
  /// - Throws: ``RetentionError/Code-swift.struct/invalidArgument`` with fewer than two groups or when the
  ///   covariance matrix is singular (e.g. no events at all).
  /// - Complexity: O(k·g² + g³) for k distinct times and g groups.
  public init(groups: [(name: String, table: SurvivalTable)]) throws(RetentionError) {
    guard groups.count >= 2 else { throw .invalidArgument("the log-rank test needs at least two groups") }
    let g = groups.count
    let combined = groups.dropFirst().reduce(groups[0].table) { $0.merging($1.table) }
    self.groups = groups.map(\.name)
    observed = groups.map { $0.table.events.reduce(0, +) }
    expected = [Double](repeating: 0, count: g)
    var covariance = [[Double]](repeating: [Double](repeating: 0, count: g), count: g)
    var remaining = groups.map { $0.table.subjectCount }
    var cursor = [Int](repeating: 0, count: g)
    var atRiskNow = [Double](repeating: 0, count: g)
    var total = combined.subjectCount
    for index in combined.times.indices {
      let time = combined.times[index]
      let d = Double(combined.events[index])
      let n = Double(total)
      for group in 0..<g { atRiskNow[group] = Double(remaining[group]) }
      if d > 0 {
        let factor = (total > 1 ? (n - d) / (n - 1) : 1) * d / (n * n)
        for group in 0..<g {
          expected[group] += atRiskNow[group] * d / n
          for other in 0..<g {
            let cross =
              group == other ? atRiskNow[group] * (n - atRiskNow[group]) : -atRiskNow[group] * atRiskNow[other]
            covariance[group][other] += factor * cross
          }
        }
      }
      for group in 0..<g {
        let table = groups[group].table
        if cursor[group] < table.times.count && table.times[cursor[group]] == time {
          remaining[group] -= table.events[cursor[group]] + table.censored[cursor[group]]
          cursor[group] += 1
        }
      }
      total -= combined.events[index] + combined.censored[index]
    }
    let observedCounts = observed
    let expectedCounts = expected
    let z = (0..<(g - 1)).map { Double(observedCounts[$0]) - expectedCounts[$0] }
    let matrix = (0..<(g - 1)).map { row in Array(covariance[row][0..<(g - 1)]) }
    guard let solution = LogRankTest.solve(matrix, z) else {
      throw .invalidArgument("the log-rank covariance is singular (are there any events?)")
    }
    let chiSquared = zip(z, solution).reduce(0) { $0 + $1.0 * $1.1 }
    statistic = chiSquared
    degreesOfFreedom = g - 1
    pValue = StatisticalFunctions.chiSquaredSurvival(chiSquared, degreesOfFreedom: g - 1)
  }

  /// Solves A·x = b by Gaussian elimination with partial pivoting; `nil` when A is singular.
  static func solve(_ matrix: [[Double]], _ vector: [Double]) -> [Double]? {
    var a = matrix
    var b = vector
    let n = b.count
    let scale = a.flatMap { $0 }.map(abs).max() ?? 0
    for column in 0..<n {
      guard let pivot = (column..<n).max(by: { abs(a[$0][column]) < abs(a[$1][column]) }),
        abs(a[pivot][column]) > scale * 1e-13, scale > 0
      else { return nil }
      a.swapAt(column, pivot)
      b.swapAt(column, pivot)
      for row in (column + 1)..<n where row < n {
        let factor = a[row][column] / a[column][column]
        for k in column..<n { a[row][k] -= factor * a[column][k] }
        b[row] -= factor * b[column]
      }
    }
    var x = [Double](repeating: 0, count: n)
    for row in stride(from: n - 1, through: 0, by: -1) {
      var sum = b[row]
      for k in (row + 1)..<n where k < n { sum -= a[row][k] * x[k] }
      x[row] = sum / a[row][row]
    }
    return x
  }
}
