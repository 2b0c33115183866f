import Foundation

/// A strict reader for the JSON of saved models, which reads arrays of numbers straight into `[Double]`.
///
/// A saved model is mostly long arrays of counts (about 750,000 numbers in the bundled files). `JSONDecoder`
/// builds a value per number and decodes each through `Decodable`, which made loading the bundled models most
/// of `feedback-triage classify`'s start-up. This reader handles the subset of JSON that `JSONEncoder` writes
/// for a model — objects, arrays, numbers, `true`/`false`/`null` and strings without escapes — and returns
/// `nil` for anything else (an escape or a non-ASCII byte in a string, a duplicate key, a syntax error, a number that is not finite). Callers
/// then decode with `JSONDecoder`, so a malformed or unusual file gets exactly the errors it always got.
struct ModelJSONReader {
  /// A parsed JSON value.
  indirect enum Value {
    case object([String: Value])
    case array([Value])
    /// An array whose elements are all numbers (empty arrays included); `integral` when every literal was an
    /// integer of at most 15 digits without fraction or exponent.
    case numbers([Double], integral: Bool)
    case number(Double, integral: Bool)
    case string(String)
    case bool(Bool)
    case null

    /// The member of an object.
    subscript(key: String) -> Value? {
      guard case .object(let members) = self else { return nil }
      return members[key]
    }

    /// A number literal as an `Int`, when it was written as an integer.
    var int: Int? {
      guard case .number(let value, true) = self else { return nil }
      return Int(exactly: value)
    }

    /// A number.
    var double: Double? {
      guard case .number(let value, _) = self else { return nil }
      return value
    }

    /// A string.
    var string: String? {
      guard case .string(let value) = self else { return nil }
      return value
    }

    /// A boolean.
    var bool: Bool? {
      guard case .bool(let value) = self else { return nil }
      return value
    }

    /// An array of numbers.
    var doubles: [Double]? {
      guard case .numbers(let values, _) = self else { return nil }
      return values
    }

    /// An array of numbers all written as integers.
    var ints: [Int]? {
      guard case .numbers(let values, true) = self else { return nil }
      return values.map { Int($0) }
    }

    /// An array whose elements are all arrays of numbers.
    var doubleRows: [[Double]]? {
      switch self {
      case .array(let rows):
        var result: [[Double]] = []
        result.reserveCapacity(rows.count)
        for row in rows {
          guard let values = row.doubles else { return nil }
          result.append(values)
        }
        return result
      case .numbers(let values, _) where values.isEmpty: return []
      default: return nil
      }
    }
  }

  /// Reads a whole document.
  ///
  /// - Parameter data: The JSON.
  /// - Returns: Its value, or `nil` when the document is outside the subset described on the type.
  /// - Complexity: O(n) in the size of the document.
  static func parse(_ data: Data) -> Value? {
    data.withUnsafeBytes { raw in
      var reader = ModelJSONReader(bytes: raw.bindMemory(to: UInt8.self))
      guard let value = reader.value(depth: 0) else { return nil }
      reader.skipWhitespace()
      return reader.position == reader.bytes.count ? value : nil
    }
  }

  private let bytes: UnsafeBufferPointer<UInt8>
  private var position = 0
  /// Deeper nesting than any model needs is refused rather than recursed into.
  private static let maximumDepth = 32

  private init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  private mutating func skipWhitespace() {
    while position < bytes.count {
      switch bytes[position] {
      case 0x20, 0x09, 0x0A, 0x0D: position += 1
      default: return
      }
    }
  }

  private mutating func value(depth: Int) -> Value? {
    guard depth <= Self.maximumDepth else { return nil }
    skipWhitespace()
    guard position < bytes.count else { return nil }
    switch bytes[position] {
    case UInt8(ascii: "{"): return object(depth: depth)
    case UInt8(ascii: "["): return array(depth: depth)
    case UInt8(ascii: "\""): return string().map(Value.string)
    case UInt8(ascii: "t"): return literal("true", .bool(true))
    case UInt8(ascii: "f"): return literal("false", .bool(false))
    case UInt8(ascii: "n"): return literal("null", .null)
    default: return number().map { Value.number($0.value, integral: $0.integral) }
    }
  }

  private mutating func literal(_ word: StaticString, _ value: Value) -> Value? {
    let count = word.utf8CodeUnitCount
    guard bytes.count - position >= count else { return nil }
    for offset in 0..<count where bytes[position + offset] != word.utf8Start[offset] { return nil }
    position += count
    return value
  }

  private mutating func object(depth: Int) -> Value? {
    position += 1
    var members: [String: Value] = [:]
    skipWhitespace()
    if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
      position += 1
      return .object(members)
    }
    while true {
      skipWhitespace()
      guard position < bytes.count, bytes[position] == UInt8(ascii: "\""), let key = string() else { return nil }
      skipWhitespace()
      guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { return nil }
      position += 1
      guard let member = value(depth: depth + 1), members.updateValue(member, forKey: key) == nil,
        let closed = endOfElement(closedBy: UInt8(ascii: "}"))
      else { return nil }
      if closed { return .object(members) }
    }
  }

  /// After an element: `,` (`false`: more follow) or the closing byte (`true`); `nil` for anything else.
  private mutating func endOfElement(closedBy closing: UInt8) -> Bool? {
    skipWhitespace()
    guard position < bytes.count, bytes[position] == UInt8(ascii: ",") || bytes[position] == closing else {
      return nil
    }
    position += 1
    return bytes[position - 1] == closing
  }

  private mutating func array(depth: Int) -> Value? {
    position += 1
    skipWhitespace()
    if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
      position += 1
      return .numbers([], integral: true)
    }
    if position < bytes.count, Self.startsNumber(bytes[position]) { return numbers() }
    var elements: [Value] = []
    while true {
      guard let element = value(depth: depth + 1) else { return nil }
      elements.append(element)
      guard let closed = endOfElement(closedBy: UInt8(ascii: "]")) else { return nil }
      if closed { return .array(elements) }
    }
  }

  /// An array that starts with a number; `nil` when a later element is not one (no model mixes them).
  private mutating func numbers() -> Value? {
    var values: [Double] = []
    var integral = true
    while true {
      skipWhitespace()
      guard let number = number() else { return nil }
      values.append(number.value)
      integral = integral && number.integral
      guard let closed = endOfElement(closedBy: UInt8(ascii: "]")) else { return nil }
      if closed { return .numbers(values, integral: integral) }
    }
  }

  private static func startsNumber(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }

  private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

  /// A number in JSON's grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
  private mutating func number() -> (value: Double, integral: Bool)? {
    let start = position
    var negative = false
    if position < bytes.count, bytes[position] == UInt8(ascii: "-") {
      negative = true
      position += 1
    }
    let digitsStart = position
    var magnitude: UInt64 = 0
    while position < bytes.count, Self.isDigit(bytes[position]) {
      if position - digitsStart < 19 { magnitude = magnitude &* 10 &+ UInt64(bytes[position] &- 0x30) }
      position += 1
    }
    let digits = position - digitsStart
    guard digits > 0, digits == 1 || bytes[digitsStart] != UInt8(ascii: "0") else { return nil }
    var plainInteger = true
    if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
      plainInteger = false
      position += 1
      let fraction = position
      while position < bytes.count, Self.isDigit(bytes[position]) { position += 1 }
      guard position > fraction else { return nil }
    }
    if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
      plainInteger = false
      position += 1
      if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
        position += 1
      }
      let exponent = position
      while position < bytes.count, Self.isDigit(bytes[position]) { position += 1 }
      guard position > exponent else { return nil }
    }
    // Integers of up to 15 digits are exact in a Double; anything else goes through the correctly rounded parser
    // and is not offered as an integer (callers fall back to `JSONDecoder`, which reads long integers exactly).
    if plainInteger, digits <= 15 {
      let value = Double(magnitude)
      return (negative ? -value : value, true)
    }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
    // A value that is not finite, or a zero (which may be a non-zero literal too small for a Double, an error
    // for JSONDecoder), is left to JSONDecoder.
    guard let value = Double(text), value.isFinite, value != 0 else { return nil }
    return (value, false)
  }

  /// An ASCII string without escapes or control characters (the reader's callers only need keys and short names).
  private mutating func string() -> String? {
    position += 1
    let start = position
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        position += 1
        return text
      }
      guard byte != UInt8(ascii: "\\"), byte >= 0x20, byte < 0x80 else { return nil }
      position += 1
    }
    return nil
  }
}

extension SentimentFeatureOptions {
  /// Reads the options as `JSONEncoder` writes them; `nil` for any other shape.
  init?(modelJSON json: ModelJSONReader.Value?) {
    guard let json, let wordNGrams = json["wordNGrams"]?.int,
      let minimumCharacterNGram = json["minimumCharacterNGram"]?.int,
      let maximumCharacterNGram = json["maximumCharacterNGram"]?.int, let marksNegation = json["marksNegation"]?.bool,
      let bucketCount = json["bucketCount"]?.int
    else { return nil }
    self.init(
      wordNGrams: wordNGrams, minimumCharacterNGram: minimumCharacterNGram,
      maximumCharacterNGram: maximumCharacterNGram, marksNegation: marksNegation, bucketCount: bucketCount)
  }
}

extension SparseClassTable {
  /// Reads the table as `JSONEncoder` writes it; `nil` for any other shape.
  init?(modelJSON json: ModelJSONReader.Value?) {
    guard let json, let indices = json["indices"]?.ints, let values = json["values"]?.doubleRows else { return nil }
    self.init(indices: indices, values: values)
  }
}
