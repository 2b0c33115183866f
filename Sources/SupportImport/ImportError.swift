import Foundation

/// A problem with an export being imported: text that is not JSON, a field that is missing or of the wrong type,
/// a value the mapping does not cover (a custom status, a product without a plan tier), or a record the kit
/// cannot represent.
///
/// Every error names where it happened under the keys of `ErrorContextKey`: `file` (the document's name),
/// `line` (the line a JSON-lines document starts on, or the line of a syntax error), `path` (the JSON path of
/// the field, such as `replies.reply[3].date`, empty for the document itself) and `value` (the offending value,
/// shortened and with secrets redacted).
///
/// JSON: `{"code":"unknownStatus","message":"…","context":{"file":"whmcs.jsonl","line":"4","path":"status"}}`.
public struct ImportError: SupportKitError, Hashable {
  /// What kind of problem. Open: compare with `==` and keep a `default` branch.
  public struct Code: SupportKitErrorCode {
    /// The code's stable name.
    public let rawValue: String
    /// Creates a code from its name.
    /// - Parameter rawValue: The stable name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The document is not well-formed JSON (or nests deeper than the importer reads).
    public static let malformed = Code(rawValue: "malformed")
    /// A required field is absent.
    public static let missingField = Code(rawValue: "missingField")
    /// A field has the wrong JSON type.
    public static let wrongType = Code(rawValue: "wrongType")
    /// A field's value is not allowed: an impossible date, a negative amount, an id that is not a number.
    public static let invalidValue = Code(rawValue: "invalidValue")
    /// A ticket status neither the built-in table nor the mapping names.
    public static let unknownStatus = Code(rawValue: "unknownStatus")
    /// A ticket priority neither the built-in table nor the mapping names.
    public static let unknownPriority = Code(rawValue: "unknownPriority")
    /// A billing cycle or service status the importer does not know.
    public static let unknownBillingCycle = Code(rawValue: "unknownBillingCycle")
    /// A product the mapping gives no plan tier (and there is no `defaultTier`).
    public static let unmappedProduct = Code(rawValue: "unmappedProduct")
    /// No currency is known for an amount (no invoice of the client, no `currency` in the mapping).
    public static let unknownCurrency = Code(rawValue: "unknownCurrency")
    /// A service ended without any date to say when.
    public static let missingEndDate = Code(rawValue: "missingEndDate")
    /// The document is JSON but not one of the responses the importer reads.
    public static let unrecognisedDocument = Code(rawValue: "unrecognisedDocument")
    /// The vendor's API answered with an error instead of data (`"result":"error"`, `{"error":…}`).
    public static let vendorError = Code(rawValue: "vendorError")
    /// The mapping file is malformed or names something that does not exist.
    public static let invalidMapping = Code(rawValue: "invalidMapping")
    /// The time zone is not an IANA time zone identifier.
    public static let invalidTimeZone = Code(rawValue: "invalidTimeZone")
    /// A file could not be read.
    public static let unreadableFile = Code(rawValue: "unreadableFile")
    /// A record was not imported; reported as a warning (see ``TicketImportSummary/warnings``).
    public static let skipped = Code(rawValue: "skipped")
  }

  /// What kind of problem.
  public var code: Code
  /// What was wrong and, where possible, what to do.
  public var message: String
  /// Where: `file`, `line`, `path`, `value`, `ticket` (see `ErrorContextKey`).
  public var context: [String: String]

  /// Creates an error.
  /// - Parameters:
  ///   - code: The kind of problem.
  ///   - message: What was wrong.
  ///   - context: Where, under the keys of `ErrorContextKey`.
  public init(code: Code, message: String, context: [String: String] = [:]) {
    self.code = code
    self.message = message
    self.context = context
  }

  /// Creates an error at a place in a document.
  /// - Parameters:
  ///   - code: The kind of problem.
  ///   - message: What was wrong.
  ///   - file: The document's name.
  ///   - line: The 1-based line, when known.
  ///   - path: The JSON path of the field; empty for the document itself.
  ///   - value: The offending value, if any (shortened; secrets redacted).
  public init(_ code: Code, _ message: String, file: String?, line: Int? = nil, path: String = "", value: String? = nil)
  {
    var context: [String: String] = [:]
    if let file { context[ErrorContextKey.file] = file }
    if let line { context[ErrorContextKey.line] = String(line) }
    if !path.isEmpty { context[ErrorContextKey.path] = path }
    if let value { context[ErrorContextKey.value] = SafeText.quoted(value) }
    self.init(code: code, message: message, context: context)
  }

  /// The ticket named in the context, if any.
  public var ticket: String? { context[ErrorContextKey.ticket] }

  /// A copy that names the ticket concerned.
  /// - Parameter ticket: The ticket's id.
  /// - Returns: The error with `ticket` in its context.
  public func about(ticket: String) -> ImportError {
    var copy = self
    copy.context[ErrorContextKey.ticket] = ticket
    return copy
  }
}
