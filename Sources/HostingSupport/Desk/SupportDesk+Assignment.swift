import Foundation

extension SupportDesk {
  /// Assigns a ticket to an agent, or unassigns it (`nil`). Staff only; never shown to the customer. Reports
  /// attribute solved tickets to their assignee (see `SLAComplianceReport.byAgent`).
  /// - Parameters:
  ///   - ticketID: The ticket.
  ///   - agent: The agent, or `nil`.
  ///   - author: Who assigned it (an agent, or the system for automatic routing).
  ///   - instant: When (default: the desk's date provider).
  /// - Returns: The updated ticket and its SLA.
  /// - Throws: ``HostingSupportError`` `notFound`; `TicketError` for a closed ticket or a customer author;
  ///   `StoreError`.
  public func assign(_ ticketID: TicketID, to agent: AgentID?, by author: TicketAuthor, at instant: Date? = nil)
    async throws -> TicketUpdate
  {
    try await append(.assigneeChanged(to: agent), by: author, to: ticketID, at: instant)
  }
}
