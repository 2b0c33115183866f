import Foundation
import HostingSupport

/// A `DeskStateStore` that pauses before and after every call to the store it wraps and counts the calls, to
/// check that a desk loads its state once and keeps its invariants across suspension points.
///
/// ```swift
/// let stateStore = LatencyDeskStateStore(wrapping: InMemoryDeskStateStore(), latency: SimulatedLatency(seed: 9))
/// let desk = SupportDesk(stateStore: stateStore)
/// // … 50 concurrent first calls …
/// #expect(await stateStore.loadCount == 1)
/// ```
public actor LatencyDeskStateStore: DeskStateStore {
  /// The store that does the work.
  public nonisolated let base: any DeskStateStore
  /// The pause before and after each call.
  public nonisolated let latency: SimulatedLatency
  /// How many times ``loadRecords()`` was called.
  public private(set) var loadCount = 0
  /// How many times ``append(_:)`` was called.
  public private(set) var appendCount = 0
  /// How many times ``replaceRecords(with:)`` was called.
  public private(set) var replaceCount = 0

  /// Wraps a store.
  /// - Parameters:
  ///   - base: The store to delegate to.
  ///   - latency: The pause before and after each call.
  public init(wrapping base: any DeskStateStore, latency: SimulatedLatency = SimulatedLatency()) {
    self.base = base
    self.latency = latency
  }

  /// Loads through the wrapped store, pausing around the call.
  public func loadRecords() async throws -> [DeskStateRecord] {
    loadCount += 1
    await latency.pause()
    let records = try await base.loadRecords()
    await latency.pause()
    return records
  }

  /// Appends through the wrapped store, pausing around the call.
  /// - Parameter records: The records.
  public func append(_ records: [DeskStateRecord]) async throws {
    appendCount += 1
    await latency.pause()
    try await base.append(records)
    await latency.pause()
  }

  /// Compacts through the wrapped store, pausing around the call.
  /// - Parameter records: What remains.
  public func replaceRecords(with records: [DeskStateRecord]) async throws {
    replaceCount += 1
    await latency.pause()
    try await base.replaceRecords(with: records)
    await latency.pause()
  }
}
