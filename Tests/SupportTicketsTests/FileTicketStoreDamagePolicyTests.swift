import Foundation
import Testing

@testable import SupportTickets

/// Writes a store as versions before the manifest did: `HSKJRNL1` segment, an empty `LOCK`, no manifest.
private func writeLegacyStore(_ folder: TemporaryStoreDirectory, tickets count: Int) throws -> [Ticket] {
  var journal = RecordFraming.legacyJournalMagic
  var tickets: [Ticket] = []
  for index in 0..<count {
    let events = [StoreFixtures.opening("L-\(index)"), StoreFixtures.reply("L-\(index)", version: 1)]
    let created = JournalEntry(
      sequence: UInt64(2 * index + 1), ticketID: TicketID("L-\(index)"), createsTicket: true, events: [events[0]])
    let appended = JournalEntry(
      sequence: UInt64(2 * index + 2), ticketID: TicketID("L-\(index)"), createsTicket: false, events: [events[1]])
    RecordFraming.append(payload: StorePayloads.encode(created), to: &journal)
    RecordFraming.append(payload: StorePayloads.encode(appended), to: &journal)
    tickets.append(try Ticket(events: events))
  }
  try Data(journal).write(to: folder.file("journal-0000000000000001.log"))
  try Data().write(to: folder.file("LOCK"))
  return tickets
}

@Suite("FileTicketStore damage policy")
struct FileTicketStoreDamagePolicyTests {
  @Test(
    "zeroing the journal from the middle of record 10 to the end is damage for open, read-only open and verify, and nothing is cut"
  )
  func zeroedTailIsDamage() async throws {
    let folder = try TemporaryStoreDirectory()
    defer { folder.cleanUp() }
    _ = try await folder.makeTwentyEventStore()
    let journal = folder.journal
    let tenth = recordOffsets(try Data(contentsOf: journal))[9]
    try folder.changeJournal { bytes, _ in
      bytes.replaceSubrange((tenth + 20)..<bytes.count, with: Data(count: bytes.count - tenth - 20))
    }
    let before = try folder.entries()
    #expect {
      _ = try FileTicketStore(directory: folder.url)
    } throws: { isStoreError($0, .corruptJournal, file: "journal-0000000000000001.log") }
    #expect {
      _ = try FileTicketStore(directory: folder.url, access: .readOnly)
    } throws: { isStoreError($0, .corruptJournal, file: "journal-0000000000000001.log") }
    let report = try FileTicketStore.verify(at: folder.url)
    #expect(!report.isClean)
    #expect(report.damage?.offset == Int64(tenth))
    #expect(try folder.entries() == before)
  }

  @Test("a deleted journal is corruptJournal, never \"clean: 0 tickets\"")
  func deletedJournal() async throws {
    let folder = try TemporaryStoreDirectory()
    defer { folder.cleanUp() }
    _ = try await folder.makeTwentyEventStore()
    try FileManager.default.removeItem(at: folder.file("journal-0000000000000001.log"))
    #expect {
      _ = try FileTicketStore(directory: folder.url, access: .readOnly)
    } throws: { isStoreError($0, .corruptJournal, file: "journal-0000000000000001.log") }
    let report = try FileTicketStore.verify(at: folder.url)
    #expect(!report.isClean)
    #expect(!report.description.hasPrefix("clean"))
  }

  @Test("a journal truncated to its 8-byte header is corruptJournal")
  func journalTruncatedToHeader() async throws {
    let folder = try TemporaryStoreDirectory()
    defer { folder.cleanUp() }
    _ = try await folder.makeTwentyEventStore()
    let journal = folder.file("journal-0000000000000001.log")
    try Data(try Data(contentsOf: journal).prefix(8)).write(to: journal)
    #expect {
      _ = try FileTicketStore(directory: folder.url)
    } throws: { isStoreError($0, .corruptJournal, file: "journal-0000000000000001.log") }
    #expect(try FileTicketStore.verify(at: folder.url).damage?.offset == 8)
  }

  @Test("a journal replaced by an older copy of itself, or by another store's journal, is corruptJournal")
  func replacedJournal() async throws {
    let folder = try TemporaryStoreDirectory()
    let other = try TemporaryStoreDirectory()
    defer {
      folder.cleanUp()
      other.cleanUp()
    }
    _ = try await folder.makeTwentyEventStore()
    let journal = folder.file("journal-0000000000000001.log")
    let current = try Data(contentsOf: journal)
    // Another store whose journal is as long, with different records.
    let store = try FileTicketStore(directory: other.url)
    for index in 0..<10 {
      _ = try await store.create(opening: StoreFixtures.opening("T-\(index)", customer: "cust-\((index + 1) % 3)"))
      _ = try await store.append(
        [StoreFixtures.reply("T-\(index)", version: 1)], to: TicketID("T-\(index)"), expectedVersion: 1)
    }
    await store.close()
    let foreign = try Data(contentsOf: other.file("journal-0000000000000001.log"))
    #expect(foreign.count == current.count && foreign != current)
    for replacement in [current.prefix(recordOffsets(current)[12]), foreign] {
      try Data(replacement).write(to: journal)
      #expect {
        _ = try FileTicketStore(directory: folder.url)
      } throws: { isStoreError($0, .corruptJournal, file: "journal-0000000000000001.log") }
    }
  }

  @Test("a deleted MANIFEST beside segments written by a version that keeps one is corruptJournal")
  func deletedManifest() async throws {
    let folder = try TemporaryStoreDirectory()
    defer { folder.cleanUp() }
    _ = try await folder.makeTwentyEventStore()
    try FileManager.default.removeItem(at: folder.file("MANIFEST"))
    #expect { _ = try FileTicketStore(directory: folder.url) } throws: {
      isStoreError($0, .corruptJournal, file: "MANIFEST")
    }
  }

  @Test("a bad checksum followed by an intact record is damage, even after the committed length of the newest segment")
  func badChecksumFollowedByData() async throws {
    let folder = try TemporaryStoreDirectory()
    defer { folder.cleanUp() }
    let store = try FileTicketStore(directory: folder.url)
    _ = try await store.create(opening: StoreFixtures.opening("T-1"))
    // A crash: the manifest (recorded at open) commits nothing after the header.
    _ = try await store.append([StoreFixtures.reply("T-1", version: 1)], to: "T-1", expectedVersion: 1)
    _ = try await store.append([StoreFixtures.reply("T-1", version: 2)], to: "T-1", expectedVersion: 2)
    let journal = folder.journal
    let bytes = try folder.changeJournal { bytes, offsets in bytes[offsets[1] + 15] ^= 0x40 }
    let offsets = recordOffsets(bytes)
    let manifest = try Data(contentsOf: folder.file("MANIFEST"))
    await store.close()
    try manifest.write(to: folder.file("MANIFEST"))  // as the crash left it
    #expect(try StoreManifest.decode([UInt8](manifest)).segments.last?.length == 8)
    #expect {
      _ = try FileTicketStore(directory: folder.url)
    } throws: { isStoreError($0, .corruptJournal, file: "journal-0000000000000001.log") }
    // The same damage in the last record, with nothing after it, is a torn tail of an unacknowledged write.
    try Data(bytes.prefix(offsets[2])).write(to: journal)
    let torn = try FileTicketStore.verify(at: folder.url)
    #expect(torn.damage == nil && torn.tornTail?.offset == Int64(offsets[1]))
  }

  @Test("read-only opens and verify never create, modify or remove anything, even with a torn tail and leftovers")
  func readOnlyNeverWrites() async throws {
    let folder = try TemporaryStoreDirectory()
    defer { folder.cleanUp() }
    let tickets = try await folder.makeTwentyEventStore()
    let journal = folder.file("journal-0000000000000001.log")
    let bytes = try Data(contentsOf: journal)
    try (bytes + bytes[8..<40]).write(to: journal)  // a torn tail
    try Data("leftover".utf8).write(to: folder.file("snapshot-0000000000000001.snap.tmp"))
    try Data("HSKJRNL2".utf8).write(to: folder.file("journal-0000000000000099.log"))  // an interrupted compaction's
    let before = try folder.entries()
    let fileSystem = WriteRefusingFileSystem()
    let store = try FileTicketStore(directory: folder.url, access: .readOnly, fileSystem: fileSystem)
    #expect(try await store.allTickets() == tickets)
    await #expect(throws: StoreError.readOnly(folder.url.standardizedFileURL.path)) {
      try await store.create(opening: StoreFixtures.opening("T-new"))
    }
    await #expect(throws: StoreError.self) { try await store.compact() }
    await store.close()
    let report = try FileTicketStore.verify(at: folder.url, lockTimeout: .seconds(30), fileSystem: fileSystem)
    #expect(report.tornTail != nil && report.damage == nil)
    #expect(fileSystem.attemptedWrites.isEmpty, "\(fileSystem.attemptedWrites)")
    #expect(try folder.entries() == before)
  }

  @Test("a read-only open or verify of a folder that does not exist is an error and creates nothing")
  func readOnlyMissingFolder() throws {
    let folder = try TemporaryStoreDirectory()
    defer { folder.cleanUp() }
    let missing = folder.file("no-store-here")
    #expect(throws: StoreError.self) { _ = try FileTicketStore(directory: missing, access: .readOnly) }
    #expect(throws: StoreError.self) { _ = try FileTicketStore.verify(at: missing) }
    #expect(throws: StoreError.self) { _ = try FileTicketStore.repair(at: missing) }
    #expect(!FileManager.default.fileExists(atPath: missing.path))
  }

  @Test("read-only opens share the lock with each other and wait for a writer")
  func readersShareTheLock() async throws {
    let folder = try TemporaryStoreDirectory()
    defer { folder.cleanUp() }
    let tickets = try await folder.makeTwentyEventStore()
    let lock = try POSIXStoreFileSystem().lock(folder.url.path, exclusive: false, timeout: .zero)
    let reader = try FileTicketStore(directory: folder.url, access: .readOnly, lockTimeout: .seconds(30))
    #expect(try await reader.allTickets() == tickets)
    #expect(throws: StoreError.self) { _ = try FileTicketStore(directory: folder.url, lockTimeout: .zero) }
    lock.release()
    let writer = try FileTicketStore(directory: folder.url, lockTimeout: .seconds(30))
    #expect(throws: StoreError.self) {
      _ = try FileTicketStore(directory: folder.url, access: .readOnly, lockTimeout: .milliseconds(50))
    }
    await writer.close()
  }

  @Test("a store written before manifests existed opens read-only unchanged; its first write-open records a manifest")
  func upgradeFromLegacyStore() async throws {
    let folder = try TemporaryStoreDirectory()
    defer { folder.cleanUp() }
    let tickets = try writeLegacyStore(folder, tickets: 4)
    let before = try folder.entries()
    let report = try FileTicketStore.verify(at: folder.url)
    #expect(report.isClean && !report.hasManifest && report.ticketCount == 4)
    let reader = try FileTicketStore(directory: folder.url, access: .readOnly)
    #expect(try await reader.allTickets() == tickets)
    #expect(try folder.entries() == before)

    let store = try FileTicketStore(directory: folder.url)
    #expect(FileManager.default.fileExists(atPath: folder.file("MANIFEST").path))
    _ = try await store.append([StoreFixtures.reply("L-0", version: 2)], to: "L-0", expectedVersion: 2)
    await store.close()
    #expect(try FileTicketStore.verify(at: folder.url).hasManifest)
    // From now on a shortened segment is detected.
    let journal = folder.file("journal-0000000000000001.log")
    try Data(try Data(contentsOf: journal).prefix(8)).write(to: journal)
    #expect(throws: StoreError.self) { _ = try FileTicketStore(directory: folder.url) }
  }

  @Test(
    "a 7-byte junk snapshot never hides tickets: ignored beside a manifest, damage without one, and repair keeps every ticket"
  )
  func junkSnapshotHidesNothing() async throws {
    let folder = try TemporaryStoreDirectory()
    defer { folder.cleanUp() }
    let tickets = try await folder.makeTwentyEventStore()
    try Data("garbage".utf8).write(to: folder.file("snapshot-0000000000000005.snap"))
    let store = try FileTicketStore(directory: folder.url, access: .readOnly)
    #expect(try await store.allTickets() == tickets)

    let legacy = try TemporaryStoreDirectory()
    defer { legacy.cleanUp() }
    let legacyTickets = try writeLegacyStore(legacy, tickets: 10)
    try Data("garbage".utf8).write(to: legacy.file("snapshot-0000000000000005.snap"))
    #expect {
      _ = try FileTicketStore(directory: legacy.url)
    } throws: { isStoreError($0, .corruptJournal, file: "snapshot-0000000000000005.snap") }
    let repair = try FileTicketStore.repair(at: legacy.url)
    #expect(repair.result.isClean)
    #expect(repair.result.snapshot == "snapshot-0000000000000014.snap")  // covers all 20 records
    let reopened = try FileTicketStore(directory: legacy.url)
    #expect(try await reopened.allTickets() == legacyTickets)
  }
}
