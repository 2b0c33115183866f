import Foundation

/// A ``TicketStore`` that keeps tickets in memory: the default for tests, demos and hosts that persist
/// elsewhere. Everything is lost when the process ends.
///
/// Tickets are kept in creation order with indexes by id and by customer, so a customer-scoped query
/// touches only that customer's tickets. Each ticket's position in creation order never changes, which is
/// what makes paging stable while other tasks write.
public actor InMemoryTicketStore: TicketStore {
  private var tickets: [Ticket] = []
  private var positions = TicketPositionIndex()
  private var byCustomer: [CustomerID: [Int]] = [:]
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
    byCustomer[ticket.customerID, default: []].append(position)
    return ticket
  }

  /// Appends events if the version matches. See ``TicketStore/append(_:to:expectedVersion:)``.
  /// - Complexity: Amortized O(k) for k events (plus redaction).
  public func append(_ events: [TicketEvent], to ticketID: TicketID, expectedVersion: Int) throws -> Ticket {
    guard let position = position(of: ticketID) else { throw StoreError.ticketNotFound(ticketID) }
    let current = tickets[position].version
    guard current == expectedVersion else {
      throw StoreError.versionConflict(ticketID, expected: expectedVersion, actual: current)
    }
    try tickets[position].requireNewEventIDs(events)
    if events.count == 1 {
      // Fast path: apply in place; `apply` leaves the ticket unchanged when it throws.
      try tickets[position].apply(try redactor.redacted(events[0]), checkingDuplicateID: false)
    } else {
      tickets[position] = try tickets[position].applying(try redactor.redacted(events))
    }
    return tickets[position]
  }

  /// Creates several tickets in one call to the actor. See ``TicketStore/create(timelines:)``.
  /// - Complexity: The sum of the separate calls, without an actor hop per ticket.
  /// (`async` so that callers in async code pick it over the protocol's default implementation.)
  public func create(timelines: [[TicketEvent]]) async -> [Result<Int, any Error>] {
    timelines.map { timeline in Result { try create(timeline).version } }
  }

  /// Performs several appends in one call to the actor. See ``TicketStore/append(_:)``.
  /// - Complexity: The sum of the separate calls, without an actor hop per append.
  public func append(_ batch: [TicketAppend]) async -> [Result<Int, any Error>] {
    batch.map { item in
      Result { try append(item.events, to: item.ticketID, expectedVersion: item.expectedVersion).version }
    }
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
  /// - Complexity: O(log c + m) for a customer-scoped query (c of that customer's tickets, m examined
  ///   until the page is full), else O(m) over the tickets after the cursor, until the page is full.
  public func query(_ query: TicketQuery) throws -> TicketPage {
    let start = try query.startSequence(nextSequence: tickets.count)
    var builder = TicketPageBuilder(for: query)
    if let customerID = query.customerID {
      let candidates = byCustomer[customerID] ?? []
      var index = lowerBound(of: start, in: candidates)
      while index < candidates.count, builder.offer(tickets[candidates[index]], sequence: candidates[index]) {
        index += 1
      }
    } else {
      var position = start
      while position < tickets.count, builder.offer(tickets[position], sequence: position) { position += 1 }
    }
    return builder.page
  }

  private func lowerBound(of value: Int, in sorted: [Int]) -> Int {
    var low = 0
    var high = sorted.count
    while low < high {
      let middle = (low + high) / 2
      if sorted[middle] < value { low = middle + 1 } else { high = middle }
    }
    return low
  }
}
