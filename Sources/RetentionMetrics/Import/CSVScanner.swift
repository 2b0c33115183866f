import Foundation

/// One field of a CSV record: a byte range into the scanned buffer.
package struct CSVField: Sendable {
  /// The first byte of the value (after the opening quote or leading spaces).
  package var start: Int
  /// One past the last byte of the value.
  package var end: Int
  /// The value was quoted and contains doubled quotes (`""`) to undo.
  package var hasEscapedQuotes: Bool
  /// The unquoted value starts or ends with a non-ASCII byte, which may be Unicode white space to trim.
  package var mayNeedUnicodeTrim: Bool

  package var isEmpty: Bool { start == end }
  package var count: Int { end - start }
}

/// Reads RFC 4180 CSV from UTF-8 bytes without a `String` per field: comma-separated, fields optionally in
/// double quotes (a quote inside written twice, commas and line breaks allowed inside quotes), LF, CRLF or CR
/// line ends, an optional UTF-8 byte order mark. Unquoted fields are trimmed of surrounding white space;
/// blank lines are skipped.
///
/// The scanner is the one place that reads the buffer through a pointer: it lives only inside
/// ``withScanner(_:file:_:)``'s closure, and its field accessors check their ranges in debug builds.
package struct CSVScanner {
  private let bytes: UnsafeBufferPointer<UInt8>
  private let file: String
  private var index: Int
  private var line = 1
  /// The line the last record returned by ``nextRecord(into:)`` starts on.
  package private(set) var recordLine = 1

  private init(bytes: UnsafeBufferPointer<UInt8>, file: String) {
    self.bytes = bytes
    self.file = file
    let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    index = bytes.count >= 3 && bytes[0] == bom[0] && bytes[1] == bom[1] && bytes[2] == bom[2] ? 3 : 0
  }

  /// Runs `body` with a scanner over the UTF-8 bytes of `data`.
  /// - Parameters:
  ///   - data: The CSV bytes.
  ///   - file: The file name used in errors.
  ///   - body: The work; the scanner must not escape it.
  package static func withScanner<Result>(
    _ data: UnsafeRawBufferPointer, file: String,
    _ body: (inout CSVScanner) throws(RetentionError) -> Result
  ) throws(RetentionError) -> Result {
    var scanner = CSVScanner(bytes: data.assumingMemoryBound(to: UInt8.self), file: file)
    return try body(&scanner)
  }

  /// The number of line breaks after the current position: an upper bound of the records left, to reserve
  /// storage once.
  package var remainingLineCount: Int {
    var count = 0
    var position = index
    if let base = bytes.baseAddress {
      // Eight bytes at a time: a byte of `word ^ 0x0A…0A` is zero exactly where the word has a line feed; the
      // high bit of each byte of `found` is set exactly for those zero bytes (no borrow crosses bytes).
      let raw = UnsafeRawPointer(base)
      let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
      while position + 8 <= bytes.count {
        let word = raw.loadUnaligned(fromByteOffset: position, as: UInt64.self) ^ 0x0A0A_0A0A_0A0A_0A0A
        let found = ~(((word & low) &+ low) | word | low)
        count &+= found.nonzeroBitCount
        position += 8
      }
    }
    while position < bytes.count {
      count &+= bytes[position] == UInt8(ascii: "\n") ? 1 : 0
      position += 1
    }
    return count + 1
  }

  /// Reads the next non-blank record's fields.
  /// - Parameter fields: Replaced by the record's fields.
  /// - Returns: `false` at the end of the input.
  /// - Throws: ``RetentionError/Code-swift.struct/malformedRow`` for an unterminated quote or text after a
  ///   closing quote.
  package mutating func nextRecord(into fields: inout [CSVField]) throws(RetentionError) -> Bool {
    while index < bytes.count {
      fields.removeAll(keepingCapacity: true)
      recordLine = line
      try readRecord(into: &fields)
      let blank = fields.count == 1 && value(of: fields[0]).isEmpty
      if !blank { return true }
    }
    return false
  }

  private mutating func readRecord(into fields: inout [CSVField]) throws(RetentionError) {
    let count = bytes.count
    while true {
      // One field: skip leading spaces and tabs, then a quoted or an unquoted value.
      var start = index
      while start < count && (bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t")) { start += 1 }
      if start < count && bytes[start] == UInt8(ascii: "\"") && onlySpaces(from: index, to: start) {
        fields.append(try readQuoted(openingAt: start))
      } else {
        var end = index
        while end < count {
          let byte = bytes[end]
          if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
          end += 1
        }
        index = end
        var last = end
        while last > start && (bytes[last - 1] == UInt8(ascii: " ") || bytes[last - 1] == UInt8(ascii: "\t")) {
          last -= 1
        }
        let unicodeEdge = start < last && (bytes[start] >= 0x80 || bytes[last - 1] >= 0x80)
        fields.append(CSVField(start: start, end: last, hasEscapedQuotes: false, mayNeedUnicodeTrim: unicodeEdge))
      }
      // After the field: a comma, a line end or the end of the input.
      guard index < count else { return }
      let byte = bytes[index]
      index += 1
      if byte == UInt8(ascii: ",") { continue }
      if byte == UInt8(ascii: "\r") && index < count && bytes[index] == UInt8(ascii: "\n") { index += 1 }
      line += 1
      return
    }
  }

  private func onlySpaces(from start: Int, to end: Int) -> Bool {
    (start..<end).allSatisfy { bytes[$0] == UInt8(ascii: " ") }
  }

  private mutating func readQuoted(openingAt quote: Int) throws(RetentionError) -> CSVField {
    let count = bytes.count
    var position = quote + 1
    var escaped = false
    while true {
      guard position < count else {
        throw RetentionError(.malformedRow, "unterminated quoted field", at: .init(file: file, line: recordLine))
      }
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        if position + 1 < count && bytes[position + 1] == UInt8(ascii: "\"") {
          escaped = true
          position += 2
          continue
        }
        break
      }
      if byte == UInt8(ascii: "\n") { line += 1 }
      position += 1
    }
    let field = CSVField(start: quote + 1, end: position, hasEscapedQuotes: escaped, mayNeedUnicodeTrim: false)
    var next = position + 1
    while next < count && bytes[next] == UInt8(ascii: " ") { next += 1 }
    if next < count && bytes[next] != UInt8(ascii: ",") && bytes[next] != UInt8(ascii: "\n")
      && bytes[next] != UInt8(ascii: "\r")
    {
      throw RetentionError(.malformedRow, "unexpected text after a closing quote", at: .init(file: file, line: line))
    }
    index = next
    return field
  }

  /// The field's bytes in the scanned buffer when they need no unescaping or Unicode trimming (the usual
  /// case), else `nil` (read ``value(of:)`` then). The pointer is valid only while the scanner is.
  package func rawBytes(of field: CSVField) -> UnsafeBufferPointer<UInt8>? {
    assert(field.start >= 0 && field.start <= field.end && field.end <= bytes.count, "field outside the buffer")
    guard !field.hasEscapedQuotes && !field.mayNeedUnicodeTrim else { return nil }
    return UnsafeBufferPointer(rebasing: bytes[field.start..<field.end])
  }

  /// Calls `body` with the field's bytes (quotes undone, trimmed like the field); they must not escape it.
  package func withBytes<Value, Failure: Error>(
    of field: CSVField, _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Value
  ) throws(Failure) -> Value {
    assert(field.start >= 0 && field.start <= field.end && field.end <= bytes.count, "field outside the buffer")
    if !field.hasEscapedQuotes && !field.mayNeedUnicodeTrim {
      return try body(UnsafeBufferPointer(rebasing: bytes[field.start..<field.end]))
    }
    let copy = Array(value(of: field).utf8)
    var outcome: Result<Value, Failure>?
    copy.withUnsafeBufferPointer { buffer in
      do throws(Failure) { outcome = .success(try body(buffer)) } catch { outcome = .failure(error) }
    }
    return try outcome!.get()
  }

  /// The field's text (quotes undone, trimmed like the field).
  package func value(of field: CSVField) -> String {
    assert(field.start >= 0 && field.start <= field.end && field.end <= bytes.count, "field outside the buffer")
    let raw = UnsafeBufferPointer(rebasing: bytes[field.start..<field.end])
    if field.hasEscapedQuotes {
      var unescaped: [UInt8] = []
      unescaped.reserveCapacity(raw.count)
      var position = 0
      while position < raw.count {
        unescaped.append(raw[position])
        position += raw[position] == UInt8(ascii: "\"") ? 2 : 1
      }
      return String(decoding: unescaped, as: UTF8.self)
    }
    let text = String(decoding: raw, as: UTF8.self)
    return field.mayNeedUnicodeTrim ? text.trimmingCharacters(in: .whitespaces) : text
  }
}
