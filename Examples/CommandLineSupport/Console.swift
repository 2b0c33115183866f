import Foundation

/// Writes to standard output and standard error without stdio buffering, so output written here and by a
/// ``JSONLinesWriter`` never interleaves out of order.
///
/// Human-readable text that came from input must pass through ``TerminalText/escaped(_:)`` first.
package enum Console {
  /// Writes text to standard output as it is (add the newline yourself).
  ///
  /// - Parameter text: The text.
  package static func write(_ text: String) {
    try? FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
  }

  /// Writes bytes to standard output as they are, in one call.
  ///
  /// - Parameter bytes: The bytes.
  package static func write(bytes: [UInt8]) {
    try? FileHandle.standardOutput.write(contentsOf: bytes)
  }

  /// Writes one or more lines to standard output, each followed by a newline.
  ///
  /// - Parameter lines: The lines.
  package static func print(_ lines: String...) {
    write(lines.map { $0 + "\n" }.joined())
  }

  /// Writes a line to standard error.
  ///
  /// - Parameter line: The line, without its newline.
  package static func printError(_ line: String) {
    try? FileHandle.standardError.write(contentsOf: Data((line + "\n").utf8))
  }
}
