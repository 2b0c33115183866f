import Foundation

/// An open-addressing hash map from 64-bit keys to node numbers, for ``LaoSegmenter``'s trie: a multiplicative
/// hash and linear probing are several times faster than `Dictionary` for this one job.
struct TrieTable: Sendable {
  private var keys: [UInt64]
  private var values: [Int32]
  private var shift: UInt64
  private(set) var count = 0
  private static let empty = UInt64.max

  init() {
    keys = Array(repeating: Self.empty, count: 16)
    values = Array(repeating: 0, count: 16)
    shift = 64 - 4
  }

  @inline(__always)
  private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

  @inline(__always)
  func value(for key: UInt64) -> Int32? {
    let mask = keys.count - 1
    var index = slot(key)
    while true {
      let stored = keys[index]
      if stored == key { return values[index] }
      if stored == Self.empty { return nil }
      index = (index + 1) & mask
    }
  }

  mutating func insert(_ key: UInt64, _ value: Int32) {
    if (count + 1) * 2 > keys.count { grow() }
    let mask = keys.count - 1
    var index = slot(key)
    while keys[index] != Self.empty && keys[index] != key { index = (index + 1) & mask }
    if keys[index] == Self.empty { count += 1 }
    keys[index] = key
    values[index] = value
  }

  private mutating func grow() {
    let oldKeys = keys
    let oldValues = values
    keys = Array(repeating: Self.empty, count: oldKeys.count * 2)
    values = Array(repeating: 0, count: oldKeys.count * 2)
    shift -= 1
    count = 0
    for (key, value) in zip(oldKeys, oldValues) where key != Self.empty { insert(key, value) }
  }
}

extension TrieTable {
  /// Every key with its value, in no particular order.
  var entries: [(key: UInt64, value: Int32)] {
    zip(keys, values).filter { $0.0 != Self.empty }.map { (key: $0.0, value: $0.1) }
  }

  /// The table in frozen memory, keys and values side by side (one cache line per probe).
  func frozen(in storage: FrozenStorage) -> FrozenTrieTable {
    FrozenTrieTable(
      slots: storage.freeze(zip(keys, values).map { FrozenTrieTable.Slot(key: $0.0, value: $0.1) }), shift: shift)
  }
}

/// A ``TrieTable`` that no longer changes, read without reference counting.
struct FrozenTrieTable: Sendable {
  struct Slot {
    var key: UInt64
    var value: Int32
  }

  let slots: FrozenList<Slot>
  let shift: UInt64

  @inline(__always)
  func value(for key: UInt64) -> Int32? {
    let mask = slots.count - 1
    var index = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    while true {
      let slot = slots[index]
      if slot.key == key { return slot.value }
      if slot.key == UInt64.max { return nil }
      index = (index + 1) & mask
    }
  }
}
