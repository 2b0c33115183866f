import Foundation

/// An ISO 4217 currency code such as `USD`, `MYR` or `LAK`, always three upper-case ASCII letters, with the
/// number of decimal digits its minor unit has.
///
/// Encodes as a plain JSON string. A literal (`"usd"`) is upper-cased; text from input goes through
/// ``init(validating:)``.
public struct CurrencyCode: Hashable, Comparable, Sendable, Codable, ExpressibleByStringLiteral,
  CustomStringConvertible
{
  /// The three upper-case letters.
  public let code: String

  /// Reads a currency code, upper-casing it.
  /// - Parameter text: Three ASCII letters, in any case.
  /// - Throws: ``SupportCoreError`` with code ``SupportCoreError/Code/invalidCurrency`` for anything else.
  public init(validating text: String) throws(SupportCoreError) {
    guard let code = Self.normalised(text) else { throw .invalidCurrency(text) }
    self.code = code
  }

  /// Creates a code from a literal such as `"USD"`.
  /// - Parameter value: Three ASCII letters.
  /// - Precondition: The literal is three ASCII letters.
  public init(stringLiteral value: String) {
    guard let code = Self.normalised(value) else { preconditionFailure("'\(value)' is not an ISO 4217 code") }
    self.code = code
  }

  /// Decodes a plain JSON string of three letters.
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: `DecodingError.dataCorrupted` when the string is not three ASCII letters.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let code = Self.normalised(text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "currency must be a three-letter ISO 4217 code")
    }
    self.code = code
  }

  /// Encodes the three letters as a plain JSON string.
  /// - Parameter encoder: The encoder to write to.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(code)
  }

  /// How many decimal digits the currency's minor unit has, from ISO 4217: 0 for JPY, KRW, VND and others
  /// without a minor unit in use; 3 for BHD, IQD, JOD, KWD, LYD, OMR and TND; 4 for CLF and UYW; 2 otherwise.
  public var minorUnitDigits: Int {
    switch code {
    case "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF",
      "XOF", "XPF":
      return 0
    case "BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND": return 3
    case "CLF", "UYW": return 4
    default: return 2
    }
  }

  /// One major unit in minor units: 100 for USD, 1 for JPY, 1000 for KWD.
  public var minorUnitsPerMajor: Int64 {
    var scale: Int64 = 1
    for _ in 0..<minorUnitDigits { scale *= 10 }
    return scale
  }

  /// The three letters.
  public var description: String { code }

  /// Orders codes alphabetically.
  /// - Parameters:
  ///   - lhs: A code.
  ///   - rhs: Another code.
  /// - Returns: Whether `lhs` sorts first.
  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.code < rhs.code }

  private static func normalised(_ text: String) -> String? {
    let bytes = Array(text.utf8)
    guard bytes.count == 3 else { return nil }
    var upper: [UInt8] = []
    upper.reserveCapacity(3)
    for byte in bytes {
      switch byte {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"): upper.append(byte)
      case UInt8(ascii: "a")...UInt8(ascii: "z"): upper.append(byte - 32)
      default: return nil
      }
    }
    return String(decoding: upper, as: UTF8.self)
  }
}
