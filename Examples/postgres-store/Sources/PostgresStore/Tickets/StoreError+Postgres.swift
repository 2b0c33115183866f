import SupportTickets

extension StoreError.Code {
  /// The database could not be reached: nothing was written; retry later.
  public static let unavailable = StoreError.Code(rawValue: "unavailable")
  /// The connection broke during the call. Nothing was written, except when it broke while committing
  /// (context `phase` = `commit`), when the outcome is unknown: re-read the ticket before retrying. The next
  /// call opens a new connection.
  public static let connectionLost = StoreError.Code(rawValue: "connectionLost")
  /// A statement ran past the configured statement timeout and was cancelled; nothing was written.
  public static let timeout = StoreError.Code(rawValue: "timeout")
  /// The database refused a statement or answered something unexpected (context: `sqlstate`).
  public static let databaseFailure = StoreError.Code(rawValue: "databaseFailure")
  /// A stored ticket does not read back: its events are not valid JSON or do not fold into a timeline.
  public static let corruptRecord = StoreError.Code(rawValue: "corruptRecord")
  /// An event the database cannot hold as it is (a NUL character in a text); nothing was written.
  public static let unstorableEvent = StoreError.Code(rawValue: "unstorableEvent")
}

extension StoreError {
  /// A PostgreSQL failure as a store error; the client's code and facts stay in the context.
  /// - Parameter error: What the client threw.
  static func from(_ error: PostgresError) -> StoreError {
    let code: Code
    switch error.code {
    case .connectionFailed: code = .unavailable
    case .connectionLost: code = .connectionLost
    case .statementTimeout: code = .timeout
    default: code = .databaseFailure
    }
    var context = error.context
    context["postgres"] = error.code.rawValue
    return StoreError(code: code, message: error.message, context: context)
  }

  /// A stored ticket that does not read back.
  /// - Parameters:
  ///   - ticketID: The ticket.
  ///   - reason: What is wrong with it.
  static func corruptRecord(_ ticketID: TicketID, reason: String) -> StoreError {
    StoreError(
      code: .corruptRecord, message: "ticket \(ticketID) does not read back: \(reason)",
      context: [ErrorContextKey.ticket: ticketID.rawValue])
  }

  /// An event the database cannot hold.
  /// - Parameters:
  ///   - eventID: The event.
  ///   - ticketID: Its ticket.
  ///   - reason: Why it cannot be stored.
  static func unstorableEvent(_ eventID: EventID, in ticketID: TicketID, reason: String) -> StoreError {
    StoreError(
      code: .unstorableEvent, message: "event \(eventID) of ticket \(ticketID) cannot be stored: \(reason)",
      context: [ErrorContextKey.ticket: ticketID.rawValue, "event": eventID.rawValue])
  }
}
