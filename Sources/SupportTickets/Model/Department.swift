import Foundation

/// The team a ticket belongs to. Open: a host can add its own with `Department("domains")`.
public struct Department: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral,
  CustomStringConvertible
{
  /// The department's name.
  public let rawValue: String
  /// Creates a department.
  /// - Parameter rawValue: Its name, e.g. `"billing"`.
  public init(rawValue: String) { self.rawValue = rawValue }
  /// Creates a department.
  /// - Parameter rawValue: Its name, e.g. `"billing"`.
  public init(_ rawValue: String) { self.rawValue = rawValue }
  /// Creates a department from a string literal.
  public init(stringLiteral value: String) { self.rawValue = value }
  /// Decodes a plain, non-empty JSON string.
  public init(from decoder: any Decoder) throws { self.rawValue = try decodeNonEmptyString(from: decoder) }
  /// Encodes as a plain JSON string.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
  /// The department's name.
  public var description: String { rawValue }

  /// Invoices, payments, refunds, renewals.
  public static let billing: Department = "billing"
  /// Servers, sites, email, DNS: anything that does not work.
  public static let technical: Department = "technical"
  /// Questions before buying, upgrades.
  public static let sales: Department = "sales"
  /// Spam, phishing, malware and other abuse reports.
  public static let abuse: Department = "abuse"
}

/// How a ticket reached the host. Open: a host can add its own with `Channel("whatsapp")`.
public struct Channel: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral,
  CustomStringConvertible
{
  /// The channel's name.
  public let rawValue: String
  /// Creates a channel.
  /// - Parameter rawValue: Its name, e.g. `"email"`.
  public init(rawValue: String) { self.rawValue = rawValue }
  /// Creates a channel.
  /// - Parameter rawValue: Its name, e.g. `"email"`.
  public init(_ rawValue: String) { self.rawValue = rawValue }
  /// Creates a channel from a string literal.
  public init(stringLiteral value: String) { self.rawValue = value }
  /// Decodes a plain, non-empty JSON string.
  public init(from decoder: any Decoder) throws { self.rawValue = try decodeNonEmptyString(from: decoder) }
  /// Encodes as a plain JSON string.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
  /// The channel's name.
  public var description: String { rawValue }

  /// Email to the support address.
  public static let email: Channel = "email"
  /// The host's customer panel.
  public static let panel: Channel = "panel"
  /// Live chat.
  public static let chat: Channel = "chat"
  /// A phone call logged by an agent.
  public static let phone: Channel = "phone"
}

/// The longest name or identifier accepted in JSON, in UTF-8 bytes.
let maximumNameBytes = 256

/// Decodes a single non-empty string of at most ``maximumNameBytes`` bytes, for identifiers and open
/// string-backed types.
func decodeNonEmptyString(from decoder: any Decoder) throws -> String {
  let container = try decoder.singleValueContainer()
  let value = try container.decode(String.self)
  guard !value.isEmpty else {
    throw DecodingError.dataCorruptedError(in: container, debugDescription: "must not be empty")
  }
  guard value.utf8.count <= maximumNameBytes else {
    throw DecodingError.dataCorruptedError(
      in: container, debugDescription: "is longer than \(maximumNameBytes) bytes")
  }
  return value
}
