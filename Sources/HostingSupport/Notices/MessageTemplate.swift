import Foundation

/// A subject and body with `{placeholder}` slots, filled with escaped values.
///
/// Placeholders are `{` + ASCII letters + `}`. Substitution is a single pass: a value that itself contains
/// `{customerName}` is printed as such, never expanded. Every value is escaped for the output format
/// (``TemplateFormat``) before it is inserted.
public struct MessageTemplate: Hashable, Sendable, Codable {
  /// The subject with placeholders.
  public var subject: String
  /// The body with placeholders.
  public var body: String

  /// A template.
  /// - Parameters:
  ///   - subject: The subject with placeholders.
  ///   - body: The body with placeholders.
  public init(subject: String, body: String) {
    self.subject = subject
    self.body = body
  }

  /// The names of the placeholders the subject and body use, sorted.
  public var placeholders: [String] {
    var names: Set<String> = []
    for text in [subject, body] {
      for case .placeholder(let name) in Self.segments(of: text) { names.insert(name) }
    }
    return names.sorted()
  }

  /// Fills the placeholders.
  /// - Parameters:
  ///   - values: A value for every placeholder.
  ///   - format: How values (and, for HTML, the template text) are escaped.
  /// - Returns: The subject (always plain text, on one line) and the body in `format`.
  /// - Throws: ``HostingSupportError`` `invalidRequest` naming a placeholder without a value.
  public func render(_ values: [String: String], format: TemplateFormat = .plainText) throws -> (
    subject: String, body: String
  ) {
    try render(values, format: format, unclipped: [])
  }

  /// Fills the placeholders, inserting the values named in `unclipped` whole (escaped, never cut to
  /// ``TemplateFormat/maximumValueLength``): for values the desk writes itself, such as a signed survey link.
  func render(_ values: [String: String], format: TemplateFormat, unclipped: Set<String>) throws -> (
    subject: String, body: String
  ) {
    let subjectText = try Self.fill(subject, values: values, format: .plainText, unclipped: unclipped)
    let bodyText = try Self.fill(body, values: values, format: format, unclipped: unclipped)
    return (TemplateFormat.singleLine(subjectText), bodyText)
  }

  private enum Segment: Equatable {
    case literal(Substring)
    case placeholder(String)
  }

  private static func segments(of text: String) -> [Segment] {
    var result: [Segment] = []
    var literalStart = text.startIndex
    var index = text.startIndex
    while index < text.endIndex {
      guard text[index] == "{" else {
        index = text.index(after: index)
        continue
      }
      var end = text.index(after: index)
      while end < text.endIndex, text[end].isASCII, text[end].isLetter { end = text.index(after: end) }
      if end < text.endIndex, text[end] == "}", end > text.index(after: index) {
        result.append(.literal(text[literalStart..<index]))
        result.append(.placeholder(String(text[text.index(after: index)..<end])))
        index = text.index(after: end)
        literalStart = index
      } else {
        index = text.index(after: index)
      }
    }
    result.append(.literal(text[literalStart..<text.endIndex]))
    return result
  }

  private static func fill(_ text: String, values: [String: String], format: TemplateFormat, unclipped: Set<String>)
    throws -> String
  {
    var output = ""
    for segment in segments(of: text) {
      switch segment {
      case .literal(let literal):
        output += format.escapeTemplateText(String(literal))
      case .placeholder(let name):
        guard let value = values[name] else {
          throw HostingSupportError.invalidRequest(field: "template value {\(name)}", reason: "no value was given")
        }
        output += format.escapeValue(value, clipping: !unclipped.contains(name))
      }
    }
    return output
  }
}

/// The output format of a rendered template, which decides how values are escaped.
public enum TemplateFormat: String, Hashable, Sendable, Codable, CaseIterable {
  /// Plain text (e-mail text part, SMS, panel inbox). Values lose control characters, line breaks and
  /// bidirectional overrides (which could disguise text), and are cut to 200 characters.
  case plainText
  /// HTML (e-mail HTML part). Values are cleaned as for plain text, then `& < > " '` are escaped; the
  /// template text is escaped too and its line breaks become `<br>`.
  case html

  /// The longest value inserted, in characters; longer values end with `…`.
  public static let maximumValueLength = 200

  /// Escapes one value for this format.
  /// - Parameter value: An untrusted value (a customer's name, a ticket subject).
  /// - Returns: The text inserted into the template.
  public func escapeValue(_ value: String) -> String {
    escapeValue(value, clipping: true)
  }

  func escapeValue(_ value: String, clipping: Bool) -> String {
    var cleaned = Self.singleLine(value)
    if clipping, cleaned.count > Self.maximumValueLength {
      cleaned = String(cleaned.prefix(Self.maximumValueLength - 1)) + "…"
    }
    switch self {
    case .plainText: return cleaned
    case .html: return MarkupText.escaped(cleaned)
    }
  }

  func escapeTemplateText(_ text: String) -> String {
    switch self {
    case .plainText: return text
    case .html: return MarkupText.escaped(text).replacingOccurrences(of: "\n", with: "<br>\n")
    }
  }

  static func singleLine(_ text: String) -> String {
    var scalars = String.UnicodeScalarView()
    var lastWasSpace = false
    for scalar in text.unicodeScalars {
      if isBidiControl(scalar) { continue }
      let isSpace = scalar.properties.generalCategory == .control || scalar.properties.isWhitespace
      if isSpace {
        if !lastWasSpace { scalars.append(" ") }
        lastWasSpace = true
      } else {
        scalars.append(scalar)
        lastWasSpace = false
      }
    }
    return String(scalars).trimmingCharacters(in: .whitespaces)
  }

  private static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
    (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
      || scalar.value == 0x200E || scalar.value == 0x200F
  }
}
