import Foundation
import Testing

@testable import RetentionMetrics

private func expectClose(_ actual: [Double], _ expected: [Double], tolerance: Double = 1e-9, _ what: String) {
  #expect(actual.count == expected.count, "\(what): \(actual.count) values, expected \(expected.count)")
  for (index, (a, e)) in zip(actual, expected).enumerated() {
    #expect(abs(a - e) <= tolerance, "\(what)[\(index)] = \(a), lifelines says \(e)")
  }
}

@Suite("Survival analysis agrees with lifelines on the Freireich 6-MP leukaemia data")
struct SurvivalTests {
  static let cases: [(String, [Double], [Bool], Reference)] = [
    ("6-MP", LeukemiaRemission.sixMPWeeks, LeukemiaRemission.sixMPRelapsed, Lifelines.sixMP),
    ("placebo", LeukemiaRemission.placeboWeeks, LeukemiaRemission.placeboRelapsed, Lifelines.placebo),
  ]

  @Test("Kaplan–Meier survival, at-risk table and Greenwood log(−log) bounds match lifelines to 1e-9", arguments: 0..<2)
  func kaplanMeier(_ which: Int) throws {
    let (name, weeks, relapsed, reference) = Self.cases[which]
    let estimate = try KaplanMeierEstimate(durations: weeks, observed: relapsed)
    #expect(estimate.timeline == reference.timeline, "\(name)")
    #expect(estimate.atRisk == reference.atRisk, "\(name)")
    #expect(estimate.events == reference.events, "\(name)")
    #expect(estimate.censored == reference.censored, "\(name)")
    expectClose(estimate.survival, reference.survival, "\(name) survival")
    expectClose(estimate.lowerBound, reference.lower, "\(name) lower")
    expectClose(estimate.upperBound, reference.upper, "\(name) upper")
  }

  @Test(
    "the median survival and its interval match lifelines (infinite when a bound never reaches 0.5)", arguments: 0..<2)
  func medianSurvival(_ which: Int) throws {
    let (_, weeks, relapsed, reference) = Self.cases[which]
    let estimate = try KaplanMeierEstimate(durations: weeks, observed: relapsed)
    #expect(estimate.median == reference.median)
    #expect(estimate.medianLowerBound == reference.medianLower)
    #expect(estimate.medianUpperBound == reference.medianUpper)
  }

  @Test("Nelson–Aalen cumulative hazard and bounds match lifelines with and without tie smoothing", arguments: 0..<2)
  func nelsonAalen(_ which: Int) throws {
    let (name, weeks, relapsed, reference) = Self.cases[which]
    let table = try SurvivalTable(durations: weeks, observed: relapsed)
    let smoothed = try NelsonAalenEstimate(table)
    expectClose(smoothed.cumulativeHazard, reference.smoothedHazard, "\(name) smoothed H")
    expectClose(smoothed.lowerBound, reference.smoothedLower, "\(name) smoothed lower")
    expectClose(smoothed.upperBound, reference.smoothedUpper, "\(name) smoothed upper")
    let discrete = try NelsonAalenEstimate(table, ties: .discrete)
    expectClose(discrete.cumulativeHazard, reference.discreteHazard, "\(name) discrete H")
    expectClose(discrete.lowerBound, reference.discreteLower, "\(name) discrete lower")
    expectClose(discrete.upperBound, reference.discreteUpper, "\(name) discrete upper")
  }

  @Test("the log-rank test of 6-MP against placebo matches lifelines' statistic and p-value")
  func logRankTwoGroups() throws {
    let test = try LogRankTest(groups: [
      ("6-MP", SurvivalTable(durations: LeukemiaRemission.sixMPWeeks, observed: LeukemiaRemission.sixMPRelapsed)),
      (
        "placebo", SurvivalTable(durations: LeukemiaRemission.placeboWeeks, observed: LeukemiaRemission.placeboRelapsed)
      ),
    ])
    #expect(abs(test.statistic - Lifelines.logRankStatistic) <= 1e-9)
    #expect(abs(test.pValue - Lifelines.logRankPValue) <= 1e-12)
    #expect(test.degreesOfFreedom == 1)
    #expect(test.observed == [9, 21])
  }

  @Test("the three-group log-rank test matches lifelines' multivariate test")
  func logRankThreeGroups() throws {
    let weeks = LeukemiaRemission.placeboWeeks
    let even = Array(stride(from: 0, to: 21, by: 2).map { weeks[$0] })
    let odd = Array(stride(from: 1, to: 21, by: 2).map { weeks[$0] })
    let test = try LogRankTest(groups: [
      ("6-MP", SurvivalTable(durations: LeukemiaRemission.sixMPWeeks, observed: LeukemiaRemission.sixMPRelapsed)),
      ("placebo-a", SurvivalTable(durations: even, observed: even.map { _ in true })),
      ("placebo-b", SurvivalTable(durations: odd, observed: odd.map { _ in true })),
    ])
    #expect(abs(test.statistic - Lifelines.threeGroupStatistic) <= 1e-9)
    #expect(abs(test.pValue - Lifelines.threeGroupPValue) <= 1e-12)
    #expect(test.degreesOfFreedom == 2)
  }

  @Test("the sorting and counting paths build the same table, and shards merge into the single-pass table")
  func tablePathsAndMerging() throws {
    var generator = SeededGenerator(seed: 7)
    let durations = (0..<5_000).map { _ in Double(Int.random(in: 0..<400, using: &generator)) }
    let observed = durations.map { _ in Bool.random(using: &generator) }
    let counted = try SurvivalTable(durations: durations, observed: observed)
    // A fractional offset forces the sorting path; undo it to compare.
    let shifted = try SurvivalTable(durations: durations.map { $0 + 0.5 }, observed: observed)
    // The shifted table has an empty origin row before 0.5; the counted one has subjects at 0.
    #expect(shifted.times.dropFirst().map { $0 - 0.5 } == counted.times)
    #expect(Array(shifted.events.dropFirst()) == counted.events)
    #expect(Array(shifted.censored.dropFirst()) == counted.censored)
    #expect(shifted.events[0] == 0 && shifted.censored[0] == 0)
    var merged = SurvivalTable()
    for shard in 0..<4 {
      let indices = Array(stride(from: shard, to: durations.count, by: 4))
      merged = merged.merging(
        try SurvivalTable(durations: indices.map { durations[$0] }, observed: indices.map { observed[$0] }))
    }
    #expect(merged == counted)
  }

  @Test("every table starts at the origin, even when nobody is counted there")
  func origin() throws {
    #expect(SurvivalTable().times == [0])
    let table = try SurvivalTable(durations: [2.5, 1], observed: [true, false])
    #expect(table.times == [0, 1, 2.5])
    #expect(table.atRisk == [2, 2, 1])
    #expect(try SurvivalTable(times: [3], events: [1], censored: [0]).times == [0, 3])
  }

  @Test("negative, infinite or NaN durations are rejected with a typed error", arguments: [-1.0, .infinity, .nan])
  func badDurations(_ value: Double) {
    #expect(throws: RetentionError.self) { try SurvivalTable(durations: [1, value], observed: [true, false]) }
  }

  @Test("the normal quantile matches scipy's norm.ppf")
  func normalQuantile() {
    #expect(abs(StatisticalFunctions.normalQuantile(0.975) - 1.959963984540054) < 1e-15)
    #expect(abs(StatisticalFunctions.normalQuantile(0.995) - 2.5758293035489004) < 1e-14)
    #expect(abs(StatisticalFunctions.normalQuantile(1e-10) - -6.361340902404056) < 1e-12)
  }
}
