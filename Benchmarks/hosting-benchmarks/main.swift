import Foundation

// hosting-benchmarks: measures the workloads each issue names.
//
//   swift run -c release hosting-benchmarks [--filter TEXT] [--iterations N] [--json] [--list]
//                                           [--write-results] [--results-file PATH]
//
// Workloads live one file per module (TicketBenchmarks.swift, SLABenchmarks.swift, …). Benchmarks/README.md
// explains the results file and how the docs are rendered from it.

let usage = """
  usage: hosting-benchmarks [--filter TEXT] [--iterations N] [--json] [--list] [--write-results]
                            [--results-file PATH]
    --filter TEXT        run only benchmarks whose name contains TEXT (repeatable)
    --iterations N       measured runs per benchmark (default: each benchmark's own)
    --json               print the results document (machine, load, date, commit, results) as JSON
    --write-results      merge the results into the results file (release builds only); the docs'
                         tables are rendered from it by Scripts/render-performance.py
    --results-file PATH  the results file (default: Benchmarks/results/latest.json in the package)
    --list               list benchmark names and exit
  """

func failUsage(_ message: String) -> Never {
  FileHandle.standardError.write(Data("hosting-benchmarks: \(message)\n\(usage)\n".utf8))
  exit(2)
}

var filters: [String] = []
var iterationsOverride: Int?
var json = false
var listOnly = false
var writeResults = false
var resultsPath: String?
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
  switch argument {
  case "--filter":
    guard let value = arguments.next() else { failUsage("--filter needs a value") }
    filters.append(value)
  case "--iterations":
    guard let value = arguments.next().flatMap({ Int($0) }), value > 0 else {
      failUsage("--iterations needs a positive number")
    }
    iterationsOverride = value
  case "--json": json = true
  case "--list": listOnly = true
  case "--write-results": writeResults = true
  case "--results-file":
    guard let value = arguments.next() else { failUsage("--results-file needs a path") }
    resultsPath = value
    writeResults = true
  case "-h", "--help":
    print(usage)
    exit(0)
  default:
    failUsage("unknown argument '\(argument)'")
  }
}

let allBenchmarks: [Benchmark] =
  ticketBenchmarks() + fileStoreBenchmarks() + slaBenchmarks() + slaPolicyBenchmarks() + sentimentBenchmarks()
  + clarityBenchmarks() + retentionBenchmarks() + deskBenchmarks() + importBenchmarks()
let selected = allBenchmarks.filter { benchmark in
  filters.isEmpty || filters.contains { benchmark.name.contains($0) }
}

if listOnly {
  for benchmark in selected { print("\(benchmark.name)  —  \(benchmark.summary)") }
  exit(0)
}

#if DEBUG
  let build = "debug"
  if writeResults { failUsage("--write-results needs a release build: swift run -c release hosting-benchmarks") }
  if !json { print("note: this is a debug build; measure with `swift run -c release hosting-benchmarks`.") }
#else
  let build = "release"
#endif

let startDate = ISO8601DateFormatter().string(from: Date())
var run = RunInfo(
  id: startDate, date: startDate, commit: gitCommit(), build: build,
  arguments: Array(CommandLine.arguments.dropFirst()), machine: .current(), loadAverageBefore: loadAverages(),
  loadAverageAfter: [])
if !json {
  let machine = run.machine
  print(
    "\(machine.cpuModel), \(machine.cores) cores, \(machine.memoryBytes >> 30) GiB, \(machine.os), \(machine.swift); "
      + "\(build) build of \(run.commit.prefix(12)); \(startDate); load \(run.loadAverageBefore)")
}

let runner = BenchmarkRunner(iterationsOverride: iterationsOverride, runID: run.id)
var results: [BenchmarkResult] = []
for benchmark in selected {
  do {
    let result = try await runner.run(benchmark)
    results.append(result)
    if !json { print(result.line) }
  } catch let skipped as BenchmarkSkipped {
    FileHandle.standardError.write(Data("hosting-benchmarks: \(benchmark.name) skipped: \(skipped)\n".utf8))
  } catch {
    FileHandle.standardError.write(Data("hosting-benchmarks: \(benchmark.name) failed: \(error)\n".utf8))
    await removeScratchStores()
    exit(1)
  }
}
await removeScratchStores()
run.loadAverageAfter = loadAverages()

let document = ResultsFile(runs: [run], benchmarks: results)
if json {
  print(String(decoding: try document.encoded(), as: UTF8.self), terminator: "")
}
if writeResults {
  let path = resultsPath ?? PackageRoot.path(ResultsFile.defaultPath)
  let merged = (try ResultsFile.read(at: path) ?? ResultsFile(runs: [], benchmarks: []))
    .merging(results, of: run, registered: allBenchmarks.map(\.name))
  try FileManager.default.createDirectory(
    at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
  try merged.encoded().write(to: URL(fileURLWithPath: path))
  FileHandle.standardError.write(
    Data("hosting-benchmarks: wrote \(results.count) results to \(path); now run Scripts/render-performance.py\n".utf8))
}
