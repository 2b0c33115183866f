import CommandLineSupport
import Foundation
import SupportCore
import Testing

/// The byte-level halves of CommandLineSupport's JSON lines: the reader's line slices and the writer's bytes.
@Suite("JSON lines, byte by byte")
struct ByteLevelLinesTests {
  /// Runs `forEachLineBytes` over `text` written to a temporary file, in chunks of `chunkSize` bytes.
  func lineSlices(of text: [UInt8], chunkSize: Int) throws -> [(String, Int)] {
    var result: [(String, Int)] = []
    try withInputFile(text) { handle in
      try JSONLinesReader(handle: handle, chunkSize: chunkSize).forEachLineBytes { line, number in
        result.append((String(decoding: line, as: UTF8.self), number))
      }
    }
    return result
  }

  @Test(
    "line slices are the lines between newlines, whatever the chunk size and however long a line",
    arguments: [1, 2, 3, 7, 64, 1 << 20])
  func slicesMatchASplit(chunkSize: Int) throws {
    var random = SplitMix64(seed: UInt64(chunkSize))
    var text: [UInt8] = []
    for _ in 0..<300 {
      let length = random.chance(0.05) ? 200 + random.below(3_000) : random.below(40)
      let alphabet = Array("{}\"ab 9:\t\r\u{2028}é".utf8)
      text += (0..<length).map { _ in alphabet[random.below(alphabet.count)] }
      text.append(UInt8(ascii: "\n"))
    }
    text += Array("{\"last\":1}".utf8)  // no final newline
    let expected = text.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated()
      .filter { !$0.element.allSatisfy { [0x20, 0x09, 0x0D].contains($0) } }
      .map { (String(decoding: $0.element, as: UTF8.self), $0.offset + 1) }
    let lines = try lineSlices(of: text, chunkSize: chunkSize)
    #expect(lines.map(\.0) == expected.map(\.0))
    #expect(lines.map(\.1) == expected.map(\.1))
  }

  @Test("a line whose building throws leaves nothing behind; the buffer grows past its first capacity")
  func appendLineIsAllOrNothing() {
    struct Refused: Error {}
    var output = JSONLineBytes(capacity: 4)
    output.appendLine { $0.append(#"{"a":1}"#) }
    #expect(throws: Refused.self) {
      try output.appendLine { line in
        line.append(#"{"b":"#)
        line.append(decimal: -42)
        throw Refused()
      }
    }
    output.appendLine { line in
      line.append(atMost: 32) { writer in
        writer.append(byte: UInt8(ascii: "["))
        writer.append(digitsOf: 7, width: 3)
        writer.append(",")
        writer.append(decimal: Int64.min)
      }
    }
    #expect(String(decoding: output.bytes, as: UTF8.self) == "{\"a\":1}\n[007,-9223372036854775808\n")
    output.truncate(to: 8)
    output.append(contentsOf: "é")
    #expect(String(decoding: output.bytes, as: UTF8.self) == "{\"a\":1}\né")
    output.removeAll()
    #expect(output.count == 0)
  }

  @Test("the writer writes lines built byte by byte in order, flushing as its buffer fills")
  func writerWritesBuiltLines() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("built-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: url.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: url) }
    let handle = try FileHandle(forWritingTo: url)
    let writer = JSONLinesWriter(handle: handle, threshold: 16)
    var expected = ""
    for index in 0..<50 {
      writer.writeLine { line in
        line.append(#"{"n":"#)
        line.append(decimal: Int64(index) * 1_000_003)
        line.append(byte: UInt8(ascii: "}"))
      }
      expected += "{\"n\":\(index * 1_000_003)}\n"
    }
    writer.write(json: #"{"end":true}"#)
    writer.flush()
    try handle.close()
    #expect(String(decoding: try Data(contentsOf: url), as: UTF8.self) == expected + "{\"end\":true}\n")
  }
}

/// Calls `body` with a handle reading `bytes` from a temporary file, removed afterwards.
func withInputFile(_ bytes: some Sequence<UInt8>, _ body: (FileHandle) throws -> Void) throws {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("input-\(UUID().uuidString)")
  try Data(bytes).write(to: url)
  defer { try? FileManager.default.removeItem(at: url) }
  let handle = try FileHandle(forReadingFrom: url)
  defer { try? handle.close() }
  try body(handle)
}
