import SupportTickets

extension PostgresTicketStore {
  /// One page of matching tickets, in creation order. See `TicketStore.query(_:)`.
  ///
  /// The filters other than text run in SQL, on indexes that end with the creation sequence number; every
  /// candidate is then checked with `TicketQuery.matches`, the kit's own matching, so results are exactly
  /// those of the in-memory store. A page's cursor is `s<seq>`, the creation sequence number of its last
  /// ticket (`TicketCursor(afterSequence:)`); the next page starts after it. A cursor past the last ticket ever
  /// created, or text that is not such a cursor (`TicketCursor.sequence()`), throws `StoreError` `invalidCursor`.
  /// - Complexity: One statement per batch of candidates. Without text, one batch of `limit + 1` rows read
  ///   from an index; with text, batches of at least 200 candidates until the page is full.
  public func query(_ query: TicketQuery) async throws -> TicketPage {
    // The cursor's text is checked before a connection is taken; its place against the store's end inside.
    let start = try query.cursor.map { try $0.sequence() }
    let filters = Self.filterValues(of: query)
    let searchesText = !(query.text ?? "").isEmpty
    let batchSize = searchesText ? max(query.limit + 1, 200) : query.limit + 1
    return try await storeErrors {
      try await pool.run { connection in
        if start != nil {
          let last = try connection.execute(TicketStatements.lastSequence).single().int(0)
          _ = try query.startSequence(nextSequence: last + 1)  // throws for a cursor past the last ticket
        }
        var found: [Ticket] = []
        var lastFound = start ?? 0
        var position = start ?? 0
        while true {
          let rows = try connection.execute(
            TicketStatements.candidates, [.int64(Int64(position))] + filters + [.int64(Int64(batchSize))])
          for row in rows {
            if found.count == query.limit {
              return TicketPage(tickets: found, nextCursor: TicketCursor(afterSequence: lastFound))
            }
            position = try row.int(0)
            let id = try TicketID(validating: try row.string(1))
            let ticket = try Self.decodeTicket(id, version: try row.int(2), timeline: try row.optionalString(3))
            if query.matches(ticket) {
              found.append(ticket)
              lastFound = position
            }
          }
          if rows.count < batchSize { return TicketPage(tickets: found, nextCursor: nil) }
        }
      }
    }
  }

  /// `$2`…`$8` of ``TicketStatements/candidates``: `NULL` for each criterion the query leaves open.
  ///
  /// `updatedSince` is rounded down to the microsecond so that SQL selects a superset; the exact comparison
  /// is `TicketQuery.matches`'.
  static func filterValues(of query: TicketQuery) -> [PostgresValue] {
    [
      .text(query.customerID?.rawValue),
      .textArray(query.statuses.map { $0.map(\.rawValue).sorted() }),
      .textArray(query.priorities.map { $0.map(\.rawValue).sorted() }),
      .textArray(query.departments.map { $0.map(\.rawValue).sorted() }),
      .text(query.assignee?.rawValue),
      .timestamp(query.updatedSince, rounding: .down),
      .text(query.partnerID?.rawValue),
    ]
  }
}
