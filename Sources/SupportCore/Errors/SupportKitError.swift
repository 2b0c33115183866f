import Foundation

/// The one shape every HostingSupportKit error has: a stable code, a sentence, and named facts.
///
/// Each module declares its own error struct (``SupportCoreError``, `TicketError`, `StoreError`, `SLAError`,
/// `SentimentError`, `RetentionError`, `HostingSupportError`, ``DecodingIssue``) and adopts this protocol, so a
/// panel can log, show or send any of them the same way:
///
/// ```swift
/// do { try await desk.openTicket(for: request) } catch let error as any SupportKitError {
///   print(error)            // "versionConflict: ticket T-7 changed … (expected=3, actual=4)"
///   log(error.codeName, error.context)
/// }
/// ```
///
/// Like swift-system's `Errno`, each ``Code`` is an open `RawRepresentable` struct with static members, so
/// later versions can add codes without breaking a client's `switch`: compare with `==` and keep a `default`.
///
/// Where an error happened goes into ``context`` under the keys of ``ErrorContextKey`` (`file`, `line`,
/// `column`, `path`, `offset`…), never into ad-hoc stored properties, so every error encodes the same way:
///
/// ```json
/// {"code":"invalidValue","message":"…","context":{"file":"subscriptions.csv","line":"12","column":"mrr"}}
/// ```
///
/// Conforming types get ``description`` (`code: message (key=value, …)`, keys sorted) for free.
public protocol SupportKitError: Error, Sendable, Codable, CustomStringConvertible {
  /// The error's open code type: a `String` raw value such as `"versionConflict"`.
  associatedtype Code: SupportKitErrorCode

  /// What kind of problem this is.
  var code: Code { get }
  /// A sentence saying what was wrong and, where possible, what to do.
  var message: String { get }
  /// Named facts about the problem: where it was (see ``ErrorContextKey``) and the values involved.
  var context: [String: String] { get }

  /// Creates an error.
  /// - Parameters:
  ///   - code: What kind of problem this is.
  ///   - message: What was wrong and what to do.
  ///   - context: Named facts, with the location under the keys of ``ErrorContextKey``.
  init(code: Code, message: String, context: [String: String])
}

extension SupportKitError {
  /// The code's stable name, such as `"versionConflict"`.
  public var codeName: String { code.rawValue }

  /// `code: message (key=value, …)`, with the context keys in alphabetical order.
  public var description: String {
    var text = "\(code.rawValue): \(message)"
    if !context.isEmpty {
      let facts = context.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
      text += " (" + facts.joined(separator: ", ") + ")"
    }
    return text
  }

  /// The input file named in ``context``, if any.
  public var file: String? { context[ErrorContextKey.file] }
  /// The 1-based input line named in ``context``, if any.
  public var line: Int? { context[ErrorContextKey.line].flatMap { Int($0) } }
  /// The field path (`events[3].status`) or column name named in ``context``, if any.
  public var path: String? { context[ErrorContextKey.path] ?? context[ErrorContextKey.column] }
}

/// The open code type of a ``SupportKitError``: a stable `String` name with static members for the known codes.
///
/// Each module's error declares its own `Code` struct adopting this protocol, with its known codes as static
/// members, so a client compares with `==` and keeps a `default` case; a code encodes as its plain name.
public protocol SupportKitErrorCode: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible
where RawValue == String {
  /// Creates a code from its stable name.
  ///
  /// - Parameter rawValue: The name, such as `"versionConflict"`.
  init(rawValue: String)
}

extension SupportKitErrorCode {
  /// The code's stable name.
  public var description: String { rawValue }
}

/// The documented names of ``SupportKitError/context`` keys that say where a problem was.
///
/// Every module uses these names for the same facts, so a panel can point at the place whatever module threw.
public enum ErrorContextKey {
  /// The input file's name or path.
  public static let file = "file"
  /// The 1-based line number in the input (the header of a CSV is line 1).
  public static let line = "line"
  /// The column, by header name (CSV) or 1-based number (text).
  public static let column = "column"
  /// The field path in a JSON document, such as `events[3].status` or `weekly.monday[0]`.
  public static let path = "path"
  /// A byte offset in a file.
  public static let offset = "offset"
  /// The offending value, as text (shortened when long).
  public static let value = "value"
  /// What was expected instead.
  public static let expected = "expected"
  /// The ticket concerned.
  public static let ticket = "ticket"
}
