import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// CPU time this process has used so far (all threads), in seconds: less sensitive than wall-clock time to
/// other work on a shared machine.
func processCPUSeconds() -> Double {
  var spec = timespec()
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
  return Double(spec.tv_sec) + Double(spec.tv_nsec) * 1e-9
}

/// Monotonic wall-clock time in seconds, for timing single operations.
func monotonicSeconds() -> Double {
  var spec = timespec()
  clock_gettime(CLOCK_MONOTONIC, &spec)
  return Double(spec.tv_sec) + Double(spec.tv_nsec) * 1e-9
}

/// Runs benchmarks: one warm-up run, then `iterations` measured runs; reports median, min, max, ops/s,
/// CPU time, the load average around the benchmark and the results' checksum.
///
/// Only the closure `prepare` returns is timed: setup happens before the clock starts, and what the run
/// kept or registered as teardown (see `BenchmarkSink`) is released after it stops.
struct BenchmarkRunner {
  var iterationsOverride: Int?
  /// The results file's id of this run.
  var runID: String

  func run(_ benchmark: Benchmark) async throws -> BenchmarkResult {
    let iterations = max(1, iterationsOverride ?? benchmark.iterations)
    let loadBefore = loadAverages()
    let sink = BenchmarkSink.shared
    // Warm-up run: not measured.
    let warmUp = try await benchmark.prepare()
    sink.startRun()
    try await warmUp()
    _ = try await sink.finishRun()
    var samples: [Double] = []
    var cpuSamples: [Double] = []
    var checksum: UInt64 = 0
    var latencies: [Double] = []
    samples.reserveCapacity(iterations)
    for _ in 0..<iterations {
      let work = try await benchmark.prepare()
      _ = benchmark.latencies?.drain()  // the warm-up's and the setup's, if any
      sink.startRun()
      let cpuStart = processCPUSeconds()
      let start = monotonicSeconds()
      try await work()
      let elapsed = monotonicSeconds() - start
      cpuSamples.append(processCPUSeconds() - cpuStart)
      samples.append(elapsed)
      latencies += benchmark.latencies?.drain() ?? []
      checksum = try await sink.finishRun()
    }
    let median = max(Self.median(samples), 1e-12)
    latencies.sort()
    return BenchmarkResult(
      name: benchmark.name,
      summary: benchmark.summary,
      operations: benchmark.operations,
      unit: benchmark.unit,
      iterations: iterations,
      medianSeconds: median,
      minSeconds: samples.min() ?? median,
      maxSeconds: samples.max() ?? median,
      medianCPUSeconds: Self.median(cpuSamples),
      operationsPerSecond: Double(benchmark.operations) / median,
      p50Seconds: percentile(0.5, of: latencies),
      p99Seconds: percentile(0.99, of: latencies),
      goal: benchmark.goal?.description(unit: benchmark.unit),
      goalMet: benchmark.goal?.isMet(medianSeconds: median, operations: benchmark.operations),
      checksum: String(checksum, radix: 16),
      loadAverageBefore: loadBefore,
      loadAverageAfter: loadAverages(),
      measuredAt: ISO8601DateFormatter().string(from: Date()),
      run: runID
    )
  }

  private static func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    return sorted.count % 2 == 1
      ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
  }
}

extension BenchmarkResult {
  /// One human-readable line.
  var line: String {
    var text =
      "\(name.padding(toLength: 52, withPad: " ", startingAt: 0)) "
      + "median \(formatSeconds(medianSeconds).padding(toLength: 11, withPad: " ", startingAt: 0)) "
      + "\(formatRate(operationsPerSecond)) \(unit)/s"
      + "  (cpu \(formatSeconds(medianCPUSeconds)))"
    if let p50Seconds, let p99Seconds {
      text += "  p50 \(formatSeconds(p50Seconds)) p99 \(formatSeconds(p99Seconds))"
    }
    if let goal, let goalMet {
      text += "  [goal \(goal): \(goalMet ? "met" : "MISSED")]"
    }
    let load = { (values: [Double]) in values.first.map { String(format: "%.2f", $0) } ?? "?" }
    text += "  load \(load(loadAverageBefore))→\(load(loadAverageAfter))"
    return text
  }
}
