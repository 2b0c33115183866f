import Foundation
import SupportTickets

/// Hidden `__crash-writer [--batched] [--writers N] [--seed S] [--limit N]`: the child process of the
/// FileTicketStore crash test. Appends events until killed, printing `ack TICKET EVENT` for each
/// acknowledged event and nothing before its acknowledgement.
func crashWriterCommand(_ folder: URL, _ options: [String]) async -> Int32 {
  do {
    let arguments = try ParsedArguments(
      options, valueOptions: ["--writers", "--seed", "--limit"], flagOptions: ["--batched"])
    let writers = Int(arguments.values["--writers"] ?? "1") ?? 1
    let seed = arguments.values["--seed"] ?? "0"
    let limit = Int(arguments.values["--limit"] ?? "100000") ?? 100_000
    let store = try FileTicketStore(
      directory: folder,
      durability: arguments.flags.contains("--batched") ? .batched(maxDelay: .milliseconds(2)) : .fsyncEachWrite)
    let known = try await store.allTickets().map(\.id)
    try await withThrowingTaskGroup(of: Void.self) { group in
      for writer in 0..<max(1, writers) {
        group.addTask {
          try await writeUntilKilled(store, writer: writer, seed: seed, known: known, limit: limit / max(1, writers))
        }
      }
      try await group.waitForAll()
    }
    return 0
  } catch {
    printError("crash-writer: \(error)")
    return 1
  }
}

private func writeUntilKilled(_ store: FileTicketStore, writer: Int, seed: String, known: [TicketID], limit: Int)
  async throws
{
  var tickets = known
  for step in 0..<limit {
    if tickets.isEmpty || step % 4 == 0 {
      let id = TicketID("C-\(seed)-\(writer)-\(step)")
      let customer = CustomerID("cust-\(step % 5)")
      let opening = TicketEvent(
        id: EventID("\(id.rawValue)-e1"), instant: Date(), author: .customer(customer),
        kind: .created(
          TicketOpening(ticketID: id, customerID: customer, subject: "Crash test \(step)", body: "body \(step)")))
      _ = try await store.create(opening: opening)
      printNow("ack \(id.rawValue) \(id.rawValue)-e1")
      tickets.append(id)
      continue
    }
    let id = tickets[(step * 7 + writer) % tickets.count]
    while true {
      guard let ticket = try await store.ticket(id) else { break }
      let event = TicketEvent(
        id: EventID("\(id.rawValue)-e\(ticket.version + 1)"), instant: max(Date(), ticket.updatedAt),
        author: .agent(AgentID("agent-\(writer)")), kind: .internalNote(body: "note \(step) by \(writer)"))
      do {
        _ = try await store.append([event], to: id, expectedVersion: ticket.version)
        printNow("ack \(id.rawValue) \(event.id.rawValue)")
        break
      } catch let error as StoreError where error.code == .versionConflict {
        continue
      }
    }
  }
}
