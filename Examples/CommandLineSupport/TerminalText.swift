import Foundation

/// Makes text from input safe to print in human-readable output: one line, no terminal control.
///
/// A ticket subject such as `"Hi\n T-9  resolved  …"` or `"\u{1B}[2J"` must neither forge a second `list` line
/// nor drive the reader's terminal. Every character that moves the cursor, ends a line, or reorders the line is
/// written as a visible escape instead:
///
/// - `\n`, `\r` and `\t` as those two characters;
/// - every other C0 control, DEL and C1 control (U+0080…U+009F, NEL included) as `\xHH` or `\u{HH}`;
/// - the Unicode line and paragraph separators U+2028 and U+2029 as `\u{2028}` and `\u{2029}`;
/// - the bidirectional embedding, override and isolate controls (U+202A…U+202E, U+2066…U+2069), which can make
///   a line read differently from its bytes, as `\u{202E}` and so on.
///
/// Everything else — accents, Lao, emoji with their joiners, backslashes — is printed as it is (so a backslash
/// in the input is not doubled and an escape is recognisable by its form, not proven by it). JSON output does
/// not need this: JSON strings escape control characters themselves.
package enum TerminalText {
  /// The text with control characters escaped.
  ///
  /// - Parameter text: Text that came from input.
  /// - Returns: The same text when it needs nothing (no copy), otherwise the escaped copy.
  /// - Complexity: O(n) in the text's UTF-8 length.
  package static func escaped(_ text: String) -> String {
    guard needsEscaping(text) else { return text }
    var result = ""
    result.reserveCapacity(text.utf8.count + 8)
    for scalar in text.unicodeScalars {
      if let escape = escape(for: scalar) {
        result += escape
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// Multi-line output with each line escaped: the line breaks of `lines` are kept, those inside a line are not.
  ///
  /// - Parameter lines: The lines to print.
  /// - Returns: The escaped lines joined with `\n`.
  package static func escapedLines(_ lines: [String]) -> String {
    lines.map(escaped).joined(separator: "\n")
  }

  /// Whether any scalar of `text` would be escaped.
  ///
  /// - Parameter text: The text.
  /// - Returns: `true` when ``escaped(_:)`` would change it.
  package static func needsEscaping(_ text: String) -> Bool {
    for byte in text.utf8 {
      // Every scalar that needs escaping starts with a C0 byte, DEL, 0xC2 (U+0080…U+00BF) or 0xE2 (U+2000…).
      if byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xE2 {
        return text.unicodeScalars.contains { escape(for: $0) != nil }
      }
    }
    return false
  }

  private static func escape(for scalar: Unicode.Scalar) -> String? {
    switch scalar.value {
    case 0x0A: return "\\n"
    case 0x0D: return "\\r"
    case 0x09: return "\\t"
    case 0x00..<0x20, 0x7F: return "\\x" + hex(scalar.value, digits: 2)
    case 0x80...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069:
      return "\\u{" + hex(scalar.value, digits: 2) + "}"
    default: return nil
    }
  }

  private static func hex(_ value: UInt32, digits: Int) -> String {
    let text = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, digits - text.count)) + text
  }
}
