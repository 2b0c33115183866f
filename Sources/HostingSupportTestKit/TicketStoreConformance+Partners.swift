import Foundation
import SupportTickets

// The checks of partner-scoped access: a reseller's panel sees its own customers' tickets and nothing else.
extension TicketStoreConformance {
  /// The reseller of each test customer: two each for `acme` and `globex`, two direct customers.
  private static let resellers: [CustomerID: PartnerID?] = [
    "cust-0": "acme", "cust-1": "acme", "cust-2": "globex", "cust-3": "globex", "cust-4": nil, "cust-5": nil,
  ]

  /// Creates 36 tickets of six customers; every third one on hold. Returns the stored tickets in creation order.
  private func createPartnerTickets(_ store: any TicketStore, prefix: String) async throws -> [Ticket] {
    var created: [Ticket] = []
    for index in 0..<36 {
      let customer = CustomerID("cust-\((index * 5) % 6)")
      var timeline = ConformanceTimeline(
        ticket: TicketID("\(prefix)-\(index)"), customer: customer, offset: Double(index) * 60,
        reseller: Self.resellers[customer] ?? nil)
      if index % 3 == 0 { timeline.add(.statusChanged(to: .onHold)) }
      created.append(try await store.create(timeline.events))
    }
    return created
  }

  func checkPartnerScoping(_ store: any TicketStore) async throws {
    let all = try await createPartnerTickets(store, prefix: "PS")
    for partner in [PartnerID("acme"), "globex", "initech"] {
      let expected = all.filter { $0.resellerID == partner }.map(\.id)
      let found = try await store.allTickets(matching: TicketQuery(partnerID: partner, limit: 4))
      let strangers = found.filter { $0.resellerID != partner }
      try require(
        strangers.isEmpty,
        "a query for partner \(partner) returned \(strangers.count) tickets of others, e.g. \(strangers.first!.id) "
          + "(\(strangers.first!.resellerID.map { "partner \($0)" } ?? "a direct customer"))")
      try require(
        found.map(\.id) == expected,
        "a query for partner \(partner) returned \(found.map(\.id)), expected \(expected) in creation order")
    }
    let combined: [(String, TicketQuery, [TicketID])] = [
      (
        "partner and status", TicketQuery(partnerID: "acme", statuses: [.onHold], limit: 2),
        all.filter { $0.resellerID == "acme" && $0.status == .onHold }.map(\.id)
      ),
      (
        "partner and its customer", TicketQuery(customerID: "cust-1", partnerID: "acme", limit: 2),
        all.filter { $0.customerID == "cust-1" }.map(\.id)
      ),
      ("partner and another partner's customer", TicketQuery(customerID: "cust-2", partnerID: "acme"), []),
      ("partner and a direct customer", TicketQuery(customerID: "cust-4", partnerID: "globex"), []),
      (
        "partner and updated since",
        TicketQuery(partnerID: "globex", updatedSince: conformanceStart.addingTimeInterval(20 * 60), limit: 3),
        all.filter { $0.resellerID == "globex" && $0.updatedAt >= conformanceStart.addingTimeInterval(20 * 60) }
          .map(\.id)
      ),
    ]
    for (name, query, expected) in combined {
      let found = try await store.allTickets(matching: query).map(\.id)
      try require(found == expected, "a query by \(name) returned \(found), expected \(expected)")
    }
  }

  func checkPartnerInternalNotes(_ store: any TicketStore) async throws {
    var own = ConformanceTimeline(ticket: "PN-1", customer: "cust-0", reseller: "acme")
    own.add(.internalNote(body: "root password rotated on sh12"))
    own.add(.agentReply(body: "We are on it."))
    _ = try await store.create(own.events)
    var other = ConformanceTimeline(ticket: "PN-2", customer: "cust-2", subject: "sh12 slow", reseller: "globex")
    other.add(.internalNote(body: "sh12 overloaded"))
    _ = try await store.create(other.events)
    var direct = ConformanceTimeline(ticket: "PN-3", customer: "cust-4", subject: "sh12 down")
    direct.add(.internalNote(body: "sh12 reboot"))
    _ = try await store.create(direct.events)
    var probe = TicketQuery(partnerID: "acme", text: "sh12", limit: 5)
    probe.searchesInternalNotes = true
    let probed = try await store.allTickets(matching: probe).map(\.id)
    try require(probed.isEmpty, "a partner-scoped search found \(probed) by the text of an internal note")
    let access = PartnerTicketAccess(partnerID: "acme", store: store)
    let page = try await access.tickets(matching: TicketQuery(text: "on it", searchesInternalNotes: true))
    try require(page.tickets.map(\.id) == ["PN-1"], "partner access returned \(page.tickets.map(\.id)), expected PN-1")
    let leaked = page.tickets.flatMap(\.events).filter { $0.visibility != .public }
    try require(leaked.isEmpty, "partner access returned \(leaked.count) internal events")
    try require(
      try await access.ticket("PN-1")?.events.count == 2, "partner access to its ticket is not the customer view")
    for id in [TicketID("PN-2"), "PN-3", "PN-404"] {
      try require(try await access.ticket(id) == nil, "partner access to \(id) returned a ticket")
    }
    try await requireStoreError(.outsidePartnerScope, "partner access with another partner's query") {
      _ = try await access.tickets(matching: TicketQuery(partnerID: "globex"))
    }
  }

  func checkResellerMoves(_ store: any TicketStore) async throws {
    let all = try await createPartnerTickets(store, prefix: "PM")
    // cust-1 leaves acme for globex; one of their tickets is closed first and stays with acme.
    let tickets = all.filter { $0.customerID == "cust-1" }
    guard let closing = tickets.first else { throw CheckFailed("no ticket of cust-1 was created") }
    let close = TicketEvent(
      id: "pm-close", instant: closing.updatedAt.addingTimeInterval(60), author: .agent("ana"),
      kind: .statusChanged(to: .closed))
    _ = try await store.append([close], to: closing.id, expectedVersion: closing.version)
    let moment = conformanceStart.addingTimeInterval(86_400)
    let moved = try await store.moveTickets(ofCustomer: "cust-1", toReseller: "globex", at: moment)
    let movedIDs = tickets.dropFirst().map(\.id)
    try require(moved.map(\.id) == movedIDs, "moveTickets moved \(moved.map(\.id)), expected \(movedIDs)")
    try require(moved.allSatisfy { $0.resellerID == "globex" }, "a moved ticket does not name its new reseller")
    let again = try await store.moveTickets(ofCustomer: "cust-1", toReseller: "globex", at: moment)
    try require(again.isEmpty, "moving cust-1 a second time moved \(again.map(\.id)) again")
    let owner: (Ticket) -> PartnerID? = { ticket in
      ticket.customerID == "cust-1" && ticket.id != closing.id ? "globex" : Self.resellers[ticket.customerID] ?? nil
    }
    for partner in [PartnerID("acme"), "globex"] {
      let expected = all.filter { owner($0) == partner }.map(\.id)
      let found = try await store.allTickets(matching: TicketQuery(partnerID: partner, limit: 3)).map(\.id)
      try require(
        found == expected, "after the move, partner \(partner) sees \(found), expected \(expected) in creation order")
    }
    let direct = try await store.moveTickets(ofCustomer: "cust-3", toReseller: nil, at: moment)
    try require(direct.count == 6, "moving cust-3 to direct moved \(direct.count) tickets, expected 6")
    let globex = try await store.allTickets(matching: TicketQuery(customerID: "cust-3", partnerID: "globex"))
    try require(globex.isEmpty, "a customer who became direct still has \(globex.count) tickets in globex's scope")
  }
}
