import CommandLineSupport
import FeedbackSentiment
import Foundation

/// One feedback item read from the input: its id (kept as the JSON it was written as) and its text.
struct FeedbackItem {
  /// The id as JSON text: `"abc"` or `42`.
  var idJSON: String
  /// The id for human-readable output.
  var idText: String
  var text: String
}

enum InputFormat: String, CaseIterable {
  case jsonl
  case csv
}

enum FeedbackInputReader {
  /// Calls `body` with each feedback item of a file (or standard input when `path` is `nil`), in order.
  ///
  /// JSON lines are streamed: each item is handled as soon as its line is read, split on `\n` only. CSV is read
  /// whole (a quoted field may span lines).
  ///
  /// - Parameters:
  ///   - path: The input file, or `nil` for standard input.
  ///   - format: JSON lines or CSV.
  ///   - afterChunk: Called after each read of JSON lines was handled (flush the output here).
  ///   - body: What to do with an item.
  /// - Throws: `DecodingIssue` naming the line of a malformed record (nothing after it is read), or what
  ///   `body` throws.
  static func forEach(
    in path: String?, format: InputFormat, afterChunk: () -> Void = {}, _ body: (FeedbackItem) throws -> Void
  ) throws {
    try withHandle(path) { handle in
      switch format {
      case .jsonl:
        let decoder = JSONDecoder()
        try JSONLinesReader(handle: handle).forEach(JSONRecord.self, decoder: decoder, afterChunk: afterChunk) {
          record, _ in
          try body(FeedbackItem(idJSON: record.id.json, idText: record.id.text, text: record.text))
        }
      case .csv:
        let text = String(decoding: try handle.readToEnd() ?? Data(), as: UTF8.self)
        for item in try readCSV(text) { try body(item) }
      }
    }
  }

  /// ``forEach(in:format:afterChunk:_:)`` for tools that only write each item's id back: `body` gets the id,
  /// the text and the line the id's bytes are in (valid during the call). Common JSON lines are read byte by
  /// byte (``FeedbackLineScanner``); any other line is decoded by `JSONDecoder` exactly as `forEach` does.
  ///
  /// - Throws: As ``forEach(in:format:afterChunk:_:)``.
  static func forEachText(
    in path: String?, format: InputFormat, afterChunk: () -> Void = {},
    _ body: (FeedbackID, String, ArraySlice<UInt8>) throws -> Void
  ) throws {
    guard format == .jsonl else {
      return try forEach(in: path, format: format, afterChunk: afterChunk) { item in
        try body(.json(item.idJSON), item.text, [])
      }
    }
    try withHandle(path) { handle in
      let decoder = JSONDecoder()
      try JSONLinesReader(handle: handle).forEachLineBytes(afterChunk: afterChunk) { line, number in
        if let scanned = FeedbackLineScanner.scan(line) {
          try body(scanned.id, String(decoding: line[scanned.text], as: UTF8.self), line)
        } else {
          let record = try JSONLinesReader.decode(JSONRecord.self, from: Data(line), line: number, decoder: decoder)
          try body(.json(record.id.json), record.text, line)
        }
      }
    }
  }

  /// Opens the input file (standard input when `path` is `nil`) for the duration of `body`.
  private static func withHandle(_ path: String?, _ body: (FileHandle) throws -> Void) throws {
    let handle: FileHandle
    if let path {
      guard let file = FileHandle(forReadingAtPath: path) else {
        throw DecodingIssue(code: .malformed, path: "", message: "cannot read the input file").inFile(path)
      }
      handle = file
    } else {
      handle = .standardInput
    }
    defer { if path != nil { try? handle.close() } }
    try body(handle)
  }

  /// RFC 4180 CSV with a header naming `id` and `text` (in any order, other columns ignored).
  static func readCSV(_ data: String) throws -> [FeedbackItem] {
    let records = try CSVParser.records(data)
    guard let header = records.first else { throw malformed(line: 1, "missing header 'id,text'") }
    let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    guard let idColumn = names.firstIndex(of: "id"), let textColumn = names.firstIndex(of: "text") else {
      throw malformed(line: header.line, "the header must name the columns id and text")
    }
    var items: [FeedbackItem] = []
    for record in records.dropFirst() {
      if record.fields.count == 1 && record.fields[0].isEmpty { continue }
      guard record.fields.count == names.count else {
        throw malformed(line: record.line, "expected \(names.count) fields, found \(record.fields.count)")
      }
      let id = record.fields[idColumn]
      guard !id.isEmpty else { throw malformed(line: record.line, "empty id") }
      items.append(FeedbackItem(idJSON: JSONText.quoted(id), idText: id, text: record.fields[textColumn]))
    }
    return items
  }

  /// A malformed CSV record.
  static func malformed(line: Int, _ message: String) -> DecodingIssue {
    DecodingIssue(code: .malformed, path: "", line: line, message: message)
  }
}

/// One JSON-lines input record.
struct JSONRecord: Decodable {
  enum Identifier: Decodable {
    case string(String)
    case integer(Int64)
    case number(Double)

    init(from decoder: any Decoder) throws {
      let container = try decoder.singleValueContainer()
      if let value = try? container.decode(Int64.self) {
        self = .integer(value)
      } else if let value = try? container.decode(Double.self) {
        self = .number(value)
      } else {
        self = .string(try container.decode(String.self))
      }
    }

    var json: String {
      switch self {
      case .string(let value): return JSONText.quoted(value)
      case .integer(let value): return String(value)
      case .number(let value): return value.isFinite ? "\(value)" : "null"
      }
    }

    var text: String {
      switch self {
      case .string(let value): return value
      case .integer(let value): return String(value)
      case .number(let value): return "\(value)"
      }
    }
  }

  var id: Identifier
  var text: String
}

enum CSVParser {
  struct Record {
    var line: Int
    var fields: [String]
  }

  static func records(_ data: String) throws -> [Record] {
    var records: [Record] = []
    var fields: [String] = []
    var field = ""
    var inQuotes = false
    var line = 1
    var recordLine = 1
    var fieldStarted = false
    var characters = Array(data.unicodeScalars)
    if characters.first == "\u{FEFF}" { characters.removeFirst() }
    var index = 0
    while index < characters.count {
      let character = characters[index]
      if inQuotes {
        if character == "\"" {
          if index + 1 < characters.count, characters[index + 1] == "\"" {
            field.unicodeScalars.append("\"")
            index += 1
          } else {
            inQuotes = false
          }
        } else {
          if character == "\n" { line += 1 }
          field.unicodeScalars.append(character)
        }
      } else {
        switch character {
        case "\"":
          guard !fieldStarted else { throw FeedbackInputReader.malformed(line: line, "quote inside an unquoted field") }
          inQuotes = true
          fieldStarted = true
        case ",":
          fields.append(field)
          field = ""
          fieldStarted = false
        case "\r":
          break
        case "\n":
          fields.append(field)
          records.append(Record(line: recordLine, fields: fields))
          fields = []
          field = ""
          fieldStarted = false
          line += 1
          recordLine = line
        default:
          field.unicodeScalars.append(character)
          fieldStarted = true
        }
      }
      index += 1
    }
    if inQuotes { throw FeedbackInputReader.malformed(line: recordLine, "unterminated quoted field") }
    if fieldStarted || !fields.isEmpty || !field.isEmpty {
      fields.append(field)
      records.append(Record(line: recordLine, fields: fields))
    }
    return records
  }
}
