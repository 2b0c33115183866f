/// Plain values copied once into memory owned by a ``FrozenStorage``: the classifiers' lookup tables, read in
/// the hot paths without reference counting or bounds checks (indices are checked in debug builds).
///
/// A list is valid only while its storage lives: every type that holds a list also holds the storage.
struct FrozenList<Element: BitwiseCopyable>: @unchecked Sendable {
  // Immutable memory, never written after `FrozenStorage.freeze`, so sharing is safe.
  private let base: UnsafePointer<Element>?
  /// How many values.
  let count: Int

  fileprivate init(base: UnsafePointer<Element>?, count: Int) {
    self.base = base
    self.count = count
  }

  /// The empty list (needs no storage).
  init() {
    base = nil
    count = 0
  }

  /// The value at `index`.
  @inline(__always)
  subscript(index: Int) -> Element {
    assert(index >= 0 && index < count, "FrozenList index \(index) out of 0..<\(count)")
    return base.unsafelyUnwrapped[index]
  }

  /// The values `start..<start + length`.
  @inline(__always)
  func slice(_ start: Int, _ length: Int) -> UnsafeBufferPointer<Element> {
    assert(start >= 0 && length >= 0 && start + length <= count, "FrozenList slice out of range")
    return UnsafeBufferPointer(start: base.map { $0 + start }, count: length)
  }
}

/// Owns the memory of the ``FrozenList``s made from it and frees it when released.
final class FrozenStorage: @unchecked Sendable {
  // `blocks` changes only while the owner is being built (before it is shared); afterwards it is read by
  // nothing but `deinit`.
  private var blocks: [UnsafeMutableRawPointer] = []

  /// Copies `values` into memory owned by this storage.
  func freeze<Element: BitwiseCopyable>(_ values: [Element]) -> FrozenList<Element> {
    guard !values.isEmpty else { return FrozenList() }
    let memory = UnsafeMutablePointer<Element>.allocate(capacity: values.count)
    values.withUnsafeBufferPointer { source in
      // A non-empty array's buffer has a base address.
      memory.initialize(from: source.baseAddress!, count: source.count)
    }
    blocks.append(UnsafeMutableRawPointer(memory))
    return FrozenList(base: UnsafePointer(memory), count: values.count)
  }

  deinit {
    for block in blocks { block.deallocate() }
  }
}
