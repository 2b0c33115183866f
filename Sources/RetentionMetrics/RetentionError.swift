import Foundation

/// An error raised by `RetentionMetrics`: bad input data, a bad option, or aggregates that cannot be merged.
///
/// Like `Errno` in swift-system, ``Code`` is an open struct with static members, so new codes can be added
/// without breaking a client's `switch`. Import errors name the file, line and column.
public struct RetentionError: SupportKitError, Hashable {
  /// What kind of problem this is.
  public struct Code: SupportKitErrorCode {
    /// The code's stable name, e.g. `"invalidValue"`.
    public var rawValue: String
    /// Creates a code from its name.
    /// - Parameter rawValue: The code's stable name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// A required CSV column is missing from the header.
    public static let missingColumn = Code(rawValue: "missingColumn")
    /// A field is empty, malformed or outside its allowed set or range.
    public static let invalidValue = Code(rawValue: "invalidValue")
    /// A subscription ends before it starts.
    public static let endBeforeStart = Code(rawValue: "endBeforeStart")
    /// An amount's currency differs from the report's currency.
    public static let mixedCurrencies = Code(rawValue: "mixedCurrencies")
    /// An identifier that must be unique appears twice.
    public static let duplicateID = Code(rawValue: "duplicateID")
    /// A record refers to a subscription that does not exist.
    public static let unknownReference = Code(rawValue: "unknownReference")
    /// A CSV line is malformed (unterminated quote, wrong number of fields).
    public static let malformedRow = Code(rawValue: "malformedRow")
    /// An amount does not fit in 64-bit minor units.
    public static let overflow = Code(rawValue: "overflow")
    /// An option or argument is out of its allowed range.
    public static let invalidArgument = Code(rawValue: "invalidArgument")
    /// An MRR change is dated before its subscription starts, or on or after the day it ends.
    public static let changeOutsideSubscription = Code(rawValue: "changeOutsideSubscription")
  }

  /// Where a problem was found in an input file.
  public struct Location: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The file (or input) name.
    public var file: String
    /// The 1-based line number (the header is line 1).
    public var line: Int
    /// The column's header name, when the problem is in one field.
    public var column: String?
    /// Creates a location.
    /// - Parameters:
    ///   - file: The file (or input) name.
    ///   - line: The 1-based line number.
    ///   - column: The column's header name, if any.
    public init(file: String, line: Int, column: String? = nil) {
      self.file = file
      self.line = line
      self.column = column
    }
    /// `file:line` or `file:line: column 'name'`.
    public var description: String {
      column.map { "\(file):\(line): column '\($0)'" } ?? "\(file):\(line)"
    }
  }

  /// What kind of problem this is.
  public var code: Code
  /// A sentence saying what was wrong and what to do.
  public var message: String
  /// Where and what: `file`, `line` and `column` for import errors (see `ErrorContextKey`), and the values
  /// involved.
  public var context: [String: String]

  /// Creates an error.
  /// - Parameters:
  ///   - code: What kind of problem this is.
  ///   - message: What was wrong and what to do.
  ///   - context: Named facts, with the location under the keys of `ErrorContextKey`.
  public init(code: Code, message: String, context: [String: String] = [:]) {
    self.code = code
    self.message = message
    self.context = context
  }

  /// Creates an error at a place in an input file.
  /// - Parameters:
  ///   - code: What kind of problem this is.
  ///   - message: What was wrong and what to do.
  ///   - location: Where in an input file, if any.
  public init(_ code: Code, _ message: String, at location: Location? = nil) {
    var context: [String: String] = [:]
    if let location {
      context[ErrorContextKey.file] = location.file
      context[ErrorContextKey.line] = String(location.line)
      if let column = location.column { context[ErrorContextKey.column] = column }
    }
    self.init(code: code, message: message, context: context)
  }

  /// Where in an input file, for import errors.
  public var location: Location? {
    guard let file = context[ErrorContextKey.file], let line = context[ErrorContextKey.line].flatMap({ Int($0) })
    else { return nil }
    return Location(file: file, line: line, column: context[ErrorContextKey.column])
  }

  /// A field that does not hold an allowed value.
  /// - Parameters:
  ///   - value: The offending text.
  ///   - expected: What was expected, e.g. `"one of shared, vps, dedicated"`.
  ///   - location: Where it was found.
  /// - Returns: An ``Code/invalidValue`` error.
  public static func invalidValue(_ value: String, expected: String, at location: Location? = nil) -> Self {
    Self(.invalidValue, "invalid value '\(value)': expected \(expected)", at: location)
  }

  /// A subscription whose end date is before its start date.
  /// - Parameters:
  ///   - subscription: The subscription's identifier.
  ///   - location: Where it was found.
  /// - Returns: An ``Code/endBeforeStart`` error.
  public static func endBeforeStart(_ subscription: String, at location: Location? = nil) -> Self {
    Self(.endBeforeStart, "subscription '\(subscription)' ends before it starts", at: location)
  }

  /// An amount in a currency other than the report's.
  /// - Parameters:
  ///   - found: The amount's currency.
  ///   - expected: The report's currency.
  ///   - location: Where it was found.
  /// - Returns: A ``Code/mixedCurrencies`` error.
  public static func mixedCurrencies(found: CurrencyCode, expected: CurrencyCode, at location: Location? = nil) -> Self
  {
    Self(
      .mixedCurrencies, "currency \(found) differs from the report currency \(expected); report one currency at a time",
      at: location)
  }

  /// An identifier seen twice.
  /// - Parameters:
  ///   - id: The repeated identifier.
  ///   - location: Where the second occurrence was found.
  /// - Returns: A ``Code/duplicateID`` error.
  public static func duplicateID(_ id: String, at location: Location? = nil) -> Self {
    Self(.duplicateID, "duplicate id '\(id)'", at: location)
  }

  /// A reference to a subscription that does not exist.
  /// - Parameters:
  ///   - id: The unknown subscription identifier.
  ///   - location: Where it was found.
  /// - Returns: A ``Code/unknownReference`` error.
  public static func unknownSubscription(_ id: String, at location: Location? = nil) -> Self {
    Self(.unknownReference, "unknown subscription '\(id)'", at: location)
  }

  /// An MRR change dated outside its subscription's service: before it starts (it would silently replace the
  /// starting MRR) or on or after its end date, the first day without service (it could never apply).
  /// - Parameters:
  ///   - subscription: The subscription's identifier.
  ///   - effective: The change's date.
  ///   - start: The subscription's first day of service.
  ///   - end: The subscription's first day without service, if it ended.
  ///   - location: Where the change was found.
  /// - Returns: A ``Code/changeOutsideSubscription`` error.
  public static func changeOutsideSubscription(
    _ subscription: String, effective: CivilDate, start: CivilDate, end: CivilDate?, at location: Location? = nil
  ) -> Self {
    let when =
      effective < start
      ? "before the subscription starts on \(start)"
      : "on or after the subscription's end date \(end.map(\.description) ?? "")"
    return Self(
      .changeOutsideSubscription, "the MRR change of subscription '\(subscription)' is dated \(effective), \(when)",
      at: location)
  }

  /// Amounts whose sum does not fit in 64-bit minor units.
  /// - Parameters:
  ///   - what: Which amounts, e.g. `"the MRR of all subscriptions and changes"`.
  ///   - location: Where, if one record is to blame.
  /// - Returns: An ``Code/overflow`` error.
  public static func overflow(_ what: String, at location: Location? = nil) -> Self {
    Self(.overflow, "\(what) exceeds what 64-bit minor units can hold", at: location)
  }

  /// A required column missing from a CSV header.
  /// - Parameters:
  ///   - column: The missing column's name.
  ///   - file: The file's name.
  /// - Returns: A ``Code/missingColumn`` error.
  public static func missingColumn(_ column: String, file: String) -> Self {
    Self(.missingColumn, "missing required column '\(column)'", at: Location(file: file, line: 1, column: column))
  }

  /// An option or argument out of its range.
  /// - Parameter message: What was wrong.
  /// - Returns: An ``Code/invalidArgument`` error.
  public static func invalidArgument(_ message: String) -> Self {
    Self(.invalidArgument, message)
  }
}
