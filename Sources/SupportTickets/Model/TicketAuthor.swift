import Foundation

/// Who caused a timeline event.
public enum TicketAuthor: Hashable, Sendable {
  /// The customer who owns the ticket.
  case customer(CustomerID)
  /// A member of the host's staff.
  case agent(AgentID)
  /// The software itself: automatic acknowledgements, progress updates, auto-close, SLA escalations.
  case system

  /// `customer`, `agent` or `system`, as written in JSON.
  public var role: String {
    switch self {
    case .customer: return "customer"
    case .agent: return "agent"
    case .system: return "system"
    }
  }
}

extension TicketAuthor: Codable {
  private enum CodingKeys: String, CodingKey {
    case role
    case id
  }

  /// Decodes `{"role":"customer","id":"cust-1"}`, `{"role":"agent","id":"agent-7"}` or `{"role":"system"}`.
  /// - Throws: `DecodingError` for an unknown role or a missing id.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let role = try container.decode(String.self, forKey: .role)
    switch role {
    case "customer": self = .customer(try container.decode(CustomerID.self, forKey: .id))
    case "agent": self = .agent(try container.decode(AgentID.self, forKey: .id))
    case "system": self = .system
    default:
      throw DecodingError.dataCorruptedError(
        forKey: .role, in: container, debugDescription: "unknown author role '\(role)' (customer, agent, system)")
    }
  }

  /// Encodes as `{"role":…,"id":…}`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(role, forKey: .role)
    switch self {
    case .customer(let id): try container.encode(id, forKey: .id)
    case .agent(let id): try container.encode(id, forKey: .id)
    case .system: break
    }
  }
}

/// Who may see a timeline event.
public enum EventVisibility: String, Hashable, Sendable, Codable {
  /// The customer and staff.
  case `public`
  /// Staff only. Never shown in ``Ticket/customerView``.
  case `internal`
}
