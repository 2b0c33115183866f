import Foundation

/// One figure of a run: a workload on one store.
struct Figure: Codable, Sendable {
  var workload: String
  var store: String
  /// Operations per second, for throughput workloads.
  var perSecond: Double?
  /// Latency percentiles in milliseconds, for latency workloads.
  var p50Milliseconds: Double?
  var p99Milliseconds: Double?
  var operations: Int
  var seconds: Double
}

/// Where and when the figures were taken.
struct Machine: Codable, Sendable {
  var date: String
  var cpu: String
  var cores: Int
  var memoryGiB: Int
  var loadAverageBefore: String
  var loadAverageAfter: String = ""
  var postgres: String = ""

  static func current() -> Machine {
    let cpuInfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
    let model =
      cpuInfo.split(separator: "\n").first { $0.hasPrefix("model name") }
      .map { $0.split(separator: ":", maxSplits: 1).last.map(String.init) ?? "" }?
      .trimmingCharacters(in: .whitespaces) ?? "unknown"
    return Machine(
      date: ISO8601DateFormatter().string(from: Date()), cpu: model,
      cores: ProcessInfo.processInfo.activeProcessorCount,
      memoryGiB: Int(ProcessInfo.processInfo.physicalMemory >> 30), loadAverageBefore: loadAverage())
  }

  static func loadAverage() -> String {
    let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
    return text.split(separator: " ").prefix(3).joined(separator: " ")
  }
}

/// Wall-clock seconds of `body`.
func seconds(_ body: () async throws -> Void) async rethrows -> Double {
  let start = ContinuousClock.now
  try await body()
  let elapsed = ContinuousClock.now - start
  return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
}

/// The value below which `fraction` of the sorted samples fall (nearest rank).
func percentile(_ fraction: Double, of sorted: [Double]) -> Double {
  guard !sorted.isEmpty else { return .nan }
  let rank = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
  return sorted[min(sorted.count - 1, max(0, rank))]
}

/// A latency figure from per-operation samples in seconds.
func latencyFigure(_ workload: String, store: String, samples: [Double]) -> Figure {
  let sorted = samples.sorted()
  return Figure(
    workload: workload, store: store, p50Milliseconds: percentile(0.5, of: sorted) * 1000,
    p99Milliseconds: percentile(0.99, of: sorted) * 1000, operations: samples.count, seconds: samples.reduce(0, +))
}

/// A throughput figure.
func throughputFigure(_ workload: String, store: String, operations: Int, seconds: Double) -> Figure {
  Figure(
    workload: workload, store: store, perSecond: Double(operations) / seconds, operations: operations, seconds: seconds)
}

/// A scratch folder, removed by the caller.
func scratchFolder(_ name: String) -> URL {
  FileManager.default.temporaryDirectory.appendingPathComponent("postgres-benchmarks-\(name)-\(UUID().uuidString)")
}
