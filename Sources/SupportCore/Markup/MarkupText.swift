/// The kit's one escaper for markup: HTML text, XML (SVG) text and quoted attribute values of either.
///
/// `& < > " '` become character references (`'` as `&#39;`, which HTML 4, HTML5 and XML all read), and the
/// characters XML 1.0 forbids (C0 controls other than tab, line feed and carriage return; U+FFFE, U+FFFF) are
/// dropped, so the result is safe inside an element or a double- or single-quoted attribute of an HTML page or an
/// SVG document. Used by the HTML report, the SVG charts and the HTML e-mail templates.
package enum MarkupText {
  /// Escapes untrusted text for HTML or XML.
  /// - Parameter text: Any text (a customer's name, a plan, a chart title).
  /// - Returns: The text with markup characters escaped and forbidden characters removed.
  /// - Complexity: O(n) in the text's length.
  package static func escaped(_ text: String) -> String {
    var output = String.UnicodeScalarView()
    output.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": output.append(contentsOf: "&amp;".unicodeScalars)
      case "<": output.append(contentsOf: "&lt;".unicodeScalars)
      case ">": output.append(contentsOf: "&gt;".unicodeScalars)
      case "\"": output.append(contentsOf: "&quot;".unicodeScalars)
      case "'": output.append(contentsOf: "&#39;".unicodeScalars)
      case "\t", "\n", "\r": output.append(scalar)
      case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
      default: output.append(scalar)
      }
    }
    return String(output)
  }
}
