import Foundation

/// One ``TicketStore/append(_:to:expectedVersion:)`` call, as an element of a batch.
public struct TicketAppend: Hashable, Sendable, Codable {
  /// The new events, oldest first.
  public var events: [TicketEvent]
  /// The ticket to change.
  public var ticketID: TicketID
  /// The ``Ticket/version`` the caller's decision was based on.
  public var expectedVersion: Int

  /// Describes one append.
  /// - Parameters:
  ///   - events: The new events, oldest first.
  ///   - ticketID: The ticket to change.
  ///   - expectedVersion: The version the change was based on.
  public init(events: [TicketEvent], ticketID: TicketID, expectedVersion: Int) {
    self.events = events
    self.ticketID = ticketID
    self.expectedVersion = expectedVersion
  }
}

extension TicketStore {
  /// Creates several tickets, one after the other, as separate ``create(_:)`` calls would.
  ///
  /// The default implementation calls ``create(_:)`` for each timeline. Stores that can do better (one
  /// actor hop, one journal write) override it; the outcome must be the same as the separate calls.
  /// - Parameter timelines: One timeline per ticket.
  /// - Returns: One result per timeline, in order: the new ticket's ``Ticket/version`` or the error its
  ///   `create` threw. (Versions rather than tickets keep a large batch cheap; fetch what you need.)
  /// - Complexity: The sum of the separate calls.
  public func create(timelines: [[TicketEvent]]) async -> [Result<Int, any Error>] {
    var results: [Result<Int, any Error>] = []
    results.reserveCapacity(timelines.count)
    for timeline in timelines {
      do { results.append(.success(try await create(timeline).version)) } catch { results.append(.failure(error)) }
    }
    return results
  }

  /// Performs several appends, one after the other, as separate ``append(_:to:expectedVersion:)`` calls
  /// would. Each element succeeds or fails on its own (a failed element writes nothing); later elements
  /// see the versions that earlier ones produced.
  ///
  /// The default implementation calls ``append(_:to:expectedVersion:)`` for each element.
  /// - Parameter batch: The appends, in order.
  /// - Returns: One result per element, in order: the ticket's new ``Ticket/version`` or the error its
  ///   append threw.
  /// - Complexity: The sum of the separate calls.
  public func append(_ batch: [TicketAppend]) async -> [Result<Int, any Error>] {
    var results: [Result<Int, any Error>] = []
    results.reserveCapacity(batch.count)
    for item in batch {
      do {
        let ticket = try await append(item.events, to: item.ticketID, expectedVersion: item.expectedVersion)
        results.append(.success(ticket.version))
      } catch {
        results.append(.failure(error))
      }
    }
    return results
  }
}
