import Foundation
import Testing

@testable import SupportTickets

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What an adversary puts where the store expects one of its files.
enum HostileEntry: String, CaseIterable, Sendable {
  case directory, fifo, linkOutside, danglingLink

  /// Creates the entry at `url`; `outside` is a file outside the store (its target for `linkOutside`).
  func make(at url: URL, outside: URL) throws {
    try? FileManager.default.removeItem(at: url)
    switch self {
    case .directory: try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
    case .fifo: #expect(mkfifo(url.path, 0o644) == 0)
    case .linkOutside: try FileManager.default.createSymbolicLink(at: url, withDestinationURL: outside)
    case .danglingLink:
      try FileManager.default.createSymbolicLink(
        at: url, withDestinationURL: outside.deletingLastPathComponent().appendingPathComponent("created-by-store"))
    }
  }
}

/// A closed store with a snapshot (3 tickets) and a journal segment after it (2 replies).
private func storeWithSnapshot(_ folder: TemporaryStoreDirectory) async throws -> [Ticket] {
  let store = try FileTicketStore(directory: folder.url)
  for index in 0..<3 { _ = try await store.create(opening: StoreFixtures.opening("T-\(index)")) }
  try await store.compact()
  _ = try await store.append([StoreFixtures.reply("T-0", version: 1)], to: "T-0", expectedVersion: 1)
  _ = try await store.append([StoreFixtures.reply("T-1", version: 1)], to: "T-1", expectedVersion: 1)
  let tickets = try await store.allTickets()
  await store.close()
  return tickets
}

@Suite("FileTicketStore and hostile files")
struct FileTicketStoreHostileFileTests {
  static let places = [
    "journal-0000000000000004.log", "journal-0000000000000009.log", "snapshot-0000000000000003.snap", "MANIFEST",
    "snapshot-ffffffffffffffff.snap",
  ]

  @Test(
    "a directory, FIFO or symbolic link named like a journal, snapshot or manifest is corruptJournal for open, read-only open and verify — never a crash, a hang or a write through the link — and repair moves it aside",
    .timeLimit(.minutes(2)), arguments: HostileEntry.allCases, places)
  func hostileEntry(kind: HostileEntry, place: String) async throws {
    try await withStoreAndOutside { folder, outsideFolder in
      let tickets = try await storeWithSnapshot(folder)
      let outside = outsideFolder.file("outside-copy")
      try ((try? Data(contentsOf: folder.file(place))) ?? Data("outside".utf8)).write(to: outside)
      try kind.make(at: folder.file(place), outside: outside)
      let outsideBefore = try outsideFolder.entries()

      #expect { _ = try FileTicketStore(directory: folder.url) } throws: {
        isStoreError($0, .corruptJournal, file: place)
      }
      #expect {
        _ = try FileTicketStore(directory: folder.url, access: .readOnly)
      } throws: { isStoreError($0, .corruptJournal, file: place) }
      let report = try FileTicketStore.verify(at: folder.url)
      #expect(report.damage?.file.hasSuffix("/" + place) == true, "\(report)")

      let repair = try FileTicketStore.repair(at: folder.url)
      #expect(repair.result.isClean, "\(repair)")
      #expect(repair.movedAside.contains { $0.hasSuffix("/" + place) }, "\(repair)")
      let reopened = try FileTicketStore(directory: folder.url)
      let kept = try await reopened.allTickets()
      await reopened.close()
      if place == "MANIFEST" || !FileManager.default.fileExists(atPath: outside.path) || place.contains("9")
        || place.contains("ffff")
      {
        #expect(kept == tickets, "nothing was in the replaced entry, so nothing may be lost")
      }
      #expect(try outsideFolder.entries() == outsideBefore, "a file outside the store changed")
    }
  }

  @Test("a journal symbolic link pointing outside the store is refused and never written through")
  func journalLinkOutside() async throws {
    try await withStoreAndOutside { folder, outsideFolder in
      _ = try await folder.makeTwentyEventStore()
      let journal = folder.file("journal-0000000000000001.log")
      let outside = outsideFolder.file("journal-copy")
      try FileManager.default.moveItem(at: journal, to: outside)
      try FileManager.default.createSymbolicLink(at: journal, withDestinationURL: outside)
      let before = try Data(contentsOf: outside)
      #expect {
        _ = try FileTicketStore(directory: folder.url)
      } throws: { isStoreError($0, .corruptJournal, file: "journal-0000000000000001.log") }
      #expect(try Data(contentsOf: outside) == before)
    }
  }

  @Test("a LOCK symbolic link pointing outside the store is never followed or created")
  func lockLinkOutside() async throws {
    try await withStoreAndOutside { folder, outsideFolder in
      let target = outsideFolder.file("created-through-lock")
      try FileManager.default.createSymbolicLink(at: folder.file("LOCK"), withDestinationURL: target)
      let store = try FileTicketStore(directory: folder.url)
      _ = try await store.create(opening: StoreFixtures.opening("T-1"))
      await store.close()
      _ = try FileTicketStore.verify(at: folder.url)
      #expect(!FileManager.default.fileExists(atPath: target.path))
    }
  }

  @Test("a journal record with a valid checksum whose instant is Int64.min is corruptJournal with file and offset")
  func extremeInstantIsDamage() async throws {
    let folder = try TemporaryStoreDirectory()
    defer { folder.cleanUp() }
    _ = try await folder.makeTwentyEventStore()
    let journal = folder.file("journal-0000000000000001.log")
    var bytes = [UInt8](try Data(contentsOf: journal))
    let offset = bytes.count
    var payload = ByteWriter()
    payload.write(StorePayloads.appended)
    payload.write(varint: 21)
    payload.write("T-0")
    payload.write(varint: 1)
    payload.write(3)  // agentReply
    payload.write("T-0-e9")
    payload.write(signed: Int64.min)
    payload.write(1)
    payload.write("ana")
    payload.write(0)
    payload.write("hello")
    RecordFraming.append(payload: payload.bytes, to: &bytes)
    try Data(bytes).write(to: journal)
    #expect {
      _ = try FileTicketStore(directory: folder.url)
    } throws: { error in
      isStoreError(error, .corruptJournal, file: "journal-0000000000000001.log")
        && (error as? StoreError)?.context["offset"] == String(offset)
    }
    #expect(try FileTicketStore.verify(at: folder.url).damage?.offset == Int64(offset))
  }

  @Test(
    "segment and snapshot names with the largest numbers are corruptJournal, not an overflow, with or without a manifest",
    arguments: ["snapshot-ffffffffffffffff.snap", "journal-ffffffffffffffff.log", "journal-0000000000000000.log"],
    [true, false])
  func extremeNames(name: String, withManifest: Bool) async throws {
    let folder = try TemporaryStoreDirectory()
    defer { folder.cleanUp() }
    let tickets = try await folder.makeTwentyEventStore()
    if !withManifest { try FileManager.default.removeItem(at: folder.file("MANIFEST")) }
    try Data("junk".utf8).write(to: folder.file(name))
    #expect { _ = try FileTicketStore(directory: folder.url) } throws: { isStoreError($0, .corruptJournal, file: name) }
    #expect(try FileTicketStore.verify(at: folder.url).damage?.file.hasSuffix(name) == true)
    let repair = try FileTicketStore.repair(at: folder.url)
    #expect(repair.result.isClean)
    let reopened = try FileTicketStore(directory: folder.url)
    #expect(try await reopened.allTickets() == tickets)
  }

  @Test("a snapshot header that counts two billion tickets is corruptJournal before anything is reserved")
  func hugeTicketCount() async throws {
    let folder = try TemporaryStoreDirectory()
    defer { folder.cleanUp() }
    var bytes = RecordFraming.snapshotMagic
    RecordFraming.append(
      payload: StorePayloads.encodeSnapshotHeader(coveringThrough: 1, ticketCount: Int(Int32.max)), to: &bytes)
    RecordFraming.append(payload: StorePayloads.encodeSnapshotTrailer(ticketCount: Int(Int32.max)), to: &bytes)
    try Data(bytes).write(to: folder.file("snapshot-0000000000000001.snap"))
    #expect {
      _ = try FileTicketStore(directory: folder.url)
    } throws: { isStoreError($0, .corruptJournal, file: "snapshot-0000000000000001.snap") }
  }

  @Test("a sparse journal larger than this machine can load is corruptJournal, not an allocation failure")
  func sparseGiantJournal() async throws {
    let folder = try TemporaryStoreDirectory()
    defer { folder.cleanUp() }
    _ = try await folder.makeTwentyEventStore()
    let journal = folder.file("journal-0000000000000001.log")
    let handle = try FileHandle(forWritingTo: journal)
    try handle.truncate(atOffset: ProcessInfo.processInfo.physicalMemory)
    try handle.close()
    #expect {
      _ = try FileTicketStore(directory: folder.url, access: .readOnly)
    } throws: { isStoreError($0, .corruptJournal, file: "journal-0000000000000001.log") }
  }
}
