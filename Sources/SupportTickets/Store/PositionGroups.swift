/// Ticket positions (creation sequence numbers) grouped by a key — a customer, a reseller — each group in
/// ascending order: the candidates of a scoped query, read from the cursor on.
struct PositionGroups<Key: Hashable & Sendable>: Sendable {
  private var groups: [Key: [Int]] = [:]

  /// The positions of `key`'s tickets, ascending.
  subscript(key: Key) -> [Int] { groups[key] ?? [] }

  /// Adds a new ticket, whose position is greater than every position already added.
  /// - Complexity: Amortized O(1).
  mutating func append(_ position: Int, to key: Key?) {
    guard let key else { return }
    groups[key, default: []].append(position)
  }

  /// Moves a ticket from one group to another (`nil`: no group), keeping both in ascending order.
  /// - Complexity: O(n) in the sizes of the two groups (a ticket moves rarely: its customer changed reseller).
  mutating func move(_ position: Int, from old: Key?, to new: Key?) {
    guard old != new else { return }
    if let old, var members = groups[old] {
      let index = members.firstIndex(notBelow: position)
      if index < members.count, members[index] == position { members.remove(at: index) }
      groups[old] = members.isEmpty ? nil : members
    }
    if let new {
      var members = groups[new] ?? []
      members.insert(position, at: members.firstIndex(notBelow: position))
      groups[new] = members
    }
  }
}

extension Array where Element == Int {
  /// The index of the first element that is not below `value` (`count` when none is), in an ascending array.
  /// - Complexity: O(log n).
  func firstIndex(notBelow value: Int) -> Int {
    var low = 0
    var high = count
    while low < high {
      let middle = (low + high) / 2
      if self[middle] < value { low = middle + 1 } else { high = middle }
    }
    return low
  }
}
