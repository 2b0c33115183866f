import CommandLineSupport

/// Reads the common feedback line — `{"id": <string or integer>, "text": <string>}`, strings without escapes —
/// byte by byte, with no `JSONDecoder` and no value tree: the hot path of `classify`.
///
/// It answers only when it is sure: any other shape (an escape or a control character in a string, another
/// key, a key twice, a fractional or out-of-range id, bytes that are not UTF-8, anything that is not JSON) gives
/// `nil`, and the caller decodes the line with `JSONDecoder`, which stays the reference for values and errors.
struct FeedbackLineScanner {
  /// A scanned line: the id and the text, their bytes in the line.
  struct Line {
    var id: FeedbackID
    var text: Range<Int>
  }

  /// Scans one line.
  ///
  /// - Parameter line: The line's bytes (indices are the slice's own).
  /// - Returns: The id and the range of the text's bytes (between its quotes), or `nil` (decode the full way).
  /// - Complexity: O(n) in the line's length.
  static func scan(_ line: ArraySlice<UInt8>) -> Line? {
    var position = line.startIndex
    let end = line.endIndex
    func skipWhitespace() {
      while position < end, line[position] == 0x20 || line[position] == 0x09 || line[position] == 0x0D {
        position += 1
      }
    }
    func take(_ byte: UInt8) -> Bool {
      guard position < end, line[position] == byte else { return false }
      position += 1
      return true
    }
    /// A string without escapes or control characters; its content's range.
    func string() -> Range<Int>? {
      guard take(UInt8(ascii: "\"")) else { return nil }
      let start = position
      while position < end {
        let byte = line[position]
        if byte == UInt8(ascii: "\"") {
          position += 1
          return start..<(position - 1)
        }
        guard byte >= 0x20, byte != UInt8(ascii: "\\") else { return nil }
        position += 1
      }
      return nil
    }
    /// A whole number in JSON's grammar that fits `Int64`.
    func integer() -> Int64? {
      let negative = take(UInt8(ascii: "-"))
      let start = position
      var magnitude: UInt64 = 0
      while position < end, line[position] &- UInt8(ascii: "0") < 10 {
        let (times, overflow) = magnitude.multipliedReportingOverflow(by: 10)
        guard !overflow, times <= UInt64(Int64.max) else { return nil }
        magnitude = times + UInt64(line[position] - UInt8(ascii: "0"))
        guard magnitude <= UInt64(Int64.max) else { return nil }
        position += 1
      }
      let digits = position - start
      guard digits > 0, digits == 1 || line[start] != UInt8(ascii: "0"), !(negative && magnitude == 0) else {
        return nil
      }
      // A fraction or an exponent makes it a number JSONDecoder reads differently.
      if position < end, line[position] == UInt8(ascii: ".") || line[position] | 0x20 == UInt8(ascii: "e") {
        return nil
      }
      return negative ? -Int64(magnitude) : Int64(magnitude)
    }

    var id: FeedbackID?
    var text: Range<Int>?
    skipWhitespace()
    guard take(UInt8(ascii: "{")) else { return nil }
    repeat {
      skipWhitespace()
      guard let key = string() else { return nil }
      skipWhitespace()
      guard take(UInt8(ascii: ":")) else { return nil }
      skipWhitespace()
      if Self.equal(line[key], "id") {
        guard id == nil else { return nil }
        if let content = string() {
          guard Self.isUTF8(line[content]) else { return nil }
          id = .string(content)
        } else if let value = integer() {
          id = .integer(value)
        } else {
          return nil
        }
      } else if Self.equal(line[key], "text") {
        guard text == nil, let content = string() else { return nil }
        text = content
      } else {
        return nil
      }
      skipWhitespace()
    } while take(UInt8(ascii: ","))
    guard take(UInt8(ascii: "}")) else { return nil }
    skipWhitespace()
    guard position == end, let id, let text, isUTF8(line[text]) else { return nil }
    return Line(id: id, text: text)
  }

  private static func equal(_ bytes: ArraySlice<UInt8>, _ key: StaticString) -> Bool {
    guard bytes.count == key.utf8CodeUnitCount else { return false }
    return zip(bytes, UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount)).allSatisfy(==)
  }

  /// Whether the bytes are valid UTF-8 (what `JSONDecoder` requires of a string).
  static func isUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
    guard bytes.contains(where: { $0 >= 0x80 }) else { return true }
    return String(decoding: bytes, as: UTF8.self).utf8.elementsEqual(bytes)
  }
}

/// A feedback item's id as `classify` writes it back.
enum FeedbackID {
  /// A string without escapes, its content at this range of the line.
  case string(Range<Int>)
  /// A whole number.
  case integer(Int64)
  /// Already JSON (from the slow path).
  case json(String)

  /// Appends the id's JSON, the same text as ``FeedbackItem/idJSON``.
  func append(to output: inout JSONLineBytes, line: ArraySlice<UInt8>) {
    switch self {
    case .string(let range): line[range].withUnsafeBufferPointer { output.append(quotedUTF8: $0) }
    case .integer(let value): output.append(decimal: value)
    case .json(let text): output.append(contentsOf: text)
    }
  }
}
