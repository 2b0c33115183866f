import CommandLineSupport
import Foundation
import SupportSLA
import SupportTickets

/// `sla-check report`: the SLA compliance report over exported tickets.
///
/// Exit status 2 for an unreadable or invalid policy or a malformed ticket line (reported as
/// `tickets.jsonl: line N: …` on stderr, with nothing written to stdout).
let reportCommand = CommandSpec(
  "report",
  summary:
    "The SLA compliance report (attainment, median, p90; open past 24 h; resolution quality) over exported tickets.",
  details: ["Tickets are JSON lines, one Ticket per line: what 'support-desk export --jsonl' writes."],
  options: [
    .value("--tickets", "FILE", help: "The tickets as JSON lines.", required: true),
    .value("--policy", "FILE", help: #"An SLA policy set {"policies":[…]}; the hosting default when absent."#),
    .value("--now", "ISO8601", help: "The evaluation instant; the current time when absent."),
    .value("--period", "week|month", help: "Group by ISO week or calendar month (UTC); month by default."),
    .flag("--json", help: "Print the report as JSON instead of a table."),
  ]
) { arguments in
  let now = try arguments.value("--now", expected: "an ISO 8601 instant such as 2026-11-30T00:00:00Z") {
    parseInstant($0)
  }
  let period = try arguments.choice("--period", as: SLAReportPeriod.self) ?? .month
  var policies = SLAPolicySet.hostingDefault
  if let path = arguments.value("--policy") {
    let data = try readInputFile(path, what: "policy file")
    do {
      policies = try SLAPolicySet.decode(from: data)
    } catch let error as any SupportKitError {
      throw error.adding(ErrorContextKey.file, path)
    }
  }
  let ticketsPath = try arguments.required("--tickets")
  let tickets = try decodeTicketLines(ticketsPath)
  let instant = now ?? Date()
  var report = SLAComplianceReport.make(
    tickets.map { SLASubject($0) }, evaluator: SLAEvaluator(policies: policies), now: instant, period: period)
  if arguments.flag("--json") {
    Console.print(String(decoding: try TicketJSON.makeEncoder(pretty: true).encode(report), as: UTF8.self))
  } else {
    escapeDepartments(in: &report)
    Console.write("\(tickets.count) tickets evaluated at \(formatInstant(instant) ?? "\(instant)")\n\(report)")
  }
  return .success
}

/// Escapes every department name of a report for the terminal: they are open text from the tickets, and a control
/// character in one must not forge a table row.
private func escapeDepartments(in report: inout SLAComplianceReport) {
  func escaped(_ department: Department) -> Department {
    Department(rawValue: TerminalText.escaped(department.rawValue))
  }
  for index in report.rows.indices { report.rows[index].department = report.rows[index].department.map(escaped) }
  for index in report.byDepartment.indices {
    report.byDepartment[index].department = escaped(report.byDepartment[index].department)
  }
  if let aged = report.openPastAgeLimit {
    for index in aged.tickets.indices {
      report.openPastAgeLimit?.tickets[index].department = escaped(aged.tickets[index].department)
    }
  }
}

/// Decodes one ``Ticket`` per non-blank line; the first bad line throws a `DecodingIssue` naming file and line.
private func decodeTicketLines(_ path: String) throws -> [Ticket] {
  guard let handle = FileHandle(forReadingAtPath: path) else {
    throw DecodingIssue(code: .malformed, path: "", message: "cannot read the tickets file").inFile(path)
  }
  defer { try? handle.close() }
  var tickets: [Ticket] = []
  do {
    try JSONLinesReader(handle: handle).forEachLine { line, number in
      tickets.append(try TicketJSON.decode(Ticket.self, from: line, line: number))
    }
  } catch let error as DecodingIssue {
    throw error.inFile(path)
  }
  return tickets
}
