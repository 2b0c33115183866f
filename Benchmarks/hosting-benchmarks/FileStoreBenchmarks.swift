import Foundation
import SupportTickets

/// Workloads for FileTicketStore (issue 4).
func fileStoreBenchmarks() -> [Benchmark] {
  [
    Benchmark(
      name: "filestore.batched-8-writers",
      summary: "8 writers × 64 appends in flight (one event each), .batched(maxDelay: 1 ms); acknowledged events/s",
      operations: 8 * 64 * 64, unit: "events", goal: .throughput(atLeast: 50_000),
      prepare: { try await concurrentAppends(writers: 8, inFlight: 64, rounds: 64, durability: batched) }
    ),
    Benchmark(
      name: "filestore.batched-8-writers-no-redaction",
      summary: "the same with SensitiveDataRedactor.disabled: the storage engine alone",
      operations: 8 * 64 * 64, unit: "events", goal: .throughput(atLeast: 50_000),
      prepare: {
        try await concurrentAppends(writers: 8, inFlight: 64, rounds: 64, durability: batched, redactor: .disabled)
      }
    ),
    Benchmark(
      name: "filestore.batched-8-writers-1-in-flight",
      summary: "8 writers, each waiting for every acknowledgement, .batched(maxDelay: 1 ms)",
      operations: 8 * 400, unit: "events",
      prepare: { try await concurrentAppends(writers: 8, inFlight: 1, rounds: 400, durability: batched) }
    ),
    Benchmark(
      name: "filestore.fsync-each-write",
      summary: "1 writer, one-event appends, .fsyncEachWrite (one fdatasync per event)",
      operations: 400, unit: "events",
      prepare: { try await concurrentAppends(writers: 1, inFlight: 1, rounds: 400, durability: .fsyncEachWrite) }
    ),
    Benchmark(
      name: "filestore.fsync-each-write-8-writers",
      summary: "8 writers, one-event appends, .fsyncEachWrite",
      operations: 8 * 50, unit: "events",
      prepare: { try await concurrentAppends(writers: 8, inFlight: 1, rounds: 50, durability: .fsyncEachWrite) }
    ),
    Benchmark(
      name: "filestore.reopen-1M-events",
      summary: "open a store of 100k tickets / 1M events (snapshot + journal tail) and rebuild its indexes",
      operations: 1, unit: "opens", goal: .runTime(atMost: 2), iterations: 3,
      prepare: {
        let folder = try await MillionEventStore.shared.folder()
        return {
          let store = try FileTicketStore(directory: folder)
          let count = await store.count
          precondition(count == MillionEventStore.ticketCount)
          await store.close()
        }
      }
    ),
    Benchmark(
      name: "filestore.customer-query-1M",
      summary: "customer-scoped query (first page of 100) on the 1M-event store",
      operations: 1_000, unit: "queries", goal: .latency(atMost: 0.001),
      prepare: {
        let store = try await MillionEventStore.shared.openStore()
        return {
          for index in 0..<1_000 {
            let page = try await store.query(TicketQuery(customerID: CustomerID("cust-\(index * 7 % 1_000)")))
            precondition(page.tickets.count == MillionEventStore.ticketCount / 1_000)
          }
        }
      }
    ),
  ]
}

private let batched = FileTicketStore.Durability.batched(maxDelay: .milliseconds(1))

/// A fresh store; each of `writers` writers owns `inFlight` tickets and keeps one append outstanding on each
/// of them, `rounds` appends per ticket, each waiting for its acknowledgement.
private func concurrentAppends(
  writers: Int, inFlight: Int, rounds: Int, durability: FileTicketStore.Durability,
  redactor: SensitiveDataRedactor = .standard
) async throws -> () async throws -> Void {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-filestore-\(UUID().uuidString)")
  let store = try FileTicketStore(directory: folder, durability: durability, redactor: redactor)
  let start = Date(timeIntervalSince1970: 1_795_000_000)
  for writer in 0..<writers {
    for slot in 0..<inFlight {
      _ = try await store.create(
        opening: BenchmarkEvents.opening(ticket: "W-\(writer)-\(slot)", customer: "cust-\(writer)", at: start))
    }
  }
  return {
    try await withThrowingTaskGroup(of: Void.self) { group in
      for writer in 0..<writers {
        for slot in 0..<inFlight {
          // Each writer keeps `inFlight` requests outstanding: one sequential chain of appends per ticket.
          group.addTask {
            let id = TicketID("W-\(writer)-\(slot)")
            for round in 0..<rounds {
              let event = TicketEvent(
                id: EventID("r\(round)"), instant: start, author: .agent("ana"),
                kind: .agentReply(body: "Update \(round): we are migrating your site to the new server"))
              _ = try await store.append([event], to: id, expectedVersion: round + 1)
            }
          }
        }
      }
      try await group.waitForAll()
    }
    await store.close()
    try? FileManager.default.removeItem(at: folder)
  }
}

enum BenchmarkEvents {
  static func opening(ticket: String, customer: String, at instant: Date) -> TicketEvent {
    TicketEvent(
      id: EventID("\(ticket)-e1"), instant: instant, author: .customer(CustomerID(customer)),
      kind: .created(
        TicketOpening(
          ticketID: TicketID(ticket), customerID: CustomerID(customer), subject: "Website returns 500 after update",
          body: "Since this morning the site shows an internal server error. Plan: Business, domain example.com.",
          priority: .high)))
  }
}

/// A store of 100k tickets (1,000 customers) with 10 events each, built through the public API in batched
/// mode (auto-compaction leaves a snapshot plus a journal tail). It is kept in the temporary directory
/// and reused by later runs while it opens with the expected contents.
actor MillionEventStore {
  static let shared = MillionEventStore()
  static let ticketCount = 100_000
  static let eventsPerTicket = 10
  private var built: URL?
  private var open: FileTicketStore?

  func folder() async throws -> URL {
    if let open {
      await open.close()
      self.open = nil
    }
    if let built { return built }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hosting-benchmarks-filestore-1M-v1")
    if let existing = try? FileTicketStore(directory: folder) {
      let tickets = await existing.count
      await existing.close()
      if tickets == Self.ticketCount {
        built = folder
        return folder
      }
    }
    try? FileManager.default.removeItem(at: folder)
    let store = try FileTicketStore(
      directory: folder, durability: .batched(maxDelay: .milliseconds(1)), redactor: .disabled)
    let start = Date(timeIntervalSince1970: 1_795_000_000)
    try await withThrowingTaskGroup(of: Void.self) { group in
      for lane in 0..<64 {
        group.addTask {
          for number in stride(from: lane, to: Self.ticketCount, by: 64) {
            try await Self.createTicket(number, in: store, start: start)
          }
        }
      }
      try await group.waitForAll()
    }
    await store.close()
    built = folder
    return folder
  }

  func openStore() async throws -> FileTicketStore {
    if let open { return open }
    let store = try FileTicketStore(directory: try await folder())
    open = store
    return store
  }

  private static func createTicket(_ number: Int, in store: FileTicketStore, start: Date) async throws {
    let id = "T-\(number)"
    let opened = start.addingTimeInterval(Double(number) * 30)
    var timeline = [BenchmarkEvents.opening(ticket: id, customer: "cust-\(number % 1_000)", at: opened)]
    for step in 2...eventsPerTicket {
      let instant = opened.addingTimeInterval(Double(step) * 600)
      let kind: TicketEvent.Kind =
        step % 3 == 0
        ? .customerReply(body: "Still failing, the error log shows PHP memory exhausted (step \(step)).")
        : .agentReply(body: "We raised the memory limit and are checking the error log again (step \(step)).")
      let author: TicketAuthor = step % 3 == 0 ? .customer(CustomerID("cust-\(number % 1_000)")) : .agent("ana")
      timeline.append(TicketEvent(id: EventID("\(id)-e\(step)"), instant: instant, author: author, kind: kind))
    }
    _ = try await store.create(timeline)
  }
}
