import Foundation

/// A ``TicketStore`` that keeps tickets in memory: the default for tests, demos and hosts that persist
/// elsewhere. Everything is lost when the process ends.
///
/// Tickets are kept in creation order with indexes by id, by customer and by reseller, so a customer- or
/// partner-scoped query touches only that customer's or reseller's tickets. Each ticket's position in creation order never changes, which is
/// what makes paging stable while other tasks write.
public actor InMemoryTicketStore: TicketStore {
  // The actor's isolation already gives each method exclusive access: the runtime check is skipped.
  @exclusivity(unchecked) private var tickets: [Ticket] = []
  @exclusivity(unchecked) private var positions = TicketPositionIndex()
  @exclusivity(unchecked) private var byCustomer = PositionGroups<CustomerID>()
  @exclusivity(unchecked) private var byReseller = PositionGroups<PartnerID>()
  private let redactor: SensitiveDataRedactor

  /// Creates an empty store.
  /// - Parameter redactor: Applied to every event before it is kept; ``SensitiveDataRedactor/standard``
  ///   by default.
  public init(redactor: SensitiveDataRedactor = .standard) {
    self.redactor = redactor
  }

  /// The number of tickets stored.
  public var count: Int { tickets.count }

  /// Stores a new ticket. See ``TicketStore/create(_:)``.
  /// - Complexity: O(k) for k events (plus redaction).
  public func create(_ timeline: [TicketEvent]) throws -> Ticket {
    let ticket = try Ticket(events: try redactor.redacted(timeline))
    guard position(of: ticket.id) == nil else { throw StoreError.duplicateTicket(ticket.id) }
    let position = tickets.count
    tickets.append(ticket)
    positions.insert(ticket.id, at: position)
    byCustomer.append(position, to: ticket.customerID)
    byReseller.append(position, to: ticket.resellerID)
    return ticket
  }

  /// Appends events if the version matches. See ``TicketStore/append(_:to:expectedVersion:)``.
  /// - Complexity: Amortized O(k) for k events (plus redaction).
  public func append(_ events: [TicketEvent], to ticketID: TicketID, expectedVersion: Int) throws -> Ticket {
    guard let position = position(of: ticketID) else { throw StoreError.ticketNotFound(ticketID) }
    try append(events, at: position, ticketID: ticketID, expectedVersion: expectedVersion)
    return tickets[position]
  }

  /// ``append(_:to:expectedVersion:)`` for the ticket at `position`, which has the id `ticketID`.
  private func append(_ events: [TicketEvent], at position: Int, ticketID: TicketID, expectedVersion: Int) throws {
    let current = tickets[position].version
    guard current == expectedVersion else {
      throw StoreError.versionConflict(ticketID, expected: expectedVersion, actual: current)
    }
    try tickets[position].requireNewEventIDs(events)
    let reseller = tickets[position].resellerID
    defer { byReseller.move(position, from: reseller, to: tickets[position].resellerID) }
    if events.count == 1 {
      // Fast path: apply in place; `apply` leaves the ticket unchanged when it throws.
      try tickets[position].apply(try redactor.redacted(events[0]), checkingDuplicateID: false)
    } else {
      tickets[position] = try tickets[position].applying(try redactor.redacted(events))
    }
  }

  /// Creates several tickets in one call to the actor. See ``TicketStore/create(timelines:)``.
  /// - Complexity: The sum of the separate calls, without an actor hop per ticket.
  /// (`async` so that callers in async code pick it over the protocol's default implementation.)
  public func create(timelines: [[TicketEvent]]) async -> [Result<Int, any Error>] {
    timelines.map { timeline in Result { try create(timeline).version } }
  }

  /// Performs several appends in one call to the actor. See ``TicketStore/append(_:)``.
  ///
  /// The tickets of a few appends are looked up before those appends are made, so that the lookups (each a
  /// read of memory that is rarely in a cache) overlap instead of waiting for one another. Appends never move
  /// a ticket, so a position found first is still the ticket's when its turn comes.
  /// - Complexity: The sum of the separate calls, without an actor hop per append.
  public func append(_ batch: [TicketAppend]) async -> [Result<Int, any Error>] {
    var results: [Result<Int, any Error>] = []
    results.reserveCapacity(batch.count)
    let lookahead = 32
    var found = [Int](repeating: 0, count: Swift.min(lookahead, batch.count))
    var start = 0
    while start < batch.count {
      let end = Swift.min(start + lookahead, batch.count)
      for index in start..<end { found[index - start] = position(of: batch[index].ticketID) ?? -1 }
      for index in start..<end {
        let item = batch[index]
        let position = found[index - start]
        results.append(
          Result {
            guard position >= 0 else { throw StoreError.ticketNotFound(item.ticketID) }
            try append(item.events, at: position, ticketID: item.ticketID, expectedVersion: item.expectedVersion)
            return tickets[position].version
          })
      }
      start = end
    }
    return results
  }

  /// The ticket with that id. See ``TicketStore/ticket(_:)``.
  /// - Complexity: O(1).
  public func ticket(_ id: TicketID) -> Ticket? {
    position(of: id).map { tickets[$0] }
  }

  private func position(of id: TicketID) -> Int? {
    positions.position(of: id) { tickets[$0].id }
  }

  /// One page of matching tickets. See ``TicketStore/query(_:)``.
  /// - Throws: ``StoreError`` `invalidCursor` for a cursor this store could not have issued.
  /// - Complexity: O(log c + m) for a customer- or partner-scoped query (c of that customer's or reseller's
  ///   tickets, m examined until the page is full), else O(m) over the tickets after the cursor, until the
  ///   page is full.
  public func query(_ query: TicketQuery) throws -> TicketPage {
    let start = try query.startSequence(nextSequence: tickets.count)
    var builder = TicketPageBuilder(for: query)
    let scoped = query.customerID.map { byCustomer[$0] } ?? query.partnerID.map { byReseller[$0] }
    if let candidates = scoped {
      var index = candidates.firstIndex(notBelow: start)
      while index < candidates.count, builder.offer(tickets[candidates[index]], sequence: candidates[index]) {
        index += 1
      }
    } else {
      var position = start
      while position < tickets.count, builder.offer(tickets[position], sequence: position) { position += 1 }
    }
    return builder.page
  }
}
