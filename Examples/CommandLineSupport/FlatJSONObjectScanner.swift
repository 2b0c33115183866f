/// Finds the fields of a JSON line of the common, simple shape — one object whose values are strings without
/// escapes or numbers — byte by byte, with no value tree and no `String`.
///
/// It answers only when it is sure. ``scan(_:)`` returns `false` for anything else that is valid JSON (an escape
/// or a byte outside ASCII in a string, `true`/`false`/`null`, a nested value, a key given twice) as well as for
/// what is not JSON at all; the caller then decodes that line with `JSONDecoder`, which stays the reference for
/// values and error messages. Keys it was not asked about are skipped when their values are simple, as
/// `JSONDecoder` ignores them. Whitespace is JSON's: space, tab, carriage return and line feed.
package struct FlatJSONObjectScanner {
  /// Where a requested field's value is in the line.
  package enum Field: Equatable, Sendable {
    /// The object has no such key.
    case absent
    /// A string; the range covers its content, between the quotes (no escapes, all ASCII).
    case string(Range<Int>)
    /// A number as JSON writes it; the range covers its text.
    case number(Range<Int>)
  }

  private let keys: [[UInt8]]
  private var otherKeys: [Range<Int>] = []

  /// The requested fields of the last line scanned, in the order of the keys given to ``init(keys:)``.
  package private(set) var fields: [Field]

  /// A scanner looking for the given keys.
  ///
  /// - Parameter keys: The keys whose values the caller wants, each ASCII without escapes.
  package init(keys: [String]) {
    self.keys = keys.map { Array($0.utf8) }
    fields = Array(repeating: .absent, count: keys.count)
  }

  /// Scans one line; on success ``fields`` tells where each requested value is.
  ///
  /// - Parameter line: The line's bytes (indices are the slice's own).
  /// - Returns: `true` when the line is one flat object of simple values with no key twice; `false` when it
  ///   is anything else, which the caller must decode the full way.
  /// - Complexity: O(n) in the line's length, plus O(k²) in the number of keys it did not ask for.
  package mutating func scan(_ line: ArraySlice<UInt8>) -> Bool {
    for index in fields.indices { fields[index] = .absent }
    otherKeys.removeAll(keepingCapacity: true)
    return line.withUnsafeBufferPointer { bytes in
      var cursor = Cursor(bytes, startIndex: line.startIndex)
      return scanObject(&cursor, in: line)
    }
  }

  private mutating func scanObject(_ cursor: inout Cursor, in line: ArraySlice<UInt8>) -> Bool {
    cursor.skipWhitespace()
    guard cursor.take(UInt8(ascii: "{")) else { return false }
    cursor.skipWhitespace()
    if !cursor.take(UInt8(ascii: "}")) {
      while true {
        guard let key = cursor.string() else { return false }
        cursor.skipWhitespace()
        guard cursor.take(UInt8(ascii: ":")) else { return false }
        cursor.skipWhitespace()
        let field: Field
        if let text = cursor.string() {
          field = .string(text)
        } else if let number = cursor.number() {
          field = .number(number)
        } else {
          return false
        }
        guard record(field, key: key, in: line) else { return false }
        cursor.skipWhitespace()
        if cursor.take(UInt8(ascii: "}")) { break }
        guard cursor.take(UInt8(ascii: ",")) else { return false }
        cursor.skipWhitespace()
      }
    }
    cursor.skipWhitespace()
    return cursor.atEnd
  }

  /// Stores a value under its key; `false` for a key seen before on this line.
  private mutating func record(_ field: Field, key: Range<Int>, in line: ArraySlice<UInt8>) -> Bool {
    for index in keys.indices where Self.equal(line[key], keys[index]) {
      guard fields[index] == .absent else { return false }
      fields[index] = field
      return true
    }
    for other in otherKeys where Self.equal(line[key], line[other]) { return false }
    otherKeys.append(key)
    return true
  }

  private static func equal(_ key: ArraySlice<UInt8>, _ other: some RandomAccessCollection<UInt8>) -> Bool {
    guard key.count == other.count else { return false }
    var otherIndex = other.startIndex
    for byte in key {
      guard byte == other[otherIndex] else { return false }
      otherIndex = other.index(after: otherIndex)
    }
    return true
  }
}

/// A read position in a line, for ``FlatJSONObjectScanner``: the one place that reads the line through a
/// pointer. It lives only inside the `withUnsafeBufferPointer` call of ``FlatJSONObjectScanner/scan(_:)``;
/// every read is checked against the end (and, in debug builds, by the buffer itself). Positions it returns are
/// the slice's own indices.
private struct Cursor {
  private let bytes: UnsafeBufferPointer<UInt8>
  private let startIndex: Int
  private var offset = 0

  init(_ bytes: UnsafeBufferPointer<UInt8>, startIndex: Int) {
    self.bytes = bytes
    self.startIndex = startIndex
  }

  var atEnd: Bool { offset == bytes.count }

  private var byte: UInt8? { offset < bytes.count ? bytes[offset] : nil }

  private var index: Int { startIndex + offset }

  mutating func skipWhitespace() {
    while let byte, byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A { offset += 1 }
  }

  /// Steps over `expected` if it is next.
  mutating func take(_ expected: UInt8) -> Bool {
    guard byte == expected else { return false }
    offset += 1
    return true
  }

  /// A string of printable ASCII without escapes; its content's range. Leaves the cursor where it was when the
  /// next token is not such a string.
  mutating func string() -> Range<Int>? {
    guard byte == UInt8(ascii: "\"") else { return nil }
    var end = offset + 1
    while end < bytes.count {
      let byte = bytes[end]
      if byte == UInt8(ascii: "\"") {
        let content = (index + 1)..<(startIndex + end)
        offset = end + 1
        return content
      }
      guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\\") else { return nil }
      end += 1
    }
    return nil
  }

  /// A number in JSON's grammar, `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`; its range.
  mutating func number() -> Range<Int>? {
    let start = index
    _ = take(UInt8(ascii: "-"))
    if take(UInt8(ascii: "0")) {
      // A leading zero stands alone.
    } else if skipDigits() == 0 {
      return nil
    }
    if take(UInt8(ascii: ".")), skipDigits() == 0 { return nil }
    if take(UInt8(ascii: "e")) || take(UInt8(ascii: "E")) {
      if !take(UInt8(ascii: "+")) { _ = take(UInt8(ascii: "-")) }
      if skipDigits() == 0 { return nil }
    }
    return start..<index
  }

  private mutating func skipDigits() -> Int {
    let start = offset
    while let byte, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { offset += 1 }
    return offset - start
  }
}
