import Foundation

/// Renders a decoder's coding path as a JSON field path: `weekly.monday[0][1]`, `holidays[2].date`.
///
/// - Parameters:
///   - codingPath: The decoder's coding path.
///   - key: An extra key to append, if the error is about a member not yet entered.
/// - Returns: The path, or `"(root)"` for the top level.
func fieldPath(_ codingPath: [any CodingKey], appending key: String? = nil) -> String {
  var text = ""
  for component in codingPath {
    if let index = component.intValue {
      text += "[\(index)]"
    } else {
      text += text.isEmpty ? component.stringValue : ".\(component.stringValue)"
    }
  }
  if let key { text += text.isEmpty ? key : ".\(key)" }
  return text.isEmpty ? "(root)" : text
}

/// Runs a decoding step and turns any `DecodingError` into an ``SLAError`` naming the field.
///
/// - Parameters:
///   - codingPath: Where the step decodes.
///   - body: The step.
/// - Returns: What the step returned.
/// - Throws: ``SLAError`` (code ``SLAError/Code/invalidCalendar``) for structural problems, or whatever
///   ``SLAError`` the step threw.
func withFieldErrors<T>(at codingPath: [any CodingKey], _ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch let error as SLAError {
    throw error
  } catch let error as DecodingError {
    switch error {
    case .typeMismatch(let type, let context):
      throw SLAError.invalidCalendar(
        field: fieldPath(context.codingPath), message: "expected \(jsonTypeName(type)) here")
    case .valueNotFound(let type, let context):
      throw SLAError.invalidCalendar(
        field: fieldPath(context.codingPath), message: "expected \(jsonTypeName(type)), found null")
    case .keyNotFound(let key, let context):
      throw SLAError.invalidCalendar(
        field: fieldPath(context.codingPath, appending: key.stringValue), message: "this field is required")
    case .dataCorrupted(let context):
      throw SLAError.invalidCalendar(field: fieldPath(context.codingPath), message: context.debugDescription)
    @unknown default:
      throw SLAError.invalidCalendar(field: fieldPath(codingPath), message: "\(error)")
    }
  }
}

private func jsonTypeName(_ type: Any.Type) -> String {
  switch type {
  case is String.Type: return "a string"
  case is Bool.Type: return "true or false"
  case is Double.Type, is Int.Type: return "a number"
  case is [Any].Type: return "an array"
  default: return "a different JSON value (\(type))"
  }
}

/// Throws when a JSON object has a member other than `allowed`, so a misspelt field (`"holiday"`) is reported
/// instead of silently ignored.
///
/// - Parameters:
///   - decoder: A decoder positioned on a JSON object.
///   - allowed: The member names the object may have.
/// - Throws: ``SLAError`` with code ``SLAError/Code/invalidCalendar`` naming the unknown member.
func rejectUnknownKeys(in decoder: any Decoder, allowed: Set<String>) throws {
  guard let container = try? decoder.container(keyedBy: AnyMemberKey.self) else { return }
  for key in container.allKeys where !allowed.contains(key.stringValue) {
    throw SLAError.invalidCalendar(
      field: fieldPath(decoder.codingPath, appending: key.stringValue),
      message: "unknown field; expected one of \(allowed.sorted().joined(separator: ", "))")
  }
}

private struct AnyMemberKey: CodingKey {
  var stringValue: String
  var intValue: Int? { nil }
  init(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { nil }
}
