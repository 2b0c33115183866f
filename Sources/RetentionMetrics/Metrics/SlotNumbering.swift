import Foundation

/// Numbers values in the order first seen (0, 1, 2, …), as the dataset numbers channels and partners. The first
/// few distinct values — a dataset usually has a handful of channels and partners — are found by comparing them
/// in turn, which costs less than hashing a string for every record; a dictionary holds the rest.
struct SlotNumbering<Key: Hashable & Comparable> {
  /// The values, by slot.
  private(set) var keys: [Key] = []
  private var beyondScan: [Key: Int] = [:]
  private static var scanned: Int { 16 }

  /// The number of distinct values.
  var count: Int { keys.count }

  /// The slot of `key`, or `nil` when not numbered yet.
  func slot(of key: Key) -> Int? {
    for slot in 0..<min(keys.count, Self.scanned) where keys[slot] == key { return slot }
    return keys.count > Self.scanned ? beyondScan[key] : nil
  }

  /// Numbers a value not numbered yet.
  /// - Returns: Its slot.
  mutating func add(_ key: Key) -> Int {
    let slot = keys.count
    keys.append(key)
    if slot >= Self.scanned { beyondScan[key] = slot }
    return slot
  }

  /// The values sorted, and for each slot the value's position among them.
  func sorted() -> (keys: [Key], positionOfSlot: [Int]) {
    let order = keys.indices.sorted { keys[$0] < keys[$1] }
    var position = [Int](repeating: 0, count: keys.count)
    for (rank, slot) in order.enumerated() { position[slot] = rank }
    return (order.map { keys[$0] }, position)
  }
}
