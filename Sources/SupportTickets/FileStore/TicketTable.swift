import Foundation

/// The tickets of a file store in creation order, with the indexes queries use.
///
/// A ticket's position in ``tickets`` is its creation sequence number: cursors encode it, and it never
/// changes (tickets are never removed). The indexes are rebuilt whenever a store is opened:
/// - by customer: each customer's positions, ascending;
/// - by reseller: each reseller's positions, ascending (kept current when a ticket changes reseller);
/// - by status: one bitmap of positions per status;
/// - by updated-at: positions grouped by the hour of their last event.
package struct TicketTable: Sendable {
  package private(set) var tickets: [Ticket] = []
  private var positions: [TicketID: Int] = [:]
  private var byCustomer = PositionGroups<CustomerID>()
  private var byReseller = PositionGroups<PartnerID>()
  private var byStatus: [TicketStatus: PositionBitmap] = [:]
  private var byUpdatedHour: [Int64: Set<Int>] = [:]

  package init() {}

  /// The number of tickets.
  package var count: Int { tickets.count }

  /// The total number of events of all tickets.
  package var eventCount: Int { tickets.reduce(0) { $0 + $1.version } }

  /// The position of a ticket, if it exists.
  package func position(of id: TicketID) -> Int? { positions[id] }

  /// The ticket with that id, if any.
  package func ticket(_ id: TicketID) -> Ticket? { positions[id].map { tickets[$0] } }

  /// Reserves room for `count` tickets.
  package mutating func reserveCapacity(_ count: Int) {
    tickets.reserveCapacity(count)
    positions.reserveCapacity(count)
  }

  /// Adds a new ticket at the end of the creation order.
  /// - Precondition: no ticket has its id (callers check with ``position(of:)``).
  package mutating func insert(_ ticket: Ticket) {
    let position = tickets.count
    tickets.append(ticket)
    positions[ticket.id] = position
    byCustomer.append(position, to: ticket.customerID)
    byReseller.append(position, to: ticket.resellerID)
    byStatus[ticket.status, default: PositionBitmap()].insert(position)
    byUpdatedHour[Self.hour(of: ticket.updatedAt), default: []].insert(position)
  }

  /// Applies events to the ticket at `position` in place: all of them or, when one is refused, none.
  /// - Throws: ``TicketError`` for the first refused event.
  /// - Complexity: Amortized O(k) for k events when no one else holds a copy of the ticket.
  package mutating func apply(_ events: [TicketEvent], at position: Int) throws {
    let oldStatus = tickets[position].status
    let oldHour = Self.hour(of: tickets[position].updatedAt)
    let oldReseller = tickets[position].resellerID
    if events.count == 1 {
      try tickets[position].apply(events[0])  // leaves the ticket unchanged when it throws
    } else {
      tickets[position] = try tickets[position].applying(events)
    }
    let ticket = tickets[position]
    byReseller.move(position, from: oldReseller, to: ticket.resellerID)
    if oldStatus != ticket.status {
      byStatus[oldStatus]?.remove(position)
      byStatus[ticket.status, default: PositionBitmap()].insert(position)
    }
    let newHour = Self.hour(of: ticket.updatedAt)
    if oldHour != newHour {
      byUpdatedHour[oldHour]?.remove(position)
      if byUpdatedHour[oldHour]?.isEmpty == true { byUpdatedHour[oldHour] = nil }
      byUpdatedHour[newHour, default: []].insert(position)
    }
  }

  /// One page of matching tickets, in creation order; the same paging rules as ``InMemoryTicketStore``.
  /// - Complexity: O(c) over the candidates of the most selective index used (customer, then reseller, then
  ///   status, then updated-at, else all tickets after the cursor), until the page is full.
  package func query(_ query: TicketQuery) throws -> TicketPage {
    var start = 0
    if let cursor = query.cursor {
      let sequence = try cursor.sequence()
      guard sequence < tickets.count else {
        throw StoreError.invalidCursor("'\(cursor.rawValue.prefix(40))' points past the end of this store")
      }
      start = sequence + 1
    }
    var found: [Ticket] = []
    var lastPosition = -1
    var lastCandidate = -1
    func consider(_ position: Int) -> Bool {
      lastCandidate = position
      let ticket = tickets[position]
      if query.matches(ticket) {
        found.append(ticket)
        lastPosition = position
      }
      return found.count < query.limit
    }
    let hasMore: Bool
    if let candidates = query.customerID.map({ byCustomer[$0] }) ?? query.partnerID.map({ byReseller[$0] }) {
      var index = candidates.firstIndex(notBelow: start)
      while index < candidates.count, consider(candidates[index]) { index += 1 }
      hasMore = index + 1 < candidates.count
    } else if let statuses = query.statuses {
      let bitmaps = statuses.compactMap { byStatus[$0] }
      var position = PositionBitmap.nextSet(in: bitmaps, from: start)
      var stopped = false
      while let current = position {
        if !consider(current) {
          stopped = true
          break
        }
        position = PositionBitmap.nextSet(in: bitmaps, from: current + 1)
      }
      hasMore = stopped && PositionBitmap.nextSet(in: bitmaps, from: lastCandidate + 1) != nil
    } else if let since = query.updatedSince {
      let firstHour = Self.hour(of: since)
      var candidates: [Int] = []
      for (hour, members) in byUpdatedHour where hour >= firstHour {
        for position in members where position >= start { candidates.append(position) }
      }
      candidates.sort()
      var index = 0
      while index < candidates.count, consider(candidates[index]) { index += 1 }
      hasMore = index + 1 < candidates.count
    } else {
      var position = start
      while position < tickets.count, consider(position) { position += 1 }
      hasMore = position + 1 < tickets.count
    }
    let more = found.count == query.limit && hasMore
    return TicketPage(tickets: found, nextCursor: more ? TicketCursor(afterSequence: lastPosition) : nil)
  }

  private static func hour(of date: Date) -> Int64 {
    let (quotient, remainder) = Timestamp.milliseconds(date).quotientAndRemainder(dividingBy: 3_600_000)
    return remainder < 0 ? quotient - 1 : quotient
  }
}

/// A set of ticket positions as bits, scanned in ascending order.
package struct PositionBitmap: Sendable {
  private var words: [UInt64] = []
  package private(set) var count = 0

  package init() {}

  package mutating func insert(_ position: Int) {
    let word = position >> 6
    if word >= words.count { words.append(contentsOf: repeatElement(0, count: word - words.count + 1)) }
    let bit = UInt64(1) << UInt64(position & 63)
    if words[word] & bit == 0 {
      words[word] |= bit
      count += 1
    }
  }

  package mutating func remove(_ position: Int) {
    let word = position >> 6
    guard word < words.count else { return }
    let bit = UInt64(1) << UInt64(position & 63)
    if words[word] & bit != 0 {
      words[word] &= ~bit
      count -= 1
    }
  }

  /// The smallest position at or after `start` that is in any of the bitmaps.
  package static func nextSet(in bitmaps: [PositionBitmap], from start: Int) -> Int? {
    guard start >= 0 else { return nextSet(in: bitmaps, from: 0) }
    let wordCount = bitmaps.map(\.words.count).max() ?? 0
    var word = start >> 6
    var mask = ~UInt64(0) << UInt64(start & 63)
    while word < wordCount {
      var combined: UInt64 = 0
      for bitmap in bitmaps where word < bitmap.words.count { combined |= bitmap.words[word] }
      combined &= mask
      if combined != 0 { return word << 6 + combined.trailingZeroBitCount }
      word += 1
      mask = ~0
    }
    return nil
  }
}
