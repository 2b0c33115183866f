import Foundation

/// What a reseller's own panel may read: the tickets of that reseller's customers, as customer views only.
///
/// Hand a reseller's panel this value, never the ``TicketStore`` itself. It is bound to one partner when it
/// is made, and every answer is a ``CustomerTicketView``, which holds no internal event:
///
/// ```swift
/// let access = PartnerTicketAccess(partnerID: "acme", store: store)
/// let page = try await access.tickets(matching: TicketQuery(statuses: [.open], text: "backup", limit: 25))
/// for view in page.tickets { render(view) }      // public events only
/// ```
///
/// - **Scope.** Only tickets whose ``Ticket/resellerID`` is this partner: never another reseller's, never a
///   direct customer's. A query that names another partner throws ``StoreError`` `outsidePartnerScope`. The
///   access also checks each ticket the store returns, so a store that ignores ``TicketQuery/partnerID``
///   still shows a reseller nothing else (its pages are then shorter).
/// - **No internal notes.** Views leave out every internal event, and the search never looks into internal
///   notes (``TicketQuery/searchesInternalNotes`` is ignored), so a reseller cannot learn what a note says
///   from which tickets a search returns.
/// - **Paging.** The other filters of ``TicketQuery`` (customer, status, priority, department, assignee,
///   updated since, text) combine with the scope; cursors page exactly as ``TicketStore/query(_:)`` does.
public struct PartnerTicketAccess: Sendable {
  /// The reseller whose customers' tickets this access reads.
  public let partnerID: PartnerID
  private let store: any TicketStore

  /// Binds an access to one reseller.
  /// - Parameters:
  ///   - partnerID: The reseller (usually the partner signed in to the panel).
  ///   - store: Where the tickets are.
  public init(partnerID: PartnerID, store: any TicketStore) {
    self.partnerID = partnerID
    self.store = store
  }

  /// One page of the reseller's customers' tickets that match `query`, in creation order, as customer views.
  /// - Parameter query: The filters, page size and cursor; its ``TicketQuery/partnerID`` may be left `nil`.
  /// - Returns: The page, with the cursor of the next one.
  /// - Throws: ``StoreError`` `outsidePartnerScope` when the query names another partner, `invalidCursor` for
  ///   a cursor the store did not issue; whatever the store throws.
  /// - Complexity: That of the store's partner-scoped query, plus O(e) to build the views of e events.
  public func tickets(matching query: TicketQuery = TicketQuery()) async throws -> CustomerTicketPage {
    if let requested = query.partnerID, requested != partnerID {
      throw StoreError.outsidePartnerScope(partnerID, requested: requested)
    }
    var scoped = query
    scoped.partnerID = partnerID  // also turns the search of internal notes off
    let page = try await store.query(scoped)
    let views = page.tickets.lazy.filter { scoped.matches($0) }.map(\.customerView)
    return CustomerTicketPage(tickets: Array(views), nextCursor: page.nextCursor)
  }

  /// The customer view of one of the reseller's customers' tickets.
  /// - Parameter id: The ticket's id.
  /// - Returns: The view, or `nil` when there is no such ticket or it is not this reseller's (the two are not
  ///   told apart, so a panel cannot probe for other tickets' ids).
  /// - Throws: Whatever the store throws.
  public func ticket(_ id: TicketID) async throws -> CustomerTicketView? {
    guard let ticket = try await store.ticket(id), ticket.resellerID == partnerID else { return nil }
    return ticket.customerView
  }
}

/// One page of customer views: what ``PartnerTicketAccess`` answers.
///
/// JSON: `{"tickets":[{…customer view…}],"nextCursor":"s41"}` (`nextCursor` is left out on the last page).
public struct CustomerTicketPage: Hashable, Sendable, Codable {
  /// The views of the page's tickets, in creation order.
  public var tickets: [CustomerTicketView]
  /// Pass this as ``TicketQuery/cursor`` for the next page; `nil` when there are no more.
  public var nextCursor: TicketCursor?

  /// Creates a page.
  /// - Parameters:
  ///   - tickets: The views.
  ///   - nextCursor: The cursor of the next page.
  public init(tickets: [CustomerTicketView], nextCursor: TicketCursor?) {
    self.tickets = tickets
    self.nextCursor = nextCursor
  }
}
