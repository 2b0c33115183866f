import Foundation

/// The columns of a CSV header, by lower-cased name (the first of equal names wins).
struct CSVHeader {
  let names: [String]
  private let indexByName: [String: Int]

  init(names: [String]) {
    self.names = names
    var index: [String: Int] = [:]
    for (position, name) in names.enumerated() where index[name.lowercased()] == nil {
      index[name.lowercased()] = position
    }
    indexByName = index
  }

  /// The position of a column, or `nil` when the header lacks it.
  func position(of name: String) -> Int? { indexByName[name] }
}

/// A column the importer reads: its name (for errors) and position in the file (`nil` when absent).
struct CSVColumn {
  let name: String
  let position: Int?
}

/// One data row: its fields as byte ranges, with accessors that parse straight from the bytes and errors that
/// name the file, line and column.
struct CSVRow {
  let scanner: CSVScanner
  let fields: [CSVField]
  let file: String
  let line: Int

  func location(_ column: CSVColumn) -> RetentionError.Location {
    RetentionError.Location(file: file, line: line, column: column.name)
  }

  /// The field's text; empty for a column the file lacks.
  func text(_ column: CSVColumn) -> String {
    guard let position = column.position, position < fields.count else { return "" }
    return scanner.value(of: fields[position])
  }

  /// Whether the field is empty (or the column absent).
  func isEmpty(_ column: CSVColumn) -> Bool {
    guard let position = column.position, position < fields.count else { return true }
    return fields[position].isEmpty
  }

  /// Calls `body` with the field's bytes (empty for an absent column).
  func withBytes<Result, Failure: Error>(
    _ column: CSVColumn, _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result
  ) throws(Failure) -> Result {
    guard let position = column.position, position < fields.count else {
      return try body(UnsafeBufferPointer(start: nil, count: 0))
    }
    return try scanner.withBytes(of: fields[position], body)
  }

  func identifier<Tag>(_ column: CSVColumn, _ type: Identifier<Tag>.Type) throws(RetentionError) -> Identifier<Tag> {
    if let position = column.position, position < fields.count,
      let bytes = scanner.rawBytes(of: fields[position]), let identifier = Identifier<Tag>(printableASCII: bytes)
    {
      return identifier
    }
    let value = text(column)
    do { return try Identifier<Tag>(validating: value) } catch {
      throw .invalidValue(
        value, expected: "an identifier (\(error.message.replacingOccurrences(of: "an identifier ", with: "")))",
        at: location(column))
    }
  }

  func optionalIdentifier<Tag>(_ column: CSVColumn, _ type: Identifier<Tag>.Type) throws(RetentionError)
    -> Identifier<Tag>?
  {
    isEmpty(column) ? nil : try identifier(column, type)
  }

  /// The channel, matched against `wellKnown` (the well-known channels' bytes, built once per file) first.
  func channel(_ column: CSVColumn, _ wellKnown: ChoiceTable<AcquisitionChannel>) throws(RetentionError)
    -> AcquisitionChannel
  {
    if let known = withBytes(column, { wellKnown.match($0) }) { return known }
    let value = text(column)
    guard let channel = AcquisitionChannel(rawValue: value.lowercased()) else {
      throw .invalidValue(
        value, expected: "a channel name such as direct, reseller or affiliate (letters, digits, - and _)",
        at: location(column))
    }
    return channel
  }

  func choice<Value>(_ column: CSVColumn, _ choices: ChoiceTable<Value>) throws(RetentionError) -> Value {
    if let value = withBytes(column, { choices.match($0) }) { return value }
    throw .invalidValue(text(column), expected: "one of \(choices.allowed)", at: location(column))
  }

  func date(_ column: CSVColumn) throws(RetentionError) -> CivilDate {
    if let date = withBytes(column, { ASCIIText.date($0) }), RetentionDataset.supportedDates.contains(date) {
      return date
    }
    let value = text(column)
    let date: CivilDate
    do { date = try CivilDate(parsing: value) } catch {
      throw .invalidValue(value, expected: "a date YYYY-MM-DD", at: location(column))
    }
    guard RetentionDataset.supportedDates.contains(date) else {
      throw .invalidValue(value, expected: "a date from 1970-01-01 to 2099-12-31", at: location(column))
    }
    return date
  }

  func optionalDate(_ column: CSVColumn) throws(RetentionError) -> CivilDate? {
    isEmpty(column) ? nil : try date(column)
  }

  func currency(_ column: CSVColumn, default fallback: CurrencyCode, cache: inout CurrencyCache)
    throws(RetentionError) -> CurrencyCode
  {
    if isEmpty(column) { return fallback }
    if let cached = withBytes(column, { cache.match($0) }) { return cached }
    let value = text(column)
    do {
      let code = try CurrencyCode(validating: value)
      cache.remember(code)
      return code
    } catch {
      throw .invalidValue(value, expected: "a three-letter ISO 4217 currency code", at: location(column))
    }
  }

  func amount(_ column: CSVColumn, currency: CurrencyCode, digits: Int? = nil) throws(RetentionError) -> Money {
    let digits = digits ?? currency.minorUnitDigits
    if let minorUnits = withBytes(column, { ASCIIText.minorUnits($0, fractionDigits: digits) }) {
      return Money(minorUnits: minorUnits, currency: currency)
    }
    let value = text(column)
    let money: Money
    do { money = try Money(parsing: value, currency: currency) } catch {
      let code: RetentionError.Code = error.code == .overflow ? .overflow : .invalidValue
      throw RetentionError(code, error.message, at: location(column))
    }
    guard money.minorUnits >= 0 else {
      throw .invalidValue(value, expected: "an amount ≥ 0", at: location(column))
    }
    return money
  }
}

/// The values of a `RawRepresentable & CaseIterable` type, matched against bytes case-insensitively.
struct ChoiceTable<Value> {
  let entries: [(bytes: [UInt8], value: Value)]
  let allowed: String

  init(_ type: Value.Type) where Value: RawRepresentable & CaseIterable, Value.RawValue == String {
    self.init(Array(Value.allCases))
  }

  init(_ values: [Value]) where Value: RawRepresentable, Value.RawValue == String {
    entries = values.map { (Array($0.rawValue.lowercased().utf8), $0) }
    allowed = values.map(\.rawValue).joined(separator: ", ")
  }

  func match(_ bytes: UnsafeBufferPointer<UInt8>) -> Value? {
    entries.first { ASCIIText.equalsIgnoringCase(bytes, $0.bytes) }?.value
  }
}

/// The currency codes seen so far, so a file's repeated `USD` is not validated on every row.
struct CurrencyCache {
  private var codes: [(bytes: [UInt8], code: CurrencyCode, digits: Int)] = []

  func match(_ bytes: UnsafeBufferPointer<UInt8>) -> CurrencyCode? {
    codes.first { ASCIIText.equalsIgnoringCase(bytes, $0.bytes) }?.code
  }

  mutating func remember(_ code: CurrencyCode) {
    if codes.count < 8 { codes.append((Array(code.code.lowercased().utf8), code, code.minorUnitDigits)) }
  }

  /// The currency's minor-unit digits, looked up among the codes seen before computing them.
  func minorUnitDigits(of code: CurrencyCode) -> Int {
    codes.first { $0.code == code }?.digits ?? code.minorUnitDigits
  }
}

/// Byte-level helpers for ASCII text in CSV fields.
enum ASCIIText {
  /// Whether `bytes` equal the lower-case ASCII `candidate`, ignoring the case of ASCII letters in `bytes`.
  static func equalsIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ candidate: some Collection<UInt8>) -> Bool {
    guard bytes.count == candidate.count else { return false }
    return zip(bytes, candidate).allSatisfy { byte, expected in
      (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte) == expected
    }
  }

  static func equalsIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ candidate: String) -> Bool {
    equalsIgnoringCase(bytes, candidate.utf8)
  }

  /// A `YYYY-MM-DD` date, or `nil` for anything else (the caller then reports the error).
  static func date(_ bytes: UnsafeBufferPointer<UInt8>) -> CivilDate? {
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
    func number(_ from: Int, _ count: Int) -> Int? {
      var value = 0
      for index in from..<(from + count) {
        let digit = Int(bytes[index]) &- 48
        guard digit >= 0 && digit <= 9 else { return nil }
        value = value &* 10 &+ digit
      }
      return value
    }
    guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2) else { return nil }
    return try? CivilDate(year: year, month: month, day: day)
  }

  /// A plain non-negative amount (`7.99`, `12`) in minor units with at most `fractionDigits` decimals and
  /// at most 15 digits in all, or `nil` for anything else (signs, spaces, more decimals, longer numbers),
  /// which `Money(parsing:currency:)` then reads or rejects with its error.
  static func minorUnits(_ bytes: UnsafeBufferPointer<UInt8>, fractionDigits: Int) -> Int64? {
    guard !bytes.isEmpty, bytes.count <= 16 else { return nil }
    var value: Int64 = 0
    var decimals = -1
    var digits = 0
    for byte in bytes {
      if byte == UInt8(ascii: ".") {
        guard decimals < 0 else { return nil }
        decimals = 0
        continue
      }
      let digit = Int64(byte) &- 48
      guard digit >= 0 && digit <= 9 else { return nil }
      value = value &* 10 &+ digit
      digits += 1
      if decimals >= 0 { decimals += 1 }
    }
    guard digits > 0, digits <= 15, decimals <= fractionDigits else { return nil }
    for _ in 0..<(fractionDigits - max(decimals, 0)) { value &*= 10 }
    return value
  }

  /// A whole number of at most 18 digits, or `nil`.
  static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
    var value = 0
    for byte in bytes {
      let digit = Int(byte) &- 48
      guard digit >= 0 && digit <= 9 else { return nil }
      value = value &* 10 &+ digit
    }
    return value
  }
}
