import Foundation

/// Masks secrets that customers paste into tickets, before the text reaches any store.
///
/// Customers of a web host paste control-panel passwords, card numbers, SSH private keys, API tokens and
/// cloud keys into tickets. None of that may be kept. The redactor replaces each secret with a marker that
/// says what was removed (`[redacted card ending 1111]`, `password: [redacted]`, `[redacted private key]`,
/// `[redacted token]`) and leaves everything else byte for byte. See <doc:SecretRedaction> for every
/// rule and the near misses left alone on purpose.
///
/// What it recognises:
/// - **Card numbers** that pass the Luhn check and start like a payment card, contiguous or grouped by
///   spaces, tabs, line breaks, dots, dashes, slashes or underscores, glued to a word before them or not
///   (`card-4111…`, `cc#4111…`). Order and invoice numbers, version strings, IP addresses, dates and phone
///   numbers written with a `+` country code are left alone.
/// - **Passwords**: after a label (`password: …`, `pass=…`, `kata laluan: …`, `ລະຫັດຜ່ານ: …`), as the value
///   of a secret key in JSON, `.env`, INI or YAML, in URLs (`scheme://user:password@host`), in command-line
///   flags (`--password=…`, `mysql -pSECRET`), and stated in a sentence in English, Malay, Indonesian or
///   Lao ("the root password for my VPS is …") when the value looks like a password.
/// - **Private keys**: PEM blocks `-----BEGIN … PRIVATE KEY-----` … `-----END … PRIVATE KEY-----`.
/// - **API tokens and cloud keys**: AWS access key ids and secret access keys, Google API keys and OAuth
///   client secrets, Azure client secrets, account keys and SAS signatures, GitHub, GitLab, Slack, Stripe,
///   DigitalOcean and `sk-` keys, JWTs, `Authorization: Bearer …`, and `api_key=…`-style assignments.
public struct SensitiveDataRedactor: Sendable {
  /// The kinds of secret the redactor looks for.
  public struct Kinds: OptionSet, Hashable, Sendable {
    /// The raw bits.
    public let rawValue: Int
    /// Creates a set from raw bits.
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// Payment card numbers.
    public static let cardNumbers = Kinds(rawValue: 1 << 0)
    /// Passwords: labelled, in key–value lines and JSON, in URLs and flags, and stated in sentences.
    public static let passwords = Kinds(rawValue: 1 << 1)
    /// PEM private keys.
    public static let privateKeys = Kinds(rawValue: 1 << 2)
    /// API tokens and cloud keys.
    public static let apiTokens = Kinds(rawValue: 1 << 3)
    /// Everything.
    public static let all: Kinds = [.cardNumbers, .passwords, .privateKeys, .apiTokens]
  }

  /// What this redactor looks for.
  public var kinds: Kinds

  /// Creates a redactor.
  /// - Parameter kinds: The secrets to mask; all of them by default.
  public init(kinds: Kinds = .all) { self.kinds = kinds }

  /// The redactor every shipped store applies by default.
  public static let standard = SensitiveDataRedactor()

  /// A redactor that changes nothing (for stores that receive already-redacted data).
  public static let disabled = SensitiveDataRedactor(kinds: [])

  /// Returns the text with every recognised secret masked.
  /// - Parameter text: A message body, subject, note or name.
  /// - Returns: The text with secrets replaced by markers; identical when there is nothing to mask.
  /// - Complexity: O(n) in the text's length: one byte scan finds which patterns could match, and only
  ///   those run (usually none).
  public func redact(_ text: String) -> String {
    guard !kinds.isEmpty, !text.isEmpty else { return text }
    return redact(text, triggers: RedactionTriggers.scan(text))
  }

  /// Redacts with only the patterns whose triggers are present; `.all` runs every pattern.
  func redact(_ text: String, triggers: RedactionTriggers) -> String {
    guard !triggers.isEmpty else { return text }
    var result = text
    if kinds.contains(.privateKeys), triggers.contains(.privateKey) {
      result = RedactionRules.privateKeys.replace(in: result) { _ in "[redacted private key]" }
    }
    if kinds.contains(.apiTokens) { result = TokenPatterns.redact(result, triggers: triggers) }
    if kinds.contains(.passwords) { result = PasswordPatterns.redact(result, triggers: triggers) }
    if kinds.contains(.cardNumbers), triggers.contains(.cardDigits) { result = Self.maskCards(in: result) }
    return result
  }

  private static func maskCards(in text: String) -> String {
    let cards = CardNumberScanner.cards(in: text)
    guard !cards.isEmpty else { return text }
    let utf8 = Array(text.utf8)
    var result: [UInt8] = []
    result.reserveCapacity(utf8.count)
    var cursor = 0
    for card in cards {
      result += utf8[cursor..<card.range.lowerBound]
      result += Array("[redacted card ending \(card.lastFour)]".utf8)
      cursor = card.range.upperBound
    }
    result += utf8[cursor...]
    // The cuts fall between ASCII digits and their neighbours, so the bytes stay valid UTF-8.
    return String(decoding: result, as: UTF8.self)
  }

  /// Whether the text contains anything this redactor would mask.
  /// - Parameter text: The text to check.
  /// - Returns: `true` when ``redact(_:)`` would change it.
  public func containsSecrets(_ text: String) -> Bool { redact(text) != text }
}

/// Rules that fit no family of their own.
enum RedactionRules {
  static let privateKeys = RedactionPattern(
    #"-----BEGIN ([A-Z0-9 ]+ )?PRIVATE KEY( BLOCK)?-----(?:.*?-----END ([A-Z0-9 ]+ )?PRIVATE KEY( BLOCK)?-----|.*\z)"#,
    options: [.dotMatchesLineSeparators]
  )
}
