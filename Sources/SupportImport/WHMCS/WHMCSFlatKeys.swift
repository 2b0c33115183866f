import Foundation

/// WHMCS's documentation prints some list responses with flattened keys (`"clients[client][0][id]": "1"`), the
/// form PHP's `http_build_query` gives. This expands such keys into the nested objects the API returns as JSON
/// (`"clients": {"client": [{"id": "1"}]}`), so both forms read the same.
enum WHMCSFlatKeys {
  /// The most bracketed parts a flattened key may have.
  static let maximumParts = 8

  /// The object with every `name[a][b]…` key expanded, or the object itself when it has none.
  /// - Throws: ``ImportError`` `malformed` when a key is both a value and a container, or has too many parts.
  /// - Complexity: O(n) in the number of keys.
  static func expand(_ object: JSONObject, in source: SourceDocument) throws(ImportError) -> JSONObject {
    guard object.members.contains(where: { $0.key.contains("[") }) else { return object }
    let root = Node()
    for member in object.members {
      guard let parts = parts(of: member.key) else {
        throw ImportError(
          .malformed, "a flattened key has more than \(maximumParts) parts or unbalanced brackets",
          file: source.file, line: source.line, value: member.key)
      }
      var node = root
      for part in parts.dropLast() {
        guard node.value == nil else { throw conflict(member.key, source) }
        node = node.child(part)
      }
      let leaf = node.child(parts[parts.count - 1])
      guard leaf.value == nil, leaf.children.isEmpty else { throw conflict(member.key, source) }
      leaf.value = member.value
    }
    return root.object
  }

  private static func conflict(_ key: String, _ source: SourceDocument) -> ImportError {
    ImportError(
      .malformed, "a flattened key is both a value and a list", file: source.file, line: source.line, value: key)
  }

  /// `a[b][0]` → `["a", "b", "0"]`; a key without brackets is one part; `nil` for malformed keys.
  private static func parts(of key: String) -> [String]? {
    guard let open = key.firstIndex(of: "[") else { return [key] }
    var parts = [String(key[..<open])]
    var rest = key[open...]
    while !rest.isEmpty {
      guard rest.first == "[", let close = rest.firstIndex(of: "]") else { return nil }
      parts.append(String(rest[rest.index(after: rest.startIndex)..<close]))
      guard parts.count <= maximumParts else { return nil }
      rest = rest[rest.index(after: close)...]
    }
    return parts
  }

  /// A node of the tree being built: a value, or named children in first-seen order.
  private final class Node {
    var value: JSONValue?
    var children: [(String, Node)] = []
    var index: [String: Int] = [:]

    func child(_ name: String) -> Node {
      if let position = index[name] { return children[position].1 }
      let node = Node()
      index[name] = children.count
      children.append((name, node))
      return node
    }

    var object: JSONObject {
      JSONObject(members: children.map { ($0.0, $0.1.json) })
    }

    var json: JSONValue { value ?? .object(object) }
  }
}
