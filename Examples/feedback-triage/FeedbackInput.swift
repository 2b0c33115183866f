import Foundation

/// One feedback item read from the input: its id (kept as the JSON it was written as) and its text.
struct FeedbackItem {
  /// The id as JSON text: `"abc"` or `42`.
  var idJSON: String
  /// The id for human-readable output.
  var idText: String
  var text: String
}

/// A problem with the input, reported as `line N: message` with exit status 2.
struct InputError: Error {
  var line: Int
  var message: String
}

enum InputFormat: String {
  case jsonl
  case csv
}

enum FeedbackInputReader {
  static func read(_ data: String, format: InputFormat) throws -> [FeedbackItem] {
    switch format {
    case .jsonl: return try readJSONLines(data)
    case .csv: return try readCSV(data)
    }
  }

  static func readJSONLines(_ data: String) throws -> [FeedbackItem] {
    var items: [FeedbackItem] = []
    var number = 0
    for rawLine in data.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
      number += 1
      let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
      if line.isEmpty { continue }
      let record: JSONRecord
      do {
        record = try JSONDecoder().decode(JSONRecord.self, from: Data(line.utf8))
      } catch DecodingError.keyNotFound(let key, _) {
        throw InputError(line: number, message: "missing field \"\(key.stringValue)\"")
      } catch DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context) {
        let field = context.codingPath.first?.stringValue ?? "value"
        throw InputError(line: number, message: "field \"\(field)\" has the wrong type")
      } catch {
        throw InputError(line: number, message: "not a JSON object")
      }
      items.append(FeedbackItem(idJSON: record.id.json, idText: record.id.text, text: record.text))
    }
    return items
  }

  /// RFC 4180 CSV with a header naming `id` and `text` (in any order, other columns ignored).
  static func readCSV(_ data: String) throws -> [FeedbackItem] {
    let records = try CSVParser.records(data)
    guard let header = records.first else { throw InputError(line: 1, message: "missing header 'id,text'") }
    let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    guard let idColumn = names.firstIndex(of: "id"), let textColumn = names.firstIndex(of: "text") else {
      throw InputError(line: header.line, message: "header must name the columns id and text")
    }
    var items: [FeedbackItem] = []
    for record in records.dropFirst() {
      if record.fields.count == 1 && record.fields[0].isEmpty { continue }
      guard record.fields.count == names.count else {
        throw InputError(
          line: record.line, message: "expected \(names.count) fields, found \(record.fields.count)")
      }
      let id = record.fields[idColumn]
      guard !id.isEmpty else { throw InputError(line: record.line, message: "empty id") }
      items.append(FeedbackItem(idJSON: JSONText.quoted(id), idText: id, text: record.fields[textColumn]))
    }
    return items
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
      case .number(let value): return value.isFinite ? "\(value)" : "0"
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
          guard !fieldStarted else { throw InputError(line: line, message: "quote inside an unquoted field") }
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
    if inQuotes { throw InputError(line: recordLine, message: "unterminated quoted field") }
    if fieldStarted || !fields.isEmpty || !field.isEmpty {
      fields.append(field)
      records.append(Record(line: recordLine, fields: fields))
    }
    return records
  }
}
