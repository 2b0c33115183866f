import Foundation

/// Which tickets to return from ``TicketStore/query(_:)``. Every set criterion must match (AND).
///
/// Results come in a stable order, the order in which the tickets were created, so paging while other
/// writers change tickets never repeats or skips a ticket that existed when paging began.
public struct TicketQuery: Hashable, Sendable {
  /// Only this customer's tickets. Set it for every customer-facing read.
  public var customerID: CustomerID?
  /// Only tickets in one of these statuses.
  public var statuses: Set<TicketStatus>?
  /// Only tickets with one of these priorities.
  public var priorities: Set<Priority>?
  /// Only tickets in one of these departments.
  public var departments: Set<Department>?
  /// Only tickets assigned to this agent.
  public var assignee: AgentID?
  /// Only tickets whose last event is at or after this instant.
  public var updatedSince: Date?
  /// Only tickets whose subject or public messages contain this text (case- and diacritic-insensitive).
  public var text: String?
  /// Whether ``text`` also searches internal notes (staff searches only; never for a customer).
  public var searchesInternalNotes: Bool
  /// The most tickets one page holds (1…1000).
  public var limit: Int
  /// Where the previous page ended; `nil` for the first page.
  public var cursor: TicketCursor?

  /// Creates a query.
  /// - Parameters:
  ///   - customerID: Only this customer's tickets.
  ///   - statuses: Only these statuses.
  ///   - priorities: Only these priorities.
  ///   - departments: Only these departments.
  ///   - assignee: Only this agent's tickets.
  ///   - updatedSince: Only tickets updated at or after this instant.
  ///   - text: Only tickets containing this text.
  ///   - searchesInternalNotes: Whether `text` searches internal notes too.
  ///   - limit: Page size, clamped to 1…1000.
  ///   - cursor: The previous page's ``TicketPage/nextCursor``.
  public init(
    customerID: CustomerID? = nil,
    statuses: Set<TicketStatus>? = nil,
    priorities: Set<Priority>? = nil,
    departments: Set<Department>? = nil,
    assignee: AgentID? = nil,
    updatedSince: Date? = nil,
    text: String? = nil,
    searchesInternalNotes: Bool = false,
    limit: Int = 100,
    cursor: TicketCursor? = nil
  ) {
    self.customerID = customerID
    self.statuses = statuses
    self.priorities = priorities
    self.departments = departments
    self.assignee = assignee
    self.updatedSince = updatedSince
    self.text = text
    self.searchesInternalNotes = searchesInternalNotes
    self.limit = min(max(limit, 1), 1000)
    self.cursor = cursor
  }

  /// Whether a ticket matches every criterion (the cursor and limit aside).
  /// - Parameter ticket: The ticket to test.
  /// - Returns: `true` when it matches.
  /// - Complexity: O(1), or O(total text length) when ``text`` is set.
  public func matches(_ ticket: Ticket) -> Bool {
    if let customerID, ticket.customerID != customerID { return false }
    if let statuses, !statuses.contains(ticket.status) { return false }
    if let priorities, !priorities.contains(ticket.priority) { return false }
    if let departments, !departments.contains(ticket.department) { return false }
    if let assignee, ticket.assignee != assignee { return false }
    if let updatedSince, ticket.updatedAt < updatedSince { return false }
    if let text, !text.isEmpty {
      let options: String.CompareOptions = [.caseInsensitive, .diacriticInsensitive]
      if ticket.subject.range(of: text, options: options) != nil { return true }
      return ticket.events.contains { event in
        guard event.visibility == .public || searchesInternalNotes, let body = event.body else { return false }
        return body.range(of: text, options: options) != nil
      }
    }
    return true
  }
}

/// An opaque position in a store's stable order, returned with each page.
///
/// Stores encode their own position in it (shipped stores use the creation sequence number); hosts pass
/// it back unchanged.
public struct TicketCursor: RawRepresentable, Hashable, Sendable, Codable {
  /// The encoded position.
  public let rawValue: String
  /// Wraps an encoded position.
  public init(rawValue: String) { self.rawValue = rawValue }

  /// A cursor that resumes after the ticket created with sequence number `sequence`.
  /// - Parameter sequence: The creation sequence number of the last ticket returned.
  package init(afterSequence sequence: Int) { rawValue = "s\(sequence)" }

  /// The sequence number encoded by ``init(afterSequence:)``.
  /// - Throws: ``StoreError`` `invalidCursor` for any other text.
  package func sequence() throws -> Int {
    guard rawValue.first == "s", let value = Int(rawValue.dropFirst()), value >= 0 else {
      throw StoreError.invalidCursor("'\(rawValue.prefix(40))' was not issued by this store")
    }
    return value
  }
}

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
