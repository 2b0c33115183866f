import Foundation

/// A parsed JSON value. Numbers keep their text, so an amount such as `12.95` is never rounded through `Double`
/// and an id such as `12345678901234567890` is never cut.
enum JSONValue: Sendable {
  case null
  case bool(Bool)
  /// A number as written (validated against the JSON grammar).
  case number(String)
  case string(String)
  case array([JSONValue])
  case object(JSONObject)

  /// The JSON type's name, for messages: "a string", "an object"…
  var typeName: String {
    switch self {
    case .null: return "null"
    case .bool: return "true or false"
    case .number: return "a number"
    case .string: return "a string"
    case .array: return "an array"
    case .object: return "an object"
    }
  }
}

/// A JSON object's members in document order. Vendor records have a dozen keys, so a linear scan beats hashing;
/// a key written twice reads as its last value, as most parsers do.
struct JSONObject: Sendable {
  var members: [(key: String, value: JSONValue)]

  init(members: [(key: String, value: JSONValue)] = []) { self.members = members }

  /// The value of `key`, or `nil` when absent.
  /// - Complexity: O(n) in the number of members.
  subscript(key: String) -> JSONValue? {
    var index = members.count - 1
    while index >= 0 {
      if members[index].key == key { return members[index].value }
      index -= 1
    }
    return nil
  }

  /// Whether the object has `key`.
  func has(_ key: String) -> Bool { self[key] != nil }
}
