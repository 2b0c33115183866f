import Foundation
import HostingSupport

/// A `DeskStateStore` that several desks of one process share, in memory: the reference implementation of the
/// shared-store contract (keyed appends, positions in commit order, compaction through a position, delivery
/// claims, leases, a ticket counter), for testing desks that run side by side and as a model for a database.
///
/// ```swift
/// let stateStore = SharedInMemoryDeskStateStore()
/// let tickets = InMemoryTicketStore()
/// var first = DeskConfiguration(), second = DeskConfiguration()
/// first.instanceName = "desk-a"; second.instanceName = "desk-b"
/// let a = SupportDesk(store: tickets, stateStore: stateStore, configuration: first)
/// let b = SupportDesk(store: tickets, stateStore: stateStore, configuration: second)
/// ```
public actor SharedInMemoryDeskStateStore: DeskStateStore {
  private struct Stored {
    var position: Int64
    var key: String?
    var record: DeskStateRecord
  }

  private var stored: [Stored] = []
  private var keys: Set<String> = []
  private var lastPosition: Int64 = 0
  private var compactedThrough: Int64?
  private var claims: [String: (owner: String, until: Date)] = [:]
  private var leases: [DeskStateLease: (owner: String, until: Date)] = [:]
  private var nextTicketNumber = 1

  /// An empty store.
  public init() {}

  /// `true`: desks share it.
  public nonisolated var isShared: Bool { true }

  /// Every record, in commit order.
  public func loadRecords() -> [DeskStateRecord] { stored.map(\.record) }

  /// Appends records without keys.
  /// - Parameter records: The records.
  public func append(_ records: [DeskStateRecord]) {
    _ = appendUnique(records.map { KeyedDeskStateRecord(key: nil, record: $0) })
  }

  /// Replaces every record.
  /// - Parameter records: What remains.
  public func replaceRecords(with records: [DeskStateRecord]) {
    _ = replace(through: lastPosition, with: records.map { KeyedDeskStateRecord(key: nil, record: $0) })
  }

  /// The records after `position`, or the whole log for `nil` or a position a compaction replaced.
  /// - Parameter position: The last position seen.
  public func records(after position: DeskStateLogPosition?) -> DeskStateLogRead {
    var after = Int64.min
    if let position, compactedThrough.map({ position.rawValue >= $0 }) ?? true { after = position.rawValue }
    let isWhole = after == Int64.min
    let entries = stored.filter { $0.position > after }.map {
      DeskStateLogEntry(position: DeskStateLogPosition(rawValue: $0.position), record: $0.record)
    }
    return DeskStateLogRead(
      entries: entries, isWholeLog: isWhole, position: entries.last?.position ?? (isWhole ? nil : position))
  }

  /// Appends the records whose keys are new.
  /// - Parameter records: The records.
  /// - Returns: The keys that were already stored.
  public func appendUnique(_ records: [KeyedDeskStateRecord]) -> DeskStateAppendResult {
    var alreadyStored: Set<String> = []
    for record in records {
      if let key = record.key, !keys.insert(key).inserted {
        alreadyStored.insert(key)
        continue
      }
      lastPosition += 1
      stored.append(Stored(position: lastPosition, key: record.key, record: record.record))
    }
    return DeskStateAppendResult(alreadyStored: alreadyStored)
  }

  /// Replaces the records up to `position`.
  /// - Parameters:
  ///   - position: The last position the compacting desk read.
  ///   - records: What replaces them.
  /// - Returns: `false` when a compaction went further already.
  public func replaceRecords(through position: DeskStateLogPosition, with records: [KeyedDeskStateRecord]) -> Bool {
    replace(through: position.rawValue, with: records)
  }

  private func replace(through position: Int64, with records: [KeyedDeskStateRecord]) -> Bool {
    if let compactedThrough, position < compactedThrough { return false }
    let tail = stored.filter { $0.position > position }
    keys = Set(tail.compactMap(\.key))
    var head: [Stored] = []
    for record in records where record.key.map({ keys.insert($0).inserted }) ?? true {
      head.append(Stored(position: 0, key: record.key, record: record.record))
    }
    for index in head.indices { head[index].position = position - Int64(head.count - 1 - index) }
    stored = head + tail
    compactedThrough = position
    return true
  }

  /// Claims the keys nobody else holds.
  /// - Returns: The keys `owner` holds now.
  public func claimDeliveries(_ keys: [String], for owner: String, at instant: Date, until leaseEnd: Date)
    -> Set<String>
  {
    var held: Set<String> = []
    for key in keys {
      if let claim = claims[key], claim.owner != owner, claim.until > instant { continue }
      claims[key] = (owner, leaseEnd)
      held.insert(key)
    }
    return held
  }

  /// Takes the lease unless another owner holds it.
  /// - Returns: Whether `owner` holds it.
  public func acquireLease(_ name: DeskStateLease, for owner: String, at instant: Date, until leaseEnd: Date) -> Bool {
    if let lease = leases[name], lease.owner != owner, lease.until > instant { return false }
    leases[name] = (owner, leaseEnd)
    return true
  }

  /// Releases the lease if `owner` holds it.
  public func releaseLease(_ name: DeskStateLease, for owner: String) {
    if leases[name]?.owner == owner { leases[name] = nil }
  }

  /// The next number of the shared counter (1, 2, 3…).
  public func reserveTicketNumber() -> Int? {
    defer { nextTicketNumber += 1 }
    return nextTicketNumber
  }
}
