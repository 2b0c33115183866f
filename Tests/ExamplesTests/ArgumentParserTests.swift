import Foundation
import Testing

@testable import CommandLineSupport

@Suite("CommandLineSupport argument parsing")
struct ArgumentParserTests {
  static let command = CommandSpec(
    "open", summary: "Open.",
    options: [
      .value("--customer", "ID", help: "Customer.", required: true),
      .value("--status", "STATUS", help: "Status.", repeatable: true),
      .value("--body", "TEXT", help: "Body."),
      .flag("--json", help: "JSON."),
    ],
    positionals: [PositionalSpec("ID", help: "Ticket."), PositionalSpec("FILE", help: "File.", optional: true)]
  ) { _ in .success }

  func parse(_ arguments: [String]) throws(UsageError) -> ParsedArguments? {
    switch try ArgumentParser.parse(arguments[...], for: Self.command, base: ParsedArguments(command: "open")) {
    case .arguments(let parsed): return parsed
    case .help: return nil
    }
  }

  @Test("--name value and --name=value give the same value; a value may start with a dash")
  func valueForms() throws {
    let spaced = try #require(try parse(["T-1", "--customer", "c1", "--body", "-5 degrees"]))
    let joined = try #require(try parse(["T-1", "--customer=c1", "--body=-5 degrees"]))
    #expect(spaced.value("--customer") == "c1" && joined.value("--customer") == "c1")
    #expect(spaced.value("--body") == "-5 degrees" && joined.value("--body") == "-5 degrees")
    #expect(try parse(["T-1", "--customer=", "x"])?.value("--customer") == "")
  }

  @Test("a repeatable option keeps every value in order; another option keeps the last")
  func repeatedOptions() throws {
    let parsed = try #require(
      try parse(["--status", "open", "T-1", "--customer", "a", "--status=resolved", "--customer", "b"]))
    #expect(parsed.all("--status") == ["open", "resolved"])
    #expect(parsed.value("--customer") == "b")
  }

  @Test("-- ends the options: everything after it is positional")
  func doubleDash() throws {
    let parsed = try #require(try parse(["--customer", "c", "--", "--json", "-x"]))
    #expect(parsed.positionals == ["--json", "-x"])
    #expect(!parsed.flag("--json"))
  }

  @Test("--help or -h anywhere before -- asks for help, even with other mistakes")
  func helpRequested() throws {
    #expect(try parse(["--help"]) == nil)
    #expect(try parse(["T-1", "-h", "--customer"]) == nil)
  }

  @Test(
    "unknown options, missing values, values on flags, missing required options and wrong positional counts are usage errors",
    arguments: [
      (["T-1", "--customer", "c", "--colour", "red"], "unknown option '--colour' for 'open'"),
      (["T-1", "--customer"], "--customer needs a value (ID)"),
      (["T-1", "--customer", "c", "--json=yes"], "--json is a flag and takes no value"),
      (["T-1"], "missing --customer ID"),
      (["--customer", "c"], "missing ID"),
      (["T-1", "f", "extra", "--customer", "c"], "unexpected argument 'extra'"),
    ])
  func usageErrors(arguments: [String], message: String) {
    #expect(throws: UsageError(message)) { try parse(arguments) }
  }

  @Test("typed accessors turn a bad value into a usage error naming option, value and what was expected")
  func typedAccessors() throws {
    var parsed = ParsedArguments(command: "demo")
    parsed.values = ["--days": ["0"], "--ratio": ["nan"], "--ok": ["12"]]
    #expect(throws: UsageError("--days must be a whole number in 1...365, not '0'")) {
      try parsed.integer("--days", in: 1...365)
    }
    #expect(throws: UsageError.self) { try parsed.number("--ratio", in: 0...1) }
    #expect(try parsed.integer("--ok", in: 1...365) == 12)
    #expect(try parsed.integer("--absent", in: 1...365) == nil)
  }
}

@Suite("CommandLineSupport tools: help, errors and exit codes")
struct CommandLineToolTests {
  static let tools: [(String, [String])] = [
    (
      "support-desk",
      ["open", "list", "show", "reply", "note", "status", "resolve", "export", "verify", "repair", "demo"]
    ),
    ("sla-check", ["elapsed", "deadline", "report"]),
    ("feedback-triage", ["classify", "triage", "train", "evaluate", "report"]),
    ("retention-report", ["report", "survival", "sample"]),
  ]

  @Test("every tool prints its help on stdout with exit 0, laid out the same way", arguments: tools)
  func toolHelp(tool: String, commands: [String]) async throws {
    for flag in ["--help", "-h", "help"] {
      let run = try await runExample(tool, [flag])
      #expect(run.status == 0 && run.standardError.isEmpty, "\(tool) \(flag): \(run.standardError)")
      let sections = run.standardOutput.components(separatedBy: "\n\n")
      #expect(sections.first?.hasPrefix("usage: \(tool) ") == true)
      #expect(sections.contains { $0.hasPrefix("commands:\n") } && sections.contains { $0.hasPrefix("options:\n") })
      #expect(run.standardOutput.contains("exit status: 0 ok, 1 failure, 2 bad usage or malformed input"))
      for command in commands { #expect(run.standardOutput.contains("\n  \(command) "), "\(tool): \(command)") }
    }
  }

  @Test("every command prints its own help on stdout with exit 0, and 'help COMMAND' prints the same", arguments: tools)
  func commandHelp(tool: String, commands: [String]) async throws {
    for command in commands {
      let run = try await runExample(tool, [command, "--help"])
      #expect(run.status == 0 && run.standardError.isEmpty, "\(tool) \(command): \(run.standardError)")
      #expect(run.standardOutput.hasPrefix("usage: \(tool) \(command)"))
      #expect(run.standardOutput.contains("\n\noptions:\n") && run.standardOutput.contains("  -h, --help"))
      #expect(try await runExample(tool, ["help", command]).standardOutput == run.standardOutput)
    }
  }

  @Test("the same mistake gives the same one-line error and exit status 2 in every tool", arguments: tools)
  func sameMistakeSameAnswer(tool: String, commands: [String]) async throws {
    let unknownCommand = try await runExample(tool, ["frobnicate"])
    #expect(unknownCommand.status == 2)
    #expect(unknownCommand.standardError == "\(tool): usage: unknown command 'frobnicate'; see '\(tool) --help'\n")
    let command = commands[0]
    let unknownOption = try await runExample(tool, [command, "--no-such-option"])
    #expect(unknownOption.status == 2)
    #expect(
      unknownOption.standardError
        == "\(tool): usage: unknown option '--no-such-option' for '\(command)'; see '\(tool) \(command) --help'\n")
    #expect(unknownOption.standardOutput.isEmpty)
  }
}
