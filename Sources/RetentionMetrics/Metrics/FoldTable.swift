import Foundation

/// An open-addressing table from identifier hashes (FNV-1a folded to 32 bits, see `HashGrouping`) to record
/// numbers, without a `Dictionary` or `Hasher`: linear probing from a slot mixed from the folded hash; each slot
/// holds the hash (high 32 bits) and the number (low 32 bits). The table never decides equality on the hash
/// alone: callers confirm a candidate with the identifier itself, so a collision costs a comparison, never a
/// wrong match.
struct FoldTable: Sendable {
  static let empty = UInt64.max

  /// The slots, a power of two long.
  private(set) var slots: [UInt64]
  private(set) var count = 0

  /// A table for about `expected` numbers (it grows past that, keeping the load under 3/4).
  init(expected: Int) {
    slots = [UInt64](repeating: Self.empty, count: Self.size(for: expected))
  }

  /// A power of two at least 1.5 × `count` and at least 16.
  private static func size(for count: Int) -> Int {
    var size = 16
    while size < count + count / 2 { size <<= 1 }
    return size
  }

  private static func start(_ fold: UInt32, mask: Int) -> Int {
    Int(truncatingIfNeeded: (UInt64(fold) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
  }

  /// The number stored under `fold` for which `matches` holds (the earliest inserted first), or `nil`.
  /// - Complexity: O(1) expected.
  func find(_ fold: UInt32, where matches: (Int) -> Bool) -> Int? {
    slots.withUnsafeBufferPointer { slots in
      let mask = slots.count - 1
      var slot = Self.start(fold, mask: mask)
      while true {
        let entry = slots[slot]
        if entry == Self.empty { return nil }
        if UInt32(truncatingIfNeeded: entry >> 32) == fold {
          let number = Int(UInt32(truncatingIfNeeded: entry))
          if matches(number) { return number }
        }
        slot = (slot + 1) & mask
      }
    }
  }

  /// Stores `number` (0 ..< 2³¹) under `fold`, after any entries already there.
  /// - Complexity: O(1) expected (amortized over the occasional growth).
  mutating func insert(_ fold: UInt32, number: Int) {
    if (count + 1) * 4 > slots.count * 3 { grow() }
    Self.place(UInt64(fold) << 32 | UInt64(UInt32(truncatingIfNeeded: number)), in: &slots)
    count += 1
  }

  private static func place(_ entry: UInt64, in slots: inout [UInt64]) {
    slots.withUnsafeMutableBufferPointer { slots in
      let mask = slots.count - 1
      var slot = start(UInt32(truncatingIfNeeded: entry >> 32), mask: mask)
      while slots[slot] != empty { slot = (slot + 1) & mask }
      slots[slot] = entry
    }
  }

  /// Doubles the table, re-placing the entries (their hashes are stored, so nothing is hashed again). Entries of
  /// equal hash keep their relative order: each is placed after the ones before it in probe order.
  private mutating func grow() {
    var larger = [UInt64](repeating: Self.empty, count: slots.count * 2)
    // Re-placing in slot order could put a later-inserted entry of a run that wrapped around before an earlier
    // one; sorting by number (insertion order for every table here) keeps "earliest first".
    let entries = slots.filter { $0 != Self.empty }
      .sorted { UInt32(truncatingIfNeeded: $0) < UInt32(truncatingIfNeeded: $1) }
    for entry in entries { Self.place(entry, in: &larger) }
    slots = larger
  }
}
