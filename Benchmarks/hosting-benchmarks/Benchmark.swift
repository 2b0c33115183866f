import Foundation
import SupportCore

/// A figure a benchmark is expected to reach, taken from the issue that asked for it.
enum BenchmarkGoal: Sendable {
  /// At least this many operations per second.
  case throughput(atLeast: Double)
  /// At most this many seconds for one whole measured run.
  case runTime(atMost: Double)
  /// At most this many seconds for each operation (latency).
  case latency(atMost: Double)

  /// The goal in words, with operations called `unit` ("≥ 1.00M events/s").
  func description(unit: String) -> String {
    switch self {
    case .throughput(let minimum): return "≥ \(formatRate(minimum)) \(unit)/s"
    case .runTime(let maximum): return "≤ \(formatSeconds(maximum)) per run"
    case .latency(let maximum): return "≤ \(formatSeconds(maximum)) per \(singular(unit))"
    }
  }

  func isMet(medianSeconds: Double, operations: Int) -> Bool {
    switch self {
    case .throughput(let minimum): return Double(operations) / medianSeconds >= minimum
    case .runTime(let maximum): return medianSeconds <= maximum
    case .latency(let maximum): return medianSeconds / Double(operations) <= maximum
    }
  }
}

/// One workload of `hosting-benchmarks`.
///
/// `prepare` runs outside the clock before every measured run and returns the closure that is timed,
/// so each run starts from the same fresh state (a new store, a new data set). The timed closure hands its
/// results to ``blackHole(_:)`` or ``keep(_:)`` so they cannot be optimised away, and registers teardown
/// with ``afterTimedRun(_:)`` so it is not timed.
struct Benchmark {
  /// Unique name, used by `--filter`. Convention: `module.workload`, e.g. `tickets.append-1M-events`.
  var name: String
  /// What the workload does, in one line.
  var summary: String
  /// How many operations one run performs (events appended, tickets folded, queries answered…).
  var operations: Int
  /// What one operation is, for the report ("events", "queries", "texts").
  var unit: String
  /// The figure the issue asks for, if any.
  var goal: BenchmarkGoal?
  /// How many measured runs (after one warm-up run).
  var iterations: Int = 5
  /// Builds the state for one run (not timed) and returns the timed work.
  var prepare: () async throws -> () async throws -> Void
  /// Per-operation latencies the timed work records, for workloads that report percentiles (cleared before
  /// each run by the runner).
  var latencies: LatencySamples? = nil
}

/// Latencies of single operations recorded during a measured run, from any task.
final class LatencySamples: @unchecked Sendable {
  // Safe to send: `values` is only touched under `lock`.
  private let lock = NSLock()
  private var values: [Double] = []

  /// Records one operation's latency in seconds.
  func record(_ seconds: Double) { lock.withLock { values.append(seconds) } }

  /// Times one operation and records it.
  func measure<Value>(_ operation: () async throws -> Value) async rethrows -> Value {
    let start = ContinuousClock.now
    let value = try await operation()
    let elapsed = ContinuousClock.now - start
    record(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
    return value
  }

  /// Takes the recorded values and clears them.
  func drain() -> [Double] {
    lock.withLock {
      defer { values = [] }
      return values
    }
  }
}

/// The value below which `fraction` of the sorted samples fall (nearest rank).
func percentile(_ fraction: Double, of sorted: [Double]) -> Double? {
  guard !sorted.isEmpty else { return nil }
  let rank = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
  return sorted[min(sorted.count - 1, max(0, rank))]
}

extension Benchmark {
  /// A benchmark that times each of its `operations` separately, so the results carry p50 and p99 latency
  /// besides the run's total.
  ///
  /// `prepareOperation` runs outside the clock and returns the operation; the timed run calls it with
  /// 0..<operations in order.
  init(
    name: String, summary: String, operations: Int, unit: String, goal: BenchmarkGoal? = nil, iterations: Int = 5,
    prepareOperation: @escaping () async throws -> (Int) async throws -> Void
  ) {
    let recorder = LatencySamples()
    self.init(
      name: name, summary: summary, operations: operations, unit: unit, goal: goal, iterations: iterations,
      prepare: {
        let operation = try await prepareOperation()
        return {
          for index in 0..<operations {
            let start = monotonicSeconds()
            try await operation(index)
            recorder.record(monotonicSeconds() - start)
          }
        }
      },
      latencies: recorder)
  }
}

/// A workload that did not do what it should (a wrong count, a missing input): the harness exits with status 1.
struct BenchmarkFailure: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

/// A workload this platform cannot measure honestly: reported on stderr, not recorded, and the run goes on.
struct BenchmarkSkipped: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

/// The measured outcome of one benchmark, as written to the results file.
struct BenchmarkResult: Codable {
  var name: String
  var summary: String
  var operations: Int
  var unit: String
  var iterations: Int
  /// Wall-clock seconds of one run: median, fastest and slowest of the measured runs.
  var medianSeconds: Double
  var minSeconds: Double
  var maxSeconds: Double
  /// Median CPU time of the process (all threads) during a measured run, for comparing on a busy machine.
  var medianCPUSeconds: Double
  /// Operations per wall-clock second, from the median run.
  var operationsPerSecond: Double
  /// Per-operation latency quantiles over all measured runs, for benchmarks that time each operation.
  var p50Seconds: Double?
  var p99Seconds: Double?
  var goal: String?
  var goalMet: Bool?
  /// The checksum of the last measured run's results (see `blackHole`); equal across runs of one commit.
  var checksum: String
  /// The 1-, 5- and 15-minute load averages just before the warm-up run and just after the last run.
  var loadAverageBefore: [Double]
  var loadAverageAfter: [Double]
  /// When the benchmark finished (ISO 8601, UTC).
  var measuredAt: String
  /// The `id` of the run in the results file that measured it (machine, commit, build).
  var run: String
}

/// "queries" → "query", "tickets" → "ticket": one operation, for "per …".
func singular(_ unit: String) -> String {
  if unit.hasSuffix("ies") { return unit.dropLast(3) + "y" }
  return unit.hasSuffix("s") ? String(unit.dropLast()) : unit
}

func formatRate(_ value: Double) -> String {
  if value >= 1e6 { return String(format: "%.2fM", value / 1e6) }
  if value >= 1e3 { return String(format: "%.1fk", value / 1e3) }
  return String(format: "%.1f", value)
}

func formatSeconds(_ value: Double) -> String {
  if value >= 1 { return String(format: "%.3f s", value) }
  if value >= 1e-3 { return String(format: "%.3f ms", value * 1e3) }
  if value >= 1e-6 { return String(format: "%.3f µs", value * 1e6) }
  return String(format: "%.1f ns", value * 1e9)
}

/// The kit's seeded generator (SplitMix64), so every run draws the same values.
typealias SeededGenerator = SplitMix64
