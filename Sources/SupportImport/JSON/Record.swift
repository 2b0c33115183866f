import Foundation

/// A JSON object being read as a vendor record, with the path and place errors name.
///
/// Vendor APIs are loose about types (WHMCS writes `"ticketid": "12"` in one version and `12` in another), so
/// the accessors accept a number or a string where either makes sense, and treat `null` as absent. Anything
/// else of the wrong type is an ``ImportError`` `wrongType` naming the field's path.
struct Record {
  let object: JSONObject
  /// The record's JSON path (`replies.reply[3]`), empty for the document itself.
  let path: String
  let file: String
  let line: Int

  init(_ object: JSONObject, path: String, in source: SourceDocument) {
    self.object = object
    self.path = path
    file = source.file
    line = source.line
  }

  private init(_ object: JSONObject, path: String, file: String, line: Int) {
    self.object = object
    self.path = path
    self.file = file
    self.line = line
  }

  /// The path of a field of this record.
  func path(of key: String) -> String { path.isEmpty ? key : path + "." + key }

  /// An error about a field of this record.
  func failure(_ code: ImportError.Code, _ key: String?, _ message: String, value: String? = nil) -> ImportError {
    ImportError(code, message, file: file, line: line, path: key.map(path(of:)) ?? path, value: value)
  }

  // MARK: Scalars

  /// A string or number field as text; `nil` when absent or `null`.
  func text(_ key: String) throws(ImportError) -> String? {
    switch object[key] {
    case nil, .null?: return nil
    case .string(let text)?: return text
    case .number(let text)?: return text
    case let other?: throw failure(.wrongType, key, "expected a string, got \(other.typeName)")
    }
  }

  /// A required string or number field as text.
  func requiredText(_ key: String) throws(ImportError) -> String {
    guard let text = try text(key) else { throw failure(.missingField, key, "is missing") }
    return text
  }

  /// A non-empty text field, or `nil` when absent, `null` or only white space.
  func nonEmptyText(_ key: String) throws(ImportError) -> String? {
    guard let text = try text(key), text.contains(where: { !$0.isWhitespace }) else { return nil }
    return text
  }

  /// The first of several fields that has visible text (`requestor_email`, else `email`).
  func firstText(_ keys: String...) throws(ImportError) -> String? {
    for key in keys {
      if let text = try nonEmptyText(key) { return text }
    }
    return nil
  }

  /// A whole-number id (`"12"` or `12`) as canonical digits; `nil` when absent, `null`, empty or `"0"`
  /// (vendors write 0 for "none").
  func vendorID(_ key: String) throws(ImportError) -> String? {
    guard let text = try text(key), !text.isEmpty else { return nil }
    guard let digits = VendorNumber.canonicalID(text) else {
      throw failure(.invalidValue, key, "expected a whole-number id", value: text)
    }
    return digits == "0" ? nil : digits
  }

  /// A required whole-number id.
  func requiredVendorID(_ key: String) throws(ImportError) -> String {
    guard let id = try vendorID(key) else {
      if object[key] == nil { throw failure(.missingField, key, "is missing") }
      throw failure(.invalidValue, key, "expected an id above 0")
    }
    return id
  }

  /// A signed whole number (ids such as Zendesk's `-1` for the system), `nil` when absent or `null`.
  func integer(_ key: String) throws(ImportError) -> Int64? {
    guard let text = try text(key), !text.isEmpty else { return nil }
    guard let value = Int64(text) else { throw failure(.invalidValue, key, "expected a whole number", value: text) }
    return value
  }

  /// A flag: `true`/`false`, or the strings and numbers `1`/`0`, `"true"`/`"false"`; `nil` when absent.
  func bool(_ key: String) throws(ImportError) -> Bool? {
    switch object[key] {
    case nil, .null?: return nil
    case .bool(let value)?: return value
    case .number(let text)?, .string(let text)?:
      switch text.lowercased() {
      case "1", "true": return true
      case "0", "false", "": return false
      default: throw failure(.invalidValue, key, "expected true or false", value: text)
      }
    case let other?: throw failure(.wrongType, key, "expected true or false, got \(other.typeName)")
    }
  }

  // MARK: Nested values

  /// A nested object, `nil` when absent, `null` or an empty string or array (PHP writes an empty map as `[]`).
  func nested(_ key: String) throws(ImportError) -> Record? {
    switch object[key] {
    case nil, .null?: return nil
    case .object(let inner)?: return Record(inner, path: path(of: key), file: file, line: line)
    case .string(let text)? where text.isEmpty: return nil
    case .array(let elements)? where elements.isEmpty: return nil
    case let other?: throw failure(.wrongType, key, "expected an object, got \(other.typeName)")
    }
  }

  /// The records of a list field. Accepts an array of objects; WHMCS's wrapper object (`"replies": {"reply":
  /// […]}`) when `element` names its one key; an object keyed by positions (`{"0": {…}, "1": {…}}`); a single
  /// object where a list of one is meant; and `null`, `""` or absence for none.
  /// - Parameters:
  ///   - key: The list's field.
  ///   - element: The key of WHMCS's wrapper object, such as `reply`.
  func records(_ key: String, element: String? = nil) throws(ImportError) -> [Record] {
    try Self.records(in: object[key], path: path(of: key), element: element, file: file, line: line)
  }

  private static func records(
    in value: JSONValue?, path: String, element: String?, file: String, line: Int
  ) throws(ImportError) -> [Record] {
    switch value {
    case nil, .null?: return []
    case .string(let text)? where text.isEmpty: return []
    case .array(let elements)?:
      var result: [Record] = []
      result.reserveCapacity(elements.count)
      for (position, element) in elements.enumerated() {
        guard case .object(let object) = element else {
          throw ImportError(
            .wrongType, "expected an object, got \(element.typeName)", file: file, line: line,
            path: "\(path)[\(position)]")
        }
        result.append(Record(object, path: "\(path)[\(position)]", file: file, line: line))
      }
      return result
    case .object(let object)?:
      if let element, let inner = object[element] {
        return try records(in: inner, path: path + "." + element, element: nil, file: file, line: line)
      }
      if !object.members.isEmpty, object.members.allSatisfy({ VendorNumber.canonicalID($0.key) != nil }) {
        let ordered = object.members.sorted { VendorNumber.less($0.key, $1.key) }
        return try records(
          in: .array(ordered.map(\.value)), path: path, element: nil, file: file, line: line)
      }
      if object.members.isEmpty { return [] }
      return [Record(object, path: path, file: file, line: line)]
    case let other?:
      throw ImportError(.wrongType, "expected a list, got \(other.typeName)", file: file, line: line, path: path)
    }
  }
}

/// Whole numbers written by vendors, as text.
enum VendorNumber {
  /// The longest id accepted, in digits (a 64-bit number has at most 20).
  static let maximumIDDigits = 20

  /// `text` as canonical digits (leading zeros removed, `"0"` for zero), or `nil` unless it is 1…20 ASCII digits.
  static func canonicalID(_ text: String) -> String? {
    let bytes = text.utf8
    guard !bytes.isEmpty, bytes.count <= maximumIDDigits,
      bytes.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
    else { return nil }
    let trimmed = text.drop { $0 == "0" }
    return trimmed.isEmpty ? "0" : String(trimmed)
  }

  /// Orders digit strings by value (shorter canonical text first), other text after them.
  static func less(_ lhs: String, _ rhs: String) -> Bool {
    switch (canonicalID(lhs), canonicalID(rhs)) {
    case (let left?, let right?):
      return left.utf8.count != right.utf8.count ? left.utf8.count < right.utf8.count : left < right
    case (_?, nil): return true
    case (nil, _?): return false
    case (nil, nil): return lhs < rhs
    }
  }
}
