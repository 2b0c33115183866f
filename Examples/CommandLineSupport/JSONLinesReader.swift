import Foundation
import SupportCore

/// Reads JSON lines (one JSON value per line) from a file or standard input, streaming.
///
/// Records are split on the byte `\n` only: a raw U+2028, U+2029 or U+0085 inside a JSON string is data, as
/// JSON allows, and `\r\n` endings work because JSON ignores the `\r`. Lines holding only spaces, tabs or `\r`
/// are skipped but counted, so line numbers match an editor's. The input is read in 1 MiB chunks and each line
/// is handed over as a `Data` slice of the chunk (no `String` per line, no copy), so memory stays flat whatever
/// the input's size. Reading stops at the first error; nothing after the bad line is read.
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
  /// - Complexity: O(n) in the input's size.
  package func forEachLine(afterChunk: () -> Void = {}, _ body: (Data, Int) throws -> Void) throws {
    var pending = Data()
    var number = 0
    while true {
      let chunk = try Self.read(handle, upTo: chunkSize)
      if chunk.isEmpty { break }
      let data = pending.isEmpty ? chunk : pending + chunk
      var start = data.startIndex
      for newline in Self.newlineIndices(in: data) {
        number += 1
        let line = data[start..<newline]
        if !Self.isBlank(line) { try body(line, number) }
        start = newline + 1
      }
      pending = start < data.endIndex ? Data(data[start...]) : Data()
      afterChunk()
    }
    if !pending.isEmpty {
      number += 1
      if !Self.isBlank(pending) { try body(pending, number) }
    }
  }

  /// One `read(2)` of at most `count` bytes (retried on `EINTR`): what is available now, empty at the end.
  ///
  /// `FileHandle.read(upToCount:)` waits until it has `count` bytes, which would hold back the answers to an
  /// interactive input; `availableData` may read a whole regular file at once.
  private static func read(_ handle: FileHandle, upTo count: Int) throws -> Data {
    var chunk = Data(count: count)
    let received = chunk.withUnsafeMutableBytes { buffer -> Int in
      while true {
        let result = Foundation.read(handle.fileDescriptor, buffer.baseAddress, count)
        if result >= 0 || errno != EINTR { return result }
      }
    }
    guard received >= 0 else { throw CocoaError(.fileReadUnknown, userInfo: [NSUnderlyingErrorKey: errno]) }
    chunk.count = received
    return chunk
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

  /// The indices of every `\n` byte in `data`, found with `memchr`.
  private static func newlineIndices(in data: Data) -> [Data.Index] {
    data.withUnsafeBytes { raw -> [Data.Index] in
      guard let base = raw.baseAddress else { return [] }
      var indices: [Data.Index] = []
      var offset = 0
      while offset < raw.count, let found = memchr(base + offset, 0x0A, raw.count - offset) {
        let position = base.distance(to: UnsafeRawPointer(found))
        assert(position >= offset && position < raw.count, "memchr found a byte outside the buffer")
        indices.append(data.startIndex + position)
        offset = position + 1
      }
      return indices
    }
  }

  private static func isBlank(_ line: Data) -> Bool {
    line.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
  }
}
