import Foundation

/// A typed identifier: a string that knows what it identifies.
///
/// `Identifier<CustomerTag>` and `Identifier<PartnerTag>` are different types, so a customer id cannot be
/// passed where a partner id belongs. It costs nothing over a `String`, encodes as a plain JSON string and can
/// be written as a string literal:
///
/// ```swift
/// let customer: CustomerID = "cust-42"
/// let fromInput = try CustomerID(validating: form["customer"] ?? "")
/// ```
///
/// Every identifier is valid: 1…256 UTF-8 bytes, not whitespace only, no control characters. Text from outside
/// the program goes through ``init(validating:)`` (throws) or ``init(rawValue:)`` (returns `nil`); decoding
/// checks the same rules and throws. The literal and ``init(_:)`` initializers are for text the program itself
/// wrote and stop the program on invalid text, as an out-of-range array index does.
public struct Identifier<Tag>: RawRepresentable, Hashable, Comparable, Sendable, Codable,
  ExpressibleByStringLiteral, CustomStringConvertible
{
  /// The longest identifier accepted, in UTF-8 bytes.
  public static var maximumByteCount: Int { 256 }

  /// The identifier's text.
  public let rawValue: String

  /// Wraps text as an identifier, or returns `nil` when it breaks the rules (empty, whitespace only, longer
  /// than ``maximumByteCount`` bytes, or containing control characters).
  /// - Parameter rawValue: The identifier's text.
  public init?(rawValue: String) {
    guard Self.problem(with: rawValue) == nil else { return nil }
    self.rawValue = rawValue
  }

  /// Wraps text from outside the program as an identifier.
  /// - Parameter text: The identifier's text.
  /// - Throws: ``SupportCoreError`` with code ``SupportCoreError/Code/invalidIdentifier`` saying which rule
  ///   the text breaks.
  public init(validating text: String) throws(SupportCoreError) {
    if let problem = Self.problem(with: text) { throw .invalidIdentifier(text, reason: problem) }
    self.rawValue = text
  }

  /// Wraps text the program itself wrote.
  /// - Parameter rawValue: The identifier's text.
  /// - Precondition: The text is a valid identifier; use ``init(validating:)`` for input.
  public init(_ rawValue: String) {
    if let problem = Self.problem(with: rawValue) { preconditionFailure("invalid identifier: \(problem)") }
    self.rawValue = rawValue
  }

  /// Creates an identifier from a string literal.
  /// - Parameter value: The identifier's text.
  /// - Precondition: The literal is a valid identifier.
  public init(stringLiteral value: String) { self.init(value) }

  /// Decodes a plain JSON string.
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: `DecodingError.dataCorrupted` naming the rule when the string is not a valid identifier.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    if let problem = Self.problem(with: text) {
      throw DecodingError.dataCorruptedError(in: container, debugDescription: "an identifier \(problem)")
    }
    self.rawValue = text
  }

  /// Encodes as a plain JSON string.
  /// - Parameter encoder: The encoder to write to.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }

  /// The same text as an identifier of another kind, as when a reseller's partner id is also its customer id.
  /// - Parameter other: The tag of the identifier wanted.
  /// - Returns: An identifier with the same text.
  public func coerced<Other>(to other: Other.Type = Other.self) -> Identifier<Other> {
    Identifier<Other>(unchecked: rawValue)
  }

  /// Orders identifiers by their text.
  /// - Parameters:
  ///   - lhs: An identifier.
  ///   - rhs: Another identifier.
  /// - Returns: Whether `lhs` sorts before `rhs`.
  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

  /// The identifier's text.
  public var description: String { rawValue }

  init(unchecked rawValue: String) { self.rawValue = rawValue }

  /// An identifier the kit derives from others (`"\(ticket)-progress-\(n)"`), never trapping: text that is
  /// too long keeps its first bytes and ends in `~` and a 16-digit hash of the whole text, so the same text
  /// always gives the same identifier.
  /// - Parameter text: The derived text, built from valid identifiers and ASCII.
  package init(derived text: String) {
    if Self.problem(with: text) == nil {
      self.rawValue = text
      return
    }
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    let suffix = "~" + String(hash, radix: 16).leftPadded(to: 16)
    var prefix = Substring(text)
    while prefix.utf8.count + suffix.utf8.count > Self.maximumByteCount { prefix = prefix.dropLast() }
    let candidate = String(prefix) + suffix
    self.rawValue = Self.problem(with: candidate) == nil ? candidate : "id" + suffix
  }

  /// Wraps the bytes of a printable ASCII identifier — 1…``maximumByteCount`` bytes from 0x20 to 0x7E, not
  /// spaces only — or returns `nil` for anything else, which the caller then checks with
  /// ``init(validating:)`` to get the rule it breaks. For readers that have the bytes already (CSV imports):
  /// it checks them once and builds the `String` without a second pass over its UTF-8 view.
  /// - Parameter bytes: The identifier's UTF-8 bytes.
  package init?(printableASCII bytes: UnsafeBufferPointer<UInt8>) {
    guard !bytes.isEmpty, bytes.count <= Self.maximumByteCount else { return nil }
    var printable = true
    var sawVisible = false
    for byte in bytes {
      printable = printable && byte >= 0x20 && byte < 0x7F
      sawVisible = sawVisible || byte != UInt8(ascii: " ")
    }
    guard printable && sawVisible else { return nil }
    self.rawValue = String(decoding: bytes, as: UTF8.self)
  }

  /// Why `text` is not a valid identifier, or `nil` when it is.
  /// - Complexity: O(*n*) in the length of `text`.
  package static func problem(with text: String) -> String? {
    let bytes = text.utf8
    if bytes.isEmpty { return "must not be empty" }
    if bytes.count > maximumByteCount { return "must be at most \(maximumByteCount) UTF-8 bytes" }
    // ASCII text (the usual case) is checked byte by byte: controls are 0x00–0x1F and 0x7F, and the only
    // ASCII white space that is not a control is the space.
    var ascii = true
    var sawVisible = false
    for byte in bytes {
      if byte >= 0x80 {
        ascii = false
        break
      }
      if byte < 0x20 || byte == 0x7F { return "must not contain control characters" }
      if byte != UInt8(ascii: " ") { sawVisible = true }
    }
    if ascii { return sawVisible ? nil : "must not be whitespace only" }
    sawVisible = false
    for scalar in text.unicodeScalars {
      if scalar.properties.generalCategory == .control { return "must not contain control characters" }
      if !scalar.properties.isWhitespace { sawVisible = true }
    }
    return sawVisible ? nil : "must not be whitespace only"
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
