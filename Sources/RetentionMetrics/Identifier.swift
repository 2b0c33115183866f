import Foundation

/// A typed identifier: a string that knows what it identifies.
///
/// The phantom `Tag` keeps a ``CustomerID`` from being passed where a ``SubscriptionID`` belongs, at no cost.
/// It encodes as a plain JSON string and can be written as a string literal.
///
/// `RetentionMetrics` stands alone (it imports nothing else from HostingSupportKit), so it declares its own
/// identifier type; it has the same shape as the one in `SupportTickets`, and converting between them is a
/// matter of passing ``rawValue`` across.
public struct Identifier<Tag>: RawRepresentable, Hashable, Comparable, Sendable, Codable,
  ExpressibleByStringLiteral, CustomStringConvertible
{
  /// The identifier as written by the host's billing system.
  public var rawValue: String

  /// Wraps a raw identifier string.
  /// - Parameter rawValue: The identifier as written by the host's billing system.
  public init(rawValue: String) { self.rawValue = rawValue }

  /// Wraps a raw identifier string.
  /// - Parameter rawValue: The identifier as written by the host's billing system.
  public init(_ rawValue: String) { self.rawValue = rawValue }

  /// Creates an identifier from a string literal.
  /// - Parameter value: The identifier text.
  public init(stringLiteral value: String) { self.rawValue = value }

  /// Decodes the identifier from a plain string.
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: `DecodingError` when the value is not a string.
  public init(from decoder: any Decoder) throws {
    rawValue = try decoder.singleValueContainer().decode(String.self)
  }

  /// Encodes the identifier as a plain string.
  /// - Parameter encoder: The encoder to write to.
  /// - Throws: Whatever the encoder throws.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }

  /// The raw identifier.
  public var description: String { rawValue }

  /// Orders identifiers by their raw strings.
  /// - Parameters:
  ///   - lhs: An identifier.
  ///   - rhs: Another identifier.
  /// - Returns: Whether `lhs` sorts before `rhs`.
  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Tag for customer identifiers.
public enum CustomerTag {}
/// Tag for subscription identifiers.
public enum SubscriptionTag {}

/// Identifies a customer (an account that pays for one or more subscriptions).
public typealias CustomerID = Identifier<CustomerTag>
/// Identifies one subscription (one plan a customer pays for).
public typealias SubscriptionID = Identifier<SubscriptionTag>
