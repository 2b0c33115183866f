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
