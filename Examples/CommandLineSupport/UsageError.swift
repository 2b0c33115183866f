import Foundation
import SupportCore

/// A command-line mistake: an unknown command or option, a missing or malformed value, a missing argument.
///
/// Printed as `tool: usage: message` on standard error, with exit status 2 (``ExitStatus/invalidInput``).
package struct UsageError: SupportKitError, Hashable {
  /// The kind of mistake; there is one.
  package struct Code: SupportKitErrorCode {
    /// The code's name.
    package var rawValue: String
    /// Creates a code.
    /// - Parameter rawValue: The name.
    package init(rawValue: String) { self.rawValue = rawValue }
    /// The command line does not say what the tool accepts.
    package static let usage = Code(rawValue: "usage")
  }

  /// Always ``Code/usage``.
  package var code: Code
  /// What was wrong and what to do.
  package var message: String
  /// The option or argument concerned, under `value` and `expected` when known.
  package var context: [String: String]

  /// Creates an error.
  /// - Parameters:
  ///   - code: ``Code/usage``.
  ///   - message: What was wrong.
  ///   - context: Facts about it.
  package init(code: Code, message: String, context: [String: String]) {
    self.code = code
    self.message = message
    self.context = context
  }

  /// A usage mistake.
  /// - Parameter message: What was wrong and what to do.
  package init(_ message: String) {
    self.init(code: .usage, message: message, context: [:])
  }
}
