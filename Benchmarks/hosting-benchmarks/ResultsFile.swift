import Foundation

/// One invocation of the harness: where, when and from what it was measured.
struct RunInfo: Codable {
  /// Referenced by each result's `run`.
  var id: String
  /// When the run started (ISO 8601, UTC).
  var date: String
  /// The checkout's HEAD when the harness ran (`+dirty` with uncommitted changes to tracked files).
  var commit: String
  /// `release` or `debug`.
  var build: String
  /// The harness's arguments.
  var arguments: [String]
  var machine: MachineInfo
  /// The 1-, 5- and 15-minute load averages when the run started and ended.
  var loadAverageBefore: [Double]
  var loadAverageAfter: [Double]
}

/// The results file (`Benchmarks/results/latest.json`): every figure the docs quote comes from here, rendered
/// into README.md and the DocC articles by `Scripts/render-performance.py`.
struct ResultsFile: Codable {
  var format = 1
  var about =
    "Written by `swift run -c release hosting-benchmarks --write-results`; rendered into the docs by "
    + "Scripts/render-performance.py. Do not edit by hand."
  var runs: [RunInfo]
  var benchmarks: [BenchmarkResult]

  static let defaultPath = "Benchmarks/results/latest.json"

  /// This file with `results` of `run` replacing earlier results of the same benchmarks, ordered as
  /// `registered`; results of benchmarks no longer registered and runs no result refers to are dropped.
  func merging(_ results: [BenchmarkResult], of run: RunInfo, registered: [String]) -> ResultsFile {
    var byName: [String: BenchmarkResult] = [:]
    for result in benchmarks { byName[result.name] = result }
    for result in results { byName[result.name] = result }
    let ordered = registered.compactMap { byName[$0] }
    let used = Set(ordered.map(\.run))
    let allRuns = runs.filter { $0.id != run.id } + [run]
    return ResultsFile(runs: allRuns.filter { used.contains($0.id) }, benchmarks: ordered)
  }

  func encoded() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var data = try encoder.encode(self)
    data.append(UInt8(ascii: "\n"))
    return data
  }

  /// Reads the file at `path`, or `nil` if there is none yet.
  static func read(at path: String) throws -> ResultsFile? {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    return try JSONDecoder().decode(ResultsFile.self, from: data)
  }
}
