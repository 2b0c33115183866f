import CommandLineSupport
import Foundation
import HostingSupport

/// `retention-report experience`: does support experience drive retention? Tickets, surveys and subscriptions in,
/// the comparisons out (text, JSON, an HTML page).
let experienceCommand = CommandSpec(
  "experience",
  summary: "Churn, renewals and survival of customers grouped by SLA breaches, tickets open past 24 h, NPS and"
    + " feedback follow-up.",
  details: [
    "--tickets is JSON lines of tickets with their timelines, as 'support-desk export' writes them (an imported"
      + " WHMCS or Zendesk history works); --surveys and --subscriptions are the CSV formats of the report command.",
    "The analysis is as of the end of --as-of (default: the latest ticket event, answer or start). Groups under"
      + " --min-group customers are counted but not compared; findings are associations, not causes.",
  ],
  options: [
    .value("--tickets", "FILE", help: "Tickets, one JSON object per line.", required: true),
    .value("--surveys", "FILE", help: "Survey answers CSV (NPS, CSAT).", required: true),
    .value("--subscriptions", "FILE", help: "Subscriptions CSV.", required: true),
    .value("--as-of", "YYYY-MM-DD", help: "The last day observed."),
    .value("--min-group", "N", help: "The smallest group compared, 2...1000000 (default 30)."),
    .flag("--json", help: "Print the report as JSON."),
    .value("--html", "FILE", help: "Also write the comparisons as one self-contained HTML page."),
  ]
) { arguments in
  var options = SupportExperienceOptions()
  if let size = try arguments.integer("--min-group", in: 2...1_000_000) { options.minimumGroupSize = size }
  let asOf = try arguments.value("--as-of", expected: "a date YYYY-MM-DD") { try? CivilDate(parsing: $0) }
  let ticketsPath = try arguments.required("--tickets")
  let tickets = try readTickets(ticketsPath)
  let importer = RetentionCSVImporter()
  let surveysPath = try arguments.required("--surveys")
  let surveys = try importer.surveys(csv: try readData(surveysPath), file: surveysPath).records
  let subscriptionsPath = try arguments.required("--subscriptions")
  let subscriptions = try importer.subscriptions(csv: try readData(subscriptionsPath), file: subscriptionsPath).records
  let dataset = try RetentionDataset(subscriptions: subscriptions)
  let lastDay =
    asOf
    ?? ([tickets.map { CivilDate($0.updatedAt) }.max(), surveys.map(\.date).max(), subscriptions.map(\.start).max()]
      .compactMap { $0 }.max())
  guard let lastDay else { throw UsageError("no tickets, answers or subscriptions to analyse") }
  // The end of the last day observed: every event of that day counts.
  let now = lastDay.adding(days: 1).date.addingTimeInterval(-1)
  let report = try SupportExperienceAnalysis(options: options).report(
    tickets: tickets, surveys: surveys, retention: dataset, now: now)
  if let path = arguments.value("--html") {
    let page = HTMLReport(
      title: "Support experience and retention", subtitle: "As of \(report.reportDate)",
      sections: [report.figures.htmlSection()])
    try Data(page.rendered().utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
  }
  if arguments.flag("--json") {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    Console.write(String(decoding: try encoder.encode(report), as: UTF8.self) + "\n")
  } else {
    Console.print(TerminalText.escapedLines(report.description.components(separatedBy: "\n")))
  }
  return .success
}

/// The tickets of a JSON lines file; a line that does not decode stops the read with its file and line number.
private func readTickets(_ path: String) throws -> [Ticket] {
  guard let handle = FileHandle(forReadingAtPath: path) else {
    throw RetentionError(.invalidArgument, "cannot read the file", at: nil).adding(ErrorContextKey.file, path)
  }
  defer { try? handle.close() }
  var tickets: [Ticket] = []
  do {
    try JSONLinesReader(handle: handle).forEach(Ticket.self) { ticket, _ in tickets.append(ticket) }
  } catch let error as any SupportKitError {
    throw error.adding(ErrorContextKey.file, path)
  }
  return tickets
}
