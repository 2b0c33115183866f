#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Per-thread scratch memory for the classifiers' hot paths: a bump allocator over one block per thread, so that
/// classifying a text allocates nothing once the block has grown to the texts' size.
///
/// Memory is lent only inside `withBytes(_:_:)` and handed back when the closure returns (last lent, first
/// returned), so nested calls stack up inside the block. A request that does not fit while the block is in use,
/// or that is larger than ``largestBlock``, gets a temporary allocation instead; the block grows the next time it
/// is idle. Foundation has no cheap thread-local storage, hence POSIX thread keys (Glibc/Musl/Darwin).
enum ScratchMemory {
  /// Blocks never grow beyond this; larger requests use temporary allocations.
  static let largestBlock = 16 << 20
  /// Every lent region starts on this boundary (enough for any element the classifiers store).
  static let alignment = 16

  private struct Block {
    var base: UnsafeMutableRawPointer?
    var capacity: Int
    var used: Int
    /// The largest extent a request has needed, so the block grows to fit it when next idle.
    var wanted: Int
  }

  #if canImport(Glibc) || canImport(Musl) || canImport(Darwin)
    private static let key: pthread_key_t? = {
      var key = pthread_key_t()
      let status = pthread_key_create(&key) { pointer in ScratchMemory.releaseBlock(pointer) }
      return status == 0 ? key : nil
    }()

    private static func releaseBlock(_ pointer: UnsafeMutableRawPointer?) {
      guard let block = pointer?.assumingMemoryBound(to: Block.self) else { return }
      block.pointee.base?.deallocate()
      block.deinitialize(count: 1)
      block.deallocate()
    }

    /// This thread's block, created on first use; `nil` only if the thread key could not be made.
    private static func currentBlock() -> UnsafeMutablePointer<Block>? {
      guard let key else { return nil }
      if let existing = pthread_getspecific(key) { return existing.assumingMemoryBound(to: Block.self) }
      let block = UnsafeMutablePointer<Block>.allocate(capacity: 1)
      block.initialize(to: Block(base: nil, capacity: 0, used: 0, wanted: 0))
      guard pthread_setspecific(key, block) == 0 else {
        block.deallocate()
        return nil
      }
      return block
    }
  #else
    private static func currentBlock() -> UnsafeMutablePointer<Block>? { nil }
  #endif

  /// Lends `byteCount` bytes, aligned to ``alignment``, for the duration of `body`.
  ///
  /// - Parameters:
  ///   - byteCount: How many bytes (≥ 0).
  ///   - body: Uses the memory; it must not let the pointer escape.
  /// - Returns: What `body` returns.
  @inline(__always)
  static func withBytes<R>(_ byteCount: Int, _ body: (UnsafeMutableRawPointer) throws -> R) rethrows -> R {
    let size = max(byteCount, 1)
    if let block = currentBlock() {
      let start = (block.pointee.used + alignment - 1) & ~(alignment - 1)
      if block.pointee.capacity - start >= size, let base = block.pointee.base {
        let previous = block.pointee.used
        block.pointee.used = start + size
        defer { block.pointee.used = previous }
        return try body(base + start)
      }
      if start + size <= largestBlock {
        block.pointee.wanted = max(block.pointee.wanted, start + size)
        if block.pointee.used == 0 {
          grow(block)
          if let base = block.pointee.base, block.pointee.capacity >= size {
            block.pointee.used = size
            defer { block.pointee.used = 0 }
            return try body(base)
          }
        }
      }
    }
    return try withUnsafeTemporaryAllocation(byteCount: size, alignment: alignment) { buffer in
      // A temporary allocation of at least one byte always has a base address.
      try body(buffer.baseAddress!)
    }
  }

  /// Replaces an idle block by one large enough for the biggest request seen, with room to spare.
  private static func grow(_ block: UnsafeMutablePointer<Block>) {
    assert(block.pointee.used == 0, "only an idle block may move")
    let capacity = min(largestBlock, max(64 << 10, block.pointee.wanted + block.pointee.wanted / 2))
    block.pointee.base?.deallocate()
    block.pointee.base = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: alignment)
    block.pointee.capacity = capacity
  }
}
