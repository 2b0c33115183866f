import Foundation

/// Writes JSON lines — one compact JSON value per line — to standard output, buffered.
///
/// Lines are collected in one reusable buffer (64 KiB by default) and written with one system call per buffer,
/// so a run over a large export makes few calls. Call ``flush()`` before reporting an error, so every line
/// answered before it is out first; the writer also flushes when it is released.
package final class JSONLinesWriter {
  private let handle: FileHandle
  private let threshold: Int
  private var buffer: JSONLineBytes
  private let encoder: JSONEncoder

  /// A writer to a file handle.
  ///
  /// - Parameters:
  ///   - handle: Standard output by default.
  ///   - threshold: Bytes buffered before a write.
  package init(handle: FileHandle = .standardOutput, threshold: Int = 1 << 16) {
    self.handle = handle
    self.threshold = threshold
    buffer = JSONLineBytes(capacity: threshold + 1024)
    encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
  }

  deinit { flush() }

  /// Writes one line of JSON that the caller built (with ``JSONText``); it must not contain a newline.
  ///
  /// - Parameter json: One compact JSON value.
  package func write(json: String) {
    writeLine { $0.append(contentsOf: json) }
  }

  /// Writes one line that `build` appends byte by byte — the hot path's form of ``write(json:)``, with no
  /// `String` in between. The newline is added after it.
  ///
  /// - Parameter build: Appends one compact JSON value (no newline) to the writer's buffer; it must not use
  ///   the writer itself. If it throws, what it appended is dropped, so a line is written whole or not at all.
  /// - Throws: What `build` throws.
  package func writeLine(_ build: (inout JSONLineBytes) throws -> Void) rethrows {
    if try buffer.appendLine(build) >= threshold { flush() }
  }

  /// Encodes a value as one compact line (keys sorted).
  ///
  /// - Parameter value: The value.
  /// - Throws: What `JSONEncoder` throws.
  package func write(_ value: some Encodable) throws {
    let json = try encoder.encode(value)
    writeLine { $0.append(contentsOf: json) }
  }

  /// Writes out what is buffered.
  package func flush() {
    guard buffer.count > 0 else { return }
    try? handle.write(contentsOf: buffer.bytes)
    buffer.removeAll()
  }

}
