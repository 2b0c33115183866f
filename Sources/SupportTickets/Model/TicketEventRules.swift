import Foundation

/// The rules every event must follow before it joins a timeline.
enum TicketEventRules {
  /// The largest message body accepted, in UTF-8 bytes (1 MiB).
  static let maximumBodyBytes = 1 << 20
  /// The largest subject accepted, in UTF-8 bytes.
  static let maximumSubjectBytes = 1_000

  static func validateOpening(_ event: TicketEvent, _ opening: TicketOpening) throws {
    let ticketID = opening.ticketID
    guard event.visibility == .public else {
      throw TicketError.invalidEvent("the opening message must be public", eventID: event.id, ticketID: ticketID)
    }
    if case .customer(let author) = event.author, author != opening.customerID {
      throw TicketError.invalidEvent(
        "customer \(author) cannot open a ticket for customer \(opening.customerID)", eventID: event.id,
        ticketID: ticketID)
    }
    guard hasVisibleText(opening.subject) else {
      throw TicketError.invalidEvent("the subject is empty", eventID: event.id, ticketID: ticketID)
    }
    guard opening.subject.utf8.count <= maximumSubjectBytes else {
      throw TicketError.invalidEvent(
        "the subject is longer than \(maximumSubjectBytes) bytes", eventID: event.id, ticketID: ticketID)
    }
    try validateBody(opening.body, event: event, ticketID: ticketID)
  }

  /// Checks an event about to be appended to a ticket with this id, customer, status and last instant.
  /// (The fields rather than the whole state: passing the state from a mutating method copies it. Inlined,
  /// so that an event lent from a buffer is read in place rather than copied for the call.)
  @inline(__always)
  static func validate(
    _ event: TicketEvent, ticketID: TicketID, customerID: CustomerID, status: TicketStatus, updatedAt: Date
  ) throws {
    if status == .closed {
      // Closed is final. A status move out of it is reported as the transition it would be.
      switch event.kind {
      case .statusChanged(let next): throw TicketError.invalidTransition(from: .closed, to: next, ticketID: ticketID)
      case .reopened: throw TicketError.invalidTransition(from: .closed, to: .open, ticketID: ticketID)
      default: throw TicketError.ticketClosed(ticketID, event: event.kind.name)
      }
    }
    guard event.instant >= updatedAt else {
      throw TicketError.invalidEvent(
        "its instant is before the ticket's last event (\(Timestamp.format(updatedAt)))", eventID: event.id,
        ticketID: ticketID)
    }
    switch event.kind {
    case .created:
      return
    case .customerReply(let body):
      guard case .customer(let author) = event.author, author == customerID else {
        throw TicketError.invalidEvent(
          "a customer reply must come from the ticket's customer", eventID: event.id, ticketID: ticketID)
      }
      try requirePublic(event, ticketID: ticketID)
      try validateBody(body, event: event, ticketID: ticketID)
    case .agentReply(let body):
      guard case .agent = event.author else {
        throw TicketError.invalidEvent("an agent reply must come from an agent", eventID: event.id, ticketID: ticketID)
      }
      try requirePublic(event, ticketID: ticketID)
      try validateBody(body, event: event, ticketID: ticketID)
    case .automatedMessage(let body):
      guard event.author == .system else {
        throw TicketError.invalidEvent(
          "an automated message must come from the system", eventID: event.id, ticketID: ticketID)
      }
      try requirePublic(event, ticketID: ticketID)
      try validateBody(body, event: event, ticketID: ticketID)
    case .internalNote(let body):
      guard event.visibility == .internal else {
        throw TicketError.invalidEvent("an internal note must be internal", eventID: event.id, ticketID: ticketID)
      }
      if case .customer = event.author {
        throw TicketError.invalidEvent("customers cannot write internal notes", eventID: event.id, ticketID: ticketID)
      }
      try validateBody(body, event: event, ticketID: ticketID)
    case .statusChanged, .reopened:
      return
    case .priorityChanged, .departmentChanged, .assigneeChanged, .merged, .mergedFrom, .resellerChanged:
      if case .customer = event.author {
        throw TicketError.invalidEvent(
          "customers cannot make a \(event.kind.name) change", eventID: event.id, ticketID: ticketID)
      }
    }
  }

  private static func requirePublic(_ event: TicketEvent, ticketID: TicketID) throws {
    guard event.visibility == .public else {
      throw TicketError.invalidEvent("a \(event.kind.name) must be public", eventID: event.id, ticketID: ticketID)
    }
  }

  /// Whether the text has a character other than white space. ASCII is decided from the bytes; from the
  /// first non-ASCII byte on, scalars are checked with ``isWhitespace(_:)``.
  static func hasVisibleText(_ text: String) -> Bool {
    for byte in text.utf8 {
      switch byte {
      case 0x09...0x0D, 0x20: continue
      case 0x00..<0x80: return true
      default: return text.unicodeScalars.contains { !isWhitespace($0) }
      }
    }
    return false
  }

  /// Unicode's White_Space property as a switch over its 25 scalars: the answer of
  /// `scalar.properties.isWhitespace` (a test compares every scalar) without a property lookup.
  static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
    default: return false
    }
  }

  private static func validateBody(_ body: String, event: TicketEvent, ticketID: TicketID) throws {
    guard hasVisibleText(body) else {
      throw TicketError.invalidEvent("the message is empty", eventID: event.id, ticketID: ticketID)
    }
    guard body.utf8.count <= maximumBodyBytes else {
      throw TicketError.invalidEvent(
        "the message is longer than \(maximumBodyBytes) bytes", eventID: event.id, ticketID: ticketID)
    }
  }
}
