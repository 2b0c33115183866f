import Foundation
import SupportTickets

/// Checks that a `TicketStore` keeps the contract written in that protocol's
/// documentation: the suite a host runs against its own database-backed store.
///
/// ```swift
/// @Test func myStoreConforms() async throws {
///   try await TicketStoreConformance(factory: .reopenable(
///     makeLocation: { try await TestDatabase.createEmpty() },
///     open: { database in PostgresTicketStore(database: database) },
///     removeLocation: { database in try await database.drop() }
///   )).run()
/// }
/// ```
///
/// **Every check needs a fresh, empty store.** The suite asks its ``Factory`` for a new one before each
/// check and fails the check, without running it, when the store already holds a ticket (for example a
/// test database that was not emptied). Checks create tickets with fixed ids (`C-1`, `P-0`…).
///
/// The store must use `SensitiveDataRedactor.standard` (the default of the shipped stores). The suite does
/// not depend on a test framework: ``run(_:)`` throws a ``ConformanceFailure`` listing every check that
/// failed and why, so it works with Swift Testing, XCTest or a plain executable.
public struct TicketStoreConformance: Sendable {
  /// One part of the contract.
  public enum Check: String, CaseIterable, Hashable, Sendable {
    /// A created ticket can be fetched back as stored; an unknown id gives `nil`.
    case createAndFetch
    /// Creating an id twice throws `duplicateTicket` and changes nothing.
    case duplicateTicket
    /// A stale expected version throws `versionConflict` (naming both versions) and writes nothing.
    case versionConflict
    /// The events of one append are stored together or not at all.
    case atomicAppend
    /// Repeated event ids throw `duplicateEvent`; appending to an unknown ticket throws `ticketNotFound`.
    case duplicateEventAndUnknownTicket
    /// Concurrent writers on one ticket who retry on conflicts lose no event; each version is won once.
    case concurrentWriters
    /// Paging while others write never repeats a ticket or skips one that existed when paging began.
    case pagingStability
    /// A customer-scoped query returns that customer's tickets and nobody else's.
    case customerScoping
    /// Every query criterion selects exactly the matching tickets, in creation order.
    case queryCriteria
    /// Secrets are redacted before anything is stored, returned or searchable.
    case redactionBeforeStorage
    /// A cursor the store did not issue throws `invalidCursor`: malformed text, or a position past the end.
    case invalidCursor
    /// Batch creates and appends have the outcome of the separate calls.
    case batches
    /// A store reopened over what an earlier instance wrote has every ticket and event, in the same order;
    /// cursors issued before reopening still resume in place; conflicts and duplicates are still refused.
    /// Runs twice in a row (write, reopen, write more, reopen). Skipped when the ``Factory`` cannot reopen.
    case reopening
  }

  let factory: Factory
  let writers: Int

  /// Creates the suite over stores that ``Factory`` hands out.
  /// - Parameters:
  ///   - concurrentWriters: How many tasks write to one ticket at once in ``Check/concurrentWriters``.
  ///   - factory: Hands out a fresh, empty store for each check, and reopens it when it can.
  public init(concurrentWriters: Int = 100, factory: Factory) {
    self.writers = max(2, concurrentWriters)
    self.factory = factory
  }

  /// Creates the suite over stores that cannot be reopened (``Check/reopening`` is skipped).
  /// - Parameters:
  ///   - concurrentWriters: How many tasks write to one ticket at once in ``Check/concurrentWriters``.
  ///   - makeStore: Returns a new, empty store each time it is called.
  public init(concurrentWriters: Int = 100, makeStore: @escaping @Sendable () async throws -> any TicketStore) {
    self.init(concurrentWriters: concurrentWriters, factory: .fresh(makeStore))
  }

  /// Runs the checks, each on a fresh store that is closed and whose location is removed afterwards.
  /// - Parameter checks: The checks to run; all of them by default.
  /// - Returns: The checks that ran, in order: `checks` without ``Check/reopening`` when the factory
  ///   cannot reopen a store.
  /// - Throws: ``ConformanceFailure`` listing every failed check (including a store that was not empty, or
  ///   that could not be closed or reopened), or the error the factory threw making a store.
  @discardableResult
  public func run(_ checks: [Check] = Check.allCases) async throws -> [Check] {
    let applicable = checks.filter { $0 != .reopening || factory.canReopen }
    let failures = try await runConformanceChecks(
      applicable, makeStore: factory.makeInstance,
      perform: { check, instance in
        try await requireEmpty(await instance.store)
        try await perform(check, on: instance)
      },
      finish: { instance in try await instance.finish() })
    if !failures.isEmpty {
      throw ConformanceFailure(failures: failures.map { .init(check: $0.check, message: $0.message) })
    }
    return applicable
  }

  private func requireEmpty(_ store: any TicketStore) async throws {
    if let ticket = try await store.query(TicketQuery(limit: 1)).tickets.first {
      throw CheckFailed(
        "the factory handed out a store that already holds ticket \(ticket.id): each check needs a fresh, empty store")
    }
  }

  private func perform(_ check: Check, on instance: any StoreInstance) async throws {
    let store = await instance.store
    switch check {
    case .createAndFetch: try await checkCreateAndFetch(store)
    case .duplicateTicket: try await checkDuplicateTicket(store)
    case .versionConflict: try await checkVersionConflict(store)
    case .atomicAppend: try await checkAtomicAppend(store)
    case .duplicateEventAndUnknownTicket: try await checkDuplicateEvent(store)
    case .concurrentWriters: try await checkConcurrentWriters(store)
    case .pagingStability: try await checkPagingStability(store)
    case .customerScoping: try await checkCustomerScoping(store)
    case .queryCriteria: try await checkQueryCriteria(store)
    case .redactionBeforeStorage: try await checkRedaction(store)
    case .invalidCursor: try await checkInvalidCursor(store)
    case .batches: try await checkBatches(store)
    case .reopening: try await checkReopening(instance)
    }
  }
}

/// The checks of ``TicketStoreConformance`` that failed, each with what went wrong.
public struct ConformanceFailure: Error, Hashable, Sendable, CustomStringConvertible {
  /// One failed check.
  public struct Failure: Hashable, Sendable {
    /// The part of the contract that was broken.
    public var check: TicketStoreConformance.Check
    /// What the store did wrong.
    public var message: String
  }

  /// Every failed check, in the order they ran.
  public var failures: [Failure]

  /// One line per failed check: `check: message`.
  public var description: String {
    "ticket store does not conform:\n"
      + failures.map { "- \($0.check.rawValue): \($0.message)" }.joined(separator: "\n")
  }
}
