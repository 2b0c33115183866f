import Foundation

/// Maps ticket ids to their positions in a store's creation-ordered array, in one flat hash table.
///
/// A `[TicketID: Int]` dictionary touches three arrays per lookup (occupancy bitmap, keys, values). Here
/// each slot is one 64-bit word: 32 bits of the id's hash (the *fingerprint*, which also chooses the slot)
/// and the position plus one, so a lookup usually reads one slot and then the ticket itself, which the
/// caller needs anyway. A fingerprint match is confirmed by comparing the id stored in the ticket.
struct TicketPositionIndex {
  private var slots: [UInt64]
  private var mask: UInt64
  private(set) var count = 0

  init() {
    slots = Array(repeating: 0, count: 16)
    mask = 15
  }

  /// The position of the ticket with `id`, using `idAt` to read the id stored at a position.
  /// - Complexity: O(1) on average.
  func position(of id: TicketID, idAt: (Int) -> TicketID) -> Int? {
    let fingerprint = Self.fingerprint(of: id)
    var index = Int(truncatingIfNeeded: fingerprint & mask)
    while true {
      let slot = slots[index]
      if slot == 0 { return nil }
      if slot >> 32 == fingerprint {
        let position = Int(truncatingIfNeeded: slot & 0xFFFF_FFFF) - 1
        if idAt(position) == id { return position }
      }
      index = (index + 1) & Int(truncatingIfNeeded: mask)
    }
  }

  /// Records `position` for `id`, which must not be in the index yet.
  /// - Precondition: `position` is below 2³² − 1.
  /// - Complexity: Amortized O(1).
  mutating func insert(_ id: TicketID, at position: Int) {
    precondition(position >= 0 && position < 0xFFFF_FFFF, "a store holds at most 4,294,967,294 tickets")
    if (count + 1) * 2 > slots.count { grow() }
    place(Self.fingerprint(of: id) << 32 | UInt64(position + 1))
    count += 1
  }

  private mutating func place(_ slot: UInt64) {
    var index = Int(truncatingIfNeeded: (slot >> 32) & mask)
    while slots[index] != 0 { index = (index + 1) & Int(truncatingIfNeeded: mask) }
    slots[index] = slot
  }

  /// Doubles the table; slots are re-placed from their fingerprints, without hashing ids again.
  private mutating func grow() {
    let old = slots
    slots = Array(repeating: 0, count: old.count * 2)
    mask = UInt64(slots.count - 1)
    for slot in old where slot != 0 { place(slot) }
  }

  /// 32 bits of the id's hash, never zero (zero marks an empty slot).
  private static func fingerprint(of id: TicketID) -> UInt64 {
    let bits = UInt64(UInt(bitPattern: id.hashValue)) >> 32
    return bits == 0 ? 1 : bits
  }
}
