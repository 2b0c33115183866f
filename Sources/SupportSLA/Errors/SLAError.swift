import Foundation

/// An error thrown by SupportSLA: bad calendar or policy input, or an invalid argument.
///
/// Like swift-system's `Errno`, the ``Code`` is an open struct with static members, so new codes can be added
/// (in this module or in extensions) without breaking a caller's `switch`. Every error carries a message that says
/// what was wrong and a ``context`` naming where — for decoding errors, the JSON ``field`` path such as
/// `weekly.monday[0][1]` or `holidays[2].date`.
public struct SLAError: SupportKitError, Hashable {
  /// What kind of problem occurred.
  public struct Code: SupportKitErrorCode {
    /// The code's stable name, e.g. `invalidAmount`.
    public var rawValue: String

    /// Creates a code from its stable name.
    ///
    /// - Parameter rawValue: The name, e.g. `invalidAmount`.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// A duration or amount of business time was negative or not finite.
    public static let invalidAmount = Code(rawValue: "invalidAmount")
    /// A time zone identifier is not a known IANA zone.
    public static let unknownTimeZone = Code(rawValue: "unknownTimeZone")
    /// A wall-clock time is not `HH:MM` between `00:00` and `24:00`, or `24:00` is used as an opening time.
    public static let invalidTime = Code(rawValue: "invalidTime")
    /// A weekday name is not one of `monday` … `sunday`.
    public static let invalidWeekday = Code(rawValue: "invalidWeekday")
    /// A calendar date is not a valid `YYYY-MM-DD` date.
    public static let invalidDate = Code(rawValue: "invalidDate")
    /// A calendar has no opening interval at all and is not `alwaysOpen`.
    public static let emptySchedule = Code(rawValue: "emptySchedule")
    /// A calendar document is malformed in some other way (wrong type, missing or conflicting fields).
    public static let invalidCalendar = Code(rawValue: "invalidCalendar")
  }

  /// What kind of problem occurred.
  public var code: Code
  /// A human-readable explanation that says what was wrong and what to do.
  public var message: String
  /// Where the problem was: `path` (the JSON field path), `value` (the offending text) and similar keys.
  public var context: [String: String]

  /// Creates an error.
  ///
  /// - Parameters:
  ///   - code: What kind of problem occurred.
  ///   - message: A human-readable explanation.
  ///   - context: Where the problem was, e.g. `["path": "timeZone"]`.
  public init(code: Code, message: String, context: [String: String] = [:]) {
    self.code = code
    self.message = message
    self.context = context
  }

  /// The JSON field path the error is about, if any (for example `holidays[1].date`).
  public var field: String? { context["path"] }
}

extension SLAError {
  /// A negative or non-finite amount of business time.
  ///
  /// - Parameter amount: The rejected amount, in seconds.
  /// - Returns: An error with code ``Code/invalidAmount``.
  public static func invalidAmount(_ amount: TimeInterval) -> SLAError {
    SLAError(
      code: .invalidAmount,
      message: "the amount of business time must be a finite number of seconds ≥ 0, got \(amount)",
      context: ["value": "\(amount)"]
    )
  }

  /// A time zone identifier that is not a known IANA zone.
  ///
  /// - Parameters:
  ///   - identifier: The rejected identifier.
  ///   - field: The JSON field that held it.
  /// - Returns: An error with code ``Code/unknownTimeZone``.
  public static func unknownTimeZone(_ identifier: String, field: String = "timeZone") -> SLAError {
    SLAError(
      code: .unknownTimeZone,
      message: "'\(identifier)' is not a known IANA time zone; use a name such as Europe/London or UTC",
      context: ["path": field, "value": identifier]
    )
  }

  /// A wall-clock time that is not `HH:MM` in `00:00…24:00`.
  ///
  /// - Parameters:
  ///   - text: The rejected text.
  ///   - field: The JSON field that held it.
  ///   - reason: Why it was rejected.
  /// - Returns: An error with code ``Code/invalidTime``.
  public static func invalidTime(_ text: String, field: String, reason: String? = nil) -> SLAError {
    SLAError(
      code: .invalidTime,
      message: reason ?? "'\(text)' is not a time of day; write HH:MM from 00:00 to 24:00, e.g. 09:00",
      context: ["path": field, "value": text]
    )
  }

  /// A weekday name that is not `monday` … `sunday`.
  ///
  /// - Parameters:
  ///   - name: The rejected name.
  ///   - field: The JSON field that held it.
  /// - Returns: An error with code ``Code/invalidWeekday``.
  public static func invalidWeekday(_ name: String, field: String) -> SLAError {
    SLAError(
      code: .invalidWeekday,
      message: "'\(name)' is not a weekday; use monday, tuesday, wednesday, thursday, friday, saturday or sunday",
      context: ["path": field, "value": name]
    )
  }

  /// A calendar date that is not a valid `YYYY-MM-DD` date.
  ///
  /// - Parameters:
  ///   - text: The rejected text.
  ///   - field: The JSON field that held it.
  /// - Returns: An error with code ``Code/invalidDate``.
  public static func invalidDate(_ text: String, field: String) -> SLAError {
    SLAError(
      code: .invalidDate,
      message: "'\(text)' is not a date; write YYYY-MM-DD, e.g. 2026-12-25",
      context: ["path": field, "value": text]
    )
  }

  /// A schedule without any opening interval on a calendar that is not always open.
  ///
  /// - Parameter field: The JSON field that held the schedule.
  /// - Returns: An error with code ``Code/emptySchedule``.
  public static func emptySchedule(field: String = "weekly") -> SLAError {
    SLAError(
      code: .emptySchedule,
      message: "the weekly schedule has no opening interval; add one or use \"alwaysOpen\": true",
      context: ["path": field]
    )
  }

  /// A calendar document that is malformed in another way.
  ///
  /// - Parameters:
  ///   - field: The JSON field that was wrong.
  ///   - message: What was wrong.
  /// - Returns: An error with code ``Code/invalidCalendar``.
  public static func invalidCalendar(field: String, message: String) -> SLAError {
    SLAError(code: .invalidCalendar, message: message, context: ["path": field])
  }
}
