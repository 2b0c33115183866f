import Foundation
import SupportCore
import Testing

@testable import CommandLineSupport

@Suite("CommandLineSupport output escaping and JSON lines")
struct TextAndJSONLinesTests {
  @Test(
    "control characters are escaped in human-readable output",
    arguments: [
      ("Hi\n T-9  resolved", "Hi\\n T-9  resolved"),
      ("red \u{1B}[31malert\u{1B}[0m", "red \\x1B[31malert\\x1B[0m"),
      ("a\rb\tc\u{7F}\u{0}", "a\\rb\\tc\\x7F\\x00"),
      ("next\u{85}line\u{2028}sep\u{2029}", "next\\u{85}line\\u{2028}sep\\u{2029}"),
      ("evil\u{202E}txt.exe\u{2066}", "evil\\u{202E}txt.exe\\u{2066}"),
    ])
  func escapes(input: String, expected: String) {
    #expect(TerminalText.escaped(input) == expected)
  }

  @Test("text without control characters is printed as it is: accents, Lao, emoji with joiners, backslashes")
  func keepsOrdinaryText() {
    for text in ["Café — 20 €", "ບໍລິການດີຫຼາຍ", "👩‍💻 ok 👍🏽", #"C:\path\n"#, "“quotes” ‘x’ …"] {
      #expect(TerminalText.escaped(text) == text)
      #expect(!TerminalText.needsEscaping(text))
    }
  }

  @Test("escaped text of any scalars never holds a line break, an ESC or another control character")
  func escapedTextIsSafe() {
    var random = SplitMix64(seed: 2026_1311)
    let interesting: [UInt32] = [
      0x0A, 0x0D, 0x1B, 0x00, 0x7F, 0x85, 0x9B, 0x2028, 0x2029, 0x202E, 0x2067, 0xE9, 0x0E81,
    ]
    for _ in 0..<2_000 {
      var scalars = String.UnicodeScalarView()
      for _ in 0..<random.below(24) {
        let value =
          random.chance(0.5)
          ? interesting[random.below(interesting.count)] : UInt32(random.below(0x3000))
        if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
      }
      let escaped = TerminalText.escaped(String(scalars))
      #expect(
        !escaped.unicodeScalars.contains {
          $0.properties.generalCategory == .control || [0x2028, 0x2029, 0x202E, 0x2067].contains($0.value)
        }, "\(escaped.debugDescription)")
    }
  }

  @Test("an error is one line: tool, code, location once (file, line, path), then the other facts")
  func errorLine() {
    let issue = DecodingIssue(code: .missingField, path: "events[0].kind", line: 3, message: "is missing")
      .inFile("t.jsonl")
    #expect(
      ErrorLine.render(issue, tool: "sla-check")
        == "sla-check: missingField: t.jsonl: line 3: events[0].kind: is missing")
    let facts = DecodingIssue(
      code: .invalidValue, message: "bad\nvalue \u{1B}[2J", context: ["value": "x", "column": "tier"])
    #expect(ErrorLine.render(facts, tool: "t") == "t: invalidValue: bad\\nvalue \\x1B[2J (column=tier, value=x)")
    #expect(ErrorLine.render(CocoaError(.fileNoSuchFile), tool: "t").hasPrefix("t: failure: "))
  }

  /// Runs the reader over `text` written to a temporary file, in chunks of `chunkSize` bytes.
  func lines(of text: String, chunkSize: Int = 1 << 20) throws -> [(String, Int)] {
    var result: [(String, Int)] = []
    try withInputFile(text.utf8) { handle in
      try JSONLinesReader(handle: handle, chunkSize: chunkSize).forEachLine { line, number in
        result.append((String(decoding: line, as: UTF8.self), number))
      }
    }
    return result
  }

  @Test("records split on \\n only: U+2028, U+2029 and U+0085 inside a line are data", arguments: [1 << 20, 7, 1])
  func splitsOnNewlineOnly(chunkSize: Int) throws {
    let text = "{\"a\":\"x\u{2028}y\"}\n\n  \r\n{\"b\":\"p\u{85}q\u{2029}\"}\r\n{\"c\":1}"
    let lines = try lines(of: text, chunkSize: chunkSize)
    #expect(lines.map(\.1) == [1, 4, 5])
    #expect(lines.map(\.0) == ["{\"a\":\"x\u{2028}y\"}", "{\"b\":\"p\u{85}q\u{2029}\"}\r", "{\"c\":1}"])
  }

  @Test("a JSON line with a raw U+2028 or U+0085 in a string decodes; a malformed line names its number")
  func decodesRawSeparators() throws {
    struct Item: Decodable { var text: String }
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("items-\(UUID().uuidString)")
    try Data("{\"text\":\"a\u{2028}b\u{85}c\"}\n{\"text\":\"ok\"}\n{\"text\":3}\n".utf8).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    let handle = try FileHandle(forReadingFrom: url)
    defer { try? handle.close() }
    var texts: [String] = []
    #expect(throws: DecodingIssue(code: .wrongType, path: "text", line: 3, message: "expected a string")) {
      try JSONLinesReader(handle: handle).forEach(Item.self) { item, _ in texts.append(item.text) }
    }
    #expect(texts == ["a\u{2028}b\u{85}c", "ok"])
  }

  @Test("the writer emits one compact JSON object per line, in order")
  func writer() throws {
    struct Row: Encodable {
      var b: Int
      var a: String
    }
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("out-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: url.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: url) }
    let handle = try FileHandle(forWritingTo: url)
    let writer = JSONLinesWriter(handle: handle, threshold: 16)
    try writer.write(Row(b: 1, a: "x\ny"))
    writer.write(json: JSONText.object([("k", JSONText.quoted("v\u{2028}")), ("n", JSONText.number(.nan))]))
    try writer.write(Row(b: 2, a: "z"))
    writer.flush()
    try handle.close()
    let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
    #expect(text == "{\"a\":\"x\\ny\",\"b\":1}\n{\"k\":\"v\\u2028\",\"n\":null}\n{\"a\":\"z\",\"b\":2}\n")
  }
}
