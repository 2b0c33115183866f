import Foundation

// hosting-benchmarks: measures the workloads each issue names.
//
//   swift run -c release hosting-benchmarks [--filter TEXT] [--iterations N] [--json] [--list]
//
// Workloads live one file per module (TicketBenchmarks.swift, SLABenchmarks.swift, …).

let usage = """
  usage: hosting-benchmarks [--filter TEXT] [--iterations N] [--json] [--list]
    --filter TEXT    run only benchmarks whose name contains TEXT (repeatable)
    --iterations N   measured runs per benchmark (default: each benchmark's own)
    --json           print results as a JSON array instead of a table
    --list           list benchmark names and exit
  """

var filters: [String] = []
var iterationsOverride: Int?
var json = false
var listOnly = false
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
  switch argument {
  case "--filter":
    guard let value = arguments.next() else {
      FileHandle.standardError.write(Data("error: --filter needs a value\n\(usage)\n".utf8))
      exit(2)
    }
    filters.append(value)
  case "--iterations":
    guard let value = arguments.next().flatMap({ Int($0) }), value > 0 else {
      FileHandle.standardError.write(Data("error: --iterations needs a positive number\n\(usage)\n".utf8))
      exit(2)
    }
    iterationsOverride = value
  case "--json": json = true
  case "--list": listOnly = true
  case "-h", "--help":
    print(usage)
    exit(0)
  default:
    FileHandle.standardError.write(Data("error: unknown argument '\(argument)'\n\(usage)\n".utf8))
    exit(2)
  }
}

let allBenchmarks: [Benchmark] =
  ticketBenchmarks() + fileStoreBenchmarks() + slaBenchmarks() + slaPolicyBenchmarks() + sentimentBenchmarks()
  + clarityBenchmarks() + retentionBenchmarks() + deskBenchmarks()
let selected = allBenchmarks.filter { benchmark in
  filters.isEmpty || filters.contains { benchmark.name.contains($0) }
}

if listOnly {
  for benchmark in selected { print("\(benchmark.name)  —  \(benchmark.summary)") }
  exit(0)
}

#if DEBUG
  if !json {
    print("note: this is a debug build; measure with `swift run -c release hosting-benchmarks`.")
  }
#endif

let runner = BenchmarkRunner(iterationsOverride: iterationsOverride)
var results: [BenchmarkResult] = []
for benchmark in selected {
  do {
    let result = try await runner.run(benchmark)
    results.append(result)
    if !json { print(result.line) }
  } catch {
    FileHandle.standardError.write(Data("error: \(benchmark.name) failed: \(error)\n".utf8))
    exit(1)
  }
}

if json {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
  let data = try encoder.encode(results)
  print(String(decoding: data, as: UTF8.self))
}
