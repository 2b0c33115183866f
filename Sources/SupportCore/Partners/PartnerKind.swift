import Foundation

/// What a partner does for the host: a reseller bills and supports its own customers under its own brand; an
/// affiliate refers customers and is credited for them (attribution only).
///
/// Open: hosts can add their own kinds (`PartnerKind(rawValue: "marketplace")`). Encodes as a plain JSON string.
public struct PartnerKind: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral,
  CustomStringConvertible
{
  /// The kind's stable name.
  public let rawValue: String

  /// Creates a kind from its name, or `nil` when the name is empty or longer than 64 bytes.
  /// - Parameter rawValue: The kind's name.
  public init?(rawValue: String) {
    guard !rawValue.isEmpty, rawValue.utf8.count <= 64 else { return nil }
    self.rawValue = rawValue
  }

  /// Creates a kind from a literal.
  /// - Parameter value: The kind's name.
  /// - Precondition: The name is 1…64 bytes.
  public init(stringLiteral value: String) {
    precondition(!value.isEmpty && value.utf8.count <= 64, "invalid partner kind '\(value)'")
    self.rawValue = value
  }

  /// Decodes a plain JSON string.
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: `DecodingError.dataCorrupted` for an empty or over-long name.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let kind = PartnerKind(rawValue: text) else {
      throw DecodingError.dataCorruptedError(in: container, debugDescription: "a partner kind is 1 to 64 bytes")
    }
    self = kind
  }

  /// Encodes the name as a plain JSON string.
  /// - Parameter encoder: The encoder to write to.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }

  /// Bills and supports its own customers; its brand appears on every notice they receive.
  public static let reseller: PartnerKind = "reseller"
  /// Refers customers to the host; credited for them, but the host bills and supports them.
  public static let affiliate: PartnerKind = "affiliate"

  /// The kind's name.
  public var description: String { rawValue }
}
