import Foundation

/// A language the classifier recognises, identified by its ISO 639-1 code.
///
/// An open set: hosts can create their own values (`SentimentLanguage(rawValue: "th")`) and register a lexicon for
/// them. Encoded as the plain code string.
public struct SentimentLanguage: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible,
  ExpressibleByStringLiteral
{
  /// The ISO 639-1 code (`"en"`, `"ms"`, `"lo"`) or `"und"` when undetermined.
  public var rawValue: String

  /// Creates a language from its code.
  ///
  /// - Parameter rawValue: An ISO 639-1 code, lowercased.
  public init(rawValue: String) { self.rawValue = rawValue }

  /// Creates a language from a string literal code.
  ///
  /// - Parameter value: An ISO 639-1 code.
  public init(stringLiteral value: String) { self.rawValue = value }

  /// Decodes the plain code string.
  ///
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: `DecodingError` when the value is not a string.
  public init(from decoder: any Decoder) throws {
    rawValue = try decoder.singleValueContainer().decode(String.self)
  }

  /// Encodes the plain code string.
  ///
  /// - Parameter encoder: The encoder to write to.
  /// - Throws: Whatever the encoder throws.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }

  /// The code.
  public var description: String { rawValue }

  /// English.
  public static let english = SentimentLanguage(rawValue: "en")
  /// Malay and Indonesian, which share one lexicon (`ms`).
  public static let malay = SentimentLanguage(rawValue: "ms")
  /// Lao.
  public static let lao = SentimentLanguage(rawValue: "lo")
  /// No language could be determined (no letters, or a script without a lexicon).
  public static let undetermined = SentimentLanguage(rawValue: "und")

  /// The languages whose lexicons ship in the module's resources.
  public static let bundled: [SentimentLanguage] = [.english, .malay, .lao]
}
