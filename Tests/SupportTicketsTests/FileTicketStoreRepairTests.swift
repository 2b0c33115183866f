import Foundation
import Testing

@testable import SupportTickets

@Suite("FileTicketStore repair")
struct FileTicketStoreRepairTests {
  @Test("one bad byte in record 1 of 20 costs that event alone: repair keeps the other 19")
  func oneBadByteLosesOneRecord() async throws {
    let folder = try TemporaryStoreDirectory()
    defer { folder.cleanUp() }
    let tickets = try await folder.makeTwentyEventStore()
    // Record 1 is T-0's creation; damage its reply's record (record 2) instead so the ticket survives.
    let offsets = recordOffsets(try folder.changeJournal { bytes, offsets in bytes[offsets[1] + 30] ^= 0x01 })
    let repair = try FileTicketStore.repair(at: folder.url)
    #expect(repair.result.isClean)
    #expect(repair.result.eventCount == 19)
    #expect(repair.lost.count == 1 && repair.lost[0].offset == Int64(offsets[1]))
    let reopened = try FileTicketStore(directory: folder.url)
    let kept = try await reopened.allTickets()
    #expect(kept.count == 10)
    #expect(Array(kept.dropFirst()) == Array(tickets.dropFirst()))
    #expect(kept[0].events == Array(tickets[0].events.prefix(1)))
  }

  @Test("a zeroed range in the middle of the journal loses only the records it covers")
  func zeroedMiddle() async throws {
    let folder = try TemporaryStoreDirectory()
    defer { folder.cleanUp() }
    let tickets = try await folder.makeTwentyEventStore()
    // Zero T-4's reply and T-5's creation (records 10 and 11); T-5's reply then has no ticket.
    try folder.changeJournal { bytes, offsets in
      bytes.replaceSubrange(offsets[9]..<offsets[11], with: Data(count: offsets[11] - offsets[9]))
    }
    let repair = try FileTicketStore.repair(at: folder.url)
    #expect(repair.result.isClean)
    #expect(repair.lost.contains { $0.ticket == "T-5" && $0.events == ["T-5-e2"] })
    let reopened = try FileTicketStore(directory: folder.url)
    let kept = try await reopened.allTickets()
    #expect(kept.map(\.id) == tickets.map(\.id).filter { $0 != "T-5" })
    #expect(kept.first { $0.id == "T-4" }?.version == 1)
    #expect(Array(kept.suffix(4)) == Array(tickets.suffix(4)))
  }

  @Test("repair of a torn tail keeps every acknowledged record")
  func tornTail() async throws {
    let folder = try TemporaryStoreDirectory()
    defer { folder.cleanUp() }
    let tickets = try await folder.makeTwentyEventStore()
    let journal = folder.file("journal-0000000000000001.log")
    let bytes = try Data(contentsOf: journal)
    try (bytes + bytes[8..<30]).write(to: journal)
    let repair = try FileTicketStore.repair(at: folder.url)
    #expect(repair.result.isClean)
    let reopened = try FileTicketStore(directory: folder.url)
    #expect(try await reopened.allTickets() == tickets)
  }

  @Test("repair of a clean store changes nothing")
  func cleanStoreUntouched() async throws {
    let folder = try TemporaryStoreDirectory()
    defer { folder.cleanUp() }
    _ = try await folder.makeTwentyEventStore()
    let before = try folder.entries()
    let repair = try FileTicketStore.repair(at: folder.url)
    #expect(repair.movedAside.isEmpty && repair.lost.isEmpty && repair.result.isClean)
    #expect(repair.description.hasPrefix("nothing to repair"))
    #expect(try folder.entries() == before)
  }

  @Test("repair never writes through symbolic links planted in damaged/: it creates a fresh, randomly named folder")
  func plantedLinksInDamaged() async throws {
    try await withStoreAndOutside { folder, outsideFolder in
      _ = try await folder.makeTwentyEventStore()
      let victim = outsideFolder.file("victim")
      try Data("precious".utf8).write(to: victim)
      let damaged = folder.file("damaged")
      try FileManager.default.createDirectory(at: damaged, withIntermediateDirectories: false)
      // The names older versions used, and a few guesses at new ones.
      for name in [
        "journal-0000000000000001.log", "journal-0000000000000001.log.from-8", "journal-0000000000000001.log.tmp",
        "REPORT.txt", "repair", "repair-0000000000000000",
      ] {
        try FileManager.default.createSymbolicLink(at: damaged.appendingPathComponent(name), withDestinationURL: victim)
      }
      try folder.changeJournal { bytes, _ in bytes[30] ^= 0x01 }
      let repair = try FileTicketStore.repair(at: folder.url)
      #expect(repair.result.isClean)
      #expect(try Data(contentsOf: victim) == Data("precious".utf8))
      #expect(repair.movedAside.allSatisfy { $0.contains("/damaged/repair-") })
      #expect(try outsideFolder.entries() == ["victim": Data("precious".utf8).base64EncodedString()])
    }
  }

  @Test(
    "a damaged entry that is a symbolic link to a folder outside the store is refused, and nothing is written there")
  func damagedFolderIsALink() async throws {
    try await withStoreAndOutside { folder, outsideFolder in
      _ = try await folder.makeTwentyEventStore()
      try FileManager.default.createSymbolicLink(at: folder.file("damaged"), withDestinationURL: outsideFolder.url)
      try folder.changeJournal { bytes, _ in bytes[30] ^= 0x01 }
      let before = try folder.entries()
      #expect(throws: StoreError.self) { _ = try FileTicketStore.repair(at: folder.url) }
      #expect(try outsideFolder.entries().isEmpty)
      #expect(try folder.entries() == before)
    }
  }
}
