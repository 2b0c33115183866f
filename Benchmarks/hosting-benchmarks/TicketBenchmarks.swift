import Foundation
import SupportTickets

/// Workloads for SupportTickets (issue 3).
func ticketBenchmarks() -> [Benchmark] {
  let queryFixture = CustomerQueryFixture()
  return [
    Benchmark(
      name: "tickets.store-create-100k-append-1M",
      summary: "create 100k tickets, append 1M events (1 call each, 1 in 500 with a secret) in memory",
      operations: 1_000_000,
      unit: "events",
      goal: .throughput(atLeast: 1_000_000),
      iterations: 3,
      prepare: {
        let workload = TicketWorkload(tickets: 100_000, eventsPerTicket: 10, seed: 3)
        let store = InMemoryTicketStore()
        return {
          var versions = 0
          for opening in workload.openings { versions &+= try await store.create([opening]).version }
          for (index, event) in workload.appended.enumerated() {
            let ticket = workload.appendTargets[index]
            versions &+=
              try await store.append([event], to: ticket, expectedVersion: workload.expectedVersions[index]).version
          }
          blackHole(versions)
        }
      }
    ),
    Benchmark(
      name: "tickets.store-append-1M-batched",
      summary: "the same workload through create(timelines:) and append(_:) in batches of 10k (for comparison)",
      operations: 1_000_000,
      unit: "events",
      iterations: 3,
      prepare: {
        let workload = TicketWorkload(tickets: 100_000, eventsPerTicket: 10, seed: 3)
        let store = InMemoryTicketStore()
        return {
          // Check the results, then let them go: a kept copy would make the next append copy the timeline.
          let created = await store.create(timelines: workload.openings.map { [$0] })
            .allSatisfy { (try? $0.get()) != nil }
          guard created else { throw BenchmarkFailure("a create failed") }
          var batch: [TicketAppend] = []
          batch.reserveCapacity(10_000)
          for (index, event) in workload.appended.enumerated() {
            batch.append(
              TicketAppend(
                events: [event], ticketID: workload.appendTargets[index],
                expectedVersion: workload.expectedVersions[index]))
            if batch.count == 10_000 {
              let results = await store.append(batch)
              guard results.allSatisfy({ (try? $0.get()) != nil }) else { throw BenchmarkFailure("an append failed") }
              batch.removeAll(keepingCapacity: true)
            }
          }
          if !batch.isEmpty { _ = await store.append(batch) }
          blackHole(await store.count)
        }
      }
    ),
    Benchmark(
      name: "tickets.fold-1M-events",
      summary: "fold 100k timelines of 10 events (1M events) into tickets",
      operations: 1_000_000,
      unit: "events",
      goal: .throughput(atLeast: 5_000_000),
      prepare: {
        let timelines = TicketWorkload(tickets: 100_000, eventsPerTicket: 10, seed: 5).timelines
        return {
          var versions = 0
          for timeline in timelines { versions &+= try Ticket(events: timeline).version }
          guard versions == 1_000_000 else { throw BenchmarkFailure("folded \(versions) events, not 1M") }
          blackHole(versions)
        }
      }
    ),
    Benchmark(
      name: "tickets.customer-query-1M-tickets",
      summary: "customer-scoped query among 1M tickets (100k customers × 10), 1000 queries",
      operations: 1_000,
      unit: "queries",
      goal: .latency(atMost: 0.001),
      prepareOperation: {
        let store = try await queryFixture.store()
        var generator = SeededGenerator(seed: 11)
        let customers = (0..<1_000).map { _ in CustomerID("cust-\(Int.random(in: 0..<100_000, using: &generator))") }
        return { index in
          let page = try await store.query(TicketQuery(customerID: customers[index], statuses: [.open], limit: 50))
          guard page.tickets.count == 10 else { throw BenchmarkFailure("expected 10 tickets of \(customers[index])") }
          blackHole(page.tickets.count)
        }
      }
    ),
  ]
}

/// Builds the 1M-ticket store once and shares it between runs (queries do not change it).
private actor CustomerQueryFixture {
  private var built: InMemoryTicketStore?

  func store() async throws -> InMemoryTicketStore {
    if let built { return built }
    let store = InMemoryTicketStore()
    let start = Date(timeIntervalSince1970: 1_790_000_000)
    var timelines: [[TicketEvent]] = []
    timelines.reserveCapacity(10_000)
    for index in 0..<1_000_000 {
      let opening = TicketOpening(
        ticketID: TicketID("T\(index)"), customerID: CustomerID("cust-\(index % 100_000)"),
        subject: "Mail bounce", body: "Mail to my domain bounces.")
      timelines.append([
        TicketEvent(
          id: "e0", instant: start.addingTimeInterval(Double(index)), author: .customer(opening.customerID),
          kind: .created(opening))
      ])
      if timelines.count == 10_000 {
        _ = await store.create(timelines: timelines)
        timelines.removeAll(keepingCapacity: true)
      }
    }
    built = store
    return store
  }
}

/// A deterministic help-desk workload: openings, then replies, notes and status moves that are all valid.
private struct TicketWorkload {
  var openings: [TicketEvent] = []
  var appended: [TicketEvent] = []
  var appendTargets: [TicketID] = []
  var expectedVersions: [Int] = []
  var timelines: [[TicketEvent]] = []

  private static let customerBodies = [
    "My website shows a 500 error since this morning, please help.",
    "Still not working, I cleared the cache as you asked.",
    "Terima kasih, laman web saya sudah pulih.",
    "Order 20261123-4471 was charged twice, can you refund one?",
    "ເວັບໄຊຂອງຂ້ອຍໃຊ້ງານບໍ່ໄດ້",
  ]
  /// About one customer message in 500 carries a secret the store must redact.
  private static let secretBody = "The new password: Sunset#2026 does not work for FTP."
  private static let agentBodies = [
    "We restarted PHP-FPM on your server; the site loads again.",
    "Could you send us the exact error message and the time it happened?",
    "The duplicate charge has been refunded, it takes 3-5 business days.",
  ]
  private static let notes = [
    "Checked the logs on web-12: out of memory at 09:14.",
    "Escalated to the network team.",
  ]

  init(tickets: Int, eventsPerTicket: Int, seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    let start = Date(timeIntervalSince1970: 1_790_000_000)
    openings.reserveCapacity(tickets)
    timelines.reserveCapacity(tickets)
    let total = tickets * (eventsPerTicket - 1)
    appended.reserveCapacity(total)
    appendTargets.reserveCapacity(total)
    expectedVersions.reserveCapacity(total)
    for index in 0..<tickets {
      let ticketID = TicketID("T\(index)")
      let customer = CustomerID("cust-\(index % 20_000)")
      let agent = AgentID("agent-\(index % 40)")
      var instant = start.addingTimeInterval(Double(index))
      let opening = TicketEvent(
        id: "e0", instant: instant, author: .customer(customer),
        kind: .created(
          TicketOpening(
            ticketID: ticketID, customerID: customer, subject: "Site down on web-\(index % 50)",
            body: Self.customerBodies[index % Self.customerBodies.count],
            priority: Priority.allCases[index % 4])))
      openings.append(opening)
      var timeline = [opening]
      var status = TicketStatus.open
      for number in 1..<eventsPerTicket {
        instant.addTimeInterval(Double(Int.random(in: 1...600, using: &generator)))
        let id = EventID("e\(number)")
        let kind: TicketEvent.Kind
        let author: TicketAuthor
        switch Int.random(in: 0..<10, using: &generator) {
        case 0...2:
          let secret = Int.random(in: 0..<500, using: &generator) == 0
          kind = .customerReply(body: secret ? Self.secretBody : Self.customerBodies.randomElement(using: &generator)!)
          author = .customer(customer)
          if status == .resolved || status == .waitingOnCustomer || status == .onHold { status = .open }
        case 3...5:
          kind = .agentReply(body: Self.agentBodies.randomElement(using: &generator)!)
          author = .agent(agent)
        case 6:
          kind = .internalNote(body: Self.notes.randomElement(using: &generator)!)
          author = .agent(agent)
        case 7:
          kind = .assigneeChanged(to: agent)
          author = .agent(agent)
        default:
          let next = TicketStatus.allCases.filter { status.canTransition(to: $0) && $0 != .closed }
            .randomElement(using: &generator)!
          kind = .statusChanged(to: next)
          author = .agent(agent)
          status = next
        }
        let event = TicketEvent(id: id, instant: instant, author: author, kind: kind)
        timeline.append(event)
      }
      timelines.append(timeline)
    }
    // Interleave appends across tickets, as a help desk would see them.
    for round in 1..<eventsPerTicket {
      for index in 0..<tickets {
        appended.append(timelines[index][round])
        appendTargets.append(TicketID("T\(index)"))
        expectedVersions.append(round)
      }
    }
  }
}
