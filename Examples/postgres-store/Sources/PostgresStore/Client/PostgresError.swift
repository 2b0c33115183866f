import SupportTickets

/// A PostgreSQL call failed: the connection, the server or the shape of an answer.
///
/// Compare ``code`` with the static members of ``Code``; switch with a `default` branch. The context
/// holds `sqlstate` (the server's five-character error code) when the server sent one, `statement` (the
/// first words of the statement's fixed SQL text, never a parameter) and, for decoding problems, `column`
/// and `value`.
public struct PostgresError: SupportKitError, Hashable {
  /// What went wrong.
  public struct Code: SupportKitErrorCode {
    /// The code's stable name.
    public let rawValue: String
    /// Creates a code from its name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// No connection could be opened (server down, wrong host, refused login).
    public static let connectionFailed = Code(rawValue: "connectionFailed")
    /// An open connection broke during the call. A transaction in flight was rolled back by the server,
    /// except while committing, when its outcome is unknown (`phase` = `commit`): re-read before retrying.
    public static let connectionLost = Code(rawValue: "connectionLost")
    /// The statement ran longer than the configured statement timeout and was cancelled; nothing of the
    /// transaction was written.
    public static let statementTimeout = Code(rawValue: "statementTimeout")
    /// The server refused the statement (see `sqlstate`).
    public static let serverError = Code(rawValue: "serverError")
    /// An answer did not have the expected shape: a missing column, a null or a value of another type.
    public static let unexpectedResult = Code(rawValue: "unexpectedResult")
    /// A parameter cannot be sent as it is (a NUL inside a text-format value).
    public static let invalidParameter = Code(rawValue: "invalidParameter")
    /// The configuration cannot work (an empty schema name, a pool of no connections…).
    public static let invalidConfiguration = Code(rawValue: "invalidConfiguration")
  }

  /// What went wrong.
  public var code: Code
  /// A sentence saying what was wrong and what to do.
  public var message: String
  /// Extra facts: `sqlstate`, `statement`, `phase`, `column`, `value`.
  public var context: [String: String]

  /// Creates an error.
  /// - Parameters:
  ///   - code: The kind of error.
  ///   - message: What was wrong.
  ///   - context: Extra facts.
  public init(code: Code, message: String, context: [String: String] = [:]) {
    self.code = code
    self.message = message
    self.context = context
  }

  /// The server's five-character SQLSTATE, when it sent one (`40P01`, `23505`…).
  public var sqlState: String? { context["sqlstate"] }
}

/// SQLSTATE codes the client and the stores act on.
enum SQLState {
  static let uniqueViolation = "23505"
  static let queryCanceled = "57014"
  static let adminShutdown = "57P01"
  static let crashShutdown = "57P02"
  static let cannotConnectNow = "57P03"
  static let untranslatableCharacter = "22P05"
  static let characterNotInRepertoire = "22021"

  /// Whether the code says that the session is gone (class 08, or the server shutting it down).
  static func meansConnectionLost(_ code: String?) -> Bool {
    guard let code else { return false }
    return code.hasPrefix("08") || code == adminShutdown || code == crashShutdown || code == cannotConnectNow
  }
}
