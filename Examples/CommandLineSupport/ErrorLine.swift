import Foundation
import SupportCore

/// The one-line form of an error on standard error: `tool: code: location: message (facts)`.
///
/// For an error that adopts `SupportKitError` the code is its `code` and the message its `message`; where it
/// happened is written once, up front, in the order file, line, field path (`tickets.jsonl: line 3:
/// events[0].kind: is missing`, or `line 2: start: …` for standard input); the remaining context follows in
/// parentheses, sorted by key (`(column=tier)`). Any other error is reported with the code `failure`. The whole
/// line is escaped with ``TerminalText``, so input quoted in a message cannot break it or reach the terminal.
package enum ErrorLine {
  /// Renders an error.
  ///
  /// - Parameters:
  ///   - error: The error.
  ///   - tool: The tool's name.
  /// - Returns: One line without a trailing newline.
  package static func render(_ error: any Error, tool: String) -> String {
    guard let error = error as? any SupportKitError else {
      return TerminalText.escaped("\(tool): failure: \(String(describing: error))")
    }
    var context = error.context
    var location = ""
    if let file = context.removeValue(forKey: ErrorContextKey.file) { location += "\(file): " }
    if let line = context.removeValue(forKey: ErrorContextKey.line) { location += "line \(line): " }
    if let path = context.removeValue(forKey: ErrorContextKey.path), !path.isEmpty { location += "\(path): " }
    var text = "\(tool): \(error.codeName): \(location)\(error.message)"
    if !context.isEmpty {
      text += " (" + context.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ") + ")"
    }
    return TerminalText.escaped(text)
  }
}

extension SupportKitError {
  /// A copy with one more fact in its context (an existing value for the key is kept).
  ///
  /// - Parameters:
  ///   - key: The context key, usually one of `ErrorContextKey`.
  ///   - value: The fact.
  /// - Returns: The error with the fact added.
  package func adding(_ key: String, _ value: String) -> Self {
    var context = self.context
    if context[key] == nil { context[key] = value }
    return Self(code: code, message: message, context: context)
  }
}
