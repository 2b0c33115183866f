import Foundation

/// A ticket operation that the lifecycle rules do not allow.
///
/// Compare ``code`` against the static members of ``Code``; new codes may be added in later versions, so
/// switch with a `default` branch.
///
/// JSON: `{"code":"invalidTransition","message":"…","context":{"from":"closed","to":"open","ticket":"T-1"}}`.
public struct TicketError: SupportKitError, Hashable {
  /// What kind of rule was broken.
  public struct Code: SupportKitErrorCode {
    /// The code's stable name.
    public let rawValue: String
    /// Creates a code from its name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// A status change that ``TicketStatus/allowedTransitions`` does not allow.
    public static let invalidTransition = Code(rawValue: "invalidTransition")
    /// An event was applied to a closed ticket (closed is final).
    public static let ticketClosed = Code(rawValue: "ticketClosed")
    /// A timeline that does not begin with exactly one `created` event.
    public static let invalidTimeline = Code(rawValue: "invalidTimeline")
    /// An event that breaks a rule of its own (empty body, wrong visibility, wrong author, out-of-order instant).
    public static let invalidEvent = Code(rawValue: "invalidEvent")
  }

  /// What kind of rule was broken.
  public var code: Code
  /// A sentence saying what was wrong and what to do.
  public var message: String
  /// Extra facts: `ticket` (the ticket concerned), `from`, `to`, `event`…
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

  /// Creates an error about a ticket.
  /// - Parameters:
  ///   - code: The kind of error.
  ///   - message: What was wrong.
  ///   - ticketID: The ticket concerned.
  ///   - context: Extra facts.
  public init(code: Code, message: String, ticketID: TicketID?, context: [String: String] = [:]) {
    var context = context
    if let ticketID { context[ErrorContextKey.ticket] = ticketID.rawValue }
    self.init(code: code, message: message, context: context)
  }

  /// The ticket concerned, when known.
  public var ticketID: TicketID? { context[ErrorContextKey.ticket].flatMap(TicketID.init(rawValue:)) }

  /// A status change the transition table does not allow.
  /// - Parameters:
  ///   - from: The current status.
  ///   - to: The requested status.
  ///   - ticketID: The ticket concerned.
  public static func invalidTransition(from: TicketStatus, to: TicketStatus, ticketID: TicketID? = nil) -> TicketError {
    TicketError(
      code: .invalidTransition,
      message: "a ticket cannot move from \(from.rawValue) to \(to.rawValue)",
      ticketID: ticketID,
      context: ["from": from.rawValue, "to": to.rawValue]
    )
  }

  /// An event applied to a closed ticket.
  /// - Parameters:
  ///   - ticketID: The ticket concerned.
  ///   - event: The kind of event that was refused.
  public static func ticketClosed(_ ticketID: TicketID?, event: String) -> TicketError {
    TicketError(
      code: .ticketClosed,
      message: "ticket \(ticketID?.rawValue ?? "?") is closed; open a follow-up ticket instead of adding \(event)",
      ticketID: ticketID,
      context: ["event": event]
    )
  }

  /// A timeline that does not start with one `created` event.
  /// - Parameters:
  ///   - reason: What is wrong with it.
  ///   - ticketID: The ticket concerned.
  public static func invalidTimeline(_ reason: String, ticketID: TicketID? = nil) -> TicketError {
    TicketError(code: .invalidTimeline, message: "invalid timeline: \(reason)", ticketID: ticketID)
  }

  /// An event that breaks a rule of its own.
  /// - Parameters:
  ///   - reason: What is wrong with it.
  ///   - eventID: The event concerned.
  ///   - ticketID: The ticket concerned.
  public static func invalidEvent(_ reason: String, eventID: EventID, ticketID: TicketID? = nil) -> TicketError {
    TicketError(
      code: .invalidEvent,
      message: "invalid event \(eventID.rawValue): \(reason)",
      ticketID: ticketID,
      context: ["event": eventID.rawValue]
    )
  }
}
