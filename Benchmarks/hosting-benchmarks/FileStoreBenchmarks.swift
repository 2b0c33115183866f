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
    reopenBenchmark(
      layout: .batched,
      summary: "open a fresh, synced, cache-dropped store of 100k tickets / 1M events written "
        + "one ticket's 10 events per record, and rebuild its indexes"),
    reopenBenchmark(
      layout: .onePerRecord,
      summary: "the same store written one event per record (a create, then nine "
        + "one-event appends per ticket)"),
    Benchmark(
      name: "filestore.customer-query-1M",
      summary: "customer-scoped query (first page of 100) on the 1M-event store",
      operations: 1_000, unit: "queries", goal: .latency(atMost: 0.001),
      prepareOperation: {
        let store = try await ScratchStores.shared.openStore(.batched)
        return { index in
          let page = try await store.query(TicketQuery(customerID: CustomerID("cust-\(index * 7 % 1_000)")))
          guard page.tickets.count == ScratchStores.ticketCount / 1_000 else {
            throw BenchmarkFailure("query \(index) found \(page.tickets.count) tickets")
          }
          blackHole(page.tickets.count)
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
  afterTimedRun {
    await store.close()
    try? FileManager.default.removeItem(at: folder)
  }
  return {
    try await withThrowingTaskGroup(of: Int.self) { group in
      for writer in 0..<writers {
        for slot in 0..<inFlight {
          // Each writer keeps `inFlight` requests outstanding: one sequential chain of appends per ticket.
          group.addTask {
            let id = TicketID("W-\(writer)-\(slot)")
            var version = 1
            for round in 0..<rounds {
              let event = TicketEvent(
                id: EventID("r\(round)"), instant: start, author: .agent("ana"),
                kind: .agentReply(body: "Update \(round): we are migrating your site to the new server"))
              version = try await store.append([event], to: id, expectedVersion: round + 1).version
            }
            return version
          }
        }
      }
      var versions = 0
      for try await version in group { versions += version }
      guard versions == writers * inFlight * (rounds + 1) else {
        throw BenchmarkFailure("acknowledged versions sum to \(versions)")
      }
      blackHole(versions)
    }
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
