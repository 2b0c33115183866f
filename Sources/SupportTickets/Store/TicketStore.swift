import Foundation

/// Where tickets live: the role a host's database plays for HostingSupportKit.
///
/// Shipped conformers: ``InMemoryTicketStore`` and `FileTicketStore`. A host can put its own database
/// behind this protocol and check it with the conformance suite of `HostingSupportTestKit`;
/// <doc:BringingYourOwnStore> shows how, with the pieces that do the delicate parts:
/// ``TicketQuery/startSequence(nextSequence:)`` and ``TicketPageBuilder`` for cursors and paging,
/// ``Ticket/requireNewEventIDs(_:)`` for repeated event ids.
///
/// ## Contract
/// - **Redaction first.** A store passes every event through its ``SensitiveDataRedactor``
///   (``SensitiveDataRedactor/redacted(_:)``) before the event is kept or written anywhere: every text field
///   is redacted, and an event whose identifiers hold a secret is refused with ``StoreError``
///   `secretInIdentifier`.
/// - **Validation.** `create` and `append` fold the new events onto the stored timeline with the rules of
///   ``Ticket/apply(_:)``; if any event is refused, the whole call throws and nothing is written.
/// - **Optimistic concurrency.** `append` succeeds only when the ticket's ``Ticket/version`` equals
///   `expectedVersion`; otherwise it throws ``StoreError`` `versionConflict` (with the expected and actual
///   versions) and writes nothing. Two concurrent appends with the same expected version: exactly one wins.
/// - **Atomicity and durability.** The events of one call are stored together or not at all. When the call
///   returns, the events are as durable as the store promises (in memory: for the process's lifetime).
/// - **Reads.** `ticket(_:)` returns the latest acknowledged state. `query` returns tickets in creation order
///   (oldest first) and pages with ``TicketCursor``s: paging while others write never repeats a ticket and
///   never skips one that existed and matched when paging began. A cursor the store could not have issued
///   (malformed, or past the store's end) throws ``StoreError`` `invalidCursor`; see ``TicketCursor``.
/// - **Durability across restarts.** A store that persists returns, once reopened, every ticket and event it
///   acknowledged, in the same creation order, and accepts the cursors it issued before.
/// - **Customer scoping.** A query with ``TicketQuery/customerID`` returns only that customer's tickets.
/// - **Batches.** ``create(timelines:)`` and ``append(_:)`` have exactly the outcome of the separate calls
///   made in order (each element succeeds or fails on its own); the default implementations make those
///   calls. A store overrides them only to save round trips (one actor hop, one journal write).
/// - **Thread safety.** All methods may be called concurrently from any task.
/// - **Errors.** Stores throw ``StoreError`` for storage problems and ``TicketError`` for refused events.
public protocol TicketStore: Sendable {
  /// Stores a new ticket from its timeline (usually just the `created` event).
  /// - Parameter timeline: The events, the first being ``TicketEvent/Kind/created(_:)``.
  /// - Returns: The stored ticket, after redaction.
  /// - Throws: ``StoreError`` `duplicateTicket` if the id is taken; ``TicketError`` for an invalid timeline.
  func create(_ timeline: [TicketEvent]) async throws -> Ticket

  /// Appends events to a ticket if nobody changed it since `expectedVersion`.
  /// - Parameters:
  ///   - events: The new events, oldest first.
  ///   - ticketID: The ticket to change.
  ///   - expectedVersion: The ``Ticket/version`` the caller's decision was based on.
  /// - Returns: The updated ticket.
  /// - Throws: ``StoreError`` `versionConflict`, `ticketNotFound` or `duplicateEvent`; ``TicketError``.
  func append(_ events: [TicketEvent], to ticketID: TicketID, expectedVersion: Int) async throws -> Ticket

  /// The ticket with that id, or `nil`.
  /// - Parameter id: The ticket's id.
  func ticket(_ id: TicketID) async throws -> Ticket?

  /// One page of the tickets matching `query`, in creation order.
  /// - Parameter query: The criteria, page size and cursor.
  /// - Throws: ``StoreError`` `invalidCursor` for a cursor the store did not issue.
  func query(_ query: TicketQuery) async throws -> TicketPage

  /// Creates several tickets as separate ``create(_:)`` calls would, in order; one result per timeline
  /// (the new ticket's version, or the error).
  ///
  /// Has a default implementation that calls ``create(_:)`` in a loop; implement it to save round trips.
  func create(timelines: [[TicketEvent]]) async -> [Result<Int, any Error>]

  /// Performs several appends as separate ``append(_:to:expectedVersion:)`` calls would, in order; each
  /// element succeeds or fails on its own (one result per element: the new version, or the error).
  ///
  /// Has a default implementation that calls ``append(_:to:expectedVersion:)`` in a loop.
  func append(_ batch: [TicketAppend]) async -> [Result<Int, any Error>]
}

extension TicketStore {
  /// Stores a new ticket from its `created` event.
  /// - Parameter opening: The ``TicketEvent/Kind/created(_:)`` event.
  /// - Returns: The stored ticket.
  public func create(opening: TicketEvent) async throws -> Ticket { try await create([opening]) }

  /// Every ticket matching `query`, following cursors to the end.
  /// - Parameter query: The criteria (its cursor is the starting point).
  /// - Returns: All matching tickets in creation order.
  public func allTickets(matching query: TicketQuery = TicketQuery()) async throws -> [Ticket] {
    var page = query
    var result: [Ticket] = []
    while true {
      let found = try await self.query(page)
      result += found.tickets
      guard let next = found.nextCursor else { return result }
      page.cursor = next
    }
  }
}
