import Foundation
import SupportTickets

/// A `TicketStore` that pauses before and after every call to the store it wraps, the way a database on the
/// network does: every call is a suspension point where other tasks run.
///
/// ```swift
/// let store = LatencyTicketStore(wrapping: InMemoryTicketStore(), latency: SimulatedLatency(seed: 3))
/// let desk = SupportDesk(store: store)
/// ```
public struct LatencyTicketStore: TicketStore {
  /// The store that does the work.
  public let base: any TicketStore
  /// The pause before and after each call.
  public let latency: SimulatedLatency

  /// Wraps a store.
  /// - Parameters:
  ///   - base: The store to delegate to.
  ///   - latency: The pause before and after each call.
  public init(wrapping base: any TicketStore, latency: SimulatedLatency = SimulatedLatency()) {
    self.base = base
    self.latency = latency
  }

  /// Creates through the wrapped store, pausing around the call.
  public func create(_ timeline: [TicketEvent]) async throws -> Ticket {
    try await paused { try await base.create(timeline) }
  }

  /// Appends through the wrapped store, pausing around the call.
  public func append(_ events: [TicketEvent], to ticketID: TicketID, expectedVersion: Int) async throws -> Ticket {
    try await paused { try await base.append(events, to: ticketID, expectedVersion: expectedVersion) }
  }

  /// Reads through the wrapped store, pausing around the call.
  public func ticket(_ id: TicketID) async throws -> Ticket? {
    try await paused { try await base.ticket(id) }
  }

  /// Queries through the wrapped store, pausing around the call.
  public func query(_ query: TicketQuery) async throws -> TicketPage {
    try await paused { try await base.query(query) }
  }

  private func paused<Value>(_ call: () async throws -> Value) async throws -> Value {
    await latency.pause()
    let value = try await call()
    await latency.pause()
    return value
  }
}
