import Foundation

extension TicketStore {
  /// Moves a customer's tickets that are not closed to the customer's new reseller: call it after the
  /// customer changed reseller (or became a direct customer), once their profile says so.
  ///
  /// Each moved ticket gets a ``TicketEvent/Kind/resellerChanged(to:)`` event, so the move is part of its
  /// history. Closed tickets stay with the reseller that handled them: they are final, like a Zendesk ticket
  /// that keeps the organisation it was solved under, and they remain in that reseller's records. Resolved
  /// tickets move, since a customer reply would reopen them for the new reseller to answer.
  ///
  /// Idempotent: tickets already with `resellerID` are left alone, so running it again after a failure, or
  /// after a ticket was opened with the old reseller while it ran, finishes the move. A ticket changed by
  /// someone else meanwhile is read again and retried.
  /// - Parameters:
  ///   - customerID: The customer who changed reseller.
  ///   - resellerID: Their new reseller, or `nil` for a direct customer.
  ///   - instant: When the change took effect (a ticket updated later gets the event at its last update).
  ///   - author: Who moved them: the system (the default) or an agent; never the customer.
  /// - Returns: The moved tickets as stored, in creation order.
  /// - Throws: What the store throws; ``StoreError`` `versionConflict` when a ticket kept changing through
  ///   five attempts (the tickets moved before it stay moved; call again).
  /// - Complexity: One customer-scoped query, then one append per moved ticket.
  public func moveTickets(
    ofCustomer customerID: CustomerID, toReseller resellerID: PartnerID?, at instant: Date,
    author: TicketAuthor = .system
  ) async throws -> [Ticket] {
    let open = Set(TicketStatus.allCases).subtracting([.closed])
    var moved: [Ticket] = []
    for found in try await allTickets(matching: TicketQuery(customerID: customerID, statuses: open)) {
      var current = found
      for attempt in 1...5 {
        guard current.status != .closed, current.resellerID != resellerID else { break }
        let event = TicketEvent(
          id: EventID(derived: "\(current.id.rawValue)-reseller-\(current.version)"),
          instant: max(instant, current.updatedAt), author: author, kind: .resellerChanged(to: resellerID))
        do {
          moved.append(try await append([event], to: current.id, expectedVersion: current.version))
          break
        } catch let error as StoreError where error.code == .versionConflict && attempt < 5 {
          guard let fresh = try await ticket(current.id) else { break }
          current = fresh
        }
      }
    }
    return moved
  }
}
