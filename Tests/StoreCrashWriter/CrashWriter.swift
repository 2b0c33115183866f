import CommandLineSupport
import Foundation
import SupportTickets

/// Appends events until killed, printing `ack TICKET EVENT` for each acknowledged event and nothing before its
/// acknowledgement; the first writer also compacts the store every `compactEvery` of its steps, so kills land
/// during compactions too.
func runCrashWriter(folder: URL, seed: String, batched: Bool, writers: Int, limit: Int, compactEvery: Int)
  async throws
{
  let store = try FileTicketStore(
    directory: folder, durability: batched ? .batched(maxDelay: .milliseconds(2)) : .fsyncEachWrite)
  let known = try await store.allTickets().map(\.id)
  try await withThrowingTaskGroup(of: Void.self) { group in
    for writer in 0..<writers {
      group.addTask {
        try await writeUntilKilled(
          store, writer: writer, seed: seed, known: known, limit: limit / writers,
          compactEvery: writer == 0 ? compactEvery : 0)
      }
    }
    try await group.waitForAll()
  }
}

private func writeUntilKilled(
  _ store: FileTicketStore, writer: Int, seed: String, known: [TicketID], limit: Int, compactEvery: Int
) async throws {
  var tickets = known
  for step in 0..<limit {
    if compactEvery > 0, step > 0, step % compactEvery == 0 { try await store.compact() }
    if tickets.isEmpty || step % 4 == 0 {
      let id = TicketID("C-\(seed)-\(writer)-\(step)")
      let customer = CustomerID("cust-\(step % 5)")
      let opening = TicketEvent(
        id: EventID("\(id.rawValue)-e1"), instant: Date(), author: .customer(customer),
        kind: .created(
          TicketOpening(ticketID: id, customerID: customer, subject: "Crash test \(step)", body: "body \(step)")))
      _ = try await store.create(opening: opening)
      Console.print("ack \(id.rawValue) \(id.rawValue)-e1")
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
        Console.print("ack \(id.rawValue) \(event.id.rawValue)")
        break
      } catch let error as StoreError where error.code == .versionConflict {
        continue
      }
    }
  }
}
