import Foundation

/// One file of a vendor export: a saved API response, several responses one after another, or JSON lines (one
/// response per line).
///
/// The importers find out what each response is from its fields (see <doc:Importing>), so files can be given in
/// any order and mixed.
public struct ImportDocument: Sendable {
  /// The name errors use for this document, usually its path.
  public var name: String
  /// The document's bytes (UTF-8 JSON; a byte order mark is skipped).
  public var data: Data

  /// Creates a document from bytes already in memory.
  /// - Parameters:
  ///   - name: The name errors use, such as the file's path.
  ///   - data: The JSON bytes.
  public init(name: String, data: Data) {
    self.name = name
    self.data = data
  }

  /// Reads a document from a file.
  /// - Parameter url: The file.
  /// - Throws: ``ImportError`` `unreadableFile` when it cannot be read.
  public init(contentsOf url: URL) throws(ImportError) {
    try self.init(url: url, name: url.isFileURL ? url.path : url.absoluteString)
  }

  /// Reads a document from a file named by a path, which errors repeat as it was given.
  /// - Parameter path: The file's path, relative to the current directory or absolute.
  /// - Throws: ``ImportError`` `unreadableFile` when it cannot be read.
  public init(path: String) throws(ImportError) {
    try self.init(url: URL(fileURLWithPath: path), name: path)
  }

  private init(url: URL, name: String) throws(ImportError) {
    do {
      self.init(name: name, data: try Data(contentsOf: url))
    } catch {
      throw ImportError(.unreadableFile, "cannot read the file", file: name)
    }
  }
}

/// One JSON value of a document, with where it came from.
struct SourceDocument {
  /// The document's name.
  var file: String
  /// The line the value starts on.
  var line: Int
  /// The value.
  var root: JSONValue
}

extension ImportDocument {
  /// Calls `body` with every JSON value of the document in turn, so a large export is never held as one tree.
  /// - Parameter body: Reads one value.
  /// - Throws: ``ImportError`` `malformed` naming the line of a syntax error, or what `body` throws.
  /// - Complexity: O(n) in the document's size.
  func forEachValue(_ body: (SourceDocument) throws(ImportError) -> Void) throws(ImportError) {
    var parser = JSONParser(bytes: [UInt8](data))
    var count = 0
    while true {
      let value: JSONValue?
      do {
        value = try parser.nextDocument()
      } catch {
        throw ImportError(
          .malformed, "not valid JSON: \(error.message)", file: name, line: parser.line(at: error.offset)
        )
        .adding(ErrorContextKey.offset, String(error.offset))
      }
      guard let value else { break }
      count += 1
      try body(SourceDocument(file: name, line: parser.documentLine, root: value))
    }
    if count == 0 { throw ImportError(.malformed, "the document is empty", file: name) }
  }
}

extension ImportError {
  /// A copy with one more fact in its context (an existing value for the key is kept).
  func adding(_ key: String, _ value: String) -> ImportError {
    var copy = self
    if copy.context[key] == nil { copy.context[key] = value }
    return copy
  }
}
