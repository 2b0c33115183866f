import Foundation

/// An error thrown by SupportCore's value types: an empty identifier, an unknown currency, money arithmetic
/// that would overflow or mix currencies, or a date that does not exist.
///
/// JSON: `{"code":"overflow","message":"…","context":{"value":"…"}}`.
public struct SupportCoreError: SupportKitError, Hashable {
  /// What kind of problem this is. Open: compare with `==` and keep a `default` branch.
  public struct Code: SupportKitErrorCode {
    /// The code's stable name.
    public let rawValue: String
    /// Creates a code from its name.
    /// - Parameter rawValue: The stable name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// An identifier is empty, whitespace only, too long or contains control characters.
    public static let invalidIdentifier = Code(rawValue: "invalidIdentifier")
    /// A currency code is not a three-letter ISO 4217 code.
    public static let invalidCurrency = Code(rawValue: "invalidCurrency")
    /// An amount's text is not a decimal number with the currency's precision.
    public static let invalidAmount = Code(rawValue: "invalidAmount")
    /// An arithmetic result does not fit in 64-bit minor units.
    public static let overflow = Code(rawValue: "overflow")
    /// Two amounts in different currencies were combined.
    public static let currencyMismatch = Code(rawValue: "currencyMismatch")
    /// A date or month does not exist or lies outside years 1…9999.
    public static let invalidDate = Code(rawValue: "invalidDate")
    /// A partner or brand field is empty, malformed or out of range.
    public static let invalidPartner = Code(rawValue: "invalidPartner")
  }

  /// What kind of problem this is.
  public var code: Code
  /// What was wrong and what to do.
  public var message: String
  /// Named facts: `value`, `expected`, `currency`… (see ``ErrorContextKey``).
  public var context: [String: String]

  /// Creates an error.
  /// - Parameters:
  ///   - code: What kind of problem this is.
  ///   - message: What was wrong and what to do.
  ///   - context: Named facts.
  public init(code: Code, message: String, context: [String: String] = [:]) {
    self.code = code
    self.message = message
    self.context = context
  }

  /// An identifier that breaks the rules of ``Identifier``.
  /// - Parameters:
  ///   - text: The rejected text.
  ///   - reason: Why it was rejected.
  /// - Returns: An error with code ``Code/invalidIdentifier``.
  public static func invalidIdentifier(_ text: String, reason: String) -> SupportCoreError {
    SupportCoreError(
      code: .invalidIdentifier, message: "an identifier \(reason)",
      context: [ErrorContextKey.value: abbreviated(text)])
  }

  /// A currency code that is not three ASCII letters.
  /// - Parameter text: The rejected code.
  /// - Returns: An error with code ``Code/invalidCurrency``.
  public static func invalidCurrency(_ text: String) -> SupportCoreError {
    SupportCoreError(
      code: .invalidCurrency, message: "'\(abbreviated(text))' is not a three-letter ISO 4217 currency code",
      context: [ErrorContextKey.value: abbreviated(text), ErrorContextKey.expected: "three letters such as USD"])
  }

  /// An amount whose text cannot be read exactly.
  /// - Parameters:
  ///   - text: The rejected text.
  ///   - expected: What was expected instead.
  /// - Returns: An error with code ``Code/invalidAmount``.
  public static func invalidAmount(_ text: String, expected: String) -> SupportCoreError {
    SupportCoreError(
      code: .invalidAmount, message: "'\(abbreviated(text))' is not \(expected)",
      context: [ErrorContextKey.value: abbreviated(text), ErrorContextKey.expected: expected])
  }

  /// Arithmetic whose result does not fit.
  /// - Parameter operation: What was computed, such as `"USD 9223372036854775807.00 + USD 0.01"`.
  /// - Returns: An error with code ``Code/overflow``.
  public static func overflow(_ operation: String) -> SupportCoreError {
    SupportCoreError(
      code: .overflow, message: "\(operation) does not fit in 64-bit minor units",
      context: [ErrorContextKey.value: operation])
  }

  /// Two currencies combined in one operation.
  /// - Parameters:
  ///   - lhs: The first currency.
  ///   - rhs: The second currency.
  /// - Returns: An error with code ``Code/currencyMismatch``.
  public static func currencyMismatch(_ lhs: CurrencyCode, _ rhs: CurrencyCode) -> SupportCoreError {
    SupportCoreError(
      code: .currencyMismatch, message: "cannot combine \(lhs) and \(rhs); convert one amount first",
      context: ["lhs": lhs.code, "rhs": rhs.code])
  }

  /// A date or month that does not exist.
  /// - Parameters:
  ///   - text: The rejected text.
  ///   - expected: The form expected, such as `"a date YYYY-MM-DD"`.
  /// - Returns: An error with code ``Code/invalidDate``.
  public static func invalidDate(_ text: String, expected: String = "an existing date YYYY-MM-DD in years 1…9999")
    -> SupportCoreError
  {
    SupportCoreError(
      code: .invalidDate, message: "'\(abbreviated(text))' is not \(expected)",
      context: [ErrorContextKey.value: abbreviated(text), ErrorContextKey.expected: expected])
  }
}

extension SupportCoreError {
  /// A partner or brand field that breaks its rule.
  /// - Parameters:
  ///   - field: The field's JSON name, such as `senderAddress`.
  ///   - reason: What the field must be.
  /// - Returns: An error with code ``Code/invalidPartner``.
  public static func invalidPartner(field: String, reason: String) -> SupportCoreError {
    SupportCoreError(code: .invalidPartner, message: "\(field) \(reason)", context: [ErrorContextKey.path: field])
  }

  /// The field named in the context, if any.
  var field: String? { context[ErrorContextKey.path] }
}

/// The first 64 characters of a value, for messages and context (an error never carries a whole document).
package func abbreviated(_ text: String, limit: Int = 64) -> String {
  guard text.count > limit else { return text }
  return String(text.prefix(limit)) + "…"
}
