import Foundation

/// How a customer came to the host: directly, through a reseller who bills and supports them, or referred by
/// an affiliate.
///
/// Open: hosts can add their own channels (`AcquisitionChannel(rawValue: "marketplace")`). Encodes as a plain
/// JSON string.
public struct AcquisitionChannel: RawRepresentable, Hashable, Comparable, Sendable, Codable,
  ExpressibleByStringLiteral, CustomStringConvertible
{
  /// The channel's stable name, such as `"reseller"`.
  public let rawValue: String

  /// Creates a channel from its name, or `nil` when the name is empty, longer than 64 bytes or not made of
  /// letters, digits, `-` and `_`.
  /// - Parameter rawValue: The channel's name.
  public init?(rawValue: String) {
    guard Self.isValidName(rawValue) else { return nil }
    self.rawValue = rawValue
  }

  /// Creates a channel from a literal.
  /// - Parameter value: The channel's name.
  /// - Precondition: The name is valid (see ``init(rawValue:)``).
  public init(stringLiteral value: String) {
    precondition(Self.isValidName(value), "invalid acquisition channel '\(value)'")
    self.rawValue = value
  }

  /// Decodes a plain JSON string.
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: `DecodingError.dataCorrupted` for an invalid name.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard Self.isValidName(text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "a channel name is 1 to 64 letters, digits, '-' or '_'")
    }
    self.rawValue = text
  }

  /// Encodes the name as a plain JSON string.
  /// - Parameter encoder: The encoder to write to.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }

  /// The customer signed up with the host directly.
  public static let direct: AcquisitionChannel = "direct"
  /// The customer buys through a reseller, who bills and supports them.
  public static let reseller: AcquisitionChannel = "reseller"
  /// The customer was referred by an affiliate (attribution only; the host bills and supports them).
  public static let affiliate: AcquisitionChannel = "affiliate"

  /// The channels every host has: direct, reseller, affiliate.
  public static let wellKnown: [AcquisitionChannel] = [.direct, .reseller, .affiliate]

  /// The channel's name.
  public var description: String { rawValue }

  /// Orders channels by name.
  /// - Parameters:
  ///   - lhs: A channel.
  ///   - rhs: Another channel.
  /// - Returns: Whether `lhs` sorts first.
  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

  private static func isValidName(_ text: String) -> Bool {
    let bytes = text.utf8
    guard !bytes.isEmpty, bytes.count <= 64 else { return false }
    return bytes.allSatisfy { byte in
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
        return true
      default: return false
      }
    }
  }
}
