import CommandLineSupport
import Foundation
import RetentionMetrics

/// `retention-report [report]`: the monthly table, cohorts and summary (or JSON, SVG charts, an HTML page).
let reportCommand = CommandSpec(
  "report", summary: "Monthly churn, renewals, MRR movements, NRR/GRR, cohorts and survival (the default command).",
  details: [
    "The report covers --from … --to (at most 100 years, within 1970-01 … 2099-12); by default the last 12"
      + " months up to the latest start or MRR change.",
    "Subscriptions come from --subscriptions FILE (CSV) or from saved WHMCS API responses: --whmcs FILE…"
      + " --time-zone ZONE --mapping FILE, read as 'retention-report convert' does (Documentation/Importing.md).",
  ],
  options: [
    .value("--subscriptions", "FILE", help: "Subscriptions CSV (or --whmcs)."),
    whmcsOption, mappingOption, timeZoneOption,
    .value("--changes", "FILE", help: "MRR changes CSV."),
    .value("--surveys", "FILE", help: "Survey answers CSV (NPS, CSAT, CES)."),
    .value("--from", "YYYY-MM", help: "The first month reported."),
    .value("--to", "YYYY-MM", help: "The last month reported."),
    .flag("--json", help: "Print the report as JSON."),
    .value("--by", "DIMENSION", help: "Also monthly rows per channel, tier or partner (see the Metrics article)."),
    .value("--charts", "DIR", help: "Also write the SVG charts into DIR."),
    .value(
      "--html", "FILE", help: "Also write the report as one self-contained HTML page (no scripts, nothing fetched)."),
    .flag("--lenient", help: "Skip bad rows (each reported on standard error) instead of stopping."),
    .value("--currency", "CODE", help: "The report currency (ISO 4217); the first row's by default."),
    .flag("--stripe-churn", help: "Churn rate over customers at the start plus new ones, as Stripe does."),
    .value("--gross-margin", "X", help: "Gross margin in (0, 1] for LTV (default 1)."),
  ]
) { arguments in
  try runReport(arguments)
  return .success
}

/// `retention-report survival`: Kaplan–Meier (and log-rank across groups) of a durations file.
let survivalCommand = CommandSpec(
  "survival", summary: "Kaplan–Meier estimate (per group, with a log-rank test) of a durations CSV, as JSON.",
  details: ["input: CSV duration,event[,group] with a header; event is 1/0 or true/false (0 = censored)."],
  options: [
    .value("--durations", "FILE", help: "The durations CSV.", required: true),
    .value("--confidence", "LEVEL", help: "The confidence level of the bounds, in (0, 1) (default 0.95)."),
  ]
) { arguments in
  let confidence =
    try arguments.value("--confidence", expected: "a number between 0 and 1") { text in
      Double(text).flatMap { $0 > 0 && $0 < 1 ? $0 : nil }
    } ?? 0.95
  let path = try arguments.required("--durations")
  let lifetimes = try DurationsFile.parse(try readData(path), file: path)
  var output: [UInt8]
  if lifetimes.hasGroups {
    let groups = try lifetimes.groups.keys.sorted().map { name in
      let rows = lifetimes.groups[name]!
      return (name: name, table: try SurvivalTable(durations: rows.durations, observed: rows.observed))
    }
    output = try GroupedSurvival(groups: groups, confidenceLevel: confidence).jsonBytes()
  } else {
    let rows = lifetimes.groups[""] ?? ([], [])
    output = try KaplanMeierEstimate(durations: rows.durations, observed: rows.observed, confidenceLevel: confidence)
      .jsonBytes()
  }
  output.append(UInt8(ascii: "\n"))
  Console.write(bytes: output)
  return .success
}

/// `retention-report sample`: seeded sample CSV files.
let sampleCommand = CommandSpec(
  "sample", summary: "Write seeded sample subscriptions, changes and surveys CSV files and tickets JSON lines.",
  options: [
    .value("--out", "DIR", help: "The folder to write into.", required: true),
    .value("--seed", "N", help: "The generator's seed (default 2024)."),
    .value("--customers", "N", help: "How many customers, 1...1000000 (default 1200)."),
  ]
) { arguments in
  var sample = SampleData()
  if let seed = try arguments.value("--seed", expected: "a whole number ≥ 0", { UInt64($0) }) { sample.seed = seed }
  if let customers = try arguments.integer("--customers", in: 1...1_000_000) { sample.customers = customers }
  let directory = try arguments.required("--out")
  let files = sample.generate()
  let url = URL(fileURLWithPath: directory)
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  try Data(files.subscriptions.utf8).write(to: url.appendingPathComponent("subscriptions.csv"))
  try Data(files.changes.utf8).write(to: url.appendingPathComponent("changes.csv"))
  try Data(files.surveys.utf8).write(to: url.appendingPathComponent("surveys.csv"))
  try Data(files.tickets.utf8).write(to: url.appendingPathComponent("tickets.jsonl"))
  Console.print(
    "wrote subscriptions.csv, changes.csv, surveys.csv and tickets.jsonl to \(TerminalText.escaped(directory))")
  return .success
}

private func runReport(_ arguments: ParsedArguments) throws {
  let subscriptionsPath = arguments.value("--subscriptions")
  guard (subscriptionsPath == nil) != arguments.all("--whmcs").isEmpty else {
    throw UsageError("give either --subscriptions FILE or --whmcs FILE…")
  }
  let currency = try arguments.value("--currency", expected: "a three-letter ISO 4217 code") {
    try? CurrencyCode(validating: $0)
  }
  let month = { (text: String) in try? CivilMonth(parsing: text) }
  let requestedTo = try arguments.value("--to", expected: "a month YYYY-MM", month)
  let requestedFrom = try arguments.value("--from", expected: "a month YYYY-MM", month)
  if let from = requestedFrom, let to = requestedTo {
    guard from <= to else { throw UsageError("--from \(from) is after --to \(to)") }
    guard from.distance(to: to) < RetentionReport.maximumMonths else {
      throw UsageError("--from \(from) --to \(to) spans more than 100 years; report at most 1200 months at a time")
    }
  }
  let segmentedBy = try arguments.value("--by", expected: "channel, tier or partner") {
    RetentionSegment.Dimension(rawValue: $0.lowercased())
  }
  var metrics = MetricOptions()
  if arguments.flag("--stripe-churn") { metrics.churnDenominator = .customersAtStartPlusNew }
  if let margin = try arguments.value(
    "--gross-margin", expected: "a number in (0, 1]", { Decimal(string: $0).flatMap { $0 > 0 && $0 <= 1 ? $0 : nil } })
  {
    metrics.grossMargin = margin
  }

  let importer = RetentionCSVImporter(
    mode: arguments.flag("--lenient") ? .lenient : .strict, defaultCurrency: currency ?? "USD",
    reportCurrency: currency)
  // CSV subscriptions keep the index the import builds, so the changes and the dataset reuse it.
  let subscriptions: IndexedSubscriptions?
  let vendorSubscriptions: [Subscription]
  var issues: [RetentionError] = []
  if let subscriptionsPath {
    subscriptions = try importer.indexedSubscriptions(csv: try readData(subscriptionsPath), file: subscriptionsPath)
    vendorSubscriptions = []
    issues = subscriptions?.issues ?? []
  } else {
    subscriptions = nil
    vendorSubscriptions = try VendorSource(arguments).subscriptions(lenient: arguments.flag("--lenient"))
  }
  var changes: [MRRChange] = []
  if let path = arguments.value("--changes") {
    let data = try readData(path)
    let result =
      try subscriptions.map { try importer.changes(csv: data, file: path, indexedSubscriptions: $0) }
      ?? importer.changes(csv: data, file: path, subscriptions: vendorSubscriptions)
    changes = result.records
    issues += result.issues
  }
  for issue in issues { Console.printError(ErrorLine.render(issue, tool: "retention-report: skipped")) }
  // The dataset is indexed before the surveys are read, so its working memory and theirs never add up.
  let dataset =
    try subscriptions.map { try RetentionDataset(indexedSubscriptions: $0, changes: changes, currency: currency) }
    ?? RetentionDataset(subscriptions: vendorSubscriptions, changes: changes, currency: currency)
  var surveys: [SurveyResponse] = []
  if let path = arguments.value("--surveys") {
    let result = try importer.surveys(csv: try readData(path), file: path)
    surveys = result.records
    for issue in result.issues { Console.printError(ErrorLine.render(issue, tool: "retention-report: skipped")) }
  }
  guard let lastData = dataset.lastActivityMonth else {
    throw RetentionError.invalidArgument("no subscriptions in \(subscriptionsPath ?? "the WHMCS responses")")
  }
  let to = requestedTo ?? lastData
  let from = requestedFrom ?? max(to.advanced(by: -11), dataset.firstMonth ?? to)
  guard from <= to else { throw UsageError("--from \(from) is after --to \(to)") }
  let report = try RetentionReport(
    dataset: dataset, surveys: surveys, months: from...to,
    options: RetentionReport.Options(metrics: metrics, segmentedBy: segmentedBy))
  if let directory = arguments.value("--charts") {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    for chart in RetentionCharts.all(for: report) {
      try Data(chart.svg.utf8).write(to: URL(fileURLWithPath: directory).appendingPathComponent(chart.fileName))
    }
  }
  if let path = arguments.value("--html") {
    try Data(report.htmlDocument().utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
  }
  Console.write(arguments.flag("--json") ? report.jsonString() + "\n" : TextReport.render(report))
}

/// The bytes of a CSV file named on the command line, or an error naming it. (Not mapped: a file shortened by
/// another program while mapped would crash the reader.)
func readData(_ path: String) throws -> Data {
  guard let data = FileManager.default.contents(atPath: path) else {
    throw RetentionError(.invalidArgument, "cannot read the file", at: nil).adding(ErrorContextKey.file, path)
  }
  return data
}
