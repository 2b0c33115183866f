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

/// Numbers and flags read straight from CSV bytes.
enum DecimalText {
  private static let powersOfTen: [Double] = (0...22).map { pow(10, Double($0)) }

  /// A plain decimal (`42`, `3.25`) read exactly: digits whose value is below 2⁵³ over a power of ten up to
  /// 10²² are both exact doubles, so one division rounds correctly (Clinger's fast path). `nil` for anything
  /// else (signs, exponents, more digits), which the caller reads with `Double(_:)`.
  static func double(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    guard !bytes.isEmpty, bytes.count <= 40 else { return nil }
    var mantissa: UInt64 = 0
    var fractionDigits = 0
    var sawPoint = false
    var digits = 0
    for byte in bytes {
      if byte == UInt8(ascii: ".") {
        guard !sawPoint else { return nil }
        sawPoint = true
        continue
      }
      let digit = UInt64(byte) &- 48
      guard digit <= 9 else { return nil }
      if digits == 0 && digit == 0 && !sawPoint { continue }
      digits += 1
      guard digits <= 19 else { return nil }
      mantissa = mantissa &* 10 &+ digit
      if sawPoint { fractionDigits += 1 }
    }
    guard mantissa <= 1 << 53, fractionDigits <= 22, bytes.count > (sawPoint ? 1 : 0) else { return nil }
    return Double(mantissa) / powersOfTen[fractionDigits]
  }

  /// As ``flag(_:)`` for text that needed unescaping.
  static func flag(text: String) -> Bool? {
    switch text.lowercased() {
    case "1", "true": true
    case "0", "false": false
    default: nil
    }
  }

  /// `1`/`true` → `true`, `0`/`false` → `false` (any case), else `nil`.
  static func flag(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
    if bytes.count == 1 {
      if bytes[0] == UInt8(ascii: "1") { return true }
      if bytes[0] == UInt8(ascii: "0") { return false }
      return nil
    }
    let lowered = bytes.map { $0 | 0x20 }
    if lowered.elementsEqual("true".utf8) { return true }
    if lowered.elementsEqual("false".utf8) { return false }
    return nil
  }
}
