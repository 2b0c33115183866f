import Foundation

/// A strict JSON reader (RFC 8259) over bytes, for vendor exports of any size and any quality.
///
/// - Nesting deeper than ``maximumDepth`` is refused, so hostile input cannot exhaust the stack.
/// - Strings must be valid UTF-8; escapes are decoded, and a lone surrogate (`\ud800`) is refused.
/// - Numbers are checked against the JSON grammar and kept as text.
/// - Several values separated by white space (JSON lines, or pretty-printed responses one after another) are read
///   one at a time by ``nextDocument()``.
struct JSONParser {
  /// A syntax error at a byte offset.
  struct SyntaxError: Error {
    var offset: Int
    var message: String
  }

  /// The deepest nesting of arrays and objects read.
  static let maximumDepth = 96

  private let bytes: [UInt8]
  private var index: Int
  /// The line the last document returned by ``nextDocument()`` starts on.
  private(set) var documentLine = 1
  private var lineCountedTo = 0
  private var linesBefore = 1

  /// Prepares to read `bytes` (a UTF-8 byte order mark at the start is skipped).
  init(bytes: [UInt8]) {
    self.bytes = bytes
    index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    lineCountedTo = index
  }

  /// The next value of the input, or `nil` at its end.
  /// - Throws: ``SyntaxError`` for malformed input.
  /// - Complexity: O(n) in the document's length.
  mutating func nextDocument() throws(SyntaxError) -> JSONValue? {
    skipWhitespace()
    guard index < bytes.count else { return nil }
    documentLine = line(at: index)
    let document = try value(depth: 0)
    guard index == bytes.count || [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) else {
      throw fail("unexpected text after a value")
    }
    return document
  }

  /// The 1-based line of a byte offset (counted forward from the last offset asked about, so a pass over the
  /// documents counts each newline once).
  mutating func line(at offset: Int) -> Int {
    if offset < lineCountedTo {
      lineCountedTo = 0
      linesBefore = 1
    }
    var position = lineCountedTo
    while position < offset && position < bytes.count {
      if bytes[position] == UInt8(ascii: "\n") { linesBefore += 1 }
      position += 1
    }
    lineCountedTo = position
    return linesBefore
  }

  // MARK: Values

  private mutating func value(depth: Int) throws(SyntaxError) -> JSONValue {
    guard index < bytes.count else { throw fail("unexpected end of input") }
    switch bytes[index] {
    case UInt8(ascii: "{"): return .object(try object(depth: depth + 1))
    case UInt8(ascii: "["): return .array(try array(depth: depth + 1))
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"): return try literal(Self.trueBytes, .bool(true))
    case UInt8(ascii: "f"): return try literal(Self.falseBytes, .bool(false))
    case UInt8(ascii: "n"): return try literal(Self.nullBytes, .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
    default: throw fail("unexpected character")
    }
  }

  private mutating func object(depth: Int) throws(SyntaxError) -> JSONObject {
    guard depth <= Self.maximumDepth else { throw fail("nested deeper than \(Self.maximumDepth) levels") }
    index += 1
    var members: [(key: String, value: JSONValue)] = []
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      return JSONObject(members: members)
    }
    while true {
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail("expected a member name") }
      let key = try string()
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail("expected ':'") }
      index += 1
      skipWhitespace()
      members.append((key, try value(depth: depth)))
      skipWhitespace()
      guard index < bytes.count else { throw fail("unterminated object") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      guard bytes[index] == UInt8(ascii: "}") else { throw fail("expected ',' or '}'") }
      index += 1
      return JSONObject(members: members)
    }
  }

  private mutating func array(depth: Int) throws(SyntaxError) -> [JSONValue] {
    guard depth <= Self.maximumDepth else { throw fail("nested deeper than \(Self.maximumDepth) levels") }
    index += 1
    var elements: [JSONValue] = []
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      return elements
    }
    while true {
      skipWhitespace()
      elements.append(try value(depth: depth))
      skipWhitespace()
      guard index < bytes.count else { throw fail("unterminated array") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      guard bytes[index] == UInt8(ascii: "]") else { throw fail("expected ',' or ']'") }
      index += 1
      return elements
    }
  }

  private static let trueBytes = Array("true".utf8)
  private static let falseBytes = Array("false".utf8)
  private static let nullBytes = Array("null".utf8)

  private mutating func literal(_ word: [UInt8], _ result: JSONValue) throws(SyntaxError) -> JSONValue {
    guard index + word.count <= bytes.count else { throw fail("unexpected end of input") }
    for offset in 0..<word.count where bytes[index + offset] != word[offset] {
      throw fail("unexpected character", at: index + offset)
    }
    index += word.count
    return result
  }

  // MARK: Numbers

  private mutating func number() throws(SyntaxError) -> String {
    let start = index
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    guard index < bytes.count, isDigit(bytes[index]) else { throw fail("malformed number") }
    if bytes[index] == UInt8(ascii: "0") {
      index += 1
    } else {
      while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      guard index < bytes.count, isDigit(bytes[index]) else { throw fail("malformed number") }
      while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
      guard index < bytes.count, isDigit(bytes[index]) else { throw fail("malformed number") }
      while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }
    return String(decoding: bytes[start..<index], as: UTF8.self)
  }

  private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

  // MARK: Strings

  private mutating func string() throws(SyntaxError) -> String {
    index += 1
    let start = index
    // The common string has no escapes: validate its bytes in place.
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        guard let text = String(validating: bytes[start..<index], as: UTF8.self) else {
          throw fail("a string is not valid UTF-8", at: start)
        }
        index += 1
        return text
      }
      if byte == UInt8(ascii: "\\") { break }
      guard byte >= 0x20 else { throw fail("a control character inside a string must be escaped") }
      index += 1
    }
    var buffer = Array(bytes[start..<index])
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        guard let text = String(validating: buffer, as: UTF8.self) else {
          throw fail("a string is not valid UTF-8", at: start)
        }
        index += 1
        return text
      }
      guard byte >= 0x20 else { throw fail("a control character inside a string must be escaped") }
      if byte != UInt8(ascii: "\\") {
        buffer.append(byte)
        index += 1
        continue
      }
      index += 1
      guard index < bytes.count else { break }
      let escape = bytes[index]
      index += 1
      switch escape {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(escape)
      case UInt8(ascii: "b"): buffer.append(0x08)
      case UInt8(ascii: "f"): buffer.append(0x0C)
      case UInt8(ascii: "n"): buffer.append(0x0A)
      case UInt8(ascii: "r"): buffer.append(0x0D)
      case UInt8(ascii: "t"): buffer.append(0x09)
      case UInt8(ascii: "u"): appendUTF8(of: try unicodeEscape(), to: &buffer)
      default: throw fail("unknown escape '\\\(Character(Unicode.Scalar(escape)))'", at: index - 2)
      }
    }
    throw fail("unterminated string", at: start - 1)
  }

  /// The scalar of a `\uXXXX` escape (the `\u` already read), joining a surrogate pair.
  private mutating func unicodeEscape() throws(SyntaxError) -> Unicode.Scalar {
    let first = try hexQuad()
    if (0xD800..<0xDC00).contains(first) {
      guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
        throw fail("a high surrogate escape must be followed by a low one")
      }
      index += 2
      let second = try hexQuad()
      guard (0xDC00..<0xE000).contains(second) else { throw fail("invalid low surrogate escape") }
      let value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
      guard let scalar = Unicode.Scalar(value) else { throw fail("invalid surrogate pair") }
      return scalar
    }
    guard let scalar = Unicode.Scalar(first) else { throw fail("a lone low surrogate escape") }
    return scalar
  }

  private mutating func hexQuad() throws(SyntaxError) -> UInt32 {
    guard index + 4 <= bytes.count else { throw fail("unterminated \\u escape") }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[index]
      let digit: UInt32
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
      default: throw fail("malformed \\u escape")
      }
      value = value << 4 | digit
      index += 1
    }
    return value
  }

  private func appendUTF8(of scalar: Unicode.Scalar, to buffer: inout [UInt8]) {
    UTF8.encode(scalar) { buffer.append($0) }
  }

  // MARK: Helpers

  private mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0A, 0x0D: index += 1
      default: return
      }
    }
  }

  private func fail(_ message: String, at offset: Int? = nil) -> SyntaxError {
    SyntaxError(offset: offset ?? index, message: message)
  }
}
