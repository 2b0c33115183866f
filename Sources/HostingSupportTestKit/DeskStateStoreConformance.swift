import Foundation
import HostingSupport

/// Checks that a `DeskStateStore` keeps the contract written in that protocol's documentation: the suite a
/// host runs against its own database-backed store before giving it to a `SupportDesk`.
///
/// ```swift
/// @Test func myStateStoreConforms() async throws {
///   try await DeskStateStoreConformance(
///     makeStore: { try await PostgresDeskStateStore.temporary() },
///     reopen: { store in try await PostgresDeskStateStore(connectingTo: (store as! PostgresDeskStateStore).url) },
///     damage: { store in try await (store as! PostgresDeskStateStore).execute("UPDATE desk_log SET payload = NULL") }
///   ).run()
/// }
/// ```
///
/// Every check gets a fresh, empty store from `makeStore`. `reopen` hands back a new instance over the same
/// storage (what a restart sees); without it, the same instance is used. `damage` breaks the stored data the way
/// the store's medium can break (garbage bytes in a file, a row that no longer decodes); a store that cannot be
/// damaged (in memory) leaves it out and skips ``Check/damageRefused``. Like `TicketStoreConformance`, the suite
/// depends on no test framework: ``run(_:)`` throws a ``DeskStateStoreConformanceFailure`` listing every
/// failed check.
public struct DeskStateStoreConformance: Sendable {
  /// One part of the contract.
  public enum Check: String, CaseIterable, Hashable, Sendable {
    /// A fresh store loads as no records; appended records load back exactly (kind, instant to the millisecond,
    /// payload character for character), kinds the store does not know included.
    case roundTrip
    /// Records load in append order, the records of one append in their order.
    case appendOrder
    /// A reopened store loads everything written before, and appends after it.
    case reopen
    /// Concurrent appends all land, each call's records in their order.
    case concurrentAppends
    /// Replacing the records (compaction) keeps exactly the new ones, then what is appended later, also after
    /// a reopen.
    case compaction
    /// Damaged storage makes the load throw `HostingSupportError` `corruptState`, never return fewer records.
    case damageRefused
  }

  private let makeStore: @Sendable () async throws -> any DeskStateStore
  private let reopen: (@Sendable (any DeskStateStore) async throws -> any DeskStateStore)?
  private let damage: (@Sendable (any DeskStateStore) async throws -> Void)?
  private let writers: Int

  /// Creates the suite.
  /// - Parameters:
  ///   - concurrentAppends: How many tasks append at once in ``Check/concurrentAppends`` (default 100).
  ///   - makeStore: Returns a new, empty store each time it is called.
  ///   - reopen: Returns a new instance over the storage of the given store (default: the same instance).
  ///   - damage: Damages the given store's stored records (needed by ``Check/damageRefused``).
  public init(
    concurrentAppends: Int = 100,
    makeStore: @escaping @Sendable () async throws -> any DeskStateStore,
    reopen: (@Sendable (any DeskStateStore) async throws -> any DeskStateStore)? = nil,
    damage: (@Sendable (any DeskStateStore) async throws -> Void)? = nil
  ) {
    self.writers = max(2, concurrentAppends)
    self.makeStore = makeStore
    self.reopen = reopen
    self.damage = damage
  }

  /// The checks this suite can run: all of them, or all but ``Check/damageRefused`` without a `damage` function.
  public var applicableChecks: [Check] { Check.allCases.filter { $0 != .damageRefused || damage != nil } }

  /// Runs the checks, each on a fresh store.
  /// - Parameter checks: The checks to run (default ``applicableChecks``).
  /// - Throws: ``DeskStateStoreConformanceFailure`` listing every failed check, or the error `makeStore` threw.
  public func run(_ checks: [Check]? = nil) async throws {
    let failures = try await runConformanceChecks(checks ?? applicableChecks, makeStore: makeStore) {
      try await perform($0, on: $1)
    }
    if !failures.isEmpty {
      throw DeskStateStoreConformanceFailure(failures: failures.map { .init(check: $0.check, message: $0.message) })
    }
  }

  private func perform(_ check: Check, on store: any DeskStateStore) async throws {
    switch check {
    case .roundTrip: try await checkRoundTrip(store)
    case .appendOrder: try await checkAppendOrder(store)
    case .reopen: try await checkReopen(store)
    case .concurrentAppends: try await checkConcurrentAppends(store)
    case .compaction: try await checkCompaction(store)
    case .damageRefused: try await checkDamage(store)
    }
  }

  private func reopened(_ store: any DeskStateStore) async throws -> any DeskStateStore {
    try await reopen?(store) ?? store
  }

  // MARK: Checks

  private func checkRoundTrip(_ store: any DeskStateStore) async throws {
    try require(try await store.loadRecords().isEmpty, "a fresh store loads records")
    try await store.append([])
    try require(try await store.loadRecords().isEmpty, "an empty append stored something")
    let records = [
      sample("sent", 0, #"{"key":"sla/T-1/firstResponse/1/breach"}"#),
      sample("queued", 1, "{\"body\":\"Line one\\nline two \u{2028} «quoted» ລາວ \\\"x\\\"\",\"key\":\"k\"}"),
      sample("incident.v2", 2, "not JSON at all: a kind and payload this version does not know"),
      DeskStateRecord(kind: "sent", instant: conformanceStart.addingTimeInterval(0.1234), payload: "{}"),
    ]
    try await store.append(records)
    let loaded = try await store.loadRecords()
    try require(loaded == records, "loaded \(loaded.count) records that differ from the \(records.count) appended")
  }

  private func checkAppendOrder(_ store: any DeskStateStore) async throws {
    var expected: [DeskStateRecord] = []
    for call in 0..<20 {
      let batch = (0..<(call % 4 + 1)).map { sample("sent", call * 10 + $0, #"{"n":\#(call * 10 + $0)}"#) }
      try await store.append(batch)
      expected += batch
    }
    let loaded = try await store.loadRecords()
    try require(loaded == expected, "records load out of append order")
  }

  private func checkReopen(_ store: any DeskStateStore) async throws {
    let first = (0..<5).map { sample("sent", $0, #"{"n":\#($0)}"#) }
    try await store.append(first)
    let again = try await reopened(store)
    try require(try await again.loadRecords() == first, "a reopened store does not load what was written")
    let second = sample("feedback", 9, #"{"id":"F-9"}"#)
    try await again.append([second])
    let third = try await reopened(again)
    try require(try await third.loadRecords() == first + [second], "an append after reopening was lost")
  }

  private func checkConcurrentAppends(_ store: any DeskStateStore) async throws {
    let writers = self.writers
    try await withThrowingTaskGroup(of: Void.self) { group in
      for writer in 0..<writers {
        group.addTask {
          await Task.yield()
          try await store.append((0..<3).map { sample("sent", writer * 3 + $0, #"{"w":\#(writer),"i":\#($0)}"#) })
        }
      }
      try await group.waitForAll()
    }
    let loaded = try await reopened(store).loadRecords()
    try require(loaded.count == writers * 3, "\(writers) concurrent appends of 3 records left \(loaded.count)")
    let byPayload = Dictionary(loaded.enumerated().map { ($0.element.payload, $0.offset) }, uniquingKeysWith: min)
    for writer in 0..<writers {
      let positions = (0..<3).compactMap { byPayload[#"{"w":\#(writer),"i":\#($0)}"#] }
      try require(positions.count == 3, "writer \(writer)'s records are missing")
      try require(positions == positions.sorted(), "writer \(writer)'s records are out of order")
    }
  }

  private func checkCompaction(_ store: any DeskStateStore) async throws {
    try await store.append((0..<10).map { sample("sent", $0, #"{"n":\#($0)}"#) })
    let kept = (0..<3).map { sample("queued", 100 + $0, #"{"kept":\#($0)}"#) }
    try await store.replaceRecords(with: kept)
    let later = (0..<2).map { sample("sent", 200 + $0, #"{"later":\#($0)}"#) }
    try await store.append(later)
    try require(try await store.loadRecords() == kept + later, "after replaceRecords the store does not load them")
    let again = try await reopened(store)
    try require(try await again.loadRecords() == kept + later, "a compaction did not survive a reopen")
    try await again.replaceRecords(with: [])
    try require(try await reopened(again).loadRecords().isEmpty, "replacing with no records left some")
  }

  private func checkDamage(_ store: any DeskStateStore) async throws {
    guard let damage else { throw CheckFailed("no damage function was given to the suite") }
    try await store.append((0..<6).map { sample("sent", $0, #"{"n":\#($0)}"#) })
    try await damage(store)
    do {
      let loaded = try await reopened(store).loadRecords()
      throw CheckFailed("a damaged store loaded \(loaded.count) records instead of throwing")
    } catch let error as HostingSupportError {
      try require(error.code == .corruptState, "a damaged store threw \(error.code), expected corruptState")
    } catch let failed as CheckFailed {
      throw failed
    } catch {
      throw CheckFailed("a damaged store threw \(error), expected HostingSupportError corruptState")
    }
  }
}

/// The checks of ``DeskStateStoreConformance`` that failed, each with what went wrong.
public struct DeskStateStoreConformanceFailure: Error, Hashable, Sendable, CustomStringConvertible {
  /// One failed check.
  public struct Failure: Hashable, Sendable {
    /// The part of the contract that was broken.
    public var check: DeskStateStoreConformance.Check
    /// What the store did wrong.
    public var message: String
  }

  /// Every failed check, in the order they ran.
  public var failures: [Failure]

  /// One line per failed check: `check: message`.
  public var description: String {
    "desk state store does not conform:\n"
      + failures.map { "- \($0.check.rawValue): \($0.message)" }.joined(separator: "\n")
  }
}

/// 2026-11-23T10:00:00Z plus `seconds`.
private func sample(_ kind: DeskStateRecord.Kind, _ seconds: Int, _ payload: String) -> DeskStateRecord {
  DeskStateRecord(kind: kind, instant: conformanceStart.addingTimeInterval(Double(seconds)), payload: payload)
}
