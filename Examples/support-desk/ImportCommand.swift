import CommandLineSupport
import Foundation
import SupportImport

/// `support-desk [--store DIR] import whmcs|zendesk FILE… [--time-zone ZONE] [--mapping FILE] [--status-map FILE]`
let importCommand = CommandSpec(
  "import", summary: "Import tickets from saved WHMCS or Zendesk API responses; running it again changes nothing.",
  details: [
    "whmcs reads GetTicket responses (GetTickets pages are checked against them, GetClientsProducts names each"
      + " ticket's service); zendesk reads incremental ticket export pages, comments, audits and satisfaction"
      + " ratings. Files hold one response each, or one per line, in any order. Documentation/Importing.md has"
      + " the field mapping.",
    "Ids come from the vendor's (whmcs-T123, whmcs-T123-r45), so a second run adds only what is new. Records"
      + " that cannot be imported are listed on standard error as 'support-desk: skipped: …'. A value the"
      + " mapping does not cover (a custom status) stops the run before anything is written, with its file, line"
      + " and JSON path (exit status 2).",
  ],
  options: [
    storeOption, lockTimeoutOption,
    .value("--time-zone", "ZONE", help: "The WHMCS server's IANA time zone, e.g. Asia/Vientiane (required for whmcs)."),
    .value("--mapping", "FILE", help: "A mapping file: statuses, priorities, departments, plan tiers (JSON)."),
    .value("--status-map", "FILE", help: "A status map: {\"Vendor status\": \"kit status\"}, over --mapping's."),
    .flag("--json", help: "Print the summary as JSON."),
  ],
  positionals: [
    PositionalSpec("VENDOR", help: "whmcs or zendesk."),
    PositionalSpec("FILE", help: "Saved API responses (JSON, or JSON lines).", variadic: true),
  ]
) { arguments in
  try await ImportRun(arguments).run()
}

/// One `import` run: arguments checked and files read before the store is opened, so a typo or a mapping error
/// never creates or changes a store.
private struct ImportRun {
  enum Vendor: String, CaseIterable {
    case whmcs
    case zendesk
  }

  let vendor: Vendor
  let files: [String]
  let timeZone: ServerTimeZone?
  let mapping: ImportMapping
  let json: Bool
  let store: URL
  let lockWait: Duration

  init(_ arguments: ParsedArguments) throws {
    vendor = try ParsedArguments.choice(arguments.positionals[0], as: Vendor.self, for: "VENDOR")
    files = Array(arguments.positionals.dropFirst())
    guard !files.isEmpty else { throw UsageError("missing FILE") }
    if let zone = arguments.value("--time-zone") {
      do { timeZone = try ServerTimeZone(identifier: zone) } catch {
        throw ParsedArguments.badValue(zone, for: "--time-zone", expected: "an IANA time zone such as Asia/Vientiane")
      }
    } else {
      guard vendor == .zendesk else {
        throw UsageError("--time-zone is required for whmcs: the WHMCS server's IANA zone, such as Asia/Vientiane")
      }
      timeZone = nil
    }
    mapping = try ImportMapping.load(
      mappingPath: arguments.value("--mapping"), statusMapPath: arguments.value("--status-map"))
    json = arguments.flag("--json")
    store = try storeFolder(arguments)
    lockWait = try lockTimeout(arguments)
  }

  func run() async throws -> ExitStatus {
    let documents = try files.map { try ImportDocument(path: $0) }
    let read: TicketImport
    switch vendor {
    case .whmcs: read = try WHMCSImporter(timeZone: timeZone ?? .utc, mapping: mapping).tickets(from: documents)
    case .zendesk: read = try ZendeskImporter(mapping: mapping).tickets(from: documents)
    }
    let fileStore = try FileTicketStore(directory: store, lockTimeout: lockWait)
    let summary: TicketImportSummary
    do {
      summary = try await TicketImportWriter().write(read.tickets, to: fileStore)
    } catch {
      await fileStore.close()
      throw error
    }
    await fileStore.close()
    for warning in read.warnings + summary.warnings {
      // Each warning's code is `skipped`: `support-desk: skipped: file: line N: path: why`.
      Console.printError(ErrorLine.render(warning, tool: "support-desk"))
    }
    let more = summary.warningCount - summary.warnings.count
    if more > 0 { Console.printError("support-desk: skipped: \(more) more warnings not listed") }
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys]
      let report = ImportReport(summary: summary, surveys: read.surveys.count, readWarnings: read.warnings.count)
      Console.print(String(decoding: try encoder.encode(report), as: UTF8.self))
    } else {
      Console.print(Self.describe(summary, read: read))
    }
    return .success
  }

  static func describe(_ summary: TicketImportSummary, read: TicketImport) -> String {
    """
    tickets: \(summary.ticketsCreated) created, \(summary.ticketsUpdated) updated, \(summary.ticketsUnchanged) \
    unchanged
    events: \(summary.eventsWritten) written, \(summary.eventsAlreadyStored) already stored, \
    \(summary.eventsAdjusted) moved up to keep their ticket in order
    satisfaction answers read: \(read.surveys.count) (write them as CSV with 'retention-report convert')
    skipped: \(read.warnings.count + summary.warningCount)
    """
  }
}

/// The JSON summary of `import --json`.
private struct ImportReport: Encodable {
  var summary: TicketImportSummary
  var surveys: Int
  var readWarnings: Int
}
