import Foundation

/// A ticket store could not do what was asked. Nothing was written when one is thrown.
///
/// Compare ``code`` against the static members of ``Code``; switch with a `default` branch, since stores
/// (including hosts' own) may add codes.
///
/// JSON: `{"code":"versionConflict","message":"…","context":{"ticket":"T-1","expected":"3","actual":"4"}}`.
public struct StoreError: SupportKitError, Hashable {
  /// What went wrong.
  public struct Code: SupportKitErrorCode {
    /// The code's stable name.
    public let rawValue: String
    /// Creates a code from its name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The ticket changed since the caller read it: re-read, re-decide, retry.
    public static let versionConflict = Code(rawValue: "versionConflict")
    /// No ticket has that id.
    public static let ticketNotFound = Code(rawValue: "ticketNotFound")
    /// A ticket with that id already exists.
    public static let duplicateTicket = Code(rawValue: "duplicateTicket")
    /// An event id that is already in the ticket's timeline.
    public static let duplicateEvent = Code(rawValue: "duplicateEvent")
    /// The cursor was not issued by this store, or not for this query.
    public static let invalidCursor = Code(rawValue: "invalidCursor")
    /// A stored journal record is damaged (file stores).
    public static let corruptJournal = Code(rawValue: "corruptJournal")
    /// Another process holds the store (file stores).
    public static let locked = Code(rawValue: "locked")
    /// The operating system refused a read or write (file stores).
    public static let ioFailure = Code(rawValue: "ioFailure")
    /// A write to a store opened read-only (file stores).
    public static let readOnly = Code(rawValue: "readOnly")
    /// An identifier (ticket, customer, agent, event, service) that contains a card number, password or
    /// key: identifiers are stored as given, never redacted, so the event is refused.
    public static let secretInIdentifier = Code(rawValue: "secretInIdentifier")
  }

  /// What went wrong.
  public var code: Code
  /// A sentence saying what was wrong and what to do.
  public var message: String
  /// Extra facts (`ticket`, `expected`, `actual`, `file`, `offset`…).
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

  /// The ticket's version is not the one the caller expected.
  /// - Parameters:
  ///   - ticketID: The ticket concerned.
  ///   - expected: The version the caller based its change on.
  ///   - actual: The ticket's current version.
  public static func versionConflict(_ ticketID: TicketID, expected: Int, actual: Int) -> StoreError {
    StoreError(
      code: .versionConflict,
      message:
        "ticket \(ticketID) is at version \(actual), not \(expected): re-read it and apply the change again",
      context: ["ticket": ticketID.rawValue, "expected": String(expected), "actual": String(actual)]
    )
  }

  /// No ticket has that id.
  /// - Parameter ticketID: The id that was looked up.
  public static func ticketNotFound(_ ticketID: TicketID) -> StoreError {
    StoreError(code: .ticketNotFound, message: "no ticket \(ticketID)", context: ["ticket": ticketID.rawValue])
  }

  /// A ticket with that id already exists.
  /// - Parameter ticketID: The id that is taken.
  public static func duplicateTicket(_ ticketID: TicketID) -> StoreError {
    StoreError(
      code: .duplicateTicket, message: "ticket \(ticketID) already exists", context: ["ticket": ticketID.rawValue])
  }

  /// An event id that the ticket already has.
  /// - Parameters:
  ///   - eventID: The repeated event id.
  ///   - ticketID: The ticket concerned.
  public static func duplicateEvent(_ eventID: EventID, in ticketID: TicketID) -> StoreError {
    StoreError(
      code: .duplicateEvent,
      message: "ticket \(ticketID) already has an event \(eventID)",
      context: ["ticket": ticketID.rawValue, "event": eventID.rawValue]
    )
  }

  /// A cursor this store did not issue for this query.
  /// - Parameter reason: What is wrong with it.
  public static func invalidCursor(_ reason: String) -> StoreError {
    StoreError(code: .invalidCursor, message: "invalid cursor: \(reason)")
  }

  /// A damaged journal record.
  /// - Parameters:
  ///   - file: The damaged file's path.
  ///   - offset: The byte offset of the damaged record.
  ///   - reason: What is wrong with it.
  public static func corruptJournal(file: String, offset: Int64, reason: String) -> StoreError {
    StoreError(
      code: .corruptJournal,
      message: "\(file) is damaged at byte \(offset): \(reason); run verify/repair",
      context: ["file": file, "offset": String(offset)]
    )
  }

  /// Another process holds the store.
  /// - Parameters:
  ///   - path: The store's directory.
  ///   - waited: How long the caller waited for the lock.
  public static func locked(_ path: String, waited: Duration = .zero) -> StoreError {
    StoreError(
      code: .locked,
      message: "\(path) is in use by another process"
        + (waited > .zero ? " (waited \(waited.formatted(.units(allowed: [.seconds, .milliseconds]))))" : ""),
      context: [ErrorContextKey.file: path])
  }

  /// A write to a store opened read-only.
  /// - Parameter path: The store's directory.
  public static func readOnly(_ path: String) -> StoreError {
    StoreError(
      code: .readOnly, message: "the store at \(path) was opened read-only", context: [ErrorContextKey.path: path])
  }

  /// An identifier that contains something secret.
  /// - Parameters:
  ///   - field: Which identifier (`eventID`, `ticketID`, `customerID`, `agentID`, `serviceID`…).
  ///   - eventIndex: The position of the event in the call's events (0-based).
  /// - Note: The identifier itself is never part of the error, which may be logged.
  public static func secretInIdentifier(field: String, eventIndex: Int) -> StoreError {
    StoreError(
      code: .secretInIdentifier,
      message: "the \(field) of event \(eventIndex + 1) contains what looks like a card number, password or key; "
        + "identifiers are stored as given, so choose one without it",
      context: ["field": field, "event": String(eventIndex)])
  }

  /// The operating system refused a read or write.
  /// - Parameters:
  ///   - operation: What was attempted.
  ///   - path: The file concerned.
  ///   - errno: The system error number.
  public static func ioFailure(_ operation: String, path: String, errno: Int32) -> StoreError {
    StoreError(
      code: .ioFailure,
      message: "\(operation) failed for \(path) (errno \(errno))",
      context: ["operation": operation, "file": path, "errno": String(errno)]
    )
  }

}
