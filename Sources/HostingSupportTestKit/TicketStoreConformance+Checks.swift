import Foundation
import SupportTickets

// The checks of the contract that need one store instance.
extension TicketStoreConformance {
  func checkCreateAndFetch(_ store: any TicketStore) async throws {
    var timeline = ConformanceTimeline(ticket: "C-1", customer: "cust-1")
    timeline.add(.agentReply(body: "We are looking at it."))
    let created = try await store.create(timeline.events)
    try require(created.version == 2, "create returned version \(created.version), expected 2")
    try require(created.customerID == "cust-1" && created.status == .open, "create returned the wrong state")
    let fetched = try await store.ticket("C-1")
    try require(fetched == created, "ticket(_:) does not return what create returned")
    try require(try await store.ticket("C-404") == nil, "ticket(_:) of an unknown id is not nil")
  }

  func checkDuplicateTicket(_ store: any TicketStore) async throws {
    let first = ConformanceTimeline(ticket: "D-1", customer: "cust-1")
    let stored = try await store.create(first.events)
    let second = ConformanceTimeline(ticket: "D-1", customer: "cust-2")
    try await requireStoreError(.duplicateTicket, "creating an existing id") {
      _ = try await store.create(second.events)
    }
    try require(try await store.ticket("D-1") == stored, "a refused create changed the stored ticket")
  }

  func checkVersionConflict(_ store: any TicketStore) async throws {
    var timeline = ConformanceTimeline(ticket: "V-1", customer: "cust-1")
    let stored = try await store.create(timeline.events)
    let event = timeline.next(.agentReply(body: "hello"))
    for stale in [0, 2, 5] {
      let error = try await requireStoreError(.versionConflict, "appending with expected version \(stale)") {
        _ = try await store.append([event], to: "V-1", expectedVersion: stale)
      }
      try require(
        error.context["expected"] == String(stale) && error.context["actual"] == "1",
        "versionConflict context is \(error.context), expected expected=\(stale) actual=1")
    }
    try require(try await store.ticket("V-1") == stored, "a conflicting append wrote something")
    let updated = try await store.append([event], to: "V-1", expectedVersion: 1)
    try require(updated.version == 2, "an append with the right version returned version \(updated.version)")
  }

  func checkAtomicAppend(_ store: any TicketStore) async throws {
    var timeline = ConformanceTimeline(ticket: "A-1", customer: "cust-1")
    let stored = try await store.create(timeline.events)
    let reply = timeline.add(.agentReply(body: "Fixed, please check."))
    let resolve = timeline.add(.statusChanged(to: .resolved))
    let refused = timeline.next(.statusChanged(to: .onHold))  // resolved → onHold is not allowed
    do {
      _ = try await store.append([reply, resolve, refused], to: "A-1", expectedVersion: 1)
      throw CheckFailed("an append whose third event breaks the transition table succeeded")
    } catch is TicketError {
    } catch let failed as CheckFailed { throw failed } catch {
      throw CheckFailed("a refused event threw \(error), expected a TicketError")
    }
    try require(try await store.ticket("A-1") == stored, "a refused append wrote some of its events")
    let updated = try await store.append([reply, resolve], to: "A-1", expectedVersion: 1)
    try require(updated.version == 3 && updated.status == .resolved, "a two-event append did not store both")
  }

  func checkDuplicateEvent(_ store: any TicketStore) async throws {
    var timeline = ConformanceTimeline(ticket: "E-1", customer: "cust-1")
    _ = try await store.create(timeline.events)
    let event = timeline.next(.agentReply(body: "hi"))
    try await requireStoreError(.duplicateEvent, "appending one event id twice in a call") {
      _ = try await store.append([event, event], to: "E-1", expectedVersion: 1)
    }
    _ = try await store.append([event], to: "E-1", expectedVersion: 1)
    try await requireStoreError(.duplicateEvent, "appending an event id the timeline has") {
      _ = try await store.append([event], to: "E-1", expectedVersion: 2)
    }
    try await requireStoreError(.ticketNotFound, "appending to an unknown ticket") {
      _ = try await store.append([event], to: "E-404", expectedVersion: 1)
    }
    try require(try await store.ticket("E-1")?.version == 2, "a refused append changed the ticket")
  }

  func checkConcurrentWriters(_ store: any TicketStore) async throws {
    _ = try await store.create(ConformanceTimeline(ticket: "W-1", customer: "cust-1").events)
    let writers = self.writers
    let wins = try await withThrowingTaskGroup(of: Int.self) { group in
      for writer in 0..<writers {
        group.addTask {
          while true {
            guard let current = try await store.ticket("W-1") else { throw CheckFailed("ticket W-1 vanished") }
            await Task.yield()
            let event = TicketEvent(
              id: EventID("w\(writer)"), instant: conformanceStart.addingTimeInterval(60),
              author: .agent(AgentID("agent-\(writer)")), kind: .internalNote(body: "writer \(writer)"))
            do {
              _ = try await store.append([event], to: "W-1", expectedVersion: current.version)
              return current.version  // the version this writer won
            } catch let error as StoreError where error.code == .versionConflict {
              continue  // re-read and retry, as the contract tells callers to
            }
          }
        }
      }
      var won: [Int] = []
      for try await version in group { won.append(version) }
      return won
    }
    guard let ticket = try await store.ticket("W-1") else { throw CheckFailed("ticket W-1 vanished") }
    try require(ticket.version == writers + 1, "\(writers) writers produced version \(ticket.version)")
    let ids = Set(ticket.events.dropFirst().map(\.id.rawValue))
    try require(ids == Set((0..<writers).map { "w\($0)" }), "some writers' events are missing")
    try require(wins.sorted() == Array(1...writers), "a version was won by more than one writer: \(wins.sorted())")
  }

  func checkPagingStability(_ store: any TicketStore) async throws {
    for index in 0..<120 {
      let timeline = ConformanceTimeline(
        ticket: TicketID("P-\(index)"), customer: CustomerID("cust-\(index % 3)"), offset: Double(index))
      _ = try await store.create(timeline.events)
    }
    for customer in [nil, CustomerID("cust-1")] {
      let existing = (0..<120).filter { customer == nil || $0 % 3 == 1 }.map { TicketID("P-\($0)") }
      let writer = Task {
        for round in 0..<150 {
          if round % 2 == 0 {
            let timeline = ConformanceTimeline(
              ticket: TicketID("P-new-\(customer?.rawValue ?? "all")-\(round)"),
              customer: CustomerID("cust-\(round % 3)"))
            _ = try await store.create(timeline.events)
          } else if let ticket = try await store.ticket(TicketID("P-\(round % 120)")) {
            let event = TicketEvent(
              id: EventID("p\(customer?.rawValue ?? "all")\(round)"), instant: ticket.updatedAt.addingTimeInterval(1),
              author: .agent("ana"), kind: .agentReply(body: "progress"))
            _ = try? await store.append([event], to: ticket.id, expectedVersion: ticket.version)
          }
          await Task.yield()
        }
      }
      var seen: [TicketID] = []
      var query = TicketQuery(customerID: customer, limit: 7)
      while true {
        let page = try await store.query(query)
        seen += page.tickets.map(\.id)
        await Task.yield()
        guard let next = page.nextCursor else { break }
        query.cursor = next
      }
      try await writer.value
      let scope = customer.map { "customer \($0)" } ?? "all tickets"
      try require(Set(seen).count == seen.count, "paging \(scope) returned a ticket twice")
      let missing = Set(existing).subtracting(seen)
      try require(missing.isEmpty, "paging \(scope) skipped \(missing.count) tickets, e.g. \(missing.first!)")
      let order = existing.compactMap { seen.firstIndex(of: $0) }
      try require(order == order.sorted(), "paging \(scope) did not keep creation order")
    }
  }

  func checkCustomerScoping(_ store: any TicketStore) async throws {
    var owners: [TicketID: CustomerID] = [:]
    for index in 0..<60 {
      let customer = CustomerID("cust-\((index * 7) % 5)")
      owners[TicketID("S-\(index)")] = customer
      _ = try await store.create(ConformanceTimeline(ticket: TicketID("S-\(index)"), customer: customer).events)
    }
    for number in 0..<6 {
      let customer = CustomerID("cust-\(number)")
      let found = try await store.allTickets(matching: TicketQuery(customerID: customer, limit: 4))
      let strangers = found.filter { $0.customerID != customer }
      try require(strangers.isEmpty, "a query for \(customer) returned \(strangers.map(\.id))")
      let expected = owners.filter { $0.value == customer }.keys
      try require(Set(found.map(\.id)) == Set(expected), "a query for \(customer) missed some of its tickets")
    }
  }

  func checkQueryCriteria(_ store: any TicketStore) async throws {
    var expectations: [(String, TicketQuery, [TicketID])] = []
    var all: [TicketID] = []
    for index in 0..<12 {
      let id = TicketID("Q-\(index)")
      all.append(id)
      var timeline = ConformanceTimeline(
        ticket: id, customer: CustomerID("cust-\(index % 2)"), offset: Double(index) * 3600,
        subject: index == 5 ? "Café menu broken" : "Mail bounce")
      if index % 3 == 1 { timeline.add(.statusChanged(to: .onHold)) }
      if index % 4 == 2 { timeline.add(.priorityChanged(to: .critical)) }
      if index % 4 == 3 { timeline.add(.departmentChanged(to: .billing)) }
      if index % 5 == 4 { timeline.add(.assigneeChanged(to: "bo")) }
      if index == 7 { timeline.add(.internalNote(body: "check backup server")) }
      _ = try await store.create(timeline.events)
    }
    let since = conformanceStart.addingTimeInterval(9 * 3600)
    expectations = [
      ("statuses", TicketQuery(statuses: [.onHold]), all.enumerated().filter { $0.offset % 3 == 1 }.map(\.element)),
      (
        "priorities", TicketQuery(priorities: [.critical]),
        all.enumerated().filter { $0.offset % 4 == 2 }.map(\.element)
      ),
      (
        "departments", TicketQuery(departments: [.billing]),
        all.enumerated().filter { $0.offset % 4 == 3 }.map(\.element)
      ),
      ("assignee", TicketQuery(assignee: "bo"), all.enumerated().filter { $0.offset % 5 == 4 }.map(\.element)),
      ("updatedSince", TicketQuery(updatedSince: since), Array(all[9...])),
      ("text in subject", TicketQuery(text: "CAFE"), [all[5]]),
      ("text in an internal note, customer search", TicketQuery(text: "backup"), []),
      ("text in an internal note, staff search", TicketQuery(text: "backup", searchesInternalNotes: true), [all[7]]),
    ]
    for (name, query, expected) in expectations {
      let found = try await store.allTickets(matching: query).map(\.id)
      try require(found == expected, "query by \(name) returned \(found), expected \(expected)")
    }
  }

  func checkRedaction(_ store: any TicketStore) async throws {
    var timeline = ConformanceTimeline(
      ticket: "R-1", customer: "cust-1", subject: "card 4111 1111 1111 1111",
      body: "My cPanel password: Hunter2!x please fix")
    _ = try await store.create(timeline.events)
    let reply = timeline.next(.customerReply(body: "token=ghp_abcdefghijklmnopqrstuvwxyz0123456789"))
    let returned = try await store.append([reply], to: "R-1", expectedVersion: 1)
    let secrets = ["4111 1111 1111 1111", "Hunter2!x", "ghp_abcdefghijklmnopqrstuvwxyz0123456789"]
    for (source, ticket) in [("append", returned), ("ticket(_:)", try await store.ticket("R-1"))] {
      guard let ticket else { throw CheckFailed("ticket R-1 vanished") }
      let texts = ticket.events.compactMap(\.body) + [ticket.subject]
      for secret in secrets where texts.contains(where: { $0.contains(secret) }) {
        throw CheckFailed("\(source) returned the unredacted secret \(secret)")
      }
    }
    let searchable = try await store.query(TicketQuery(text: "Hunter2!x", searchesInternalNotes: true))
    try require(searchable.tickets.isEmpty, "a redacted password can still be found by a text query")
  }

  func checkInvalidCursor(_ store: any TicketStore) async throws {
    _ = try await store.create(ConformanceTimeline(ticket: "I-1", customer: "cust-1").events)
    // Malformed text, and a position no store holding one ticket can have issued.
    let malformed = ["", "not-a-cursor", "%%%", String(repeating: "z", count: 300), "s-1", "s01", "s 1", "s1x"]
    for raw in malformed + ["s\(Int.max)"] {
      try await requireStoreError(.invalidCursor, "querying with the cursor '\(raw.prefix(20))'") {
        _ = try await store.query(TicketQuery(cursor: TicketCursor(rawValue: raw)))
      }
    }
  }

  func checkBatches(_ store: any TicketStore) async throws {
    let one = ConformanceTimeline(ticket: "B-1", customer: "cust-1")
    let two = ConformanceTimeline(ticket: "B-2", customer: "cust-2")
    let created = await store.create(timelines: [one.events, two.events, one.events])
    try require(created.count == 3, "create(timelines:) returned \(created.count) results for 3 timelines")
    try require((try? created[0].get()) == 1 && (try? created[1].get()) == 1, "batch creates did not succeed")
    try require((try? created[2].get()) == nil, "a batch create of an existing id succeeded")
    var timeline = one
    let first = timeline.add(.agentReply(body: "a"))
    let second = timeline.next(.agentReply(body: "b"))
    let results = await store.append([
      TicketAppend(events: [first], ticketID: "B-1", expectedVersion: 1),
      TicketAppend(events: [second], ticketID: "B-1", expectedVersion: 1),
      TicketAppend(events: [second], ticketID: "B-1", expectedVersion: 2),
    ])
    let outcomes = results.map { try? $0.get() }
    try require(outcomes == [2, nil, 3], "a batch of appends gave \(outcomes), expected [2, nil, 3]")
    try require(try await store.ticket("B-1")?.version == 3, "a batch of appends left the wrong version")
  }
}
