import Foundation
import Testing

@testable import SupportImport

@Suite("The import JSON reader is strict and exact")
struct JSONReadingTests {
  static func values(_ text: String) throws -> [JSONValue] {
    var values: [JSONValue] = []
    try ImportDocument(name: "t.json", data: Data(text.utf8)).forEachValue { (document) throws(ImportError) in
      values.append(document.root)
    }
    return values
  }

  static func string(_ json: String) throws -> String? {
    guard case .string(let text)? = try values(json).first else { return nil }
    return text
  }

  @Test("escapes and surrogate pairs decode; a lone surrogate or bad UTF-8 is malformed")
  func strings() throws {
    #expect(try Self.string(#""a\"b\\c\/d\n\t\u00e9\ud83d\ude00""#) == "a\"b\\c/d\n\té😀")
    #expect(try Self.string("\"ລາວ\"") == "ລາວ")
    for bad in [#""\ud800""#, #""\udc00x""#, #""\x""#, "\"a\u{01}b\"", "\"open"] {
      #expect(throws: ImportError.self) { try Self.values(bad) }
    }
    #expect(throws: ImportError.self) {
      try ImportDocument(name: "t", data: Data([0x22, 0xC3, 0x28, 0x22])).forEachValue { (_) throws(ImportError) in }
    }
  }

  @Test("numbers keep their text; malformed numbers are refused")
  func numbers() throws {
    guard case .number(let text)? = try Self.values("12345678901234567890.125").first else {
      Issue.record("not a number")
      return
    }
    #expect(text == "12345678901234567890.125")
    for bad in ["01", "1.", ".5", "-", "1e", "+1", "0x10", "NaN"] {
      #expect(throws: ImportError.self) { try Self.values(bad) }
    }
  }

  @Test("several values one after another are documents, each with the line it starts on")
  func documentsAndLines() throws {
    var lines: [Int] = []
    let text = "\u{FEFF}{\"a\":1}\n{\"b\":\n2}\n\n[3]\n"
    try ImportDocument(name: "t", data: Data(text.utf8)).forEachValue { (document) throws(ImportError) in
      lines.append(document.line)
    }
    #expect(lines == [1, 2, 5])
  }

  @Test("nesting deeper than the limit is malformed, not a crash")
  func depth() {
    let deep =
      String(repeating: "[", count: JSONParser.maximumDepth + 2)
      + String(repeating: "]", count: JSONParser.maximumDepth + 2)
    #expect(throws: ImportError.self) { try Self.values(deep) }
    let fine = String(repeating: "[", count: 50) + String(repeating: "]", count: 50)
    #expect((try? Self.values(fine))?.count == 1)
  }

  @Test("WHMCS flattened keys expand into the nested form")
  func flattenedKeys() throws {
    let source = SourceDocument(file: "c.json", line: 1, root: .null)
    let flat = JSONObject(members: [
      ("result", .string("success")), ("clients[client][0][id]", .string("1")),
      ("clients[client][0][email]", .string("a@example.com")), ("clients[client][1][id]", .string("2")),
    ])
    let expanded = try WHMCSFlatKeys.expand(flat, in: source)
    let record = Record(expanded, path: "", in: source)
    let clients = try record.records("clients", element: "client")
    #expect(try clients.map { try $0.requiredText("id") } == ["1", "2"])
    #expect(clients[1].path == "clients.client[1]")
  }

  @Test("lists may be arrays, WHMCS wrappers, position-keyed objects, one object, or empty markers")
  func listShapes() throws {
    for (json, count) in [
      (#"{"l":[{"a":1},{"a":2}]}"#, 2), (#"{"l":{"item":[{"a":1}]}}"#, 1), (#"{"l":{"1":{"a":2},"0":{"a":1}}}"#, 2),
      (#"{"l":{"item":{"a":1}}}"#, 1), (#"{"l":""}"#, 0), (#"{"l":null}"#, 0), (#"{"l":[]}"#, 0), (#"{}"#, 0),
    ] {
      guard case .object(let object)? = try Self.values(json).first else { continue }
      let record = Record(object, path: "", in: SourceDocument(file: "t", line: 1, root: .object(object)))
      #expect(try record.records("l", element: "item").count == count, "\(json)")
    }
  }
}
