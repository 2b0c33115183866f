import Foundation
import SupportCore

/// A command-line tool: its commands, help, error reporting and exit codes, shared by every example.
///
/// ```swift
/// let tool = CommandLineTool(name: "sla-check", summary: "…", commands: [elapsed, deadline, report])
/// await tool.main()
/// ```
///
/// - `tool --help`, `tool -h`, `tool help`, `tool <command> --help` and `tool help <command>` print help on
///   standard output and exit 0.
/// - Options listed in ``globalOptions`` may come before the command word.
/// - With a ``defaultCommand``, a command line that starts with an option runs that command.
/// - Errors are one line on standard error (``ErrorLine``). Exit status (``ExitStatus``): 0 ok, 1 failure,
///   2 bad usage or malformed input. A `UsageError` or a `DecodingIssue` is always 2; another
///   `SupportKitError` is what ``statusForError`` says (2 by default: the tools' library errors describe their
///   input); anything else is 1.
package struct CommandLineTool: Sendable {
  /// The executable's name.
  package var name: String
  /// One paragraph saying what the tool does.
  package var summary: String
  /// The commands, in the order help lists them.
  package var commands: [CommandSpec]
  /// Options accepted before the command word (also list them in the commands that read them).
  package var globalOptions: [OptionSpec]
  /// The command run when the command line starts with an option.
  package var defaultCommand: String?
  /// Further paragraphs of the tool's help (input formats, examples).
  package var notes: [String]
  /// The exit status for a `SupportKitError` a command throws.
  package var statusForError: @Sendable (any SupportKitError) -> ExitStatus

  /// Creates a tool.
  ///
  /// - Parameters:
  ///   - name: The executable's name.
  ///   - summary: What it does.
  ///   - commands: Its commands.
  ///   - globalOptions: Options accepted before the command word.
  ///   - defaultCommand: The command for a command line that starts with an option.
  ///   - notes: Further paragraphs of help.
  ///   - statusForError: The exit status of a library error; ``ExitStatus/invalidInput`` by default.
  package init(
    name: String, summary: String, commands: [CommandSpec], globalOptions: [OptionSpec] = [],
    defaultCommand: String? = nil, notes: [String] = [],
    statusForError: @escaping @Sendable (any SupportKitError) -> ExitStatus = { _ in .invalidInput }
  ) {
    self.name = name
    self.summary = summary
    self.commands = commands
    self.globalOptions = globalOptions
    self.defaultCommand = defaultCommand
    self.notes = notes
    self.statusForError = statusForError
  }

  /// Runs the tool on the process's arguments and exits with the command's status.
  package func main() async -> Never {
    exit(await run(Array(CommandLine.arguments.dropFirst())))
  }

  /// Runs the tool on `arguments`, printing help, output and errors.
  ///
  /// - Parameter arguments: The arguments after the executable's name.
  /// - Returns: The exit status.
  package func run(_ arguments: [String]) async -> Int32 {
    var commandName: String?
    do {
      var (base, index) = try parseGlobalOptions(arguments)
      let rest = arguments[index...]
      let command: CommandSpec
      switch rest.first {
      case "-h"?, "--help"?:
        Console.write(HelpText.tool(self))
        return ExitStatus.success.rawValue
      case "help"?:
        if let topic = rest.dropFirst().first {
          Console.write(HelpText.command(try self.command(named: topic), of: self))
        } else {
          Console.write(HelpText.tool(self))
        }
        return ExitStatus.success.rawValue
      case let word? where !word.hasPrefix("-") || word == "-":
        command = try self.command(named: word)
        index += 1
      default:
        guard let defaultCommand else {
          throw UsageError(rest.isEmpty ? "missing command" : "unknown option '\(rest.first!)'")
        }
        command = try self.command(named: defaultCommand)
      }
      commandName = command.name
      base.command = command.name
      switch try ArgumentParser.parse(arguments[index...], for: command, base: base) {
      case .help:
        Console.write(HelpText.command(command, of: self))
        return ExitStatus.success.rawValue
      case .arguments(let parsed):
        return try await command.run(parsed).rawValue
      }
    } catch {
      return report(error, command: commandName).rawValue
    }
  }

  /// Prints an error as one line and gives its exit status.
  ///
  /// - Parameters:
  ///   - error: The error.
  ///   - command: The command that was running, for the usage hint.
  /// - Returns: The exit status.
  package func report(_ error: any Error, command: String?) -> ExitStatus {
    if var usage = error as? UsageError {
      let helpCommand = command.map { "\(name) \($0) --help" } ?? "\(name) --help"
      usage.message += "; see '\(helpCommand)'"
      Console.printError(ErrorLine.render(usage, tool: name))
      return .invalidInput
    }
    Console.printError(ErrorLine.render(error, tool: name))
    if error is DecodingIssue { return .invalidInput }
    if let error = error as? any SupportKitError { return statusForError(error) }
    return .failure
  }

  /// Parses the options given before the command word.
  ///
  /// - Returns: Their values, and the index of the first argument that is not one of them.
  private func parseGlobalOptions(_ arguments: [String]) throws(UsageError) -> (ParsedArguments, Int) {
    var parsed = ParsedArguments(command: "")
    var index = 0
    while index < arguments.count, let option = globalOption(arguments[index]) {
      let (name, inline) = ArgumentParser.split(arguments[index])
      index += 1
      guard let valueName = option.valueName else {
        parsed.flags.insert(name)
        continue
      }
      if let inline {
        parsed.values[name] = [inline]
      } else {
        guard index < arguments.count else { throw UsageError("\(name) needs a value (\(valueName))") }
        parsed.values[name] = [arguments[index]]
        index += 1
      }
    }
    return (parsed, index)
  }

  private func command(named name: String) throws(UsageError) -> CommandSpec {
    guard let command = commands.first(where: { $0.name == name }) else {
      throw UsageError("unknown command '\(name)'")
    }
    return command
  }

  private func globalOption(_ argument: String) -> OptionSpec? {
    let name = ArgumentParser.split(argument).name
    return globalOptions.first { $0.name == name }
  }
}
