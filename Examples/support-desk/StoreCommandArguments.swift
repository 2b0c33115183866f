import Foundation

/// Thrown for command-line mistakes: the caller prints the message and the usage, and exits 2.
struct UsageError: Error {
  var message: String
}

/// The usage text of the store commands.
let storeUsage = """
  usage: support-desk [--store DIR] [--lock-timeout SECONDS] <command> [options]
    --store DIR              the ticket store folder (default: ./support-data)
    --lock-timeout SECONDS   how long to wait while another process uses the store (default: 5)

  commands:
    open --customer ID --subject TEXT --body TEXT [--priority low|normal|high|critical] [--department NAME]
                                   open a ticket; prints its id once it is stored durably
    list [--customer ID] [--status STATUS]      one line per ticket (list, show, export and verify only read)
    show ID [--as-customer] [--json]            a ticket and its timeline (--as-customer hides internal notes)
    reply ID --body TEXT [--agent NAME | --from-customer]
    note ID --body TEXT [--agent NAME]          an internal note (staff only)
    status ID STATUS [--agent NAME]             open, inProgress, waitingOnCustomer, onHold, resolved, closed
    resolve ID [--body TEXT] [--agent NAME]     optionally reply, then mark resolved
    export --jsonl                              every ticket with its timeline, one JSON object per line
    verify                                      check every record; exit 0 only for a clean store
    repair                                      keep intact records, move damaged data aside
    demo                                        the in-memory end-to-end demo
  """

/// The options and positional arguments of one command.
struct ParsedArguments {
  var values: [String: String] = [:]
  var repeated: [String: [String]] = [:]
  var flags: Set<String> = []
  var positionals: [String] = []

  /// Parses `arguments` accepting only the named options.
  /// - Parameters:
  ///   - valueOptions: Options that take a value (`--body TEXT`).
  ///   - flagOptions: Options without a value (`--json`).
  init(_ arguments: [String], valueOptions: Set<String> = [], flagOptions: Set<String> = []) throws {
    var iterator = arguments.makeIterator()
    while let argument = iterator.next() {
      if valueOptions.contains(argument) {
        guard let value = iterator.next() else { throw UsageError(message: "\(argument) needs a value") }
        values[argument] = value
        repeated[argument, default: []].append(value)
      } else if flagOptions.contains(argument) {
        flags.insert(argument)
      } else if argument.hasPrefix("--") {
        throw UsageError(message: "unknown option \(argument)")
      } else {
        positionals.append(argument)
      }
    }
  }

  /// A required option's value.
  func required(_ option: String) throws -> String {
    guard let value = values[option], !value.isEmpty else { throw UsageError(message: "\(option) is required") }
    return value
  }

  /// Exactly `count` positional arguments.
  func positionals(exactly count: Int, _ names: String) throws -> [String] {
    guard positionals.count == count else { throw UsageError(message: "expected \(names)") }
    return positionals
  }
}

/// Splits `--store DIR` (anywhere) from the rest of the command line.
func extractStoreDirectory(_ arguments: [String]) throws -> (directory: String, rest: [String]) {
  var directory = "support-data"
  var rest: [String] = []
  var iterator = arguments.makeIterator()
  while let argument = iterator.next() {
    if argument == "--store" {
      guard let value = iterator.next(), !value.isEmpty else { throw UsageError(message: "--store needs a folder") }
      directory = value
    } else {
      rest.append(argument)
    }
  }
  return (directory, rest)
}

/// Splits `--lock-timeout SECONDS` (anywhere) from the rest of the command line; 5 seconds by default.
func extractLockTimeout(_ arguments: [String]) throws -> (timeout: Duration, rest: [String]) {
  var timeout = Duration.seconds(5)
  var rest: [String] = []
  var iterator = arguments.makeIterator()
  while let argument = iterator.next() {
    if argument == "--lock-timeout" {
      guard let value = iterator.next(), let seconds = Double(value), seconds.isFinite, seconds >= 0, seconds <= 86_400
      else { throw UsageError(message: "--lock-timeout needs a number of seconds from 0 to 86400") }
      timeout = .milliseconds(Int64((seconds * 1000).rounded()))
    } else {
      rest.append(argument)
    }
  }
  return (timeout, rest)
}

/// Parses an enumeration value named on the command line.
func parseValue<Value: RawRepresentable & CaseIterable>(_ text: String, as type: Value.Type, option: String) throws
  -> Value where Value.RawValue == String
{
  guard let value = Value(rawValue: text) else {
    let names = Value.allCases.map(\.rawValue).joined(separator: "|")
    throw UsageError(message: "\(option) must be one of \(names), not '\(text)'")
  }
  return value
}
