import Foundation

/// A typed identifier: a string that knows what it identifies.
///
/// `Identifier<CustomerTag>` and `Identifier<TicketTag>` are different types, so a customer id cannot be
/// passed where a ticket id belongs. It costs nothing over a plain `String`, encodes as a plain JSON
/// string and can be written as a string literal:
///
/// ```swift
/// let customer: CustomerID = "cust-42"
/// ```
public struct Identifier<Tag>: RawRepresentable, Hashable, Comparable, Sendable, Codable,
  ExpressibleByStringLiteral, CustomStringConvertible
{
  /// The identifier's text.
  public let rawValue: String

  /// Wraps a string as an identifier.
  /// - Parameter rawValue: The identifier's text.
  public init(rawValue: String) { self.rawValue = rawValue }

  /// Wraps a string as an identifier.
  /// - Parameter rawValue: The identifier's text.
  public init(_ rawValue: String) { self.rawValue = rawValue }

  /// Creates an identifier from a string literal.
  public init(stringLiteral value: String) { self.rawValue = value }

  /// Decodes a plain JSON string; an empty string or one longer than 256 UTF-8 bytes is rejected.
  /// - Throws: `DecodingError.dataCorrupted` when the string is empty or too long.
  public init(from decoder: any Decoder) throws {
    self.rawValue = try decodeNonEmptyString(from: decoder)
  }

  /// Encodes as a plain JSON string.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }

  /// Orders identifiers by their text.
  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

  /// The identifier's text.
  public var description: String { rawValue }
}

/// Tag for ``TicketID``.
public enum TicketTag: Sendable {}
/// Tag for ``CustomerID``.
public enum CustomerTag: Sendable {}
/// Tag for ``AgentID``.
public enum AgentTag: Sendable {}
/// Tag for ``ServiceID``.
public enum ServiceTag: Sendable {}
/// Tag for ``EventID``.
public enum EventTag: Sendable {}

/// Identifies a support ticket.
public typealias TicketID = Identifier<TicketTag>
/// Identifies a customer (the account holder at the host).
public typealias CustomerID = Identifier<CustomerTag>
/// Identifies a support agent (staff member).
public typealias AgentID = Identifier<AgentTag>
/// Identifies a hosted service: a hosting account, VPS or dedicated server.
public typealias ServiceID = Identifier<ServiceTag>
/// Identifies one event of a ticket's timeline.
public typealias EventID = Identifier<EventTag>
