import FeedbackSentiment
import Foundation
import SupportSLA
import SupportTickets

/// A ticket after a desk operation, with its SLA evaluated at the operation's instant.
public struct TicketUpdate: Hashable, Sendable {
  /// The stored ticket.
  public var ticket: Ticket
  /// Its SLA status, or `nil` when no policy applies.
  public var sla: SLAStatus?
  /// For an agent reply: the clarity hints on it, for the agent only (also on an internal note after the reply;
  /// never in the customer's view). Empty otherwise.
  public var clarityHints: [ClarityHint] = []
  /// For a new ticket: the ongoing incident it was linked to, if its customer is affected by one.
  public var incidentID: IncidentID? = nil
}

extension SupportDesk {
  /// Opens a ticket.
  /// - Parameters:
  ///   - opening: What the ticket says (its id must be unused).
  ///   - instant: When it was opened (default: the desk's date provider).
  /// - Returns: The stored ticket and its SLA.
  /// - Throws: ``HostingSupportError`` `invalidRequest` for an empty subject or body; `StoreError`
  ///   `duplicateTicket`; `TicketError`.
  public func openTicket(_ opening: TicketOpening, at instant: Date? = nil) async throws -> TicketUpdate {
    try await ensureCurrent()
    try requireText(opening.subject, field: "subject")
    try requireText(opening.body, field: "body")
    var cleaned = opening
    cleaned.subject = configuration.redactor.redact(opening.subject)
    cleaned.body = configuration.redactor.redact(opening.body)
    let at = instant ?? clock()
    let event = TicketEvent(
      id: EventID(derived: "\(opening.ticketID.rawValue)-1"),
      instant: at,
      author: .customer(opening.customerID),
      kind: .created(cleaned)
    )
    // A ticket from a customer affected by an ongoing incident is linked to it, with a note for the agents in the
    // same write; the link is recorded once the ticket exists (a tick links it if this call dies before).
    let incident = incidentAffecting(opening.customerID, at: at)
    let timeline = [event] + (incident.map { [Self.incidentNote(for: $0, ticketID: opening.ticketID, at: at)] } ?? [])
    let ticket = try await store.create(timeline)
    var result = update(ticket, at: at)
    if let incident {
      link(ticket, to: incident, at: at)
      try await commit()
      result.incidentID = incident.id
    }
    return result
  }

  /// Opens a ticket with the next generated id (`T-1`, `T-2`…).
  ///
  /// The number is reserved (and the reservation written to the state store) before the ticket store is asked,
  /// so concurrent calls never collide. A generated id that is already taken (a ticket opened with that id by
  /// ``openTicket(_:at:)``, or a state store that lost its last reservations) is skipped: the call takes the
  /// next number and tries again.
  /// - Parameters:
  ///   - customer: The owner.
  ///   - subject: The subject.
  ///   - body: The first message.
  ///   - priority: The priority.
  ///   - department: The department.
  ///   - channel: How it arrived.
  ///   - service: The product concerned.
  ///   - instant: When it was opened.
  /// - Returns: The stored ticket and its SLA.
  /// - Throws: As ``openTicket(_:at:)``, except `duplicateTicket`.
  public func openTicket(
    for customer: CustomerID,
    subject: String,
    body: String,
    priority: Priority = .normal,
    department: Department = .technical,
    channel: Channel = .panel,
    service: ServiceReference? = nil,
    at instant: Date? = nil
  ) async throws -> TicketUpdate {
    try await ensureLoaded()
    try requireText(subject, field: "subject")
    try requireText(body, field: "body")
    let reseller = customers[customer]?.partners.reseller
    while true {
      let number = try await reserveTicketNumber(at: instant ?? clock())
      let opening = TicketOpening(
        ticketID: TicketID(derived: "T-\(number)"),
        customerID: customer,
        subject: subject,
        body: body,
        priority: priority,
        department: department,
        channel: channel,
        service: service,
        resellerID: reseller
      )
      do {
        return try await openTicket(opening, at: instant)
      } catch let error as StoreError where error.code == .duplicateTicket {
        continue  // the number was taken outside the desk's numbering: take the next one
      }
    }
  }

  /// Adds the customer's reply (reopens a resolved ticket).
  /// - Parameters:
  ///   - body: The message.
  ///   - ticketID: The ticket.
  ///   - instant: When it was written.
  /// - Returns: The updated ticket and its SLA.
  /// - Throws: ``HostingSupportError`` `invalidRequest`/`notFound`; `TicketError`; `StoreError`.
  public func addCustomerReply(_ body: String, to ticketID: TicketID, at instant: Date? = nil) async throws
    -> TicketUpdate
  {
    try requireText(body, field: "body")
    let ticket = try await existingTicket(ticketID)
    return try await append(.customerReply(body: body), by: .customer(ticket.customerID), to: ticketID, at: instant)
  }

  /// Adds an agent's public reply (what SLAs count as a response).
  ///
  /// The reply is checked for clarity (``DeskConfiguration/clarityCheck``) in the customer's language before it is
  /// stored: hosting jargon, long sentences, no next step. The hints never block it: they come back in
  /// ``TicketUpdate/clarityHints`` and, when there are any, on an internal note written with the reply in one
  /// append, naming the reply's event. Internal notes never reach the customer's view.
  /// - Parameters:
  ///   - body: The message.
  ///   - ticketID: The ticket.
  ///   - agent: Who wrote it.
  ///   - instant: When.
  /// - Returns: The updated ticket and its SLA.
  /// - Throws: As ``addCustomerReply(_:to:at:)``.
  public func addAgentReply(_ body: String, to ticketID: TicketID, by agent: AgentID, at instant: Date? = nil)
    async throws -> TicketUpdate
  {
    try requireText(body, field: "body")
    return try await appendAgentReply(body, to: ticketID, by: agent, at: instant)
  }

  /// Adds a note only staff can see.
  /// - Parameters:
  ///   - body: The note.
  ///   - ticketID: The ticket.
  ///   - agent: Who wrote it.
  ///   - instant: When.
  /// - Returns: The updated ticket and its SLA.
  /// - Throws: As ``addCustomerReply(_:to:at:)``.
  public func addInternalNote(_ body: String, to ticketID: TicketID, by agent: AgentID, at instant: Date? = nil)
    async throws -> TicketUpdate
  {
    try requireText(body, field: "body")
    return try await append(.internalNote(body: body), by: .agent(agent), to: ticketID, at: instant)
  }

  /// Moves a ticket to another status, following the ticket status transition table.
  /// - Parameters:
  ///   - ticketID: The ticket.
  ///   - status: The new status.
  ///   - author: Who changed it.
  ///   - instant: When.
  /// - Returns: The updated ticket and its SLA.
  /// - Throws: `TicketError` `invalidTransition`; as ``addCustomerReply(_:to:at:)``.
  public func changeStatus(
    of ticketID: TicketID,
    to status: TicketStatus,
    by author: TicketAuthor,
    at instant: Date? = nil
  ) async throws -> TicketUpdate {
    try await append(.statusChanged(to: status), by: author, to: ticketID, at: instant)
  }

  /// The SLA status of a ticket at an instant.
  /// - Parameters:
  ///   - ticketID: The ticket.
  ///   - now: The instant.
  /// - Returns: The status, or `nil` when no policy applies.
  /// - Throws: ``HostingSupportError`` `notFound`.
  public func slaStatus(of ticketID: TicketID, now: Date) async throws -> SLAStatus? {
    let ticket = try await existingTicket(ticketID)
    return SLAEvaluator(policies: policies).evaluate(slaSubject(ticket), now: Timestamp.millisecondPrecision(now))
  }

  // MARK: Helpers

  func existingTicket(_ id: TicketID) async throws -> Ticket {
    guard let ticket = try await store.ticket(id) else { throw HostingSupportError.notFound("ticket", id: id.rawValue) }
    return ticket
  }

  /// Appends one event, redacting its text, retrying on a version conflict (someone else wrote meanwhile).
  /// - Parameter following: Events to write with the event in the same append (given the ticket as read and the
  ///   new event), such as an internal note about it.
  func append(
    _ kind: TicketEvent.Kind, by author: TicketAuthor, to ticketID: TicketID, at instant: Date?,
    following: (Ticket, TicketEvent) -> [TicketEvent] = { _, _ in [] }
  ) async throws -> TicketUpdate {
    try await ensureLoaded()
    let at = instant ?? clock()
    let redacted = redact(kind)
    var attempt = 0
    while true {
      let ticket = try await existingTicket(ticketID)
      let visibility: EventVisibility? = if case .internalNote = kind { .internal } else { nil }
      let event = TicketEvent(
        id: EventID(derived: "\(ticketID.rawValue)-\(ticket.version + 1)"),
        instant: max(at, ticket.updatedAt),
        author: author,
        visibility: visibility,
        kind: redacted
      )
      do {
        let events = [event] + following(ticket, event)
        let updated = try await store.append(events, to: ticketID, expectedVersion: ticket.version)
        return update(updated, at: at)
      } catch let error as StoreError where error.code == .versionConflict && attempt < 3 {
        attempt += 1
      }
    }
  }

  /// The ticket with its SLA status at `instant`, read at the millisecond precision timelines keep: an event
  /// stored at `instant` may have been rounded up, and must never look as if it happened after "now".
  func update(_ ticket: Ticket, at instant: Date) -> TicketUpdate {
    let now = Timestamp.millisecondPrecision(instant)
    return TicketUpdate(ticket: ticket, sla: SLAEvaluator(policies: policies).evaluate(slaSubject(ticket), now: now))
  }

  private func redact(_ kind: TicketEvent.Kind) -> TicketEvent.Kind {
    let redactor = configuration.redactor
    switch kind {
    case .customerReply(let body): return .customerReply(body: redactor.redact(body))
    case .agentReply(let body): return .agentReply(body: redactor.redact(body))
    case .automatedMessage(let body): return .automatedMessage(body: redactor.redact(body))
    case .internalNote(let body): return .internalNote(body: redactor.redact(body))
    default: return kind
    }
  }

  func requireText(_ text: String, field: String) throws {
    if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
      throw HostingSupportError.invalidRequest(field: field, reason: "is empty")
    }
  }
}
