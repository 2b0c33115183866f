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

/// Runs benchmarks: one warm-up run, then `iterations` measured runs; reports median, min, max, ops/s.
struct BenchmarkRunner {
  var iterationsOverride: Int?

  func run(_ benchmark: Benchmark) async throws -> BenchmarkResult {
    let iterations = max(1, iterationsOverride ?? benchmark.iterations)
    let clock = ContinuousClock()
    // Warm-up run: not measured.
    let warmUp = try await benchmark.prepare()
    try await warmUp()
    var samples: [Double] = []
    var cpuSamples: [Double] = []
    var latencies: [Double] = []
    samples.reserveCapacity(iterations)
    for _ in 0..<iterations {
      let work = try await benchmark.prepare()
      _ = benchmark.latencies?.drain()
      let cpuStart = processCPUSeconds()
      let elapsed = try await clock.measure { try await work() }
      cpuSamples.append(processCPUSeconds() - cpuStart)
      samples.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
      latencies += benchmark.latencies?.drain() ?? []
    }
    latencies.sort()
    samples.sort()
    cpuSamples.sort()
    let median =
      samples.count % 2 == 1
      ? samples[samples.count / 2]
      : (samples[samples.count / 2 - 1] + samples[samples.count / 2]) / 2
    let safeMedian = max(median, 1e-12)
    return BenchmarkResult(
      name: benchmark.name,
      summary: benchmark.summary,
      operations: benchmark.operations,
      unit: benchmark.unit,
      iterations: iterations,
      medianSeconds: median,
      minSeconds: samples.first ?? median,
      maxSeconds: samples.last ?? median,
      medianCPUSeconds: cpuSamples[cpuSamples.count / 2],
      operationsPerSecond: Double(benchmark.operations) / safeMedian,
      goal: benchmark.goal?.description,
      goalMet: benchmark.goal?.isMet(medianSeconds: safeMedian, operations: benchmark.operations),
      p50LatencySeconds: percentile(0.5, of: latencies),
      p99LatencySeconds: percentile(0.99, of: latencies)
    )
  }
}

extension BenchmarkResult {
  /// One human-readable line.
  var line: String {
    var text =
      "\(name.padding(toLength: 44, withPad: " ", startingAt: 0)) "
      + "median \(formatSeconds(medianSeconds).padding(toLength: 11, withPad: " ", startingAt: 0)) "
      + "\(formatRate(operationsPerSecond)) \(unit)/s"
      + "  (cpu \(formatSeconds(medianCPUSeconds)))"
    if let p50LatencySeconds, let p99LatencySeconds {
      text += "  latency p50 \(formatSeconds(p50LatencySeconds)), p99 \(formatSeconds(p99LatencySeconds))"
    }
    if let goal, let goalMet {
      text += "  [goal \(goal): \(goalMet ? "met" : "MISSED")]"
    }
    return text
  }
}
