import Foundation

/// One record of a CSV file: its fields and the line it starts on.
struct CSVRecord {
  var line: Int
  var fields: [String]
}

/// Reads RFC 4180 CSV: comma-separated, fields optionally in double quotes (a quote inside written twice,
/// commas and line breaks allowed inside quotes), LF or CRLF line ends, an optional UTF-8 byte order mark.
/// Unquoted fields are trimmed of surrounding spaces; blank lines are skipped.
enum CSVReader {
  /// Splits the text into records.
  /// - Throws: ``RetentionError/Code-swift.struct/malformedRow`` for an unterminated quote or text after a
  ///   closing quote.
  static func records(in text: String, file: String) throws(RetentionError) -> [CSVRecord] {
    var bytes = Array(text.utf8)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    var records: [CSVRecord] = []
    var fields: [String] = []
    var field: [UInt8] = []
    var line = 1
    var recordLine = 1
    var index = 0
    var quoted = false
    var fieldWasQuoted = false
    func finishField() {
      var value = String(decoding: field, as: UTF8.self)
      if !fieldWasQuoted { value = value.trimmingCharacters(in: .whitespaces) }
      fields.append(value)
      field.removeAll(keepingCapacity: true)
      fieldWasQuoted = false
    }
    func finishRecord() {
      finishField()
      if !(fields.count == 1 && fields[0].isEmpty) { records.append(CSVRecord(line: recordLine, fields: fields)) }
      fields.removeAll(keepingCapacity: true)
    }
    while index < bytes.count {
      let byte = bytes[index]
      if quoted {
        if byte == UInt8(ascii: "\"") {
          if index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\"") {
            field.append(byte)
            index += 1
          } else {
            quoted = false
            var next = index + 1
            while next < bytes.count && bytes[next] == UInt8(ascii: " ") { next += 1 }
            if next < bytes.count && ![UInt8(ascii: ","), UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains(bytes[next])
            {
              throw RetentionError(
                .malformedRow, "unexpected text after a closing quote", at: .init(file: file, line: line))
            }
            index = next - 1
          }
        } else {
          if byte == UInt8(ascii: "\n") { line += 1 }
          field.append(byte)
        }
      } else {
        switch byte {
        case UInt8(ascii: "\""):
          if field.allSatisfy({ $0 == UInt8(ascii: " ") }) {
            field.removeAll()
            quoted = true
            fieldWasQuoted = true
          } else {
            field.append(byte)
          }
        case UInt8(ascii: ","): finishField()
        case UInt8(ascii: "\r"):
          if index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
          finishRecord()
          line += 1
          recordLine = line
        case UInt8(ascii: "\n"):
          finishRecord()
          line += 1
          recordLine = line
        default: field.append(byte)
        }
      }
      index += 1
    }
    if quoted {
      throw RetentionError(.malformedRow, "unterminated quoted field", at: .init(file: file, line: recordLine))
    }
    if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { finishRecord() }
    return records
  }
}
