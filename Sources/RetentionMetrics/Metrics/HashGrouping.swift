import Foundation

/// Groups equal strings without a `Dictionary`: each string gets a 64-bit FNV-1a hash, folded to 32 bits;
/// (hash, index) pairs are radix-sorted in two 16-bit passes (stable, so equal hashes keep index order), and
/// runs of equal hashes are split by actual string equality, so a hash collision can never merge two
/// different identifiers (it only costs a few extra comparisons).
///
/// For a million identifiers this is several times faster than hashing them into a dictionary, whose random
/// probes dominate the cost of indexing a large dataset.
struct HashGrouping {
  struct Entry {
    var hash: UInt32
    var index: Int32
  }

  /// Entries sorted by hash, then by index.
  let entries: [Entry]

  /// FNV-1a, 64-bit, over the UTF-8 bytes (read in place when the string stores them contiguously, as native
  /// strings do, rather than through the UTF-8 view's index).
  static func hash(_ text: String) -> UInt64 {
    text.utf8.withContiguousStorageIfAvailable { hash($0) } ?? hash(text.utf8)
  }

  /// FNV-1a, 64-bit, over bytes.
  static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
    var value: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in bytes { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
    return value
  }

  static func fold(_ hash: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: hash ^ (hash >> 32)) }

  init(hashes: [UInt64]) {
    var entries = hashes.enumerated().map { Entry(hash: HashGrouping.fold($0.element), index: Int32($0.offset)) }
    var buffer = entries
    var counts = [Int](repeating: 0, count: 1 << 16)
    for shift in stride(from: UInt32(0), to: 32, by: 16) where hashes.count > 1 {
      for index in counts.indices { counts[index] = 0 }
      for entry in entries { counts[Int((entry.hash >> shift) & 0xFFFF)] += 1 }
      var total = 0
      for index in counts.indices {
        let count = counts[index]
        counts[index] = total
        total += count
      }
      entries.withUnsafeBufferPointer { source in
        buffer.withUnsafeMutableBufferPointer { target in
          counts.withUnsafeMutableBufferPointer { counts in
            for entry in source {
              let digit = Int((entry.hash >> shift) & 0xFFFF)
              target[counts[digit]] = entry
              counts[digit] += 1
            }
          }
        }
      }
      swap(&entries, &buffer)
    }
    self.entries = entries
  }

  /// Calls `body` with the indices of each group of equal strings, in ascending index order.
  /// - Parameter same: Whether the strings at two indices are equal.
  func forEachGroup(where same: (Int, Int) -> Bool, _ body: (ArraySlice<Int32>) throws(RetentionError) -> Void)
    throws(RetentionError)
  {
    let indices = entries.map(\.index)
    var start = 0
    while start < entries.count {
      var end = start + 1
      while end < entries.count && entries[end].hash == entries[start].hash { end += 1 }
      let first = Int(indices[start])
      if (start + 1..<end).allSatisfy({ same(first, Int(indices[$0])) }) {
        try body(indices[start..<end])
      } else {
        // Two different strings share a hash: split the run by string equality.
        var remaining = Array(indices[start..<end])
        while let head = remaining.first {
          let group = remaining.filter { same(Int(head), Int($0)) }
          try body(group[...])
          remaining.removeAll { same(Int(head), Int($0)) }
        }
      }
      start = end
    }
  }

  /// The index of an entry whose string equals `text`, found by binary search on its hash.
  func firstIndex(hash fullHash: UInt64, matches: (Int) -> Bool) -> Int? {
    let hash = HashGrouping.fold(fullHash)
    var low = 0
    var high = entries.count
    while low < high {
      let mid = (low + high) / 2
      if entries[mid].hash < hash { low = mid + 1 } else { high = mid }
    }
    while low < entries.count && entries[low].hash == hash {
      if matches(Int(entries[low].index)) { return Int(entries[low].index) }
      low += 1
    }
    return nil
  }
}
