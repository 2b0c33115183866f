/// The names of the files in a store directory.
///
/// - `LOCK`: the advisory lock file (empty).
/// - `journal-<first sequence, 16 hex digits>.log`: journal segments, replayed in sequence order.
/// - `snapshot-<covered sequence, 16 hex digits>.snap`: the newest one is loaded first.
/// - `*.tmp`: a snapshot being written; ignored, and removed by the next compaction.
/// - `damaged/`: what ``FileTicketStore/repair(at:)`` moved aside.
package enum StoreLayout {
  package static let lockName = "LOCK"
  package static let damagedFolder = "damaged"

  package static func journalName(firstSequence: UInt64) -> String { "journal-\(hex(firstSequence)).log" }
  package static func snapshotName(sequence: UInt64) -> String { "snapshot-\(hex(sequence)).snap" }

  /// The first sequence of a journal segment's name, or `nil` for any other name.
  package static func journalSequence(_ name: String) -> UInt64? {
    number(in: name, prefix: "journal-", suffix: ".log")
  }
  /// The covered sequence of a snapshot's name, or `nil` for any other name.
  package static func snapshotSequence(_ name: String) -> UInt64? {
    number(in: name, prefix: "snapshot-", suffix: ".snap")
  }

  private static func hex(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: max(0, 16 - digits.count)) + digits
  }

  private static func number(in name: String, prefix: String, suffix: String) -> UInt64? {
    guard name.hasPrefix(prefix), name.hasSuffix(suffix), name.count == prefix.count + 16 + suffix.count else {
      return nil
    }
    return UInt64(name.dropFirst(prefix.count).dropLast(suffix.count), radix: 16)
  }
}
