extension SensitiveDataRedactor {
  /// An event as a store keeps it: every text field redacted (subject, body, reply, note, message, plan,
  /// domain, server, department and channel names) and every identifier checked.
  ///
  /// Identifiers are stored as given, never rewritten (they are how tickets, customers and events are
  /// found), so an identifier that holds a card number or secret is refused instead.
  /// - Parameters:
  ///   - event: The event to store.
  ///   - position: The event's position in the call's events (0-based), for the error.
  /// - Returns: The event with its texts redacted; the same event when nothing needed masking.
  /// - Throws: ``StoreError`` `secretInIdentifier` naming the field (never the identifier itself).
  /// - Complexity: O(n) in the length of its texts.
  public func redacted(_ event: TicketEvent, position: Int = 0) throws(StoreError) -> TicketEvent {
    guard !kinds.isEmpty else { return event }
    try check(event.id.rawValue, "eventID", position)
    switch event.author {
    case .customer(let id): try check(id.rawValue, "customerID", position)
    case .agent(let id): try check(id.rawValue, "agentID", position)
    case .system: break
    }
    var copy = event
    switch event.kind {
    case .created(let opening):
      try check(opening.ticketID.rawValue, "ticketID", position)
      try check(opening.customerID.rawValue, "customerID", position)
      if let serviceID = opening.service?.serviceID { try check(serviceID.rawValue, "serviceID", position) }
      let redacted = redacted(opening)
      // Unchanged texts (the usual case) keep the event as it is, without boxing a new opening.
      guard redacted != opening else { return event }
      copy.kind = .created(redacted)
    case .customerReply(let body): copy.kind = .customerReply(body: redact(body))
    case .agentReply(let body): copy.kind = .agentReply(body: redact(body))
    case .automatedMessage(let body): copy.kind = .automatedMessage(body: redact(body))
    case .internalNote(let body): copy.kind = .internalNote(body: redact(body))
    case .departmentChanged(let department):
      copy.kind = .departmentChanged(to: Department(rawValue: redact(department.rawValue)))
    case .assigneeChanged(let agent?): try check(agent.rawValue, "agentID", position)
    case .merged(let target): try check(target.rawValue, "ticketID", position)
    case .mergedFrom(let source): try check(source.rawValue, "ticketID", position)
    case .statusChanged, .priorityChanged, .assigneeChanged(nil), .reopened: break
    }
    return copy
  }

  /// The events of one call as a store keeps them (see ``redacted(_:position:)``).
  /// - Parameter events: The events, oldest first.
  /// - Returns: The events with their texts redacted.
  /// - Throws: ``StoreError`` `secretInIdentifier` for the first event with a secret in an identifier.
  public func redacted(_ events: [TicketEvent]) throws(StoreError) -> [TicketEvent] {
    guard !kinds.isEmpty else { return events }
    var result: [TicketEvent] = []
    result.reserveCapacity(events.count)
    for (position, event) in events.enumerated() { result.append(try redacted(event, position: position)) }
    return result
  }

  private func redacted(_ opening: TicketOpening) -> TicketOpening {
    var copy = opening
    copy.subject = redact(opening.subject)
    copy.body = redact(opening.body)
    copy.department = Department(rawValue: redact(opening.department.rawValue))
    copy.channel = Channel(rawValue: redact(opening.channel.rawValue))
    if var service = opening.service {
      service.plan = redact(service.plan)
      service.domain = service.domain.map(redact)
      service.server = service.server.map(redact)
      copy.service = service
    }
    return copy
  }

  private func check(_ identifier: String, _ field: String, _ position: Int) throws(StoreError) {
    // Almost every identifier has no trigger at all: one byte scan and no comparison.
    let triggers = RedactionTriggers.scan(identifier)
    guard !triggers.isEmpty, redact(identifier, triggers: triggers) != identifier else { return }
    throw StoreError.secretInIdentifier(field: field, eventIndex: position)
  }
}
