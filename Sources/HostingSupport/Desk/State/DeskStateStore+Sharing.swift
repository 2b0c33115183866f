import Foundation

/// Where a record stands in a shared desk state log: positions grow in commit order, so a reader that has seen
/// position *p* has seen every record committed before the one at *p*.
public struct DeskStateLogPosition: RawRepresentable, Comparable, Hashable, Sendable, Codable,
  CustomStringConvertible
{
  /// The position's number. Only its order means something: positions may have gaps, and records that a
  /// compaction writes may have positions below zero.
  public let rawValue: Int64
  /// A position.
  /// - Parameter rawValue: Its number.
  public init(rawValue: Int64) { self.rawValue = rawValue }
  /// Orders positions by number.
  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
  /// The number.
  public var description: String { String(rawValue) }
}

/// A record and its position in the log.
public struct DeskStateLogEntry: Hashable, Sendable {
  /// Where the record stands.
  public var position: DeskStateLogPosition
  /// The record.
  public var record: DeskStateRecord
  /// An entry.
  /// - Parameters:
  ///   - position: Where the record stands.
  ///   - record: The record.
  public init(position: DeskStateLogPosition, record: DeskStateRecord) {
    self.position = position
    self.record = record
  }
}

/// What ``DeskStateStore/records(after:)`` read.
public struct DeskStateLogRead: Hashable, Sendable {
  /// The records, in commit order.
  public var entries: [DeskStateLogEntry]
  /// Whether ``entries`` is the whole log (the reader asked for it, or a compaction replaced what it had seen):
  /// the reader rebuilds its state from these records alone.
  public var isWholeLog: Bool
  /// The position the next read continues after: the last entry's, or the position asked for when nothing was
  /// new; `nil` for an empty log read whole.
  public var position: DeskStateLogPosition?

  /// A read.
  /// - Parameters:
  ///   - entries: The records, in commit order.
  ///   - isWholeLog: Whether they are the whole log.
  ///   - position: Where the next read continues.
  public init(entries: [DeskStateLogEntry], isWholeLog: Bool, position: DeskStateLogPosition?) {
    self.entries = entries
    self.isWholeLog = isWholeLog
    self.position = position
  }

  /// The records alone.
  public var records: [DeskStateRecord] { entries.map(\.record) }
}

/// A record with the key that makes its append idempotent in a shared log (`sent/<idempotency key>`,
/// `queued/<idempotency key>`, `feedback/<id>`…); records without a key (a ticket counter) are always appended.
public struct KeyedDeskStateRecord: Hashable, Sendable {
  /// The record's identity in the log, or `nil`.
  public var key: String?
  /// The record.
  public var record: DeskStateRecord
  /// A keyed record.
  /// - Parameters:
  ///   - key: The record's identity in the log, or `nil`.
  ///   - record: The record.
  public init(key: String?, record: DeskStateRecord) {
    self.key = key
    self.record = record
  }
}

/// What ``DeskStateStore/appendUnique(_:)`` did.
public struct DeskStateAppendResult: Hashable, Sendable {
  /// The keys whose records were not appended because a record with that key was already stored (by another
  /// desk, or earlier in the same call).
  public var alreadyStored: Set<String>
  /// A result.
  /// - Parameter alreadyStored: The keys that were already stored.
  public init(alreadyStored: Set<String> = []) { self.alreadyStored = alreadyStored }
}

/// A named lease that desks sharing a store take in turn (a try-lock that lapses by itself).
public struct DeskStateLease: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
  /// The lease's stable name.
  public let rawValue: String
  /// A lease name.
  /// - Parameter rawValue: The name.
  public init(rawValue: String) { self.rawValue = rawValue }
  /// The name.
  public var description: String { rawValue }
  /// Held while a desk runs the SLA scan of a tick, from its re-read of the log until the alerts it raised
  /// are written: only one desk raises a tick's alerts.
  public static let slaScan = DeskStateLease(rawValue: "sla-scan")
}

// MARK: Defaults: one desk per store

extension DeskStateStore {
  /// `false`: one desk uses the store at a time.
  public var isShared: Bool { false }

  /// Loads every record and returns those after `position`, numbering records 1, 2, 3… in load order. Right
  /// for a store one desk writes, which reads its log whole once.
  /// - Parameter position: The last position seen, or `nil`.
  /// - Returns: The records after it; the whole log for `nil` or a position past the end.
  public func records(after position: DeskStateLogPosition?) async throws -> DeskStateLogRead {
    let records = try await loadRecords()
    let entries = records.enumerated().map {
      DeskStateLogEntry(position: DeskStateLogPosition(rawValue: Int64($0.offset + 1)), record: $0.element)
    }
    guard let position, position.rawValue <= Int64(records.count) else {
      return DeskStateLogRead(entries: entries, isWholeLog: true, position: entries.last?.position)
    }
    return DeskStateLogRead(
      entries: Array(entries.dropFirst(Int(position.rawValue))), isWholeLog: false,
      position: entries.last?.position ?? position)
  }

  /// Appends every record (one desk never repeats a key) and reports none as already stored.
  /// - Parameter records: The records.
  /// - Returns: An empty result.
  public func appendUnique(_ records: [KeyedDeskStateRecord]) async throws -> DeskStateAppendResult {
    try await append(records.map(\.record))
    return DeskStateAppendResult()
  }

  /// Replaces every record (one desk has seen them all).
  /// - Parameters:
  ///   - position: Ignored.
  ///   - records: What remains.
  /// - Returns: `true`.
  public func replaceRecords(through position: DeskStateLogPosition, with records: [KeyedDeskStateRecord])
    async throws -> Bool
  {
    try await replaceRecords(with: records.map(\.record))
    return true
  }

  /// Every key: nobody else delivers.
  /// - Returns: `keys`.
  public func claimDeliveries(_ keys: [String], for owner: String, at instant: Date, until leaseEnd: Date)
    async throws -> Set<String>
  {
    Set(keys)
  }

  /// Always held: nobody else competes.
  /// - Returns: `true`.
  public func acquireLease(_ name: DeskStateLease, for owner: String, at instant: Date, until leaseEnd: Date)
    async throws -> Bool
  {
    true
  }

  /// Nothing to release.
  public func releaseLease(_ name: DeskStateLease, for owner: String) async throws {}

  /// `nil`: the desk numbers its tickets itself.
  public func reserveTicketNumber() async throws -> Int? { nil }
}
