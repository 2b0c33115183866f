import Foundation

extension SupportDesk {
  /// Declares an unplanned incident and tells every affected customer (``Incident/affects(_:)``) at once, in
  /// their language.
  ///
  /// From then on: tickets that affected customers open from ``Incident/startedAt`` on are linked to it (see
  /// ``linkedTickets(of:)`` and ``updateLinkedTickets(of:reply:status:by:at:)``); ``tick(now:)`` sends the
  /// affected customers a periodic update every ``DeskConfiguration/incidentUpdateInterval`` (30 min) in which
  /// staff posted nothing (``postIncidentUpdate(_:message:at:)``); ``resolveIncident(_:summary:at:)`` sends the
  /// resolution notice.
  /// - Parameters:
  ///   - incident: The incident.
  ///   - instant: When it was declared (default: the desk's date provider).
  /// - Throws: ``HostingSupportError`` `invalidRequest` for an empty summary, a start after the declaration or an
  ///   id already used; `corruptState`; store errors.
  public func declareIncident(_ incident: Incident, at instant: Date? = nil) async throws {
    try await ensureCurrent()
    try incident.validate()
    let at = instant ?? clock()
    guard incident.startedAt <= at else {
      throw HostingSupportError.invalidRequest(field: "incident startedAt", reason: "is after its declaration")
    }
    guard state.loop.incidents[incident.id] == nil else {
      throw HostingSupportError.invalidRequest(field: "incident id", reason: "\(incident.id.rawValue) is already used")
    }
    let declared = IncidentRecord(incident: incident, declaredAt: at)
    let change = DeskChange.incident(declared, at: at)
    record(change)
    try queueIncidentNotices(of: declared, now: at)
    try await commitFirst(
      change, orThrow: .invalidRequest(field: "incident id", reason: "\(incident.id.rawValue) is already used"))
    _ = try await deliver(at: at)
  }

  /// Posts a public update on an incident: every affected customer gets it now, and the periodic updates count
  /// from it.
  /// - Parameters:
  ///   - id: The incident.
  ///   - message: What customers are told (plain text).
  ///   - instant: When (default: the desk's date provider).
  /// - Throws: ``HostingSupportError`` `notFound`, or `invalidRequest` for an empty message, a resolved incident, or
  ///   (on a shared state store) an incident another desk changed meanwhile.
  public func postIncidentUpdate(_ id: IncidentID, message: String, at instant: Date? = nil) async throws {
    try await ensureCurrent()
    try requireText(message, field: "incident update")
    var changed = try ongoingIncident(id)
    let at = max(instant ?? clock(), changed.lastPublicWord)
    changed.updates.append(
      IncidentUpdate(
        number: changed.updates.count + 1, postedAt: at, message: configuration.redactor.redact(message)))
    changed.revision += 1
    let change = DeskChange.incident(changed, at: at)
    record(change)
    try queueIncidentNotices(of: changed, now: at)
    try await commitFirst(change, orThrow: Self.incidentChangedElsewhere(id))
    _ = try await deliver(at: at)
  }

  /// Resolves an incident: every affected customer who was told about it gets the resolution notice now;
  /// notices about it not yet delivered are withdrawn.
  /// - Parameters:
  ///   - id: The incident.
  ///   - summary: What customers are told about the fix (plain text; default: the incident's summary).
  ///   - instant: When it was resolved (default: the desk's date provider).
  /// - Throws: ``HostingSupportError`` `notFound`, or `invalidRequest` for a resolved incident or (on a shared state
  ///   store) one another desk changed meanwhile.
  public func resolveIncident(_ id: IncidentID, summary: String? = nil, at instant: Date? = nil) async throws {
    try await ensureCurrent()
    var changed = try ongoingIncident(id)
    let at = max(instant ?? clock(), changed.incident.startedAt)
    changed.resolvedAt = at
    changed.resolution = summary.flatMap { TextCheck.hasVisibleText($0) ? configuration.redactor.redact($0) : nil }
    changed.revision += 1
    withdrawPending(keyPrefix: Self.incidentPrefix(id), at: at)
    let change = DeskChange.incident(changed, at: at)
    record(change)
    try queueIncidentNotices(of: changed, now: at)
    try await commitFirst(change, orThrow: Self.incidentChangedElsewhere(id))
    _ = try await deliver(at: at)
  }

  /// Every incident the desk knows, in declaration order.
  /// - Throws: ``HostingSupportError`` `corruptState` when the desk's stored state is damaged; state store errors.
  public func incidents() async throws -> [IncidentRecord] {
    try await ensureCurrent()
    return state.loop.allIncidents
  }

  /// The tickets linked to an incident, in linking order.
  /// - Parameter id: The incident.
  /// - Throws: ``HostingSupportError`` `notFound`; as ``incidents()``.
  public func linkedTickets(of id: IncidentID) async throws -> [TicketID] {
    try await ensureCurrent()
    guard state.loop.incidents[id] != nil else { throw HostingSupportError.notFound("incident", id: id.rawValue) }
    return (state.loop.links[id] ?? []).map(\.ticketID)
  }

  /// The incident a ticket is linked to, if any.
  /// - Parameter ticketID: The ticket.
  /// - Throws: As ``incidents()``.
  public func incident(linkedTo ticketID: TicketID) async throws -> IncidentRecord? {
    try await ensureCurrent()
    return state.loop.incidentOfTicket[ticketID].flatMap { state.loop.incidents[$0] }
  }

  // MARK: Notices

  static func incidentPrefix(_ id: IncidentID) -> String { "incident/\(id.rawValue)/" }

  /// Queues what an incident owes its affected customers at `now`: the start notice (also to customers registered
  /// since), the staff updates, one periodic update per interval without news, and the resolution notice. Each
  /// key names what it is about, so queueing again sends nothing new.
  func queueIncidentNotices(of record: IncidentRecord, now: Date) throws {
    let prefix = Self.incidentPrefix(record.id)
    let incident = record.incident
    for customer in registeredCustomers where incident.affects(customer) {
      let suffix = "/" + customer.id.rawValue
      var values = [
        "services": incident.affectedSummary, "started": customer.localTime(incident.startedAt),
        "summary": incident.summary,
      ]
      if let resolvedAt = record.resolvedAt {
        guard state.sent[prefix + "start" + suffix] != nil else { continue }
        values["resolved"] = customer.localTime(resolvedAt)
        values["summary"] = record.resolution ?? incident.summary
        try queueIncidentNotice(
          .incidentResolved, .incidentResolved, key: prefix + "resolved" + suffix, record, customer, values, now)
        continue
      }
      try queueIncidentNotice(
        .incidentStart, .incidentStart, key: prefix + "start" + suffix, record, customer, values, now)
      for update in record.updates {
        values["update"] = update.message
        try queueIncidentNotice(
          .incidentUpdate, .incidentUpdate, key: prefix + "update-\(update.number)" + suffix, record, customer, values,
          now)
      }
      let interval = configuration.incidentUpdateInterval
      let anchor = record.lastPublicWord
      if interval > 0, now >= anchor + interval {
        let slot = Int((now.timeIntervalSince(anchor) / interval).rounded(.down))
        let millis = Int64((anchor.timeIntervalSince1970 * 1000).rounded())
        values["update"] = record.updates.last?.message ?? incident.summary
        try queueIncidentNotice(
          .incidentUpdate, .incidentUpdate, key: prefix + "periodic-\(millis)-\(slot)" + suffix, record, customer,
          values, now)
      }
    }
  }

  private func queueIncidentNotice(
    _ template: NotificationTemplateName, _ kind: MessageKind, key: String, _ record: IncidentRecord,
    _ customer: CustomerProfile, _ values: [String: String], _ now: Date
  ) throws {
    guard !isKnown(key) else { return }
    var message = try customerNotification(template, kind: kind, key: key, to: customer, values: values, at: now)
    message.metadata = ["incident": record.id.rawValue, "severity": record.incident.severity.rawValue]
    enqueue(message)
  }

  /// The error of a change to an incident that another desk changed first (the same revision).
  static func incidentChangedElsewhere(_ id: IncidentID) -> HostingSupportError {
    .invalidRequest(field: "incident \(id.rawValue)", reason: "was changed by another desk meanwhile: read it again")
  }

  func ongoingIncident(_ id: IncidentID) throws -> IncidentRecord {
    guard let record = state.loop.incidents[id] else { throw HostingSupportError.notFound("incident", id: id.rawValue) }
    guard record.isOngoing else {
      throw HostingSupportError.invalidRequest(field: "incident \(id.rawValue)", reason: "is resolved")
    }
    return record
  }
}
