// retention-report: churn, renewals, MRR movements, cohorts and survival from CSV exports.
//
//   retention-report --subscriptions FILE [--changes FILE] [--surveys FILE] [--from YYYY-MM --to YYYY-MM]
//                    [--json] [--charts DIR] [--lenient] [--currency CODE] [--stripe-churn] [--gross-margin 0.8]
//   retention-report survival --durations FILE [--confidence 0.95]
//   retention-report sample --out DIR [--seed N] [--customers N]
import Foundation
import RetentionMetrics

let usage = """
  usage: retention-report --subscriptions FILE [--changes FILE] [--surveys FILE] [--from YYYY-MM] [--to YYYY-MM]
                          [--json] [--charts DIR] [--lenient] [--currency CODE] [--stripe-churn] [--gross-margin X]
         retention-report survival --durations FILE [--confidence 0.95]
         retention-report sample --out DIR [--seed N] [--customers N]
  """

struct UsageError: Error, CustomStringConvertible {
  var description: String
}

func fail(_ message: String, status: Int32 = 1) -> Never {
  FileHandle.standardError.write(Data("retention-report: \(message)\n".utf8))
  exit(status)
}

/// Parses `--name value` and `--flag` arguments.
struct Arguments {
  var values: [String: String] = [:]
  var flags: Set<String> = []

  init(_ arguments: ArraySlice<String>, valued: Set<String>, flags allowed: Set<String>) throws {
    var iterator = arguments.makeIterator()
    while let argument = iterator.next() {
      if valued.contains(argument) {
        guard let value = iterator.next() else { throw UsageError(description: "\(argument) needs a value") }
        values[argument] = value
      } else if allowed.contains(argument) {
        flags.insert(argument)
      } else {
        throw UsageError(description: "unknown argument '\(argument)'")
      }
    }
  }
}

func read(_ path: String) throws -> String {
  do { return try String(contentsOfFile: path, encoding: .utf8) } catch {
    throw UsageError(description: "cannot read \(path)")
  }
}

func runReport(_ arguments: Arguments) throws {
  guard let subscriptionsPath = arguments.values["--subscriptions"] else {
    throw UsageError(description: "--subscriptions is required\n\(usage)")
  }
  var currency: CurrencyCode?
  if let text = arguments.values["--currency"] {
    do { currency = try CurrencyCode(validating: text) } catch {
      throw UsageError(description: "--currency: \(error.message)")
    }
  }
  let importer = RetentionCSVImporter(
    mode: arguments.flags.contains("--lenient") ? .lenient : .strict,
    defaultCurrency: currency ?? "USD", reportCurrency: currency)
  let subscriptions = try importer.subscriptions(csv: try read(subscriptionsPath), file: subscriptionsPath)
  var issues = subscriptions.issues
  var changes: [MRRChange] = []
  if let path = arguments.values["--changes"] {
    let result = try importer.changes(csv: try read(path), file: path, subscriptions: subscriptions.records)
    changes = result.records
    issues += result.issues
  }
  var surveys: [SurveyResponse] = []
  if let path = arguments.values["--surveys"] {
    let result = try importer.surveys(csv: try read(path), file: path)
    surveys = result.records
    issues += result.issues
  }
  for issue in issues { FileHandle.standardError.write(Data("skipped \(issue)\n".utf8)) }
  let dataset = try RetentionDataset(
    subscriptions: subscriptions.records, changes: changes, currency: currency)
  guard let lastData = dataset.lastActivityMonth else {
    throw UsageError(description: "no subscriptions in \(subscriptionsPath)")
  }
  let to = try arguments.values["--to"].map { try CivilMonth(parsing: $0) } ?? lastData
  let from =
    try arguments.values["--from"].map { try CivilMonth(parsing: $0) }
    ?? max(to.advanced(by: -11), dataset.firstMonth ?? to)
  guard from <= to else { throw UsageError(description: "--from \(from) is after --to \(to)") }
  var metrics = MetricOptions()
  if arguments.flags.contains("--stripe-churn") { metrics.churnDenominator = .customersAtStartPlusNew }
  if let margin = arguments.values["--gross-margin"] {
    guard let value = Decimal(string: margin), value > 0, value <= 1 else {
      throw UsageError(description: "--gross-margin must be a number in (0, 1]")
    }
    metrics.grossMargin = value
  }
  let report = try RetentionReport(
    dataset: dataset, surveys: surveys, months: from...to, options: RetentionReport.Options(metrics: metrics))
  if let directory = arguments.values["--charts"] {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    for chart in RetentionCharts.all(for: report) {
      try Data(chart.svg.utf8).write(to: URL(fileURLWithPath: directory).appendingPathComponent(chart.fileName))
    }
  }
  print(arguments.flags.contains("--json") ? report.jsonString() : TextReport.render(report), terminator: "")
  if arguments.flags.contains("--json") { print() }
}

func runSurvival(_ arguments: Arguments) throws {
  guard let path = arguments.values["--durations"] else { throw UsageError(description: "--durations is required") }
  let confidence =
    try arguments.values["--confidence"].map { text in
      guard let value = Double(text), value > 0, value < 1 else {
        throw UsageError(description: "--confidence must be between 0 and 1")
      }
      return value
    } ?? 0.95
  let lifetimes = try DurationsFile.parse(try read(path), file: path)
  if lifetimes.hasGroups {
    let groups = try lifetimes.groups.keys.sorted().map { name in
      let rows = lifetimes.groups[name]!
      return (name: name, table: try SurvivalTable(durations: rows.durations, observed: rows.observed))
    }
    print(try GroupedSurvival(groups: groups, confidenceLevel: confidence).jsonString())
  } else {
    let rows = lifetimes.groups[""] ?? ([], [])
    print(
      try KaplanMeierEstimate(durations: rows.durations, observed: rows.observed, confidenceLevel: confidence)
        .jsonString())
  }
}

func runSample(_ arguments: Arguments) throws {
  guard let directory = arguments.values["--out"] else { throw UsageError(description: "--out is required") }
  var sample = SampleData()
  if let seed = arguments.values["--seed"] {
    guard let value = UInt64(seed) else { throw UsageError(description: "--seed must be a whole number") }
    sample.seed = value
  }
  if let customers = arguments.values["--customers"] {
    guard let value = Int(customers), value > 0, value <= 1_000_000 else {
      throw UsageError(description: "--customers must be between 1 and 1000000")
    }
    sample.customers = value
  }
  let files = sample.generate()
  let url = URL(fileURLWithPath: directory)
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  try Data(files.subscriptions.utf8).write(to: url.appendingPathComponent("subscriptions.csv"))
  try Data(files.changes.utf8).write(to: url.appendingPathComponent("changes.csv"))
  try Data(files.surveys.utf8).write(to: url.appendingPathComponent("surveys.csv"))
  print("wrote subscriptions.csv, changes.csv and surveys.csv to \(directory)")
}

let commandLine = CommandLine.arguments.dropFirst()
do {
  switch commandLine.first {
  case "-h", "--help":
    print(usage)
  case "survival":
    try runSurvival(Arguments(commandLine.dropFirst(), valued: ["--durations", "--confidence"], flags: []))
  case "sample":
    try runSample(Arguments(commandLine.dropFirst(), valued: ["--out", "--seed", "--customers"], flags: []))
  default:
    try runReport(
      Arguments(
        commandLine,
        valued: [
          "--subscriptions", "--changes", "--surveys", "--from", "--to", "--charts", "--currency", "--gross-margin",
        ],
        flags: ["--json", "--lenient", "--stripe-churn"]))
  }
} catch let error as RetentionError {
  fail(error.description)
} catch let error as UsageError {
  fail(error.description, status: 2)
} catch {
  fail("\(error)")
}
