import CommandLineSupport
import Foundation
import SupportImport

/// The options that read WHMCS or Zendesk API responses, shared by `report` and `convert`.
let whmcsOption = OptionSpec.value(
  "--whmcs", "FILE", help: "Saved WHMCS API responses (GetClientsProducts, GetClients, GetInvoices…).", repeatable: true
)
let zendeskOption = OptionSpec.value(
  "--zendesk", "FILE", help: "Saved Zendesk satisfaction ratings (and tickets) responses.", repeatable: true)
let mappingOption = OptionSpec.value("--mapping", "FILE", help: "The import mapping file (plan tiers, channels…).")
let timeZoneOption = OptionSpec.value(
  "--time-zone", "ZONE", help: "The WHMCS server's IANA time zone, e.g. Asia/Vientiane (required with --whmcs).")

/// `retention-report convert`: the documented CSV files from vendor exports.
let convertCommand = CommandSpec(
  "convert", summary: "Write subscriptions.csv and surveys.csv from saved WHMCS or Zendesk API responses.",
  details: [
    "--whmcs: every service of a GetClientsProducts response becomes a subscription row (plan tier by the"
      + " mapping, billing cycle to period, recurring amount to MRR in the client's invoice currency, end date"
      + " from termination, cancellation or next due date); star ratings of staff replies in GetTicket responses"
      + " become CSAT rows. --zendesk: good and bad satisfaction ratings become CSAT rows (5 and 1 by default)."
      + " See Documentation/Importing.md.",
    "The files follow the RetentionMetrics CSVFormats article, so 'retention-report --subscriptions"
      + " DIR/subscriptions.csv --surveys DIR/surveys.csv' reads them.",
  ],
  options: [
    whmcsOption, zendeskOption, mappingOption, timeZoneOption,
    .flag("--lenient", help: "Skip services with errors (each reported on standard error) instead of stopping."),
    .value("--out", "DIR", help: "The folder to write into.", required: true),
  ]
) { arguments in
  let source = try VendorSource(arguments)
  guard !source.whmcs.isEmpty || !source.zendesk.isEmpty else { throw UsageError("give --whmcs or --zendesk files") }
  let directory = URL(fileURLWithPath: try arguments.required("--out"))
  var written: [String] = []
  var surveys: [SurveyResponse] = []
  if !source.whmcs.isEmpty {
    let book = try source.subscriptions(lenient: arguments.flag("--lenient"))
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try Data(CSVWriting.subscriptions(book).utf8).write(to: directory.appendingPathComponent("subscriptions.csv"))
    written.append("subscriptions.csv (\(book.count) subscriptions)")
    surveys += try source.whmcsImporter().tickets(from: source.whmcs).surveys.map(\.response)
  }
  if !source.zendesk.isEmpty {
    surveys += try ZendeskImporter(mapping: source.mapping).tickets(from: source.zendesk).surveys.map(\.response)
  }
  try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  try Data(CSVWriting.surveys(surveys).utf8).write(to: directory.appendingPathComponent("surveys.csv"))
  written.append("surveys.csv (\(surveys.count) answers)")
  Console.print("wrote " + written.joined(separator: " and ") + " to " + TerminalText.escaped(directory.path))
  return .success
}

/// The vendor files and mapping named on a command line.
struct VendorSource {
  let whmcs: [ImportDocument]
  let zendesk: [ImportDocument]
  let mapping: ImportMapping
  let timeZone: ServerTimeZone?

  init(_ arguments: ParsedArguments) throws {
    let zone = arguments.value("--time-zone")
    if let zone {
      do { timeZone = try ServerTimeZone(identifier: zone) } catch {
        throw ParsedArguments.badValue(zone, for: "--time-zone", expected: "an IANA time zone such as Asia/Vientiane")
      }
    } else {
      timeZone = nil
    }
    if !arguments.all("--whmcs").isEmpty && zone == nil {
      throw UsageError("--time-zone is required with --whmcs: the WHMCS server's IANA zone, such as Asia/Vientiane")
    }
    mapping = try ImportMapping.load(
      mappingPath: arguments.value("--mapping"), statusMapPath: nil)
    whmcs = try arguments.all("--whmcs").map { try ImportDocument(path: $0) }
    zendesk = try arguments.all("--zendesk").map { try ImportDocument(path: $0) }
  }

  func whmcsImporter() -> WHMCSImporter { WHMCSImporter(timeZone: timeZone ?? .utc, mapping: mapping) }

  /// The WHMCS subscriptions; services left out are reported on standard error.
  func subscriptions(lenient: Bool) throws -> [Subscription] {
    let book = try whmcsImporter().subscriptions(from: whmcs, mode: lenient ? .lenient : .strict)
    for warning in book.warnings {
      // A service that is not a subscription reads `retention-report: skipped: …`; one skipped for an error in
      // lenient mode, `retention-report: skipped: <code>: …`, as the CSV reader's skipped rows do.
      let prefix = warning.code == .skipped ? "retention-report" : "retention-report: skipped"
      Console.printError(ErrorLine.render(warning, tool: prefix))
    }
    return book.subscriptions
  }
}
