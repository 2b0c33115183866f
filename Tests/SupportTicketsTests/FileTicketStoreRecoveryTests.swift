import Foundation
import SupportTickets
import Testing

@Suite("FileTicketStore recovery, verify and repair")
struct FileTicketStoreRecoveryTests {
  /// A closed store with `count` tickets of two events each, all in one journal segment.
  private func makeStore(_ folder: TemporaryStoreDirectory, count: Int = 6) async throws -> [Ticket] {
    let store = try FileTicketStore(directory: folder.url)
    for index in 0..<count {
      _ = try await store.create(opening: StoreFixtures.opening("T-\(index)"))
      _ = try await store.append(
        [StoreFixtures.reply("T-\(index)", version: 1)], to: TicketID("T-\(index)"), expectedVersion: 1)
    }
    let tickets = try await store.allTickets()
    await store.close()
    return tickets
  }

  private func journalURL(_ folder: TemporaryStoreDirectory) -> URL {
    folder.url.appendingPathComponent("journal-0000000000000001.log")
  }

  @Test("a torn record at the end of the journal is cut away on open and the store verifies clean")
  func tornTailIsTruncated() async throws {
    let folder = try TemporaryStoreDirectory()
    defer { folder.cleanUp() }
    let tickets = try await makeStore(folder)
    let journal = journalURL(folder)
    let intact = try Data(contentsOf: journal)
    // Half of a further record, as a crash in the middle of a write leaves it.
    var torn = intact
    torn.append(intact.suffix(from: 8).prefix(30))
    try torn.write(to: journal)
    let report = try FileTicketStore.verify(at: folder.url)
    #expect(report.tornTail?.offset == Int64(intact.count))
    #expect(!report.isClean)

    let store = try FileTicketStore(directory: folder.url)
    #expect(try await store.allTickets() == tickets)
    await store.close()
    #expect(try Data(contentsOf: journal) == intact)
    #expect(try FileTicketStore.verify(at: folder.url).isClean)
  }

  @Test("a damaged record before the end fails open with corruptJournal naming the file and offset, touching nothing")
  func damageInTheMiddle() async throws {
    let folder = try TemporaryStoreDirectory()
    defer { folder.cleanUp() }
    _ = try await makeStore(folder)
    let journal = journalURL(folder)
    var bytes = try Data(contentsOf: journal)
    // The first record starts after the 8-byte magic; its payload after the 12-byte header.
    bytes[8 + 12 + 5] ^= 0x20
    try bytes.write(to: journal)
    let before = try folder.allFiles()
    #expect {
      _ = try FileTicketStore(directory: folder.url)
    } throws: { error in
      guard let error = error as? StoreError else { return false }
      return error.code == .corruptJournal && error.context["file"] == journal.standardizedFileURL.path
        && error.context["offset"] == "8"
    }
    #expect(try folder.allFiles() == before)
    let report = try FileTicketStore.verify(at: folder.url)
    #expect(report.damage?.offset == 8)
    #expect(report.ticketCount == 0)
  }

  @Test("repair keeps every intact record before and after a damaged one and reports what was lost")
  func repairResynchronises() async throws {
    let folder = try TemporaryStoreDirectory()
    defer { folder.cleanUp() }
    let tickets = try await makeStore(folder)
    let journal = journalURL(folder)
    let original = try Data(contentsOf: journal)
    let offsets = recordOffsets(original)
    #expect(offsets.count == 12)
    var damaged = original
    damaged[offsets[4] + 14] ^= 0xFF  // inside T-2's creation record
    try damaged.write(to: journal)

    let repair = try FileTicketStore.repair(at: folder.url)
    #expect(repair.result.isClean)
    // The damaged creation, and T-2's reply, which no longer has a ticket to fold onto.
    #expect(repair.lost.count == 2)
    #expect(repair.lost.contains { $0.ticket == "T-2" && $0.events == ["T-2-e2"] })
    #expect(repair.lost.allSatisfy { $0.file == "journal-0000000000000001.log" })
    // A copy of the damaged segment and the report are in damaged/.
    let copy = try #require(repair.movedAside.first { $0.hasSuffix("/journal-0000000000000001.log") })
    #expect(try Data(contentsOf: URL(fileURLWithPath: copy)) == damaged)
    let report = try #require(repair.movedAside.first { $0.hasSuffix("/REPORT.txt") })
    #expect(try String(contentsOfFile: report, encoding: .utf8).contains("ticket T-2"))

    let store = try FileTicketStore(directory: folder.url)
    #expect(try await store.allTickets() == tickets.filter { $0.id != "T-2" })
    _ = try await store.create(opening: StoreFixtures.opening("T-after-repair"))
    await store.close()
    #expect(try FileTicketStore.verify(at: folder.url).isClean)
  }

  @Test("a damaged snapshot fails open; repair keeps its intact tickets and the journal records that fold")
  func damagedSnapshot() async throws {
    let folder = try TemporaryStoreDirectory()
    defer { folder.cleanUp() }
    let store = try FileTicketStore(directory: folder.url)
    for index in 0..<4 { _ = try await store.create(opening: StoreFixtures.opening("T-\(index)")) }
    try await store.compact()
    _ = try await store.append([StoreFixtures.reply("T-0", version: 1)], to: "T-0", expectedVersion: 1)
    _ = try await store.append([StoreFixtures.reply("T-3", version: 1)], to: "T-3", expectedVersion: 1)
    let tickets = try await store.allTickets()
    await store.close()
    let snapshot = folder.url.appendingPathComponent("snapshot-0000000000000004.snap")
    var bytes = try Data(contentsOf: snapshot)
    bytes[bytes.count - 40] ^= 0x01  // inside the last ticket's record
    try bytes.write(to: snapshot)
    #expect {
      _ = try FileTicketStore(directory: folder.url)
    } throws: { error in
      (error as? StoreError)?.code == .corruptJournal && (error as? StoreError)?.context["file"] == snapshot.path
    }
    let repair = try FileTicketStore.repair(at: folder.url)
    #expect(repair.result.isClean)
    // The snapshot and the journal (T-3's reply no longer folds) are copied aside, with the report.
    #expect(repair.movedAside.count == 3)
    #expect(repair.lost.contains { $0.ticket == "T-3" && $0.events == ["T-3-e2"] })
    let reopened = try FileTicketStore(directory: folder.url)
    #expect(try await reopened.allTickets() == Array(tickets.prefix(3)))
  }

  @Test("verify of a clean store says so and counts its contents")
  func verifyClean() async throws {
    let folder = try TemporaryStoreDirectory()
    defer { folder.cleanUp() }
    _ = try await makeStore(folder, count: 3)
    let report = try FileTicketStore.verify(at: folder.url)
    #expect(report.isClean)
    #expect(report.ticketCount == 3)
    #expect(report.eventCount == 6)
    #expect(report.journalRecords == 6)
    #expect(report.description.hasPrefix("clean"))
  }
}
