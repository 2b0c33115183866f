import Foundation

/// One page of query results.
public struct TicketPage: Hashable, Sendable, Codable {
  /// The matching tickets, in creation order.
  public var tickets: [Ticket]
  /// Pass this as ``TicketQuery/cursor`` for the next page; `nil` when there are no more.
  public var nextCursor: TicketCursor?

  /// Creates a page.
  /// - Parameters:
  ///   - tickets: The tickets of the page.
  ///   - nextCursor: The cursor of the next page.
  public init(tickets: [Ticket], nextCursor: TicketCursor?) {
    self.tickets = tickets
    self.nextCursor = nextCursor
  }
}

extension TicketQuery {
  /// The creation sequence number a page of this query starts at: `0` for the first page, one past the
  /// cursor's number otherwise. A store's ``TicketStore/query(_:)`` examines tickets from there on.
  ///
  /// ```swift
  /// let start = try query.startSequence(nextSequence: tickets.count)  // tickets numbered 0, 1, 2…
  /// ```
  /// - Parameter nextSequence: The sequence number the store would give the next ticket it creates (the
  ///   number of tickets, for a store that numbers them from 0). A cursor at or past it was not issued by
  ///   this store.
  /// - Returns: The first sequence number to examine.
  /// - Throws: ``StoreError`` `invalidCursor` for a cursor the store could not have issued (see
  ///   ``TicketCursor``).
  public func startSequence(nextSequence: Int) throws(StoreError) -> Int {
    guard let cursor else { return 0 }
    let sequence = try cursor.sequence()
    guard sequence < nextSequence else {
      throw StoreError.invalidCursor("'\(cursor.rawValue.prefix(40))' points past the end of this store")
    }
    return sequence + 1
  }
}

/// Collects one page of a ``TicketQuery`` from candidate tickets: the matching, the page size and the
/// next cursor of a store's ``TicketStore/query(_:)``, so a store only has to fetch candidates.
///
/// Offer the tickets from ``TicketQuery/startSequence(nextSequence:)`` on, in ascending creation
/// sequence, until ``offer(_:sequence:)`` returns `false`; then read ``page``. Candidates may be every
/// ticket or any superset of the matches (a customer's tickets, one status's): each is tested with
/// ``TicketQuery/matches(_:)``.
///
/// ```swift
/// var builder = TicketPageBuilder(for: query)
/// for sequence in try query.startSequence(nextSequence: tickets.count)..<tickets.count {
///   guard builder.offer(tickets[sequence], sequence: sequence) else { break }
/// }
/// return builder.page
/// ```
///
/// A full page gets a ``TicketPage/nextCursor`` when a candidate follows its last ticket (the next page
/// may then be empty); a page that is not full is the last one.
public struct TicketPageBuilder: Sendable {
  /// The query being answered.
  public let query: TicketQuery
  private var tickets: [Ticket] = []
  private var lastSequence = -1
  private var lastOffered = -1
  private var hasMore = false

  /// Starts an empty page.
  /// - Parameter query: The query being answered.
  public init(for query: TicketQuery) {
    self.query = query
  }

  /// Offers the next candidate, which joins the page if it matches the query.
  /// - Parameters:
  ///   - ticket: The candidate.
  ///   - sequence: Its creation sequence number, greater than that of every earlier candidate.
  /// - Returns: `false` once the page is full and this candidate is not needed: stop offering.
  /// - Complexity: That of ``TicketQuery/matches(_:)``.
  public mutating func offer(_ ticket: Ticket, sequence: Int) -> Bool {
    assert(sequence > lastOffered, "candidates are offered in ascending creation sequence")
    lastOffered = sequence
    guard tickets.count < query.limit else {
      hasMore = true
      return false
    }
    if query.matches(ticket) {
      tickets.append(ticket)
      lastSequence = sequence
    }
    return true
  }

  /// The page: the matching candidates, with a cursor after the last one when more candidates followed.
  public var page: TicketPage {
    TicketPage(tickets: tickets, nextCursor: hasMore ? TicketCursor(afterSequence: lastSequence) : nil)
  }
}
