import Foundation
import HostingSupport

// The sharing requirements pass through to the wrapped store, pausing around each call like the others, so a
// shared store wrapped for latency stays shared.
extension LatencyDeskStateStore {
  /// Whether the wrapped store is shared.
  public nonisolated var isShared: Bool { base.isShared }

  /// Reads through the wrapped store, pausing around the call.
  /// - Parameter position: The last position seen.
  public func records(after position: DeskStateLogPosition?) async throws -> DeskStateLogRead {
    try await paused { try await base.records(after: position) }
  }

  /// Appends through the wrapped store, pausing around the call.
  /// - Parameter records: The keyed records.
  public func appendUnique(_ records: [KeyedDeskStateRecord]) async throws -> DeskStateAppendResult {
    try await paused { try await base.appendUnique(records) }
  }

  /// Compacts through the wrapped store, pausing around the call.
  public func replaceRecords(through position: DeskStateLogPosition, with records: [KeyedDeskStateRecord])
    async throws -> Bool
  {
    try await paused { try await base.replaceRecords(through: position, with: records) }
  }

  /// Claims through the wrapped store, pausing around the call.
  public func claimDeliveries(_ keys: [String], for owner: String, at instant: Date, until leaseEnd: Date)
    async throws -> Set<String>
  {
    try await paused { try await base.claimDeliveries(keys, for: owner, at: instant, until: leaseEnd) }
  }

  /// Takes the lease through the wrapped store, pausing around the call.
  public func acquireLease(_ name: DeskStateLease, for owner: String, at instant: Date, until leaseEnd: Date)
    async throws -> Bool
  {
    try await paused { try await base.acquireLease(name, for: owner, at: instant, until: leaseEnd) }
  }

  /// Releases the lease through the wrapped store, pausing around the call.
  public func releaseLease(_ name: DeskStateLease, for owner: String) async throws {
    try await paused { try await base.releaseLease(name, for: owner) }
  }

  /// Draws a ticket number through the wrapped store, pausing around the call.
  public func reserveTicketNumber() async throws -> Int? {
    try await paused { try await base.reserveTicketNumber() }
  }

  private func paused<Value: Sendable>(_ body: () async throws -> Value) async throws -> Value {
    await latency.pause()
    let value = try await body()
    await latency.pause()
    return value
  }
}
