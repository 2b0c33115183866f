import Foundation
import HostingSupport

/// Checks the part of the `DeskStateStore` contract that stores shared by several desks add (`isShared`):
/// keyed appends, positions in commit order, compaction through a position, delivery claims, leases and the
/// shared ticket counter. Run it beside `DeskStateStoreConformance`, which a shared store passes too.
///
/// ```swift
/// @Test func sharedContract() async throws {
///   try await SharedDeskStateStoreConformance(
///     makeStore: { try await MyDatabaseDeskStateStore.open(schema: freshSchema()) },
///     openAnotherInstance: { store in try await MyDatabaseDeskStateStore.open(schema: (store as! MyDatabaseDeskStateStore).schema) }
///   ).run()
/// }
/// ```
///
/// `makeStore` returns a new, empty store; `openAnotherInstance` a second instance over the same storage, as a
/// second desk process would open it (the same instance for an in-memory store).
public struct SharedDeskStateStoreConformance: Sendable {
  /// One part of the shared-store contract.
  public enum Check: String, CaseIterable, Hashable, Sendable {
    /// The store says it is shared.
    case declaresSharing
    /// A record whose key is stored is not appended again, by any instance, concurrently or in the same call,
    /// and the append says which keys were already there.
    case uniqueKeys
    /// `records(after:)` returns exactly the records committed after a position, in commit order, whichever
    /// instance wrote them; `nil` reads the whole log.
    case incrementalReads
    /// A reader polling while eight writers on two instances append misses no record and sees none twice.
    case followerMissesNothing
    /// Compaction through a position keeps what was committed after it; readers behind it get the whole log;
    /// a compaction through an older position than the last one changes nothing; compacted keys stay unique.
    case compactionThroughPosition
    /// Concurrent claims of a message are granted to one owner, until its lease ends; the owner may claim again.
    case deliveryClaims
    /// A lease is held by one owner at a time, until released or lapsed.
    case leases
    /// Ticket numbers drawn concurrently from two instances are all different.
    case ticketNumbers
  }

  let makeStore: @Sendable () async throws -> any DeskStateStore
  let openAnotherInstance: @Sendable (any DeskStateStore) async throws -> any DeskStateStore

  /// Creates the suite.
  /// - Parameters:
  ///   - makeStore: Returns a new, empty store each time it is called.
  ///   - openAnotherInstance: Returns another instance over the storage of the given store.
  public init(
    makeStore: @escaping @Sendable () async throws -> any DeskStateStore,
    openAnotherInstance: @escaping @Sendable (any DeskStateStore) async throws -> any DeskStateStore
  ) {
    self.makeStore = makeStore
    self.openAnotherInstance = openAnotherInstance
  }

  /// Runs the checks, each on a fresh store.
  /// - Parameter checks: The checks to run (default: all).
  /// - Throws: ``SharedDeskStateStoreConformanceFailure`` listing every failed check, or `makeStore`'s error.
  public func run(_ checks: [Check] = Check.allCases) async throws {
    let failures = try await runConformanceChecks(checks, makeStore: makeStore) { check, store in
      let other = try await openAnotherInstance(store)
      try await perform(check, on: store, and: other)
    }
    if !failures.isEmpty {
      throw SharedDeskStateStoreConformanceFailure(
        failures: failures.map { .init(check: $0.check, message: $0.message) })
    }
  }

  private func perform(_ check: Check, on store: any DeskStateStore, and other: any DeskStateStore) async throws {
    switch check {
    case .declaresSharing:
      try require(store.isShared && other.isShared, "isShared is false")
    case .uniqueKeys: try await checkUniqueKeys(store, other)
    case .incrementalReads: try await checkIncrementalReads(store, other)
    case .followerMissesNothing: try await checkFollower(store, other)
    case .compactionThroughPosition: try await checkCompaction(store, other)
    case .deliveryClaims: try await checkClaims(store, other)
    case .leases: try await checkLeases(store, other)
    case .ticketNumbers: try await checkTicketNumbers(store, other)
    }
  }
}

/// The checks of ``SharedDeskStateStoreConformance`` that failed, each with what went wrong.
public struct SharedDeskStateStoreConformanceFailure: Error, Hashable, Sendable, CustomStringConvertible {
  /// One failed check.
  public struct Failure: Hashable, Sendable {
    /// The part of the contract that was broken.
    public var check: SharedDeskStateStoreConformance.Check
    /// What the store did wrong.
    public var message: String
  }

  /// Every failed check, in the order they ran.
  public var failures: [Failure]

  /// One line per failed check: `check: message`.
  public var description: String {
    "shared desk state store does not conform:\n"
      + failures.map { "- \($0.check.rawValue): \($0.message)" }.joined(separator: "\n")
  }
}
