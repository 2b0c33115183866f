import CommandLineSupport
import Foundation
import SupportTickets

/// `--store DIR`, accepted before the command and by every ticket command.
let storeOption = OptionSpec.value("--store", "DIR", help: "The ticket store folder (default: ./support-data).")
/// `--lock-timeout SECONDS`, accepted like `--store`.
let lockTimeoutOption = OptionSpec.value(
  "--lock-timeout", "SECONDS", help: "How long to wait while another process uses the store (default: 5).")
private let agentOption = OptionSpec.value("--agent", "NAME", help: "The agent acting (default: support).")
private let ticketArgument = PositionalSpec("ID", help: "The ticket's id, as 'open' printed it.")

/// The ticket-store commands: open, list, show, reply, note, status, resolve, export, verify, repair.
///
/// Exit status: 0 on success, 1 when the store refuses (damaged, locked, unknown ticket, invalid change) or
/// `verify`/`repair` find damage, 2 for bad arguments.
let storeCommands: [CommandSpec] = [
  CommandSpec(
    "open", summary: "Open a ticket; prints its id once it is stored durably.",
    options: [
      storeOption, lockTimeoutOption, .value("--customer", "ID", help: "The customer's id.", required: true),
      .value("--subject", "TEXT", help: "The subject line.", required: true),
      .value("--body", "TEXT", help: "The customer's message.", required: true),
      .value("--priority", "low|normal|high|critical", help: "The priority (normal by default)."),
      .value("--department", "NAME", help: "The department (technical by default)."),
    ], run: StoreDesk.open),
  CommandSpec(
    "list", summary: "One line per ticket: id, status, priority, customer, subject.",
    options: [
      storeOption, lockTimeoutOption, .value("--customer", "ID", help: "Only this customer's tickets."),
      .value("--status", "STATUS", help: "Only tickets in this status.", repeatable: true),
    ], run: StoreDesk.list),
  CommandSpec(
    "show", summary: "A ticket and its timeline.",
    options: [
      storeOption, lockTimeoutOption, .flag("--as-customer", help: "The customer's view: internal notes never appear."),
      .flag("--json", help: "Print the ticket as JSON."),
    ], positionals: [ticketArgument], run: StoreDesk.show),
  CommandSpec(
    "reply", summary: "Add a public reply (from an agent, or from the customer).",
    options: [
      storeOption, lockTimeoutOption, .value("--body", "TEXT", help: "The reply.", required: true), agentOption,
      .flag("--from-customer", help: "The customer replies (a resolved ticket reopens)."),
    ], positionals: [ticketArgument], run: StoreDesk.change),
  CommandSpec(
    "note", summary: "Add an internal note (staff only).",
    options: [
      storeOption, lockTimeoutOption, .value("--body", "TEXT", help: "The note.", required: true), agentOption,
    ],
    positionals: [ticketArgument], run: StoreDesk.change),
  CommandSpec(
    "status", summary: "Change the status: open, inProgress, waitingOnCustomer, onHold, resolved, closed.",
    options: [storeOption, lockTimeoutOption, agentOption],
    positionals: [ticketArgument, PositionalSpec("STATUS", help: "The new status.")], run: StoreDesk.change),
  CommandSpec(
    "resolve", summary: "Optionally reply, then mark the ticket resolved.",
    options: [storeOption, lockTimeoutOption, .value("--body", "TEXT", help: "A last reply."), agentOption],
    positionals: [ticketArgument], run: StoreDesk.change),
  CommandSpec(
    "export", summary: "Every ticket with its timeline, one JSON object per line.",
    options: [
      storeOption, lockTimeoutOption, .flag("--jsonl", help: "JSON lines (the only format, accepted for clarity)."),
    ],
    run: StoreDesk.export),
  CommandSpec(
    "verify", summary: "Check every record; exit status 0 only for a clean store.",
    options: [storeOption, lockTimeoutOption]
  ) { arguments in
    let report = try FileTicketStore.verify(at: storeFolder(arguments), lockTimeout: lockTimeout(arguments))
    Console.print(TerminalText.escapedLines(report.description.components(separatedBy: "\n")))
    return report.isClean ? .success : .failure
  },
  CommandSpec(
    "repair", summary: "Keep the intact records, move damaged data aside; exit status 0 once clean.",
    options: [storeOption, lockTimeoutOption]
  ) { arguments in
    let repair = try FileTicketStore.repair(at: storeFolder(arguments), lockTimeout: lockTimeout(arguments))
    Console.print(TerminalText.escapedLines(repair.description.components(separatedBy: "\n")))
    return repair.result.isClean ? .success : .failure
  },
]

/// The store folder: `--store DIR`, or `./support-data`.
func storeFolder(_ arguments: ParsedArguments) throws -> URL {
  guard let path = arguments.value("--store") else { return URL(fileURLWithPath: "support-data") }
  guard !path.isEmpty else { throw UsageError("--store needs a folder") }
  return URL(fileURLWithPath: path)
}

/// How long to wait for the store's lock: `--lock-timeout SECONDS`, or 5 seconds.
func lockTimeout(_ arguments: ParsedArguments) throws -> Duration {
  let seconds = try arguments.number("--lock-timeout", in: 0...86_400, description: "seconds from 0 to 86400") ?? 5
  return .milliseconds(Int64((seconds * 1000).rounded()))
}

/// Reads an identifier typed by the user, as a usage error when it breaks the identifier rules.
func inputIdentifier<Tag>(_ text: String, as type: Identifier<Tag>.Type, option: String) throws -> Identifier<Tag> {
  do { return try Identifier<Tag>(validating: text) } catch { throw UsageError("\(option): \(error.message)") }
}
