import Foundation

/// Masks secrets that customers paste into tickets, before the text reaches any store.
///
/// Customers of a web host paste control-panel passwords, card numbers, SSH private keys and API
/// tokens into tickets. None of that may be kept. The redactor replaces each secret with a marker that
/// says what was removed (`[redacted card ending 1111]`, `password: [redacted]`,
/// `[redacted private key]`, `[redacted token]`) and leaves everything else byte for byte.
///
/// What it recognises:
/// - **Card numbers**: runs of 13–19 digits, optionally grouped by single spaces or dashes, that pass the
///   Luhn check and start like a payment card (Visa, Mastercard, Amex, Discover, JCB, Diners, UnionPay,
///   Maestro). Order numbers, phone numbers, IP addresses and dates are left alone.
/// - **Passwords**: `password: …`, `pass=…`, `pwd: …` in English, Malay/Indonesian (`kata laluan`,
///   `kata sandi`) and Lao (`ລະຫັດຜ່ານ`); the label stays, the value goes. `password is …` is redacted when
///   the value has a digit or symbol, so "the password is wrong" stays readable.
/// - **Private keys**: PEM blocks `-----BEGIN … PRIVATE KEY-----` … `-----END … PRIVATE KEY-----` (a block
///   with no end marker is redacted to the end of the text).
/// - **API tokens**: AWS access key ids, GitHub, GitLab, Slack, Stripe and Google keys, JWTs,
///   `Authorization: Bearer …`, and `api_key=…`/`secret: …`/`token=…` assignments whose value has a digit
///   or is at least 20 characters long (so "the token is expired" stays).
/// - **Phone numbers** written with a `+` country code are never taken for card numbers.
public struct SensitiveDataRedactor: Sendable {
  /// The kinds of secret the redactor looks for.
  public struct Kinds: OptionSet, Hashable, Sendable {
    /// The raw bits.
    public let rawValue: Int
    /// Creates a set from raw bits.
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// Payment card numbers.
    public static let cardNumbers = Kinds(rawValue: 1 << 0)
    /// Passwords after a label.
    public static let passwords = Kinds(rawValue: 1 << 1)
    /// PEM private keys.
    public static let privateKeys = Kinds(rawValue: 1 << 2)
    /// API tokens and keys.
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
  /// - Parameter text: A message body or subject.
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
      result = RedactionPatterns.privateKeys.replace(in: result) { _ in "[redacted private key]" }
    }
    if kinds.contains(.apiTokens) {
      for (trigger, pattern) in RedactionPatterns.tokens where triggers.contains(trigger) {
        result = pattern.replace(in: result) { _ in "[redacted token]" }
      }
      if triggers.contains(.tokenAssignment) {
        // "the token is expired" is prose, not a secret: a value must have a digit or be long.
        result = RedactionPatterns.tokenAssignments.replaceCapture(in: result, group: 2, with: "[redacted token]") {
          value in value.utf8.count >= 20 || value.contains { $0.isNumber }
        }
      }
    }
    if kinds.contains(.passwords), triggers.contains(.password) {
      result = RedactionPatterns.labelledPasswords.replaceCapture(in: result, group: 2, with: "[redacted]")
      result = RedactionPatterns.statedPasswords.replaceCapture(in: result, group: 2, with: "[redacted]") { value in
        value != "[redacted]" && value.contains { $0.isNumber || $0.isPunctuation || $0.isSymbol }
      }
    }
    if kinds.contains(.cardNumbers), triggers.contains(.cardDigits) {
      result = RedactionPatterns.cardCandidates.replace(in: result) { match in
        let digits = match.filter(\.isASCII).filter(\.isNumber)
        guard CardNumber.isLikelyCard(digits) else { return nil }
        return "[redacted card ending \(digits.suffix(4))]"
      }
    }
    return result
  }

  /// Whether the text contains anything this redactor would mask.
  /// - Parameter text: The text to check.
  /// - Returns: `true` when ``redact(_:)`` would change it.
  public func containsSecrets(_ text: String) -> Bool { redact(text) != text }
}

/// Luhn and issuer checks for card numbers.
enum CardNumber {
  static func isLikelyCard(_ digits: String) -> Bool {
    let values = digits.compactMap(\.wholeNumberValue)
    guard values.count >= 13, values.count <= 19, values.count == digits.count else { return false }
    return hasCardPrefix(values) && passesLuhn(values)
  }

  /// The Luhn (mod 10) check.
  static func passesLuhn(_ values: [Int]) -> Bool {
    var sum = 0
    for (offset, value) in values.reversed().enumerated() {
      if offset % 2 == 1 {
        let doubled = value * 2
        sum += doubled > 9 ? doubled - 9 : doubled
      } else {
        sum += value
      }
    }
    return sum % 10 == 0
  }

  /// Issuer identification prefixes of the major card networks.
  static func hasCardPrefix(_ values: [Int]) -> Bool {
    func prefix(_ count: Int) -> Int { values.prefix(count).reduce(0) { $0 * 10 + $1 } }
    let one = prefix(1)
    let two = prefix(2)
    let three = prefix(3)
    let four = prefix(4)
    let six = prefix(6)
    if one == 4 { return true }  // Visa
    if (51...55).contains(two) || (2221...2720).contains(four) { return true }  // Mastercard
    if two == 34 || two == 37 { return true }  // American Express
    if four == 6011 || two == 65 || (644...649).contains(three) || (622_126...622_925).contains(six) { return true }
    if (3528...3589).contains(four) { return true }  // JCB
    if (300...305).contains(three) || two == 36 || two == 38 || two == 39 { return true }  // Diners
    if two == 62 || two == 50 || (56...69).contains(two) { return true }  // UnionPay, Maestro
    return false
  }
}
