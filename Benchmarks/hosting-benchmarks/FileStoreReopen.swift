import Foundation
import SupportTickets

/// How the reopened store's journal was written.
enum StoreLayout: String, CaseIterable {
  /// Each ticket created with its whole timeline: one record of 10 events per ticket.
  case batched
  /// Each ticket created with its opening, then nine one-event appends: one record per event, as a help desk
  /// writes them.
  case onePerRecord = "one-per-record"
}

/// Reopens a store of 1M events written fresh for this run, synced, with its pages dropped from the page cache
/// before every timed open.
func reopenBenchmark(layout: StoreLayout, summary: String) -> Benchmark {
  Benchmark(
    name: "filestore.reopen-1M-events-\(layout.rawValue)", summary: summary, operations: 1, unit: "opens",
    goal: .runTime(atMost: 2), iterations: 3,
    prepare: {
      let folder = try await ScratchStores.shared.folder(layout)
      guard try PageCache.drop(directory: folder) else {
        throw BenchmarkSkipped("no posix_fadvise here to drop the page cache: a reopen would be measured warm")
      }
      return {
        let store = try FileTicketStore(directory: folder)
        let count = await store.count
        afterTimedRun { await store.close() }
        guard count == ScratchStores.ticketCount else { throw BenchmarkFailure("reopened \(count) tickets") }
        blackHole(count)
      }
    }
  )
}

/// Stores of 100k tickets (1,000 customers) with 10 events each, built once per harness run through the public
/// API in a fresh temporary folder (auto-compaction leaves a snapshot plus a journal tail), synced, and removed
/// when the harness ends (``removeScratchStores()``).
actor ScratchStores {
  static let shared = ScratchStores()
  static let ticketCount = 100_000
  static let eventsPerTicket = 10
  private let root = FileManager.default.temporaryDirectory.appendingPathComponent(
    "hosting-benchmarks-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
  private var built: [StoreLayout: URL] = [:]
  private var open: [StoreLayout: FileTicketStore] = [:]

  /// The folder of the store, built on first use and closed if it was open.
  func folder(_ layout: StoreLayout) async throws -> URL {
    if let store = open.removeValue(forKey: layout) { await store.close() }
    if let folder = built[layout] { return folder }
    let folder = root.appendingPathComponent(layout.rawValue)
    let store = try FileTicketStore(
      directory: folder, durability: .batched(maxDelay: .milliseconds(1)), redactor: .disabled)
    switch layout {
    case .batched: try await Self.writeBatched(store)
    case .onePerRecord: try await Self.writeOnePerRecord(store)
    }
    await store.close()
    try PageCache.sync(directory: folder)
    built[layout] = folder
    return folder
  }

  /// The store, opened once and kept open for queries.
  func openStore(_ layout: StoreLayout) async throws -> FileTicketStore {
    if let store = open[layout] { return store }
    let store = try FileTicketStore(directory: try await folder(layout))
    open[layout] = store
    return store
  }

  func removeAll() async {
    for store in open.values { await store.close() }
    open = [:]
    built = [:]
    try? FileManager.default.removeItem(at: root)
  }

  private static func writeBatched(_ store: FileTicketStore) async throws {
    try await withThrowingTaskGroup(of: Void.self) { group in
      for lane in 0..<64 {
        group.addTask {
          for number in stride(from: lane, to: ticketCount, by: 64) { _ = try await store.create(timeline(number)) }
        }
      }
      try await group.waitForAll()
    }
  }

  private static func writeOnePerRecord(_ store: FileTicketStore) async throws {
    let chunk = 10_000
    for first in stride(from: 0, to: ticketCount, by: chunk) {
      let timelines = (first..<(first + chunk)).map(timeline)
      try check(await store.create(timelines: timelines.map { [$0[0]] }))
      for step in 1..<eventsPerTicket {
        let batch = timelines.enumerated().map { offset, events in
          TicketAppend(events: [events[step]], ticketID: TicketID("T-\(first + offset)"), expectedVersion: step)
        }
        try check(await store.append(batch))
      }
    }
  }

  private static func check(_ results: [Result<Int, any Error>]) throws {
    for result in results { _ = try result.get() }
  }

  private static func timeline(_ number: Int) -> [TicketEvent] {
    let start = Date(timeIntervalSince1970: 1_795_000_000)
    let id = "T-\(number)"
    let customer = CustomerID("cust-\(number % 1_000)")
    let opened = start.addingTimeInterval(Double(number) * 30)
    var timeline = [BenchmarkEvents.opening(ticket: id, customer: customer.rawValue, at: opened)]
    for step in 2...eventsPerTicket {
      let instant = opened.addingTimeInterval(Double(step) * 600)
      let kind: TicketEvent.Kind =
        step % 3 == 0
        ? .customerReply(body: "Still failing, the error log shows PHP memory exhausted (step \(step)).")
        : .agentReply(body: "We raised the memory limit and are checking the error log again (step \(step)).")
      let author: TicketAuthor = step % 3 == 0 ? .customer(customer) : .agent("ana")
      timeline.append(TicketEvent(id: EventID("\(id)-e\(step)"), instant: instant, author: author, kind: kind))
    }
    return timeline
  }
}

/// Removes the scratch stores of this run.
func removeScratchStores() async { await ScratchStores.shared.removeAll() }
