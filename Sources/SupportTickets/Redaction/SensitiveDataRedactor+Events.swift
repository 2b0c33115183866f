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
    try redactedIfChanged(event, position: position) ?? event
  }

  /// The events of one call as a store keeps them (see ``redacted(_:position:)``).
  /// - Parameter events: The events, oldest first.
  /// - Returns: The events with their texts redacted: the same array when nothing needed masking.
  /// - Throws: ``StoreError`` `secretInIdentifier` for the first event with a secret in an identifier.
  public func redacted(_ events: [TicketEvent]) throws(StoreError) -> [TicketEvent] {
    guard !kinds.isEmpty else { return events }
    // Nothing to mask is the usual case: the caller's array is kept, and copied only once an event changes.
    var result: [TicketEvent]?
    for position in events.indices {
      guard let changed = try redactedIfChanged(events[position], position: position) else { continue }
      if result == nil { result = events }
      result?[position] = changed
    }
    return result ?? events
  }

  /// ``redacted(_:position:)``, or `nil` when the event is kept as it is (no text needed masking).
  func redactedIfChanged(_ event: TicketEvent, position: Int) throws(StoreError) -> TicketEvent? {
    guard !kinds.isEmpty else { return nil }
    try check(event.id.rawValue, "eventID", position)
    switch event.author {
    case .customer(let id): try check(id.rawValue, "customerID", position)
    case .agent(let id): try check(id.rawValue, "agentID", position)
    case .system: break
    }
    let kind: TicketEvent.Kind
    switch event.kind {
    case .created(let opening):
      try check(opening.ticketID.rawValue, "ticketID", position)
      try check(opening.customerID.rawValue, "customerID", position)
      if let serviceID = opening.service?.serviceID { try check(serviceID.rawValue, "serviceID", position) }
      if let resellerID = opening.resellerID { try check(resellerID.rawValue, "resellerID", position) }
      // Unchanged texts (the usual case) keep the event as it is, without boxing a new opening.
      guard let redacted = redactedIfChanged(opening) else { return nil }
      kind = .created(redacted)
    case .customerReply(let body), .agentReply(let body), .automatedMessage(let body), .internalNote(let body):
      guard let redacted = redactedIfChanged(body) else { return nil }
      return event.mappingText { _ in redacted }
    case .departmentChanged(let department):
      guard let name = redactedIfChanged(department.rawValue) else { return nil }
      kind = .departmentChanged(to: Department(rawValue: name))
    case .assigneeChanged(let agent?):
      try check(agent.rawValue, "agentID", position)
      return nil
    case .merged(let target):
      try check(target.rawValue, "ticketID", position)
      return nil
    case .mergedFrom(let source):
      try check(source.rawValue, "ticketID", position)
      return nil
    case .resellerChanged(let reseller?):
      try check(reseller.rawValue, "resellerID", position)
      return nil
    case .statusChanged, .priorityChanged, .assigneeChanged(nil), .resellerChanged(nil), .reopened:
      return nil
    }
    var copy = event
    copy.kind = kind
    return copy
  }

  /// The opening with its texts redacted, or `nil` when none changed.
  private func redactedIfChanged(_ opening: TicketOpening) -> TicketOpening? {
    var copy = opening
    var changed = false
    func redactField(_ text: inout String) {
      guard let redacted = redactedIfChanged(text) else { return }
      text = redacted
      changed = true
    }
    redactField(&copy.subject)
    redactField(&copy.body)
    var department = opening.department.rawValue
    redactField(&department)
    copy.department = Department(rawValue: department)
    var channel = opening.channel.rawValue
    redactField(&channel)
    copy.channel = Channel(rawValue: channel)
    if var service = opening.service {
      redactField(&service.plan)
      if var domain = service.domain {
        redactField(&domain)
        service.domain = domain
      }
      if var server = service.server {
        redactField(&server)
        service.server = server
      }
      copy.service = service
    }
    return changed ? copy : nil
  }

  /// ``redact(_:)``, or `nil` when the text has nothing to mask. Most texts have no trigger at all: one
  /// byte scan and no comparison.
  private func redactedIfChanged(_ text: String) -> String? {
    guard !text.isEmpty else { return nil }
    let triggers = RedactionTriggers.scan(text)
    guard !triggers.isEmpty else { return nil }
    let redacted = redact(text, triggers: triggers)
    return redacted == text ? nil : redacted
  }

  private func check(_ identifier: String, _ field: String, _ position: Int) throws(StoreError) {
    // Almost every identifier has no trigger at all: one byte scan and no comparison.
    let triggers = RedactionTriggers.scan(identifier)
    guard !triggers.isEmpty, redact(identifier, triggers: triggers) != identifier else { return }
    throw StoreError.secretInIdentifier(field: field, eventIndex: position)
  }
}
