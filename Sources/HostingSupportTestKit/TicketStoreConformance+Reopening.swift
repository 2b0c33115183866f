import Foundation
import SupportTickets

// The check that closes a store and opens its location again.
extension TicketStoreConformance {
  /// Writes a bit of everything, reopens, compares; writes more on the reopened store, reopens, compares.
  func checkReopening(_ instance: any StoreInstance) async throws {
    var store = await instance.store
    for round in 0..<2 {
      try await writeHistory(to: store, round: round)
      let before = try await ReopeningSnapshot(of: store)
      store = try await instance.reopen()
      let when = round == 0 ? "after reopening" : "after reopening a second time"
      try await before.requireSame(in: store, when)
      try await requireRulesStillHold(in: store, tickets: before.tickets, when)
    }
  }

  /// Creates tickets one by one and in a batch, appends single events, several at once and in a batch, with
  /// every kind of change, internal notes, a secret, and one timeline long enough to need an id index.
  private func writeHistory(to store: any TicketStore, round: Int) async throws {
    var timelines: [ConformanceTimeline] = []
    for index in 0..<9 {
      var timeline = ConformanceTimeline(
        ticket: TicketID("RO-\(round)-\(index)"), customer: CustomerID("cust-\(index % 3)"),
        offset: Double(round * 100 + index) * 60, subject: index == 4 ? "Backup restore" : "Mail bounce")
      if index % 3 == 0 { timeline.add(.agentReply(body: "Looking into it.")) }
      _ = try await store.create(timeline.events)
      timelines.append(timeline)
    }
    for (index, kind) in changes.enumerated() {
      let event = timelines[index].add(kind)
      let id = TicketID("RO-\(round)-\(index)")
      _ = try await store.append([event], to: id, expectedVersion: timelines[index].events.count - 1)
    }
    let long = TicketID("RO-\(round)-8")
    let notes = (0..<30).map { timelines[8].add(.internalNote(body: "check \($0)")) }
    _ = try await store.append(notes, to: long, expectedVersion: timelines[8].events.count - notes.count)
    let batch = (9..<12).map {
      ConformanceTimeline(
        ticket: TicketID("RO-\(round)-\($0)"), customer: "cust-1", offset: Double(round * 100 + $0) * 60)
    }
    for result in await store.create(timelines: batch.map(\.events)) { _ = try result.get() }
    let appends = (0..<3).map { index in
      TicketAppend(
        events: [timelines[index].add(.assigneeChanged(to: "bo"))], ticketID: TicketID("RO-\(round)-\(index)"),
        expectedVersion: timelines[index].events.count - 1)
    }
    for result in await store.append(appends) { _ = try result.get() }
  }

  private var changes: [TicketEvent.Kind] {
    [
      .statusChanged(to: .resolved), .priorityChanged(to: .critical), .departmentChanged(to: .billing),
      .internalNote(body: "backup server sh12"), .customerReply(body: "My password: Hunter2!x"),
      .statusChanged(to: .onHold), .agentReply(body: "Restarted."),
    ]
  }

  /// After reopening, the store still refuses stale versions, repeated ids and taken ticket ids, and new
  /// tickets still come after the old ones.
  private func requireRulesStillHold(in store: any TicketStore, tickets: [Ticket], _ when: String) async throws {
    guard let ticket = tickets.first, let lastEvent = ticket.events.last else { return }
    let event = TicketEvent(
      id: EventID("after-reopen-\(ticket.version)"), instant: ticket.updatedAt.addingTimeInterval(60),
      author: .agent("ana"), kind: .internalNote(body: "still here"))
    try await requireStoreError(.versionConflict, "\(when), appending to \(ticket.id) with a stale version") {
      _ = try await store.append([event], to: ticket.id, expectedVersion: ticket.version - 1)
    }
    try await requireStoreError(.duplicateEvent, "\(when), appending the event id \(lastEvent.id) again") {
      _ = try await store.append([lastEvent], to: ticket.id, expectedVersion: ticket.version)
    }
    let opening = ConformanceTimeline(ticket: ticket.id, customer: "cust-9")
    try await requireStoreError(.duplicateTicket, "\(when), creating \(ticket.id) again") {
      _ = try await store.create(opening.events)
    }
    let appended = try await store.append([event], to: ticket.id, expectedVersion: ticket.version)
    try require(appended.version == ticket.version + 1, "\(when), an append returned version \(appended.version)")
    let newcomer = TicketID("RO-new-\(tickets.count)")
    _ = try await store.create(ConformanceTimeline(ticket: newcomer, customer: "cust-0").events)
    let order = try await store.allTickets().map(\.id)
    try require(
      order == tickets.map(\.id) + [newcomer],
      "\(when), a ticket created after reopening is not last in creation order")
  }
}

/// What a store returned before it was closed: every ticket, pages with their cursors, some queries.
private struct ReopeningSnapshot {
  let tickets: [Ticket]
  let pages: [[TicketID]]
  let cursors: [TicketCursor]
  let queries: [(String, TicketQuery, [TicketID])]

  private static let pageQuery = TicketQuery(customerID: "cust-1", limit: 2)
  private static let criteria: [(String, TicketQuery)] = [
    ("statuses", TicketQuery(statuses: [.resolved, .onHold])),
    ("priorities", TicketQuery(priorities: [.critical])),
    ("assignee", TicketQuery(assignee: "bo")),
    ("text in a subject", TicketQuery(text: "backup")),
    ("text in an internal note", TicketQuery(text: "sh12", searchesInternalNotes: true)),
    ("a redacted secret", TicketQuery(text: "Hunter2!x", searchesInternalNotes: true)),
  ]

  init(of store: any TicketStore) async throws {
    tickets = try await store.allTickets()
    var pages: [[TicketID]] = []
    var cursors: [TicketCursor] = []
    var query = Self.pageQuery
    while true {
      let page = try await store.query(query)
      pages.append(page.tickets.map(\.id))
      guard let next = page.nextCursor else { break }
      cursors.append(next)
      query.cursor = next
    }
    self.pages = pages
    self.cursors = cursors
    var queries: [(String, TicketQuery, [TicketID])] = []
    for (name, query) in Self.criteria {
      queries.append((name, query, try await store.allTickets(matching: query).map(\.id)))
    }
    self.queries = queries
  }

  func requireSame(in store: any TicketStore, _ when: String) async throws {
    let found = try await store.allTickets()
    try require(
      found.map(\.id) == tickets.map(\.id),
      "\(when), the store lists \(found.count) tickets in this order: \(found.map(\.id).prefix(8))…, expected "
        + "\(tickets.count): \(tickets.map(\.id).prefix(8))…")
    for (old, new) in zip(tickets, found) where old != new {
      throw CheckFailed(
        "\(when), ticket \(old.id) has \(new.version) events (was \(old.version)) or different ones")
    }
    for old in tickets {
      let fetched = try await store.ticket(old.id)
      try require(
        fetched == old,
        "\(when), ticket(_:) of \(old.id) returns \(fetched?.version ?? 0) events, "
          + "expected the \(old.version) written before")
    }
    for (index, cursor) in cursors.enumerated() {
      var query = Self.pageQuery
      query.cursor = cursor
      let page = try await store.query(query).tickets.map(\.id)
      try require(
        page == pages[index + 1],
        "\(when), the cursor '\(cursor.rawValue)' issued before resumes at \(page), expected \(pages[index + 1])")
    }
    for (name, query, expected) in queries {
      let matching = try await store.allTickets(matching: query).map(\.id)
      try require(matching == expected, "\(when), a query by \(name) returns \(matching), expected \(expected)")
    }
  }
}
