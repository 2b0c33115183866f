import Foundation

/// The help pages of a tool and its commands, laid out the same way for every tool.
///
/// ```
/// usage: sla-check <command> [options]
///
/// Business-time arithmetic and SLA compliance reports.
///
/// commands:
///   elapsed    Business seconds between two instants, for each input line.
///   …
/// ```
enum HelpText {
  /// The tool's page: usage, summary, commands, global options, notes, exit status.
  static func tool(_ tool: CommandLineTool) -> String {
    var usage = "usage: \(tool.name)"
    if !tool.globalOptions.isEmpty { usage += " " + tool.globalOptions.map(\.synopsis).joined(separator: " ") }
    usage += tool.defaultCommand == nil ? " <command>" : " [<command>]"
    usage += " [options]"
    var sections = [usage, tool.summary]
    sections.append("commands:\n" + table(tool.commands.map { ($0.name, $0.summary) }))
    let options = tool.globalOptions.map(optionRow) + [("-h, --help", "Show this help.")]
    sections.append("options:\n" + table(options))
    sections += tool.notes
    sections.append(
      "Run '\(tool.name) <command> --help' for a command's options.\n" + exitStatusNote(tool.name))
    return sections.joined(separator: "\n\n") + "\n"
  }

  /// A command's page: usage line, summary, details, options, arguments.
  static func command(_ command: CommandSpec, of tool: CommandLineTool) -> String {
    var words = ["usage:", tool.name, command.name]
    words += command.positionals.map(\.synopsis)
    words += command.options.map(\.synopsis)
    var sections = [wrap(words, indent: "  "), command.summary]
    sections += command.details
    let options = command.options.map(optionRow) + [("-h, --help", "Show this help.")]
    sections.append("options:\n" + table(options))
    if !command.positionals.isEmpty {
      sections.append("arguments:\n" + table(command.positionals.map { ($0.name, $0.help) }))
    }
    sections.append(exitStatusNote(tool.name))
    return sections.joined(separator: "\n\n") + "\n"
  }

  private static func exitStatusNote(_ name: String) -> String {
    "exit status: 0 ok, 1 failure, 2 bad usage or malformed input; errors are one line on standard error:\n"
      + "  \(name): <code>: <message>"
  }

  private static func optionRow(_ option: OptionSpec) -> (String, String) {
    var label = option.valueName.map { "\(option.name) \($0)" } ?? option.name
    if option.isRepeatable { label += "…" }
    var help = option.help
    if option.isRequired { help += " (required)" }
    if option.isRepeatable { help += " (repeatable)" }
    return (label, help)
  }

  /// Two columns, the first padded to the widest label.
  private static func table(_ rows: [(String, String)]) -> String {
    let width = rows.map(\.0.count).max() ?? 0
    return rows.map { label, text in
      "  " + label + String(repeating: " ", count: width - label.count) + "   " + text
    }.joined(separator: "\n")
  }

  /// Words joined with spaces, wrapped before 100 columns with `indent` on continuation lines.
  private static func wrap(_ words: [String], indent: String) -> String {
    var lines: [String] = []
    var line = ""
    for word in words {
      if !line.isEmpty, line.count + 1 + word.count > 100 {
        lines.append(line)
        line = indent + String(repeating: " ", count: "usage: ".count) + word
      } else {
        line += line.isEmpty ? word : " " + word
      }
    }
    lines.append(line)
    return lines.joined(separator: "\n")
  }
}
