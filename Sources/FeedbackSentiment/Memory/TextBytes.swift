#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The UTF-8 bytes of one text, read through accessors that check every index in debug builds.
///
/// Created only inside ``with(_:_:)``, for the duration of one call; offsets into it are stored as `Int32`
/// (texts are read up to ``maximumLength`` bytes).
struct TextBytes {
  private let buffer: UnsafeBufferPointer<UInt8>

  /// The longest text read: offsets, and twice the length for normalised copies, fit in `Int32`.
  static let maximumLength = 1 << 29

  /// Lends the UTF-8 bytes of `text` (up to ``maximumLength``) for the duration of `body`.
  ///
  /// - Parameters:
  ///   - text: Any text; native strings are read in place, others are made contiguous first.
  ///   - body: Reads the bytes; it must not let them escape.
  /// - Returns: What `body` returns.
  @inline(__always)
  static func with<R>(_ text: String, _ body: (TextBytes) throws -> R) rethrows -> R {
    var text = text
    return try text.withUTF8 { bytes in
      try body(TextBytes(buffer: UnsafeBufferPointer(rebasing: bytes.prefix(maximumLength))))
    }
  }

  /// Reads bytes that the caller keeps alive for as long as the handle is used.
  init(buffer: UnsafeBufferPointer<UInt8>) {
    self.buffer = buffer
  }

  /// How many bytes.
  var count: Int { buffer.count }

  /// The byte at `index`.
  @inline(__always)
  subscript(index: Int) -> UInt8 {
    assert(index >= 0 && index < buffer.count, "TextBytes index \(index) out of 0..<\(buffer.count)")
    return buffer[index]
  }

  /// The bytes in `start..<end`.
  @inline(__always)
  func slice(_ start: Int, _ end: Int) -> UnsafeBufferPointer<UInt8> {
    assert(start >= 0 && start <= end && end <= buffer.count, "TextBytes slice \(start)..<\(end) out of range")
    return UnsafeBufferPointer(rebasing: buffer[start..<end])
  }

  /// The text of `start..<end` (which must fall on scalar boundaries).
  func string(_ start: Int, _ end: Int) -> String {
    String(decoding: slice(start, end), as: UTF8.self)
  }

  /// The first index at or after `start` that holds `byte` (`memchr`), if any.
  func firstIndex(of byte: UInt8, from start: Int) -> Int? {
    assert(start >= 0 && start <= buffer.count)
    guard start < buffer.count, let base = buffer.baseAddress,
      let found = memchr(base + start, Int32(byte), buffer.count - start)
    else { return nil }
    return UnsafeRawPointer(found) - UnsafeRawPointer(base)
  }

  /// The scalar value starting at `index` and its length in bytes. The bytes are valid UTF-8 (they come from a
  /// `String`), so only the lead byte decides the length.
  @inline(__always)
  func decode(at index: Int) -> (value: UInt32, length: Int) {
    let lead = self[index]
    if lead < 0x80 { return (UInt32(lead), 1) }
    let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
    guard index + length <= buffer.count else { return (0xFFFD, buffer.count - index) }
    var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
    for offset in 1..<length { value = value << 6 | (UInt32(self[index + offset]) & 0x3F) }
    return (value, length)
  }
}
