import Foundation
import SupportCore

/// Reads JSON lines (one JSON value per line) from a file or standard input, streaming.
///
/// Records are split on the byte `\n` only: a raw U+2028, U+2029 or U+0085 inside a JSON string is data, as
/// JSON allows, and `\r\n` endings work because JSON ignores the `\r`. Lines holding only spaces, tabs or `\r`
/// are skipped but counted, so line numbers match an editor's. The input is read in 1 MiB chunks into one
/// reusable buffer (it grows only for a line longer than a chunk), so memory stays flat whatever the input's
/// size; ``forEachLineBytes(afterChunk:_:)`` hands each line over as a slice of that buffer (no copy, no
/// `String`), ``forEachLine(afterChunk:_:)`` as `Data`. Reading stops at the first error; nothing after the bad
/// line is read.
package struct JSONLinesReader {
  private let handle: FileHandle
  private let chunkSize: Int

  /// A reader of a file handle.
  ///
  /// - Parameters:
  ///   - handle: Standard input by default.
  ///   - chunkSize: How many bytes to read at a time.
  package init(handle: FileHandle = .standardInput, chunkSize: Int = 1 << 20) {
    self.handle = handle
    self.chunkSize = chunkSize
  }

  /// Calls `body` with each non-blank line's bytes (without the `\n`) and its 1-based line number.
  ///
  /// Lines are handled as soon as a read returns them, so a tool answering JSON lines works interactively too.
  ///
  /// - Parameters:
  ///   - afterChunk: Called after the lines of each read were handled, before the next read may wait for
  ///     more input (flush the output here).
  ///   - body: What to do with a line; an error it throws stops the reading.
  /// - Throws: What `body` throws, or the read error.
  /// - Complexity: O(n) in the input's size, plus a copy of each line.
  package func forEachLine(afterChunk: () -> Void = {}, _ body: (Data, Int) throws -> Void) throws {
    try forEachLineBytes(afterChunk: afterChunk) { line, number in try body(Data(line), number) }
  }

  /// Calls `body` with each non-blank line as a slice of the reader's buffer (without the `\n`) and its 1-based
  /// line number: the byte-level form of ``forEachLine(afterChunk:_:)``, for tools that read lines themselves.
  ///
  /// The slice is read during the call; one kept past it makes the reader copy its buffer at the next read.
  ///
  /// - Parameters:
  ///   - afterChunk: Called after the lines of each read were handled, before the next read may wait for
  ///     more input (flush the output here).
  ///   - body: What to do with a line; an error it throws stops the reading.
  /// - Throws: What `body` throws, or the read error.
  /// - Complexity: O(n) in the input's size.
  package func forEachLineBytes(afterChunk: () -> Void = {}, _ body: (ArraySlice<UInt8>, Int) throws -> Void) throws {
    var buffer = [UInt8](repeating: 0, count: chunkSize)
    var filled = 0  // buffer[..<filled] holds input not yet handed over: the start of an unfinished line
    var number = 0
    while true {
      if filled == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
      let received = try Self.read(handle, into: &buffer, from: filled)
      if received == 0 { break }
      var lineStart = 0
      var searchFrom = filled  // the unfinished line has no newline
      filled += received
      while let newline = Self.firstNewline(in: buffer, from: searchFrom, to: filled) {
        number += 1
        let line = buffer[lineStart..<newline]
        if !Self.isBlank(line) { try body(line, number) }
        lineStart = newline + 1
        searchFrom = lineStart
      }
      if lineStart > 0 {
        for index in lineStart..<filled { buffer[index - lineStart] = buffer[index] }
        filled -= lineStart
      }
      afterChunk()
    }
    if filled > 0 {
      number += 1
      let line = buffer[..<filled]
      if !Self.isBlank(line) { try body(line, number) }
    }
  }

  /// One `read(2)` into `buffer[offset...]` (retried on `EINTR`): how many bytes arrived, 0 at the end.
  ///
  /// `FileHandle.read(upToCount:)` waits until it has `count` bytes, which would hold back the answers to an
  /// interactive input; `availableData` may read a whole regular file at once.
  private static func read(_ handle: FileHandle, into buffer: inout [UInt8], from offset: Int) throws -> Int {
    precondition(offset < buffer.count, "no room to read into")
    let received = buffer.withUnsafeMutableBytes { raw -> Int in
      while true {
        let result = Foundation.read(handle.fileDescriptor, raw.baseAddress! + offset, raw.count - offset)
        if result >= 0 || errno != EINTR { return result }
      }
    }
    guard received >= 0 else { throw CocoaError(.fileReadUnknown, userInfo: [NSUnderlyingErrorKey: errno]) }
    return received
  }

  /// Decodes each non-blank line as `Value` and calls `body` with it and its line number.
  ///
  /// - Parameters:
  ///   - type: The type of each line.
  ///   - decoder: The decoder, reused for every line.
  ///   - afterChunk: Called after each read's lines were handled (flush the output here).
  ///   - body: What to do with a decoded line.
  /// - Throws: `DecodingIssue` naming the line and field for a line that does not decode (nothing after it
  ///   is read), or what `body` throws.
  package func forEach<Value: Decodable>(
    _ type: Value.Type, decoder: JSONDecoder = JSONDecoder(), afterChunk: () -> Void = {},
    _ body: (Value, Int) throws -> Void
  ) throws {
    try forEachLine(afterChunk: afterChunk) { line, number in
      try body(try Self.decode(type, from: line, line: number, decoder: decoder), number)
    }
  }

  /// Decodes one line, turning any failure into a `DecodingIssue` at that line.
  ///
  /// - Parameters:
  ///   - type: The type of the line.
  ///   - line: The line's bytes.
  ///   - number: Its 1-based line number.
  ///   - decoder: The decoder.
  /// - Returns: The value.
  /// - Throws: `DecodingIssue`, or a `SupportKitError` the type's decoding threw (with the line added).
  package static func decode<Value: Decodable>(
    _ type: Value.Type, from line: Data, line number: Int, decoder: JSONDecoder = JSONDecoder()
  ) throws -> Value {
    do {
      return try decoder.decode(type, from: line)
    } catch let error as DecodingError {
      throw DecodingIssue(error, line: number)
    } catch let error as any SupportKitError {
      throw error.adding(ErrorContextKey.line, String(number))
    } catch {
      throw DecodingIssue(code: .malformed, path: "", line: number, message: "not valid JSON")
    }
  }

  /// The index of the first `\n` in `buffer[start..<end]`, found with `memchr`.
  private static func firstNewline(in buffer: [UInt8], from start: Int, to end: Int) -> Int? {
    precondition(start >= 0 && start <= end && end <= buffer.count, "a range inside the buffer")
    return buffer.withUnsafeBytes { raw -> Int? in
      guard start < end, let base = raw.baseAddress, let found = memchr(base + start, 0x0A, end - start) else {
        return nil
      }
      let position = base.distance(to: UnsafeRawPointer(found))
      assert(position >= start && position < end, "memchr found a byte outside the range")
      return position
    }
  }

  private static func isBlank(_ line: some Collection<UInt8>) -> Bool {
    line.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
  }
}
