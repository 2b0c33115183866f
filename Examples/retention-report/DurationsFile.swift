import Foundation
import RetentionMetrics

/// The `survival` command's input: CSV `duration,event[,group]` with a header; `event` is 1/0 or true/false
/// (1 = the event happened, 0 = censored). Read byte by byte: no `String` per field.
struct DurationsFile {
  var groups: [String: (durations: [Double], observed: [Bool])] = [:]
  var hasGroups = false

  static func parse(_ data: Data, file: String) throws -> DurationsFile {
    var outcome: Result<DurationsFile, RetentionError>?
    data.withUnsafeBytes { bytes in
      do throws(RetentionError) {
        outcome = .success(
          try CSVScanner.withScanner(bytes, file: file) { (scanner) throws(RetentionError) in
            try parse(&scanner, file: file, estimatedRows: bytes.count / 8)
          })
      } catch {
        outcome = .failure(error)
      }
    }
    return try outcome!.get()
  }

  private static func parse(_ scanner: inout CSVScanner, file: String, estimatedRows: Int) throws(RetentionError)
    -> DurationsFile
  {
    var fields: [CSVField] = []
    guard try scanner.nextRecord(into: &fields) else {
      throw RetentionError(
        .missingColumn, "the file is empty; expected a header duration,event[,group]", at: .init(file: file, line: 1))
    }
    let columns = fields.map { scanner.value(of: $0).lowercased() }
    guard let durationColumn = columns.firstIndex(of: "duration"), let eventColumn = columns.firstIndex(of: "event")
    else {
      throw RetentionError(
        .missingColumn, "expected a header with duration,event[,group]", at: .init(file: file, line: 1))
    }
    let groupColumn = columns.firstIndex(of: "group")
    var result = DurationsFile()
    result.hasGroups = groupColumn != nil
    // Rows of one group (the usual case) go straight into these arrays; other groups into the dictionary.
    var currentGroup = ""
    var durations: [Double] = []
    var observed: [Bool] = []
    durations.reserveCapacity(groupColumn == nil ? estimatedRows : 0)
    observed.reserveCapacity(groupColumn == nil ? estimatedRows : 0)
    while try scanner.nextRecord(into: &fields) {
      let line = scanner.recordLine
      guard fields.count == columns.count else {
        throw RetentionError(
          .malformedRow, "expected \(columns.count) fields, found \(fields.count)", at: .init(file: file, line: line))
      }
      let durationField = fields[durationColumn]
      guard
        let duration = scanner.rawBytes(of: durationField).flatMap(DecimalText.double)
          ?? Double(scanner.value(of: durationField)),
        duration.isFinite, duration >= 0
      else {
        throw RetentionError.invalidValue(
          scanner.value(of: durationField), expected: "a number ≥ 0",
          at: .init(file: file, line: line, column: "duration"))
      }
      let eventField = fields[eventColumn]
      let raw = scanner.rawBytes(of: eventField)
      guard let event = raw.map(DecimalText.flag) ?? DecimalText.flag(text: scanner.value(of: eventField)) else {
        throw RetentionError.invalidValue(
          scanner.value(of: fields[eventColumn]), expected: "1/0/true/false",
          at: .init(file: file, line: line, column: "event"))
      }
      if let groupColumn {
        let sameGroup = scanner.rawBytes(of: fields[groupColumn])?.elementsEqual(currentGroup.utf8) ?? false
        if !sameGroup {
          result.add(group: currentGroup, durations: &durations, observed: &observed)
          currentGroup = scanner.value(of: fields[groupColumn])
        }
      }
      durations.append(duration)
      observed.append(event)
    }
    result.add(group: currentGroup, durations: &durations, observed: &observed)
    return result
  }

  /// Moves the rows collected for `group` into ``groups``.
  private mutating func add(group: String, durations: inout [Double], observed: inout [Bool]) {
    guard !durations.isEmpty || (!hasGroups && groups.isEmpty) else { return }
    if groups[group] == nil {
      groups[group] = (durations, observed)
    } else {
      groups[group]!.durations += durations
      groups[group]!.observed += observed
    }
    durations = []
    observed = []
  }
}
