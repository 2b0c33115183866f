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
