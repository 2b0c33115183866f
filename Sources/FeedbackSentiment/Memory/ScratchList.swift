/// A list of at most `capacity` plain values in memory lent by ``ScratchMemory``: the per-text working lists of
/// the classifiers (tokens, items, contributions) without an array allocation per text.
///
/// A list exists only inside ``with(capacity:_:)`` and must not escape it. Every index is checked in debug
/// builds; release builds trust the callers, which size each list from a proven bound (see the call sites).
struct ScratchList<Element: BitwiseCopyable> {
  private let base: UnsafeMutablePointer<Element>
  /// How many elements fit.
  let capacity: Int
  /// How many elements the list holds.
  private(set) var count = 0

  private init(base: UnsafeMutablePointer<Element>, capacity: Int) {
    self.base = base
    self.capacity = capacity
  }

  /// Lends an empty list with room for `capacity` elements for the duration of `body`.
  ///
  /// - Parameters:
  ///   - capacity: The most elements the list will hold (≥ 0).
  ///   - body: Works with the list; it must not let the list escape.
  /// - Returns: What `body` returns.
  @inline(__always)
  static func with<R>(capacity: Int, _ body: (inout ScratchList) throws -> R) rethrows -> R {
    let capacity = max(capacity, 0)
    return try ScratchMemory.withBytes(capacity * MemoryLayout<Element>.stride) { raw in
      var list = ScratchList(base: raw.bindMemory(to: Element.self, capacity: max(capacity, 1)), capacity: capacity)
      return try body(&list)
    }
  }

  var isEmpty: Bool { count == 0 }

  /// Appends an element; the caller guarantees there is room.
  @inline(__always)
  mutating func append(_ element: Element) {
    // A precondition, not an assert: an overflow would write past the scratch memory in release builds too.
    precondition(count < capacity, "ScratchList overflow: capacity \(capacity)")
    (base + count).initialize(to: element)
    count += 1
  }

  /// Drops every element after the first `newCount`.
  @inline(__always)
  mutating func truncate(to newCount: Int) {
    assert(newCount >= 0 && newCount <= count)
    count = newCount
  }

  /// Lets `body` write up to `capacity − count` elements after the last one and appends as many as it reports.
  @inline(__always)
  mutating func appendInPlace(_ body: (UnsafeMutablePointer<Element>, _ room: Int) throws -> Int) rethrows {
    let written = try body(base + count, capacity - count)
    assert(written >= 0 && written <= capacity - count, "ScratchList overflow: capacity \(capacity)")
    count += written
  }

  /// The element at `index`, read and written in place.
  @inline(__always)
  subscript(index: Int) -> Element {
    unsafeAddress {
      assert(index >= 0 && index < count, "ScratchList index \(index) out of 0..<\(count)")
      return UnsafePointer(base + index)
    }
    nonmutating unsafeMutableAddress {
      assert(index >= 0 && index < count, "ScratchList index \(index) out of 0..<\(count)")
      return base + index
    }
  }

  /// The elements as a buffer, for the standard library's algorithms (valid only inside the list's scope).
  @inline(__always)
  func withBuffer<R>(_ body: (UnsafeMutableBufferPointer<Element>) throws -> R) rethrows -> R {
    try body(UnsafeMutableBufferPointer(start: base, count: count))
  }
}
