import Foundation

/// Parses one command's arguments against its ``CommandSpec``.
///
/// Grammar: `--name value`, `--name=value`, flags, positionals in order; `--` ends the options (everything after
/// it is positional, even `--json`); `-` alone is a positional (conventionally standard input); `-h` or `--help`
/// anywhere before `--` asks for the command's help, whatever else the line holds. Unknown options, a missing value, a value given to a flag,
/// missing required options and a wrong number of positionals are ``UsageError``s.
enum ArgumentParser {
  /// The outcome of parsing: the arguments, or a request for help.
  enum Outcome {
    case arguments(ParsedArguments)
    case help
  }

  /// Parses `arguments` for `command`, on top of values already parsed (options given before the command).
  ///
  /// - Parameters:
  ///   - arguments: The arguments after the command word.
  ///   - command: The command's specification.
  ///   - parsed: Values parsed before the command word.
  /// - Returns: The parsed arguments, or ``Outcome/help``.
  /// - Throws: ``UsageError`` for anything the command does not accept.
  /// - Complexity: O(arguments × options).
  static func parse(_ arguments: ArraySlice<String>, for command: CommandSpec, base parsed: ParsedArguments)
    throws(UsageError) -> Outcome
  {
    // Help wins over every other mistake on the line, as in swift-argument-parser.
    let options = arguments.prefix { $0 != "--" }
    if options.contains("-h") || options.contains("--help") { return .help }
    var parsed = parsed
    var index = arguments.startIndex
    var optionsEnded = false
    while index < arguments.endIndex {
      let argument = arguments[index]
      index += 1
      if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
        parsed.positionals.append(argument)
        continue
      }
      if argument == "--" {
        optionsEnded = true
        continue
      }
      let (name, inlineValue) = split(argument)
      guard let option = command.option(named: name) else {
        throw UsageError("unknown option '\(name)'" + (command.name.isEmpty ? "" : " for '\(command.name)'"))
      }
      guard let valueName = option.valueName else {
        if inlineValue != nil { throw UsageError("\(name) is a flag and takes no value") }
        parsed.flags.insert(name)
        continue
      }
      let value: String
      if let inlineValue {
        value = inlineValue
      } else {
        guard index < arguments.endIndex else { throw UsageError("\(name) needs a value (\(valueName))") }
        value = arguments[index]
        index += 1
      }
      if option.isRepeatable {
        parsed.values[name, default: []].append(value)
      } else {
        parsed.values[name] = [value]
      }
    }
    try checkComplete(parsed, for: command)
    return .arguments(parsed)
  }

  /// Splits `--name=value` into its name and value; other arguments have no inline value.
  static func split(_ argument: String) -> (name: String, value: String?) {
    guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") else { return (argument, nil) }
    return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
  }

  private static func checkComplete(_ parsed: ParsedArguments, for command: CommandSpec) throws(UsageError) {
    for option in command.options where option.isRequired && parsed.values[option.name] == nil {
      throw UsageError("missing \(option.name) \(option.valueName ?? "")".trimmingCharacters(in: .whitespaces))
    }
    let mandatory = command.positionals.filter { !$0.isOptional }
    if parsed.positionals.count < mandatory.count {
      throw UsageError("missing \(mandatory[parsed.positionals.count].name)")
    }
    if parsed.positionals.count > command.positionals.count, command.positionals.last?.isVariadic != true {
      throw UsageError("unexpected argument '\(parsed.positionals[command.positionals.count])'")
    }
  }
}
