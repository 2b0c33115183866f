import Foundation
import RetentionMetrics

/// The `survival` command's input: CSV `duration,event[,group]` with a header; `event` is 1/0 or true/false
/// (1 = the event happened, 0 = censored).
struct DurationsFile {
  var groups: [String: (durations: [Double], observed: [Bool])] = [:]
  var hasGroups = false

  static func parse(_ text: String, file: String) throws -> DurationsFile {
    var result = DurationsFile()
    var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
      .enumerated().makeIterator()
    guard let header = lines.next()?.element else {
      throw RetentionError(
        .missingColumn, "the file is empty; expected a header duration,event[,group]", at: .init(file: file, line: 1))
    }
    let columns = header.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    guard let durationColumn = columns.firstIndex(of: "duration"), let eventColumn = columns.firstIndex(of: "event")
    else {
      throw RetentionError(
        .missingColumn, "expected a header with duration,event[,group]", at: .init(file: file, line: 1))
    }
    let groupColumn = columns.firstIndex(of: "group")
    result.hasGroups = groupColumn != nil
    while let (index, line) = lines.next() {
      if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
      let fields = line.split(separator: ",", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      let lineNumber = index + 1
      guard fields.count == columns.count else {
        throw RetentionError(
          .malformedRow, "expected \(columns.count) fields, found \(fields.count)",
          at: .init(file: file, line: lineNumber))
      }
      guard let duration = Double(fields[durationColumn]), duration.isFinite, duration >= 0 else {
        throw RetentionError.invalidValue(
          fields[durationColumn], expected: "a number ≥ 0", at: .init(file: file, line: lineNumber, column: "duration"))
      }
      let observed: Bool
      switch fields[eventColumn].lowercased() {
      case "1", "true": observed = true
      case "0", "false": observed = false
      default:
        throw RetentionError.invalidValue(
          fields[eventColumn], expected: "1/0/true/false", at: .init(file: file, line: lineNumber, column: "event"))
      }
      let group = groupColumn.map { fields[$0] } ?? ""
      result.groups[group, default: ([], [])].durations.append(duration)
      result.groups[group, default: ([], [])].observed.append(observed)
    }
    return result
  }
}
