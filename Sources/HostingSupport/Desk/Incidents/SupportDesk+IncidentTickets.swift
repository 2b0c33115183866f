import FeedbackSentiment
import Foundation

/// What ``SupportDesk/updateLinkedTickets(of:reply:status:by:at:)`` did.
public struct IncidentTicketUpdate: Hashable, Sendable {
  /// The linked tickets that carry the reply (and the status, where it could move).
  public var updated: [TicketID]
  /// Linked tickets left as they were, with the reason (closed, or the store's error).
  public var skipped: [TicketID: String]
  /// Linked tickets that got the reply but kept their status, because the ticket status table does not allow the
  /// move from where they are (a ticket already resolved, for example).
  public var statusUnchanged: [TicketID]
  /// The clarity hints on the reply, for the agent (``DeskConfiguration/clarityCheck``).
  public var clarityHints: [ClarityHint]
}

extension SupportDesk {
  /// Posts one agent reply — and optionally one status — to every ticket linked to an incident.
  ///
  /// The update's number is reserved (and written) before any ticket is touched; each ticket's events have ids
  /// derived from the incident and that number, so a ticket that already carries them is not written twice. A
  /// closed ticket is skipped; a ticket whose status cannot move to `status` gets the reply only. A ticket
  /// someone writes meanwhile is read again and retried.
  /// - Parameters:
  ///   - id: The incident.
  ///   - reply: The public reply (redacted before it is stored).
  ///   - status: The status to move the tickets to (`resolved` when the incident is fixed), if any.
  ///   - agent: Who writes.
  ///   - instant: When (default: the desk's date provider).
  /// - Returns: Which tickets were updated or skipped, and the reply's clarity hints.
  /// - Throws: ``HostingSupportError`` `notFound` or `invalidRequest` for an empty reply or (on a shared state store)
  ///   an incident another desk changed meanwhile, before any ticket is touched; `corruptState`; state store errors. Ticket store errors of one ticket are reported in ``IncidentTicketUpdate/skipped``.
  /// - Complexity: O(*t*) ticket reads and appends for *t* linked tickets.
  public func updateLinkedTickets(
    of id: IncidentID, reply: String, status: TicketStatus? = nil, by agent: AgentID, at instant: Date? = nil
  ) async throws -> IncidentTicketUpdate {
    try await ensureCurrent()
    try requireText(reply, field: "reply")
    guard var changed = state.loop.incidents[id] else {
      throw HostingSupportError.notFound("incident", id: id.rawValue)
    }
    let at = instant ?? clock()
    changed.bulkUpdates += 1
    changed.revision += 1
    let number = changed.bulkUpdates
    let change = DeskChange.incident(changed, at: at)
    record(change)
    let links = state.loop.links[id] ?? []
    // Another desk that took the same update number first would make this reply look already written.
    try await commitFirst(change, orThrow: Self.incidentChangedElsewhere(id))
    let body = configuration.redactor.redact(reply)
    var result = IncidentTicketUpdate(
      updated: [], skipped: [:], statusUnchanged: [], clarityHints: configuration.clarityCheck?.check(body) ?? [])
    for link in links {
      let prefix = "\(link.ticketID.rawValue)-incident-\(id.rawValue)-\(number)"
      do {
        switch try await appendIncidentUpdate(
          to: link.ticketID, reply: body, status: status, agent: agent, at: at, eventPrefix: prefix)
        {
        case .updated: result.updated.append(link.ticketID)
        case .replyOnly:
          result.updated.append(link.ticketID)
          result.statusUnchanged.append(link.ticketID)
        case .closed: result.skipped[link.ticketID] = "closed"
        }
      } catch {
        result.skipped[link.ticketID] = "\(error)"
      }
    }
    return result
  }

  private enum IncidentAppend { case updated, replyOnly, closed }

  private func appendIncidentUpdate(
    to ticketID: TicketID, reply: String, status: TicketStatus?, agent: AgentID, at: Date, eventPrefix: String
  ) async throws -> IncidentAppend {
    var attempt = 0
    while true {
      let ticket = try await existingTicket(ticketID)
      guard ticket.status != .closed else { return .closed }
      let replyID = EventID(derived: eventPrefix + "-reply")
      let moves = status.map { $0 != ticket.status && ticket.status.canTransition(to: $0) } ?? false
      if ticket.containsEvent(replyID) { return .updated }
      let instant = max(at, ticket.updatedAt)
      var events = [TicketEvent(id: replyID, instant: instant, author: .agent(agent), kind: .agentReply(body: reply))]
      if let status, moves {
        events.append(
          TicketEvent(
            id: EventID(derived: eventPrefix + "-status"), instant: instant, author: .agent(agent),
            kind: .statusChanged(to: status)))
      }
      do {
        _ = try await store.append(events, to: ticketID, expectedVersion: ticket.version)
        return status == nil || moves || status == ticket.status ? .updated : .replyOnly
      } catch let error as StoreError where error.code == .versionConflict && attempt < 3 {
        attempt += 1
      }
    }
  }

  // MARK: Linking

  /// The ongoing incident that a ticket a customer opens at `instant` belongs to: the most severe one that
  /// affects them and had started by then (the earliest declared among equals).
  func incidentAffecting(_ customerID: CustomerID, at instant: Date) -> IncidentRecord? {
    guard let customer = customers[customerID] else { return nil }
    return state.loop.ongoingIncidents
      .filter { $0.incident.startedAt <= instant && $0.incident.affects(customer) }
      .max { $0.incident.severity < $1.incident.severity }
  }

  /// The internal note that tells agents a new ticket belongs to an incident.
  static func incidentNote(for record: IncidentRecord, ticketID: TicketID, at instant: Date) -> TicketEvent {
    TicketEvent(
      id: EventID(derived: "\(ticketID.rawValue)-incident-link"), instant: instant, author: .system,
      kind: .internalNote(
        body: "Linked to incident \(record.id.rawValue) (\(record.incident.severity.rawValue), "
          + "\(record.incident.affectedSummary)): \(record.incident.summary) "
          + "Bulk replies: SupportDesk.updateLinkedTickets(of:)."))
  }

  /// Records a link, once per ticket.
  func link(_ ticket: Ticket, to incident: IncidentRecord, at instant: Date) {
    guard state.loop.incidentOfTicket[ticket.id] == nil else { return }
    record(
      .incidentLinked(
        IncidentLink(incidentID: incident.id, ticketID: ticket.id, customerID: ticket.customerID, at: instant)))
  }

  /// Links the active tickets that affected customers opened during an ongoing incident and that are not linked
  /// yet (opened before the incident was declared, by another path, or across a crash).
  func linkIncidentTickets(_ tickets: [Ticket], now: Date) {
    guard !state.loop.ongoingIncidents.isEmpty else { return }
    for ticket in tickets where state.loop.incidentOfTicket[ticket.id] == nil {
      if let incident = incidentAffecting(ticket.customerID, at: ticket.createdAt) {
        link(ticket, to: incident, at: now)
      }
    }
  }
}
