import Foundation
import SupportCore

/// One entry of a desk's state log: a sent mark, a queued message, a maintenance change, a piece of feedback…
///
/// A ``DeskStateStore`` keeps records without interpreting them: ``kind`` and ``instant`` are there so that a
/// store can index or inspect them (a database column each), ``payload`` is the desk's own JSON text. New kinds
/// are added over time (incidents, for example); a store must keep a record of a kind it does not know like any
/// other.
public struct DeskStateRecord: Hashable, Sendable, Codable {
  /// What a record is about. Open: later versions of the desk add kinds.
  public struct Kind: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
  {
    /// The kind's stable name (1 to 64 ASCII letters, digits, `-` or `.`).
    public let rawValue: String
    /// Creates a kind from its name.
    /// - Parameter rawValue: The name.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Creates a kind from a literal.
    /// - Parameter value: The name.
    public init(stringLiteral value: String) { self.rawValue = value }
    /// The kind's stable name.
    public var description: String { rawValue }
    /// Decodes the name as a plain string.
    /// - Parameter decoder: The decoder.
    /// - Throws: `DecodingError` for a name that is not a valid kind.
    public init(from decoder: any Decoder) throws {
      let value = try decoder.singleValueContainer().decode(String.self)
      guard Self.isValidName(value) else {
        throw DecodingError.dataCorrupted(
          DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "not a record kind: \(value)"))
      }
      self.rawValue = value
    }
    /// Encodes the name as a plain string.
    /// - Parameter encoder: The encoder.
    public func encode(to encoder: any Encoder) throws {
      var container = encoder.singleValueContainer()
      try container.encode(rawValue)
    }

    /// Whether `name` is a valid kind name: 1 to 64 ASCII letters, digits, `-` or `.` (what a store checks when it
    /// reads a kind back from storage it does not trust).
    /// - Parameter name: The name.
    public static func isValidName(_ name: String) -> Bool {
      (1...64).contains(name.utf8.count)
        && name.utf8.allSatisfy { byte in
          (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: ".")
        }
    }
  }

  /// What the record is about.
  public var kind: Kind
  /// When it happened, to the millisecond: what retention and a store's indexes go by.
  public var instant: Date
  /// The desk's JSON text for the record. Stores keep it unchanged, character for character.
  public var payload: String

  /// A record.
  /// - Parameters:
  ///   - kind: What the record is about.
  ///   - instant: When it happened (rounded to the millisecond).
  ///   - payload: The record's JSON text.
  public init(kind: Kind, instant: Date, payload: String) {
    self.kind = kind
    self.instant = Timestamp.millisecondPrecision(instant)
    self.payload = payload
  }
}
