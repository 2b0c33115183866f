import Foundation

/// Input that could not be decoded: not JSON (or CSV) at all, a missing field, a field of the wrong type, or a
/// value its type refuses. It names the field path and, for line-oriented input, the line.
///
/// Every decoder of the kit that reads a host's documents reports problems this way, so a panel can show
/// `line 12: events[3].status: unknown value 'done'` instead of an opaque error.
///
/// The location lives in ``context`` under ``ErrorContextKey/path`` and ``ErrorContextKey/line`` (and
/// ``ErrorContextKey/file`` when a file is known).
///
/// JSON: `{"code":"invalidValue","message":"unknown value 'done'","context":{"path":"events[3].status","line":"12"}}`.
public struct DecodingIssue: SupportKitError, Hashable {
  /// What kind of problem. Open: compare with `==` and keep a `default` branch.
  public struct Code: SupportKitErrorCode {
    /// The code's stable name.
    public let rawValue: String
    /// Creates a code from its name.
    /// - Parameter rawValue: The stable name.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// The input is not well-formed JSON (or CSV) at all.
    public static let malformed = Code(rawValue: "malformed")
    /// A required field is absent.
    public static let missingField = Code(rawValue: "missingField")
    /// A field has the wrong JSON type.
    public static let wrongType = Code(rawValue: "wrongType")
    /// A field's value is not allowed (unknown status, impossible date, broken lifecycle rule…).
    public static let invalidValue = Code(rawValue: "invalidValue")
  }

  /// What kind of problem.
  public var code: Code
  /// What was wrong.
  public var message: String
  /// Where: `path` (the field path, absent for the document itself), `line`, `file`.
  public var context: [String: String]

  /// Creates an issue.
  /// - Parameters:
  ///   - code: The kind of problem.
  ///   - message: What was wrong.
  ///   - context: Where, under the keys of ``ErrorContextKey``.
  public init(code: Code, message: String, context: [String: String] = [:]) {
    self.code = code
    self.message = message
    self.context = context
  }

  /// Creates an issue at a field path and line.
  /// - Parameters:
  ///   - code: The kind of problem.
  ///   - path: The field path, such as `events[3].status`; empty for the document itself.
  ///   - line: The 1-based input line, for line-oriented formats.
  ///   - message: What was wrong.
  public init(code: Code, path: String, line: Int? = nil, message: String) {
    var context: [String: String] = [:]
    if !path.isEmpty { context[ErrorContextKey.path] = path }
    if let line { context[ErrorContextKey.line] = String(line) }
    self.init(code: code, message: message, context: context)
  }

  /// Describes a Foundation `DecodingError`, naming the field path.
  /// - Parameters:
  ///   - error: The error Foundation threw.
  ///   - line: The 1-based input line, if any.
  public init(_ error: DecodingError, line: Int? = nil) {
    switch error {
    case .keyNotFound(let key, let context):
      self.init(
        code: .missingField, path: CodingPathText.render(context.codingPath + [key]), line: line,
        message: "is missing")
    case .typeMismatch(let type, let context):
      self.init(
        code: .wrongType, path: CodingPathText.render(context.codingPath), line: line,
        message: "expected \(CodingPathText.jsonTypeName(type))")
    case .valueNotFound(let type, let context):
      self.init(
        code: .wrongType, path: CodingPathText.render(context.codingPath), line: line,
        message: "expected \(CodingPathText.jsonTypeName(type)), got null")
    case .dataCorrupted(let context):
      if context.codingPath.isEmpty, context.underlyingError != nil || context.debugDescription.contains("JSON") {
        self.init(code: .malformed, path: "", line: line, message: "not valid JSON")
      } else {
        self.init(
          code: .invalidValue, path: CodingPathText.render(context.codingPath), line: line,
          message: context.debugDescription)
      }
    @unknown default:
      self.init(code: .invalidValue, path: "", line: line, message: String(describing: error))
    }
  }

  /// A copy that names the input file as well.
  /// - Parameter file: The file's name or path.
  /// - Returns: The issue with ``ErrorContextKey/file`` set.
  public func inFile(_ file: String) -> DecodingIssue {
    var copy = self
    copy.context[ErrorContextKey.file] = file
    return copy
  }

  /// `file: line N: path: message`, leaving out the parts that are not known.
  public var description: String {
    var text = ""
    if let file { text += "\(file): " }
    if let line { text += "line \(line): " }
    if let path, !path.isEmpty { text += "\(path): " }
    return text + message
  }
}

/// Renders decoders' coding paths as JSON field paths (`events[3].status`, `weekly.monday[0][1]`).
package enum CodingPathText {
  /// The path as text: keys joined by `.`, array positions as `[n]`; empty for the top level.
  /// - Parameters:
  ///   - codingPath: A decoder's coding path.
  ///   - key: An extra key to append.
  /// - Returns: The rendered path.
  package static func render(_ codingPath: [any CodingKey], appending key: String? = nil) -> String {
    var text = ""
    for component in codingPath {
      if let index = component.intValue {
        text += "[\(index)]"
      } else {
        text += text.isEmpty ? component.stringValue : "." + component.stringValue
      }
    }
    if let key { text += text.isEmpty ? key : "." + key }
    return text
  }

  /// A JSON reader's name for a Swift type: "a string", "a number", "an array"…
  /// - Parameter type: The type a decoder expected.
  /// - Returns: Its JSON name.
  package static func jsonTypeName(_ type: Any.Type) -> String {
    switch type {
    case is String.Type: return "a string"
    case is Bool.Type: return "true or false"
    case is Double.Type, is Float.Type, is Int.Type, is Int64.Type, is Int32.Type, is UInt64.Type, is UInt.Type:
      return "a number"
    case is [Any].Type: return "an array"
    case is [String: Any].Type: return "an object"
    default: return "\(type)"
    }
  }
}
