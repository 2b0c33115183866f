import Foundation

/// JSON for timeline events, independent of the encoder's date strategy.
///
/// ```json
/// {"id":"e2","type":"agentReply","at":"2026-11-23T10:05:00.000Z",
///  "author":{"role":"agent","id":"ana"},"visibility":"public","body":"We are on it."}
/// ```
/// `type` selects the other fields: `created` carries `ticket`, `customer`, `subject`, `body`, `priority`,
/// `department`, `channel`, optional `service` and optional `reseller` (the customer's reseller's partner id);
/// replies and notes carry `body`; `statusChanged` carries
/// `status`; `priorityChanged` `priority`; `departmentChanged` `department`; `assigneeChanged` `assignee`
/// (null to unassign); `merged` `into`; `mergedFrom` `from`; `resellerChanged` `reseller` (null when the
/// customer became a direct customer); `reopened` nothing.
extension TicketEvent: Codable {
  enum CodingKeys: String, CodingKey {
    case id, type, at, author, visibility
    case body, ticket, customer, subject, priority, department, channel, service
    case status, assignee, into, from, reseller
  }

  /// Decodes an event, validating every field.
  /// - Throws: `DecodingError` naming the field path for a missing, mistyped or unknown value.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let id = try container.decode(EventID.self, forKey: .id)
    let type = try container.decode(String.self, forKey: .type)
    let atText = try container.decode(String.self, forKey: .at)
    guard let instant = Timestamp.parse(atText) else {
      throw DecodingError.dataCorruptedError(
        forKey: .at, in: container, debugDescription: "'\(atText.prefix(40))' is not an ISO 8601 instant")
    }
    let author = try container.decode(TicketAuthor.self, forKey: .author)
    let visibility = try container.decodeIfPresent(EventVisibility.self, forKey: .visibility)
    let kind: Kind
    switch type {
    case "created": kind = .created(try TicketOpening(from: decoder))
    case "customerReply": kind = .customerReply(body: try container.decodeText(forKey: .body))
    case "agentReply": kind = .agentReply(body: try container.decodeText(forKey: .body))
    case "automatedMessage": kind = .automatedMessage(body: try container.decodeText(forKey: .body))
    case "internalNote": kind = .internalNote(body: try container.decodeText(forKey: .body))
    case "statusChanged": kind = .statusChanged(to: try container.decode(TicketStatus.self, forKey: .status))
    case "priorityChanged": kind = .priorityChanged(to: try container.decode(Priority.self, forKey: .priority))
    case "departmentChanged":
      kind = .departmentChanged(to: try container.decode(Department.self, forKey: .department))
    case "assigneeChanged": kind = .assigneeChanged(to: try container.decodeIfPresent(AgentID.self, forKey: .assignee))
    case "merged": kind = .merged(into: try container.decode(TicketID.self, forKey: .into))
    case "mergedFrom": kind = .mergedFrom(try container.decode(TicketID.self, forKey: .from))
    case "reopened": kind = .reopened
    case "resellerChanged":
      kind = .resellerChanged(to: try container.decodeIfPresent(PartnerID.self, forKey: .reseller))
    default:
      throw DecodingError.dataCorruptedError(
        forKey: .type, in: container, debugDescription: "unknown event type '\(type.prefix(40))'")
    }
    self.init(id: id, instant: instant, author: author, visibility: visibility, kind: kind)
  }

  /// Encodes the event in the documented shape.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(kind.name, forKey: .type)
    try container.encode(Timestamp.format(instant), forKey: .at)
    try container.encode(author, forKey: .author)
    try container.encode(visibility, forKey: .visibility)
    switch kind {
    case .created(let opening):
      try opening.encode(to: encoder)
    case .customerReply(let body), .agentReply(let body), .automatedMessage(let body), .internalNote(let body):
      try container.encode(body, forKey: .body)
    case .statusChanged(let status): try container.encode(status, forKey: .status)
    case .priorityChanged(let priority): try container.encode(priority, forKey: .priority)
    case .departmentChanged(let department): try container.encode(department, forKey: .department)
    case .assigneeChanged(let assignee): try container.encode(assignee, forKey: .assignee)
    case .merged(let target): try container.encode(target, forKey: .into)
    case .mergedFrom(let source): try container.encode(source, forKey: .from)
    case .resellerChanged(let reseller): try container.encode(reseller, forKey: .reseller)
    case .reopened: break
    }
  }
}

/// JSON for the opening of a ticket: the fields a `created` event carries next to `id`, `type`, `at`…
///
/// ```json
/// {"ticket":"T-1","customer":"cust-1","subject":"Site down","body":"example.com shows a 500 error",
///  "priority":"critical","department":"technical","channel":"panel",
///  "service":{"tier":"shared","plan":"Starter","domain":"example.com"},"reseller":"acme"}
/// ```
/// `service` and `reseller` are left out when absent; openings written before tickets knew their reseller
/// have no `reseller` and read back as a direct customer's.
extension TicketOpening: Codable {
  private enum CodingKeys: String, CodingKey {
    case ticket, customer, subject, body, priority, department, channel, service, reseller
  }

  /// Decodes an opening; `service` and `reseller` are optional, every other field is required.
  /// - Throws: `DecodingError` naming the field for a missing, mistyped, unknown or oversized value.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      ticketID: try container.decode(TicketID.self, forKey: .ticket),
      customerID: try container.decode(CustomerID.self, forKey: .customer),
      subject: try container.decodeText(forKey: .subject, maximumBytes: TicketEventRules.maximumSubjectBytes),
      body: try container.decodeText(forKey: .body),
      priority: try container.decode(Priority.self, forKey: .priority),
      department: try container.decode(Department.self, forKey: .department),
      channel: try container.decode(Channel.self, forKey: .channel),
      service: try container.decodeIfPresent(ServiceReference.self, forKey: .service),
      resellerID: try container.decodeIfPresent(PartnerID.self, forKey: .reseller)
    )
  }

  /// Encodes the opening's fields into the current container.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(ticketID, forKey: .ticket)
    try container.encode(customerID, forKey: .customer)
    try container.encode(subject, forKey: .subject)
    try container.encode(body, forKey: .body)
    try container.encode(priority, forKey: .priority)
    try container.encode(department, forKey: .department)
    try container.encode(channel, forKey: .channel)
    try container.encodeIfPresent(service, forKey: .service)
    try container.encodeIfPresent(resellerID, forKey: .reseller)
  }
}

extension KeyedDecodingContainer {
  /// Decodes a message text, refusing one longer than the timeline accepts.
  func decodeText(forKey key: Key, maximumBytes: Int = TicketEventRules.maximumBodyBytes) throws -> String {
    let text = try decode(String.self, forKey: key)
    guard text.utf8.count <= maximumBytes else {
      throw DecodingError.dataCorruptedError(
        forKey: key, in: self, debugDescription: "is longer than \(maximumBytes) bytes")
    }
    return text
  }
}
