import Foundation

/// The support desk or a notification transport could not do what was asked.
///
/// Compare ``code`` against the static members of ``Code``; switch with a `default` branch, since new codes
/// may be added.
public struct HostingSupportError: SupportKitError, Hashable {
  /// What went wrong.
  public struct Code: SupportKitErrorCode {
    /// The code's stable name.
    public let rawValue: String
    /// Creates a code from its name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// A notification is missing something it must have (an idempotency key, a recipient…).
    public static let invalidNotification = Code(rawValue: "invalidNotification")
    /// A transport or desk was configured with values it cannot use.
    public static let invalidConfiguration = Code(rawValue: "invalidConfiguration")
    /// The webhook endpoint refused the request with a 4xx status; it was not retried.
    public static let webhookRejected = Code(rawValue: "webhookRejected")
    /// Every attempt to deliver the webhook failed (5xx, timeouts, dropped connections).
    public static let webhookUnavailable = Code(rawValue: "webhookUnavailable")
    /// Writing to the outbox file or the sent-log failed.
    public static let ioFailure = Code(rawValue: "ioFailure")
    /// A maintenance window, feedback or request the desk was given is not valid.
    public static let invalidRequest = Code(rawValue: "invalidRequest")
    /// No maintenance window, ticket or customer has that id.
    public static let notFound = Code(rawValue: "notFound")
    /// Persisted desk state is damaged or unreadable: the desk refuses to run on it (repair it first).
    public static let corruptState = Code(rawValue: "corruptState")
  }

  /// What went wrong.
  public var code: Code
  /// A sentence saying what was wrong and what to do.
  public var message: String
  /// Extra facts (`status`, `attempts`, `path`, `field`…).
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

  /// A notification lacks a required field.
  /// - Parameters:
  ///   - field: The field at fault.
  ///   - reason: Why it is invalid.
  public static func invalidNotification(field: String, reason: String) -> HostingSupportError {
    HostingSupportError(
      code: .invalidNotification,
      message: "The notification's \(field) is invalid: \(reason).",
      context: ["path": field]
    )
  }

  /// A configuration value cannot be used.
  /// - Parameters:
  ///   - field: The setting at fault.
  ///   - reason: Why it is invalid.
  public static func invalidConfiguration(field: String, reason: String) -> HostingSupportError {
    HostingSupportError(
      code: .invalidConfiguration,
      message: "The setting \(field) is invalid: \(reason).",
      context: ["path": field]
    )
  }

  /// The endpoint answered with a client error; retrying would not help.
  /// - Parameters:
  ///   - status: The HTTP status code.
  ///   - url: The endpoint.
  ///   - attempts: How many requests were made.
  public static func webhookRejected(status: Int, url: URL, attempts: Int) -> HostingSupportError {
    HostingSupportError(
      code: .webhookRejected,
      message: "The webhook \(url.absoluteString) refused the notification with HTTP \(status); "
        + "fix the request or the endpoint's configuration (the secret, the URL), it is not retried.",
      context: ["status": String(status), "url": url.absoluteString, "attempts": String(attempts)]
    )
  }

  /// The last attempt failed too.
  /// - Parameters:
  ///   - url: The endpoint.
  ///   - attempts: How many requests were made.
  ///   - lastFailure: What the last attempt ran into (`HTTP 503`, `timed out`…).
  public static func webhookUnavailable(url: URL, attempts: Int, lastFailure: String) -> HostingSupportError {
    HostingSupportError(
      code: .webhookUnavailable,
      message: "The webhook \(url.absoluteString) could not be reached after \(attempts) attempt(s) "
        + "(last: \(lastFailure)); the notification was not delivered, send it again later.",
      context: ["url": url.absoluteString, "attempts": String(attempts), "lastFailure": lastFailure]
    )
  }

  /// The operating system refused a file operation.
  /// - Parameters:
  ///   - operation: What was being done (`open`, `write`, `fsync`).
  ///   - path: The file.
  ///   - errno: The `errno` value.
  public static func ioFailure(_ operation: String, path: String, errno: Int32) -> HostingSupportError {
    HostingSupportError(
      code: .ioFailure,
      message: "Could not \(operation) \(path): \(String(cString: strerror(errno))) (errno \(errno)).",
      context: ["operation": operation, "file": path, "errno": String(errno)]
    )
  }

  /// The desk was given something it cannot act on.
  /// - Parameters:
  ///   - field: The field at fault.
  ///   - reason: Why.
  public static func invalidRequest(field: String, reason: String) -> HostingSupportError {
    HostingSupportError(
      code: .invalidRequest,
      message: "The \(field) is invalid: \(reason).",
      context: ["path": field]
    )
  }

  /// Nothing has that id.
  /// - Parameters:
  ///   - kind: What was looked up (`maintenance window`, `customer`).
  ///   - id: The id.
  public static func notFound(_ kind: String, id: String) -> HostingSupportError {
    HostingSupportError(code: .notFound, message: "No \(kind) has the id \(id).", context: ["kind": kind, "id": id])
  }

  /// Persisted state is damaged.
  /// - Parameters:
  ///   - path: The file.
  ///   - line: The 1-based line at fault.
  ///   - reason: What is wrong with it.
  public static func corruptState(path: String, line: Int, reason: String) -> HostingSupportError {
    HostingSupportError(
      code: .corruptState,
      message: "\(path), line \(line): \(reason).",
      context: ["file": path, "line": String(line)]
    )
  }

  /// A desk state record does not decode into a change this desk knows.
  /// - Parameters:
  ///   - position: The record's 0-based position in the loaded log.
  ///   - kind: Its kind.
  ///   - reason: What is wrong with it.
  static func damagedStateRecord(position: Int, kind: String, reason: String) -> HostingSupportError {
    HostingSupportError(
      code: .corruptState,
      message: "Desk state record \(position + 1) (\(kind)) cannot be used: \(reason). The desk refuses to run "
        + "on it; repair the state store or restore it from a backup.",
      context: [ErrorContextKey.offset: String(position), "kind": kind]
    )
  }
}
