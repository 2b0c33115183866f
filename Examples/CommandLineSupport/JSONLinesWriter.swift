import Foundation

/// Writes JSON lines — one compact JSON value per line — to standard output, buffered.
///
/// Lines are collected in a 64 KiB buffer and written with one system call per buffer, so a run over a large
/// export makes few calls. Call ``flush()`` before reporting an error, so every line answered before it is out
/// first; the writer also flushes when it is released.
package final class JSONLinesWriter {
  private let handle: FileHandle
  private let threshold: Int
  private var buffer: [UInt8] = []
  private let encoder: JSONEncoder

  /// A writer to a file handle.
  ///
  /// - Parameters:
  ///   - handle: Standard output by default.
  ///   - threshold: Bytes buffered before a write.
  package init(handle: FileHandle = .standardOutput, threshold: Int = 1 << 16) {
    self.handle = handle
    self.threshold = threshold
    buffer.reserveCapacity(threshold + 1024)
    encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
  }

  deinit { flush() }

  /// Writes one line of JSON that the caller built (with ``JSONText``); it must not contain a newline.
  ///
  /// - Parameter json: One compact JSON value.
  package func write(json: String) {
    buffer.append(contentsOf: json.utf8)
    buffer.append(UInt8(ascii: "\n"))
    if buffer.count >= threshold { flush() }
  }

  /// Encodes a value as one compact line (keys sorted).
  ///
  /// - Parameter value: The value.
  /// - Throws: What `JSONEncoder` throws.
  package func write(_ value: some Encodable) throws {
    buffer.append(contentsOf: try encoder.encode(value))
    buffer.append(UInt8(ascii: "\n"))
    if buffer.count >= threshold { flush() }
  }

  /// Writes out what is buffered.
  package func flush() {
    guard !buffer.isEmpty else { return }
    try? handle.write(contentsOf: buffer)
    buffer.removeAll(keepingCapacity: true)
  }
}
