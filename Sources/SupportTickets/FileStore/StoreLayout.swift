import Foundation

/// The names of the files in a store directory.
///
/// - `MANIFEST`: the live snapshot and segments, their committed lengths and the last sequence.
/// - `journal-<first sequence, 16 hex digits>.log`: journal segments, replayed in sequence order.
/// - `snapshot-<covered sequence, 16 hex digits>.snap`: the snapshot the manifest names is loaded first.
/// - `*.tmp`: a file being written; never read, removed by the next write-open.
/// - `damaged/`: what ``FileTicketStore/repair(at:lockTimeout:)`` moved aside.
/// - `LOCK`: left by versions before the manifest, which locked that file; no longer used or created.
package enum StoreLayout {
  package static let manifestName = "MANIFEST"
  package static let damagedFolder = "damaged"
  package static let temporarySuffix = ".tmp"
  /// The largest number a file name may carry. A record's sequence must stay below it, so that the segment
  /// after the last record always has a valid name; sequences count records, so neither is ever reached.
  package static let maximumSequence = UInt64(Int64.max)
  /// The largest file the store reads: half the memory of the machine (every ticket is held in memory).
  package static let maximumFileSize = Int(clamping: ProcessInfo.processInfo.physicalMemory / 2)

  /// What a name in a store directory is.
  package enum Entry: Hashable, Sendable {
    case manifest
    case segment(firstSequence: UInt64)
    case snapshot(sequence: UInt64)
    /// A name shaped like a segment or snapshot whose number is beyond ``maximumSequence``.
    case outOfRange
    case temporary
  }

  /// Classifies a name; `nil` for names the store does not own (`LOCK`, `damaged`, anything else).
  package static func entry(_ name: String) -> Entry? {
    if name == manifestName { return .manifest }
    if name.hasSuffix(temporarySuffix) { return .temporary }
    for (prefix, suffix, isSegment) in [("journal-", ".log", true), ("snapshot-", ".snap", false)] {
      guard let value = number(in: name, prefix: prefix, suffix: suffix) else { continue }
      guard value <= maximumSequence else { return .outOfRange }
      return isSegment ? .segment(firstSequence: value) : .snapshot(sequence: value)
    }
    return nil
  }

  package static func journalName(firstSequence: UInt64) -> String { "journal-\(hex(firstSequence)).log" }
  package static func snapshotName(sequence: UInt64) -> String { "snapshot-\(hex(sequence)).snap" }

  /// The first sequence of a journal segment's name, or `nil` for any other name.
  package static func journalSequence(_ name: String) -> UInt64? {
    if case .segment(let sequence)? = entry(name) { return sequence }
    return nil
  }

  /// The covered sequence of a snapshot's name, or `nil` for any other name.
  package static func snapshotSequence(_ name: String) -> UInt64? {
    if case .snapshot(let sequence)? = entry(name) { return sequence }
    return nil
  }

  private static func hex(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: max(0, 16 - digits.count)) + digits
  }

  private static func number(in name: String, prefix: String, suffix: String) -> UInt64? {
    guard name.hasPrefix(prefix), name.hasSuffix(suffix), name.utf8.count == prefix.utf8.count + 16 + suffix.utf8.count
    else { return nil }
    let digits = name.dropFirst(prefix.count).dropLast(suffix.count)
    guard digits.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }) else { return nil }
    return UInt64(digits, radix: 16)
  }
}
