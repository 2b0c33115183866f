import Foundation
import Testing

@testable import hosting_benchmarks

/// The harness's own rules: what is timed, what is recorded, and how the results file is merged.
@Suite("hosting-benchmarks harness", .serialized)
struct HarnessTests {
  @Test("a new run's results replace the same benchmarks' earlier results and keep the others")
  func mergeReplacesAndKeeps() {
    let old = ResultsFile(runs: [run("A")], benchmarks: [result("x", run: "A"), result("y", run: "A")])
    let merged = old.merging([result("y", run: "B")], of: run("B"), registered: ["x", "y"])
    #expect(merged.benchmarks.map(\.name) == ["x", "y"])
    #expect(merged.benchmarks.map(\.run) == ["A", "B"])
    #expect(merged.runs.map(\.id) == ["A", "B"])
  }

  @Test("results of benchmarks no longer registered, and runs no result refers to, are dropped")
  func mergeDropsStaleEntries() {
    let old = ResultsFile(runs: [run("A")], benchmarks: [result("gone", run: "A")])
    let merged = old.merging([result("new", run: "B")], of: run("B"), registered: ["new"])
    #expect(merged.benchmarks.map(\.name) == ["new"])
    #expect(merged.runs.map(\.id) == ["B"])
  }

  @Test("the results file round-trips through JSON")
  func resultsFileRoundTrips() throws {
    let file = ResultsFile(runs: [run("A")], benchmarks: [result("x", run: "A")])
    let decoded = try JSONDecoder().decode(ResultsFile.self, from: try file.encoded())
    #expect(decoded.benchmarks.map(\.name) == ["x"])
    #expect(decoded.runs.first?.machine == file.runs.first?.machine)
  }

  @Test("p50 and p99 are nearest-rank quantiles of the measured runs' operations, not the warm-up's")
  func latencyQuantiles() async throws {
    let samples = LatencySamples()
    let runs = EventLog()
    let benchmark = Benchmark(
      name: "test.latency", summary: "records 1…100 (the warm-up: 1,000s)", operations: 100, unit: "queries",
      goal: .latency(atMost: 1), iterations: 2,
      prepare: {
        {
          let warmUp = runs.events.isEmpty
          runs.add("run")
          for value in 1...100 { samples.record(warmUp ? 1_000 : Double(value)) }
        }
      }, latencies: samples)
    let result = try await BenchmarkRunner(iterationsOverride: nil, runID: "R").run(benchmark)
    #expect(result.p50Seconds == 50)
    #expect(result.p99Seconds == 99)
    #expect(result.goal == "≤ 1.000 s per query")
  }

  @Test("only the timed closure is timed; teardown runs after it; the checksum comes from blackHole")
  func runnerTimesOnlyTheWork() async throws {
    let log = EventLog()
    let benchmark = Benchmark(
      name: "test.sleepy-setup", summary: "setup and teardown that take long", operations: 1, unit: "ops",
      iterations: 3,
      prepare: {
        try await Task.sleep(for: .milliseconds(200))
        afterTimedRun {
          try await Task.sleep(for: .milliseconds(200))
          log.add("teardown")
        }
        return {
          log.add("work")
          blackHole(42)
        }
      })
    let result = try await BenchmarkRunner(iterationsOverride: nil, runID: "R").run(benchmark)
    #expect(result.maxSeconds < 0.15)
    #expect(result.checksum == String(42, radix: 16))
    #expect(log.events == Array(repeating: ["work", "teardown"], count: 4).flatMap { $0 })
    #expect(result.run == "R")
    #expect(result.loadAverageBefore.count == 3)
  }

  @Test("a missing input file fails with its path instead of falling back to other data")
  func missingInputFails() {
    #expect {
      try PackageRoot.contents("Benchmarks/no-such-input.tsv")
    } throws: { error in
      (error as? BenchmarkFailure)?.description.contains("no-such-input.tsv") == true
    }
  }

  @Test("a store folder's files can be synced and their pages dropped")
  func pageCacheDrop() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("page-cache-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data(repeating: 7, count: 1 << 16).write(to: folder.appendingPathComponent("journal"))
    try PageCache.sync(directory: folder)
    #if os(Linux)
      #expect(try PageCache.drop(directory: folder))
    #endif
  }

  @Test("the maintenance workload notifies every one of its 10,000 customers")
  func maintenanceWorkloadNotifiesAll() async throws {
    let benchmark = try #require(deskBenchmarks().first { $0.name == "desk.maintenance-notices-10k-customers" })
    let work = try await benchmark.prepare()
    BenchmarkSink.shared.startRun()
    try await work()
    #expect(try await BenchmarkSink.shared.finishRun() == 10_000)
  }

  private func run(_ id: String) -> RunInfo {
    RunInfo(
      id: id, date: id, commit: "c", build: "release", arguments: [],
      machine: MachineInfo(cpuModel: "cpu", cores: 2, memoryBytes: 1 << 30, os: "os", swift: "6.3"),
      loadAverageBefore: [1, 1, 1], loadAverageAfter: [1, 1, 1])
  }

  private func result(_ name: String, run: String) -> BenchmarkResult {
    BenchmarkResult(
      name: name, summary: "s", operations: 1, unit: "ops", iterations: 1, medianSeconds: 1, minSeconds: 1,
      maxSeconds: 1, medianCPUSeconds: 1, operationsPerSecond: 1, p50Seconds: nil, p99Seconds: nil, goal: nil,
      goalMet: nil, checksum: "0", loadAverageBefore: [], loadAverageAfter: [], measuredAt: "d", run: run)
  }
}

/// Records what happened, in order, from any task.
private final class EventLog: @unchecked Sendable {
  private let lock = NSLock()
  private var recorded: [String] = []

  func add(_ event: String) {
    lock.withLock { recorded.append(event) }
  }

  var events: [String] { lock.withLock { recorded } }
}
