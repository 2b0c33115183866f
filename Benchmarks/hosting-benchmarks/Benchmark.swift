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

  var description: String {
    switch self {
    case .throughput(let minimum): return "≥ \(formatRate(minimum)) ops/s"
    case .runTime(let maximum): return "≤ \(formatSeconds(maximum)) per run"
    case .latency(let maximum): return "≤ \(formatSeconds(maximum)) per op"
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
/// so each run starts from the same fresh state (a new store, a new data set).
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
}

/// The measured outcome of one benchmark.
struct BenchmarkResult: Codable {
  var name: String
  var summary: String
  var operations: Int
  var unit: String
  var iterations: Int
  var medianSeconds: Double
  var minSeconds: Double
  var maxSeconds: Double
  /// Median CPU time of the process (all threads) during a measured run, for comparing on a busy machine.
  var medianCPUSeconds: Double
  var operationsPerSecond: Double
  var goal: String?
  var goalMet: Bool?
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
