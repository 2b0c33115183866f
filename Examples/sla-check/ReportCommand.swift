import Foundation
import SupportSLA
import SupportTickets

private let reportUsage = """
  usage: sla-check report --tickets FILE.jsonl [--policy FILE.json] [--now ISO8601] [--period week|month] [--json]
    --tickets FILE   tickets as JSON lines, one Ticket per line (what `support-desk export --jsonl` writes)
    --policy FILE    an SLA policy set {"policies":[…]}; the hosting default when absent
    --now ISO8601    the evaluation instant; the current time when absent
    --period P       group by ISO week or calendar month (UTC); month by default
    --json           print the report as JSON instead of a table
  """

/// `sla-check report`: the SLA compliance report over exported tickets.
///
/// - Parameter arguments: The arguments after `report`.
/// - Returns: 0 on success; 2 on bad arguments, an unreadable or invalid policy, or a malformed ticket line
///   (reported as `line N: …` on stderr, with nothing written to stdout).
func runReportCommand(_ arguments: [String]) -> Int32 {
  guard let options = ReportOptions(arguments) else { return 2 }
  var policies = SLAPolicySet.hostingDefault
  if let path = options.policyPath {
    guard let data = FileManager.default.contents(atPath: path) else {
      writeError("sla-check report: cannot read policy file \(path)")
      return 2
    }
    do {
      policies = try SLAPolicySet.decode(from: data)
    } catch let error as SLAError {
      writeError("sla-check report: \(path): \(error)")
      return 2
    } catch {
      writeError("sla-check report: \(path): \(error)")
      return 2
    }
  }
  guard let data = FileManager.default.contents(atPath: options.ticketsPath) else {
    writeError("sla-check report: cannot read tickets file \(options.ticketsPath)")
    return 2
  }
  let tickets: [Ticket]
  do {
    tickets = try decodeTicketLines(data)
  } catch let issue as DecodingIssue {
    writeError(issue.description)
    return 2
  } catch {
    writeError("sla-check report: \(error)")
    return 2
  }
  let report = SLAComplianceReport.make(
    tickets.map { SLASubject($0) }, evaluator: SLAEvaluator(policies: policies), now: options.now,
    period: options.period)
  if options.json {
    do {
      let encoded = try TicketJSON.makeEncoder(pretty: true).encode(report)
      print(String(decoding: encoded, as: UTF8.self))
    } catch {
      writeError("sla-check report: cannot encode the report: \(error)")
      return 1
    }
  } else {
    print("\(tickets.count) tickets evaluated at \(formatInstant(options.now))")
    print(report, terminator: "")
  }
  return 0
}

/// Decodes one ``Ticket`` per non-blank line; the first bad line throws a ``DecodingIssue`` naming it.
private func decodeTicketLines(_ data: Data) throws -> [Ticket] {
  var tickets: [Ticket] = []
  var number = 0
  for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
    number += 1
    let trimmed = line.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    if trimmed.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
    tickets.append(try TicketJSON.decode(Ticket.self, from: Data(line), line: number))
  }
  return tickets
}

/// The parsed command line of `sla-check report`.
private struct ReportOptions {
  var ticketsPath = ""
  var policyPath: String?
  var now = Date()
  var period = SLAReportPeriod.month
  var json = false

  init?(_ arguments: [String]) {
    var tickets: String?
    var iterator = arguments.makeIterator()
    func value(for option: String) -> String? {
      guard let value = iterator.next() else {
        writeError("sla-check report: \(option) needs a value\n\(reportUsage)")
        return nil
      }
      return value
    }
    while let argument = iterator.next() {
      switch argument {
      case "--tickets":
        guard let path = value(for: argument) else { return nil }
        tickets = path
      case "--policy":
        guard let path = value(for: argument) else { return nil }
        policyPath = path
      case "--now":
        guard let text = value(for: argument) else { return nil }
        guard let instant = parseInstant(text) else {
          writeError("sla-check report: --now must be an ISO 8601 instant such as 2026-11-30T00:00:00Z, got '\(text)'")
          return nil
        }
        now = instant
      case "--period":
        guard let text = value(for: argument) else { return nil }
        guard let period = SLAReportPeriod(rawValue: text) else {
          writeError("sla-check report: --period must be week or month, got '\(text)'")
          return nil
        }
        self.period = period
      case "--json":
        json = true
      default:
        writeError("sla-check report: unknown argument '\(argument)'\n\(reportUsage)")
        return nil
      }
    }
    guard let tickets else {
      writeError("sla-check report: missing --tickets FILE\n\(reportUsage)")
      return nil
    }
    ticketsPath = tickets
  }
}
