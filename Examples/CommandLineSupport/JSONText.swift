import Foundation

/// Builds compact JSON text by hand with a fixed key order, for output written line by line on a hot path
/// (faster than `JSONEncoder` for small objects).
package enum JSONText {
  /// A JSON string literal: quotes, backslashes and control characters escaped, and U+2028/U+2029 too so
  /// the output is also valid JavaScript.
  ///
  /// - Parameter text: The text.
  /// - Returns: The quoted literal.
  package static func quoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      default:
        if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
          result += String(format: "\\u%04x", scalar.value)
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result + "\""
  }

  /// A number with four decimals; non-finite numbers, which JSON cannot hold, as `null`.
  ///
  /// - Parameter value: The number.
  /// - Returns: Its JSON text.
  package static func number(_ value: Double) -> String {
    guard value.isFinite else { return "null" }
    return String(format: "%.4f", value)
  }

  /// An object with keys in the given order.
  ///
  /// - Parameter pairs: Keys and already-encoded values.
  /// - Returns: `{"key":value,…}`.
  package static func object(_ pairs: [(String, String)]) -> String {
    "{" + pairs.map { "\(quoted($0.0)):\($0.1)" }.joined(separator: ",") + "}"
  }

  /// An array of already-encoded values.
  ///
  /// - Parameter elements: The values.
  /// - Returns: `[a,b,…]`.
  package static func array(_ elements: [String]) -> String { "[" + elements.joined(separator: ",") + "]" }
}
