import Foundation

/// The arguments of one command after parsing: options by name, flags, and positionals in order.
///
/// Options the command declares as required and positionals it declares as mandatory are checked by the
/// parser, so ``value(_:)`` of a required option never returns `nil` inside a command. The typed accessors
/// turn a malformed value into a ``UsageError`` that names the option, the value and what was expected.
package struct ParsedArguments: Sendable {
  /// The command's name (empty for a tool without subcommands).
  package var command: String
  /// Every value of each option, in command-line order.
  package var values: [String: [String]] = [:]
  /// The flags that were given.
  package var flags: Set<String> = []
  /// The positional arguments, in order.
  package var positionals: [String] = []

  /// Creates parsed arguments.
  /// - Parameter command: The command's name.
  package init(command: String) {
    self.command = command
  }

  /// Whether a flag was given.
  /// - Parameter name: The flag with its dashes.
  /// - Returns: `true` when present.
  package func flag(_ name: String) -> Bool { flags.contains(name) }

  /// The last value of an option.
  /// - Parameter name: The option with its dashes.
  /// - Returns: The value, or `nil` when absent.
  package func value(_ name: String) -> String? { values[name]?.last }

  /// Every value of a repeatable option.
  /// - Parameter name: The option with its dashes.
  /// - Returns: The values in command-line order; empty when absent.
  package func all(_ name: String) -> [String] { values[name] ?? [] }

  /// The value of a required option (checked by the parser, so present).
  /// - Parameter name: The option with its dashes.
  /// - Returns: The value.
  /// - Throws: ``UsageError`` if it is absent or empty.
  package func required(_ name: String) throws(UsageError) -> String {
    guard let value = value(name), !value.isEmpty else { throw UsageError("\(name) is required") }
    return value
  }

  /// An option's value converted by `parse`, or a usage error naming what was expected.
  ///
  /// - Parameters:
  ///   - name: The option with its dashes.
  ///   - expected: What a valid value is, for the error (`"a whole number in 1...365"`).
  ///   - parse: The conversion; `nil` for a bad value.
  /// - Returns: The converted value, or `nil` when the option is absent.
  /// - Throws: ``UsageError`` for a value `parse` refuses.
  package func value<Value>(_ name: String, expected: String, _ parse: (String) -> Value?) throws(UsageError)
    -> Value?
  {
    guard let text = value(name) else { return nil }
    guard let parsed = parse(text) else { throw Self.badValue(text, for: name, expected: expected) }
    return parsed
  }

  /// A whole-number option within a range.
  ///
  /// - Parameters:
  ///   - name: The option with its dashes.
  ///   - range: The allowed values.
  /// - Returns: The number, or `nil` when absent.
  /// - Throws: ``UsageError`` for anything else.
  package func integer(_ name: String, in range: ClosedRange<Int>) throws(UsageError) -> Int? {
    try value(name, expected: "a whole number in \(range.lowerBound)...\(range.upperBound)") { text in
      Int(text).flatMap { range.contains($0) ? $0 : nil }
    }
  }

  /// A finite decimal option within a range.
  ///
  /// - Parameters:
  ///   - name: The option with its dashes.
  ///   - range: The allowed values.
  ///   - description: How to describe the range in an error; by default `"a number in a...b"`.
  /// - Returns: The number, or `nil` when absent.
  /// - Throws: ``UsageError`` for anything else.
  package func number(_ name: String, in range: ClosedRange<Double>, description: String? = nil) throws(UsageError)
    -> Double?
  {
    try value(name, expected: description ?? "a number in \(range.lowerBound)...\(range.upperBound)") { text in
      Double(text).flatMap { $0.isFinite && range.contains($0) ? $0 : nil }
    }
  }

  /// An option naming one value of an enumeration.
  ///
  /// - Parameters:
  ///   - name: The option with its dashes.
  ///   - type: The enumeration; its raw values are the accepted names.
  /// - Returns: The value, or `nil` when absent.
  /// - Throws: ``UsageError`` listing the accepted names.
  package func choice<Value: RawRepresentable & CaseIterable>(_ name: String, as type: Value.Type)
    throws(UsageError) -> Value? where Value.RawValue == String
  {
    guard let text = value(name) else { return nil }
    return try Self.choice(text, as: type, for: name)
  }

  /// Text naming one value of an enumeration.
  ///
  /// - Parameters:
  ///   - text: The text given.
  ///   - type: The enumeration.
  ///   - name: The option or argument it was given for.
  /// - Returns: The value.
  /// - Throws: ``UsageError`` listing the accepted names.
  package static func choice<Value: RawRepresentable & CaseIterable>(
    _ text: String, as type: Value.Type, for name: String
  ) throws(UsageError) -> Value where Value.RawValue == String {
    guard let value = Value(rawValue: text) else {
      throw badValue(text, for: name, expected: "one of " + Value.allCases.map(\.rawValue).joined(separator: "|"))
    }
    return value
  }

  /// The error for a value that is not what an option accepts.
  ///
  /// - Parameters:
  ///   - text: The value given.
  ///   - name: The option or argument.
  ///   - expected: What was expected.
  /// - Returns: `usage: --days must be a whole number in 1...365, not 'zero'`.
  package static func badValue(_ text: String, for name: String, expected: String) -> UsageError {
    UsageError("\(name) must be \(expected), not '\(text)'")
  }
}
