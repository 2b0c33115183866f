import Foundation

/// One option a command accepts: a flag (`--json`) or an option with a value (`--calendar FILE`).
///
/// Values are given as `--name value` or `--name=value`; the next argument is always taken as the value, even
/// when it starts with `-` (`--body "-5 °C in the server room"`). A repeatable option collects every value in
/// order; any other option given twice keeps the last value, as swift-argument-parser does.
package struct OptionSpec: Sendable {
  /// The option's name with its dashes, e.g. `--calendar`.
  package var name: String
  /// The placeholder of its value in help (`FILE`), or `nil` for a flag.
  package var valueName: String?
  /// One line of help.
  package var help: String
  /// Whether the command refuses to run without it.
  package var isRequired: Bool
  /// Whether it may be given several times, each value kept.
  package var isRepeatable: Bool

  /// A flag: present or not.
  ///
  /// - Parameters:
  ///   - name: The flag with its dashes.
  ///   - help: One line of help.
  /// - Returns: The option.
  package static func flag(_ name: String, help: String) -> OptionSpec {
    OptionSpec(name: name, valueName: nil, help: help, isRequired: false, isRepeatable: false)
  }

  /// An option that takes a value.
  ///
  /// - Parameters:
  ///   - name: The option with its dashes.
  ///   - valueName: The value's placeholder in help, such as `FILE`.
  ///   - help: One line of help.
  ///   - required: Whether the command needs it.
  ///   - repeatable: Whether every occurrence is kept.
  /// - Returns: The option.
  package static func value(
    _ name: String, _ valueName: String, help: String, required: Bool = false, repeatable: Bool = false
  ) -> OptionSpec {
    OptionSpec(name: name, valueName: valueName, help: help, isRequired: required, isRepeatable: repeatable)
  }

  /// How the option appears in a usage line: `--calendar FILE`, `[--json]`, `[--data FILE…]`.
  var synopsis: String {
    var text = valueName.map { "\(name) \($0)" } ?? name
    if isRepeatable { text += "…" }
    return isRequired ? text : "[\(text)]"
  }
}

/// A positional argument of a command, such as the ticket id of `show ID`.
package struct PositionalSpec: Sendable {
  /// The placeholder in help, such as `ID`.
  package var name: String
  /// One line of help.
  package var help: String
  /// Whether it may be left out (only trailing positionals may be).
  package var isOptional: Bool
  /// Whether it takes every remaining argument (only the last positional may): one or more, or none when it is
  /// also optional.
  package var isVariadic: Bool

  /// Creates a positional argument.
  ///
  /// - Parameters:
  ///   - name: The placeholder in help.
  ///   - help: One line of help.
  ///   - optional: Whether it may be left out.
  ///   - variadic: Whether it takes every remaining argument (the last positional only).
  package init(_ name: String, help: String, optional: Bool = false, variadic: Bool = false) {
    self.name = name
    self.help = help
    isOptional = optional
    isVariadic = variadic
  }

  /// How it appears in a usage line: `ID`, `[ID]`, `FILE…`.
  var synopsis: String {
    let text = isVariadic ? name + "…" : name
    return isOptional ? "[\(text)]" : text
  }
}

/// What a command's run tells the process: its exit status.
package enum ExitStatus: Int32, Sendable {
  /// 0: the command did what was asked.
  case success = 0
  /// 1: it could not (a store that refuses, a file that cannot be written, a check that found damage).
  case failure = 1
  /// 2: bad usage or malformed input; nothing was done with the bad part.
  case invalidInput = 2
}

/// A subcommand: its name, help, accepted arguments and what it does.
package struct CommandSpec: Sendable {
  /// The word that selects it, such as `deadline`.
  package var name: String
  /// One line for the tool's command list.
  package var summary: String
  /// Further paragraphs for the command's own help (input and output formats).
  package var details: [String]
  /// The options it accepts.
  package var options: [OptionSpec]
  /// Its positional arguments, in order.
  package var positionals: [PositionalSpec]
  /// Runs the command with its parsed arguments.
  package var run: @Sendable (ParsedArguments) async throws -> ExitStatus

  /// Creates a command.
  ///
  /// - Parameters:
  ///   - name: The word that selects it.
  ///   - summary: One line for the command list.
  ///   - details: Further paragraphs for its help.
  ///   - options: The options it accepts.
  ///   - positionals: Its positional arguments.
  ///   - run: What it does.
  package init(
    _ name: String, summary: String, details: [String] = [], options: [OptionSpec] = [],
    positionals: [PositionalSpec] = [], run: @escaping @Sendable (ParsedArguments) async throws -> ExitStatus
  ) {
    self.name = name
    self.summary = summary
    self.details = details
    self.options = options
    self.positionals = positionals
    self.run = run
  }

  /// The option named `name`, if the command accepts it.
  func option(named name: String) -> OptionSpec? { options.first { $0.name == name } }
}
