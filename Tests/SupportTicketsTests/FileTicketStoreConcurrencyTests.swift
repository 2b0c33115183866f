import Foundation
import SupportTickets
import Testing

/// Lets tasks wait until `parties` of them have arrived.
private actor Barrier {
  private let parties: Int
  private var arrived = 0
  private var waiting: [CheckedContinuation<Void, Never>] = []

  init(parties: Int) { self.parties = parties }

  func arriveAndWait() async {
    arrived += 1
    if arrived == parties {
      for continuation in waiting { continuation.resume() }
      waiting = []
      return
    }
    await withCheckedContinuation { waiting.append($0) }
  }
}

@Suite("FileTicketStore concurrency")
struct FileTicketStoreConcurrencyTests {
  private struct TaskResult: Sendable {
    var acknowledged: [(ticket: TicketID, event: EventID, version: Int)] = []
    var conflicts = 0
    var staleConflicts = 0
  }

  @Test("64 tasks writing to 8 shared tickets in batched mode lose nothing and report every conflict")
  func batchedWritersLoseNothing() async throws {
    let folder = try TemporaryStoreDirectory()
    defer { folder.cleanUp() }
    let store = try FileTicketStore(directory: folder.url, durability: .batched(maxDelay: .milliseconds(3)))
    let tickets = (0..<8).map { TicketID("T-\($0)") }
    for id in tickets { _ = try await store.create(opening: StoreFixtures.opening(id.rawValue)) }
    let appendsPerTask = 8
    // In the first step every task reads its ticket before any task writes: 8 tasks per ticket then hold
    // the same version, so exactly one of them may win and the other 7 must be told of a conflict.
    let barrier = Barrier(parties: 64)
    let results = try await withThrowingTaskGroup(of: TaskResult.self) { group in
      for task in 0..<64 {
        group.addTask {
          var result = TaskResult()
          for step in 0..<appendsPerTask {
            let id = tickets[(task + step * 3) % tickets.count]
            let eventID = EventID("task\(task)-step\(step)")
            var firstAttempt = step == 0
            while true {
              let current = try #require(try await store.ticket(id))
              if firstAttempt {
                await barrier.arriveAndWait()
                firstAttempt = false
              }
              let event = TicketEvent(
                id: eventID, instant: current.updatedAt, author: .agent(AgentID("agent-\(task)")),
                kind: .internalNote(body: "from task \(task)"))
              do {
                let updated = try await store.append([event], to: id, expectedVersion: current.version)
                result.acknowledged.append((id, eventID, updated.version))
                break
              } catch let error as StoreError where error.code == .versionConflict {
                result.conflicts += 1
                if let actual = error.context["actual"].flatMap(Int.init), actual > current.version {
                  result.staleConflicts += 1
                }
              }
            }
          }
          return result
        }
      }
      return try await group.reduce(into: [TaskResult]()) { $0.append($1) }
    }
    let acknowledged = results.flatMap(\.acknowledged)
    let conflicts = results.reduce(0) { $0 + $1.conflicts }
    #expect(acknowledged.count == 64 * appendsPerTask)
    #expect(conflicts >= 64 - tickets.count)
    // Every conflict was real: the ticket had moved past the version the writer read.
    #expect(results.reduce(0) { $0 + $1.staleConflicts } == conflicts)

    let before = try await store.allTickets()
    await store.close()
    let reopened = try FileTicketStore(directory: folder.url)
    #expect(try await reopened.allTickets() == before)
    #expect(before.reduce(0) { $0 + $1.version } == tickets.count + 64 * appendsPerTask)
    let byID = Dictionary(uniqueKeysWithValues: before.map { ($0.id, $0) })
    for ack in acknowledged {
      // The event sits exactly at the version its writer was told: no acknowledged write was overwritten.
      #expect(byID[ack.ticket]?.events[ack.version - 1].id == ack.event)
    }
  }
}
