import Foundation

/// JSON for a query, as a host's API might receive it from a panel.
///
/// ```json
/// {"customer":"cust-1","partner":"acme","statuses":["open","inProgress"],"priorities":["critical"],
///  "departments":["technical"],"assignee":"ana","updatedSince":"2026-11-01T00:00:00.000Z",
///  "text":"backup","searchesInternalNotes":false,"limit":50,"cursor":"s41"}
/// ```
/// Every field is optional; `limit` defaults to 100 and must be 1…1000, `searchesInternalNotes` defaults
/// to `false` and is always `false` with `partner` (a partner-scoped query never searches internal notes).
/// Sets are written as arrays sorted by name.
extension TicketQuery: Codable {
  private enum CodingKeys: String, CodingKey {
    case customer, partner, statuses, priorities, departments, assignee, updatedSince, text, searchesInternalNotes
    case limit, cursor
  }

  /// Decodes a query.
  /// - Throws: `DecodingError` naming the field for a mistyped value, an unknown status or priority, a bad
  ///   instant, or a `limit` outside 1…1000.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    // Read as a number first, so that 1.5 or 1e30 is reported at `limit` (Foundation reports a number
    // that does not fit an Int as invalid JSON, without a path).
    let requested = try container.decodeIfPresent(Double.self, forKey: .limit) ?? 100
    guard requested.rounded() == requested, (1...1000).contains(requested) else {
      throw DecodingError.dataCorruptedError(
        forKey: .limit, in: container, debugDescription: "must be a whole number 1…1000")
    }
    let limit = Int(requested)
    let text = try container.decodeIfPresent(String.self, forKey: .text)
    if let text, text.utf8.count > TicketEventRules.maximumSubjectBytes {
      throw DecodingError.dataCorruptedError(
        forKey: .text, in: container,
        debugDescription: "is longer than \(TicketEventRules.maximumSubjectBytes) bytes")
    }
    self.init(
      customerID: try container.decodeIfPresent(CustomerID.self, forKey: .customer),
      partnerID: try container.decodeIfPresent(PartnerID.self, forKey: .partner),
      statuses: try container.decodeIfPresent([TicketStatus].self, forKey: .statuses).map(Set.init),
      priorities: try container.decodeIfPresent([Priority].self, forKey: .priorities).map(Set.init),
      departments: try container.decodeIfPresent([Department].self, forKey: .departments).map(Set.init),
      assignee: try container.decodeIfPresent(AgentID.self, forKey: .assignee),
      updatedSince: try container.contains(.updatedSince) && !container.decodeNil(forKey: .updatedSince)
        ? container.decodeInstant(forKey: .updatedSince) : nil,
      text: text,
      searchesInternalNotes: try container.decodeIfPresent(Bool.self, forKey: .searchesInternalNotes) ?? false,
      limit: limit,
      cursor: try container.decodeIfPresent(TicketCursor.self, forKey: .cursor)
    )
  }

  /// Encodes the set criteria (unset ones are left out).
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encodeIfPresent(customerID, forKey: .customer)
    try container.encodeIfPresent(partnerID, forKey: .partner)
    try container.encodeIfPresent(statuses?.map(\.rawValue).sorted(), forKey: .statuses)
    try container.encodeIfPresent(priorities?.sorted(), forKey: .priorities)
    try container.encodeIfPresent(departments?.map(\.rawValue).sorted(), forKey: .departments)
    try container.encodeIfPresent(assignee, forKey: .assignee)
    try container.encodeIfPresent(updatedSince.map(Timestamp.format), forKey: .updatedSince)
    try container.encodeIfPresent(text, forKey: .text)
    try container.encode(searchesInternalNotes, forKey: .searchesInternalNotes)
    try container.encode(limit, forKey: .limit)
    try container.encodeIfPresent(cursor, forKey: .cursor)
  }
}
