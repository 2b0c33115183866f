import Foundation

/// JSON for what a customer may see of a ticket.
///
/// ```json
/// {"id":"T-1","customer":"cust-1","subject":"Site down","status":"open","priority":"critical",
///  "department":"technical","createdAt":"2026-11-23T10:00:00.000Z",
///  "updatedAt":"2026-11-23T10:05:00.000Z","events":[{…public events only…}]}
/// ```
/// `service` is present when known. Decoding refuses a view that carries an internal event, so a view
/// that went through JSON still never shows an internal note.
extension CustomerTicketView: Codable {
  private enum CodingKeys: String, CodingKey {
    case id, customer, subject, status, priority, department, service, createdAt, updatedAt, events
  }

  /// Decodes a view.
  /// - Throws: `DecodingError` naming the field for a missing or malformed value, a bad instant, or an
  ///   event that is not public.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(TicketID.self, forKey: .id)
    customerID = try container.decode(CustomerID.self, forKey: .customer)
    subject = try container.decodeText(forKey: .subject, maximumBytes: TicketEventRules.maximumSubjectBytes)
    status = try container.decode(TicketStatus.self, forKey: .status)
    priority = try container.decode(Priority.self, forKey: .priority)
    department = try container.decode(Department.self, forKey: .department)
    service = try container.decodeIfPresent(ServiceReference.self, forKey: .service)
    createdAt = try container.decodeInstant(forKey: .createdAt)
    updatedAt = try container.decodeInstant(forKey: .updatedAt)
    events = try container.decode([TicketEvent].self, forKey: .events)
    if let index = events.firstIndex(where: { $0.visibility != .public }) {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: container.codingPath + [CodingKeys.events, TimelineIndexKey(index)],
          debugDescription: "a customer view holds public events only"))
    }
  }

  /// Encodes the documented shape.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(customerID, forKey: .customer)
    try container.encode(subject, forKey: .subject)
    try container.encode(status, forKey: .status)
    try container.encode(priority, forKey: .priority)
    try container.encode(department, forKey: .department)
    try container.encodeIfPresent(service, forKey: .service)
    try container.encode(Timestamp.format(createdAt), forKey: .createdAt)
    try container.encode(Timestamp.format(updatedAt), forKey: .updatedAt)
    try container.encode(events, forKey: .events)
  }
}

/// JSON for the auto-close policy: `{"periodSeconds":345600}`.
extension AutoClosePolicy: Codable {
  private enum CodingKeys: String, CodingKey {
    case periodSeconds
  }

  /// Decodes a policy.
  /// - Throws: `DecodingError` when `periodSeconds` is missing, not a number, or negative.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let period = try container.decode(Double.self, forKey: .periodSeconds)
    guard period.isFinite, period >= 0 else {
      throw DecodingError.dataCorruptedError(
        forKey: .periodSeconds, in: container, debugDescription: "must be a number of seconds ≥ 0")
    }
    self.init(period: period)
  }

  /// Encodes `{"periodSeconds":…}`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(period, forKey: .periodSeconds)
  }
}

extension KeyedDecodingContainer {
  /// Decodes an ISO 8601 instant written by `Timestamp.format`.
  func decodeInstant(forKey key: Key) throws -> Date {
    let text = try decode(String.self, forKey: key)
    guard let instant = Timestamp.parse(text) else {
      throw DecodingError.dataCorruptedError(
        forKey: key, in: self, debugDescription: "'\(text.prefix(40))' is not an ISO 8601 instant")
    }
    return instant
  }
}
