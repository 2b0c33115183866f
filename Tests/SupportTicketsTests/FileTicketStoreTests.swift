import Foundation
import SupportTickets
import Testing

@Suite("FileTicketStore")
struct FileTicketStoreTests {
  @Test("tickets survive closing and reopening the store")
  func survivesReopen() async throws {
    let folder = try TemporaryStoreDirectory()
    defer { folder.cleanUp() }
    let store = try FileTicketStore(directory: folder.url)
    _ = try await store.create(StoreFixtures.everyKind("T-1"))
    _ = try await store.create(opening: StoreFixtures.opening("T-2", customer: "cust-2"))
    let updated = try await store.append([StoreFixtures.reply("T-2", version: 1)], to: "T-2", expectedVersion: 1)
    await store.close()

    let reopened = try FileTicketStore(directory: folder.url)
    #expect(try await reopened.ticket("T-1") == (try Ticket(events: StoreFixtures.everyKind("T-1"))))
    #expect(try await reopened.ticket("T-2") == updated)
    #expect(await reopened.count == 2)
  }

  @Test("a stale expected version is a versionConflict and writes nothing")
  func versionConflict() async throws {
    let folder = try TemporaryStoreDirectory()
    defer { folder.cleanUp() }
    let store = try FileTicketStore(directory: folder.url)
    _ = try await store.create(opening: StoreFixtures.opening("T-1"))
    _ = try await store.append([StoreFixtures.reply("T-1", version: 1)], to: "T-1", expectedVersion: 1)
    await #expect(throws: StoreError.versionConflict("T-1", expected: 1, actual: 2)) {
      try await store.append([StoreFixtures.reply("T-1", version: 1, body: "late")], to: "T-1", expectedVersion: 1)
    }
    await store.close()
    let reopened = try FileTicketStore(directory: folder.url)
    #expect(try await reopened.ticket("T-1")?.version == 2)
  }

  @Test("duplicate tickets, duplicate events and unknown tickets are refused with their codes")
  func refusals() async throws {
    let folder = try TemporaryStoreDirectory()
    defer { folder.cleanUp() }
    let store = try FileTicketStore(directory: folder.url)
    _ = try await store.create(opening: StoreFixtures.opening("T-1"))
    await #expect(throws: StoreError.duplicateTicket("T-1")) {
      try await store.create(opening: StoreFixtures.opening("T-1"))
    }
    await #expect(throws: StoreError.duplicateEvent("T-1-e1", in: "T-1")) {
      try await store.append([StoreFixtures.reply("T-1", version: 0)], to: "T-1", expectedVersion: 1)
    }
    await #expect(throws: StoreError.ticketNotFound("T-404")) {
      try await store.append([StoreFixtures.reply("T-404", version: 1)], to: "T-404", expectedVersion: 1)
    }
    await #expect(throws: TicketError.self) {
      try await store.append(
        [TicketEvent(id: "x", instant: StoreFixtures.start, author: .agent("ana"), kind: .statusChanged(to: .open))],
        to: "T-1", expectedVersion: 1)
    }
    #expect(try await store.ticket("T-1")?.version == 1)
  }

  @Test("queries, paging and customer scoping match the in-memory reference store, also after reopening")
  func queriesMatchReference() async throws {
    let folder = try TemporaryStoreDirectory()
    defer { folder.cleanUp() }
    let store = try FileTicketStore(directory: folder.url)
    let reference = InMemoryTicketStore()
    var random = SeededRandom(seed: 11)
    for index in 0..<120 {
      let id = "T-\(index)"
      let opening = StoreFixtures.opening(
        id, customer: "cust-\(index % 7)", subject: index % 5 == 0 ? "Mail bounces" : "Site down",
        at: Double(index) * 900)
      _ = try await store.create(opening: opening)
      _ = try await reference.create(opening: opening)
      var events: [TicketEvent] = []
      switch Int.random(in: 0..<4, using: &random) {
      case 0: events = [StoreFixtures.reply(id, version: 1, at: Double(index) * 900 + 30)]
      case 1:
        events = [
          TicketEvent(
            id: EventID("\(id)-e2"), instant: StoreFixtures.start.addingTimeInterval(Double(index) * 1000),
            author: .agent("ana"), kind: .statusChanged(to: .resolved))
        ]
      case 2: events = [StoreFixtures.note(id, version: 1, body: "mail queue stuck", at: Double(index) * 900 + 5)]
      default: break
      }
      if !events.isEmpty {
        _ = try await store.append(events, to: TicketID(id), expectedVersion: 1)
        _ = try await reference.append(events, to: TicketID(id), expectedVersion: 1)
      }
    }
    let middle = StoreFixtures.start.addingTimeInterval(60 * 900)
    let queries = [
      TicketQuery(limit: 7),
      TicketQuery(customerID: "cust-3", limit: 4),
      TicketQuery(statuses: [.resolved], limit: 9),
      TicketQuery(statuses: [.open, .resolved], priorities: [.high], limit: 50),
      TicketQuery(updatedSince: middle, limit: 6),
      TicketQuery(customerID: "cust-2", updatedSince: middle, limit: 3),
      TicketQuery(text: "mail", limit: 5),
      TicketQuery(text: "queue", searchesInternalNotes: true, limit: 5),
      TicketQuery(customerID: "nobody"),
    ]
    for query in queries {
      #expect(try await store.allTickets(matching: query) == (try await reference.allTickets(matching: query)))
    }
    await store.close()
    let reopened = try FileTicketStore(directory: folder.url)
    for query in queries {
      #expect(try await reopened.allTickets(matching: query) == (try await reference.allTickets(matching: query)))
      let firstPage = try await reopened.query(query)
      #expect(firstPage == (try await reference.query(query)))
    }
  }

  @Test("a cursor the store did not issue is an invalidCursor error")
  func invalidCursor() async throws {
    let folder = try TemporaryStoreDirectory()
    defer { folder.cleanUp() }
    let store = try FileTicketStore(directory: folder.url)
    await #expect(throws: StoreError.self) {
      try await store.query(TicketQuery(cursor: TicketCursor(rawValue: "page-2")))
    }
  }

  @Test("compaction writes a snapshot, drops the covered journal, and keeps every event")
  func compactionKeepsEvents() async throws {
    let folder = try TemporaryStoreDirectory()
    defer { folder.cleanUp() }
    let store = try FileTicketStore(directory: folder.url)
    for index in 0..<20 { _ = try await store.create(opening: StoreFixtures.opening("T-\(index)")) }
    try await store.compact()
    for index in 0..<20 {
      _ = try await store.append(
        [StoreFixtures.reply("T-\(index)", version: 1)], to: TicketID("T-\(index)"), expectedVersion: 1)
    }
    _ = try await store.create(opening: StoreFixtures.opening("T-late"))
    let expected = try await store.allTickets()
    await store.close()
    #expect(try folder.storeFileNames() == ["journal-0000000000000015.log", "snapshot-0000000000000014.snap"])

    let reopened = try FileTicketStore(directory: folder.url)
    #expect(try await reopened.allTickets() == expected)
    try await reopened.compact()
    await reopened.close()
    #expect(try folder.storeFileNames() == ["journal-000000000000002a.log", "snapshot-0000000000000029.snap"])
    let again = try FileTicketStore(directory: folder.url)
    #expect(try await again.allTickets() == expected)
  }

  @Test("a snapshot left next to the segments it covers (crash before clean-up) loads without duplicates")
  func crashDuringCompaction() async throws {
    let folder = try TemporaryStoreDirectory()
    defer { folder.cleanUp() }
    let store = try FileTicketStore(directory: folder.url)
    for index in 0..<5 { _ = try await store.create(opening: StoreFixtures.opening("T-\(index)")) }
    await store.close()
    let oldSegment = folder.url.appendingPathComponent("journal-0000000000000001.log")
    let saved = try Data(contentsOf: oldSegment)
    let compacting = try FileTicketStore(directory: folder.url)
    try await compacting.compact()
    let expected = try await compacting.allTickets()
    await compacting.close()
    // Put the covered segment back, as if the crash came after the snapshot's rename.
    try saved.write(to: oldSegment)
    let reopened = try FileTicketStore(directory: folder.url)
    #expect(try await reopened.allTickets() == expected)
    _ = try await reopened.create(opening: StoreFixtures.opening("T-new"))
    #expect(await reopened.count == 6)
  }

  @Test("a second writer on the same directory is refused with locked once its lock timeout passes")
  func secondOpenIsLocked() async throws {
    let folder = try TemporaryStoreDirectory()
    defer { folder.cleanUp() }
    let store = try FileTicketStore(directory: folder.url)
    let started = ContinuousClock.now
    #expect {
      _ = try FileTicketStore(directory: folder.url, lockTimeout: .milliseconds(200))
    } throws: { error in
      (error as? StoreError)?.code == .locked
    }
    #expect(ContinuousClock.now - started >= .milliseconds(200))
    await store.close()
    _ = try FileTicketStore(directory: folder.url, lockTimeout: .seconds(30))
  }

  @Test("a writer waits for the lock and gets it when the holder closes within the timeout")
  func writerWaitsForTheLock() async throws {
    let folder = try TemporaryStoreDirectory()
    defer { folder.cleanUp() }
    let store = try FileTicketStore(directory: folder.url)
    _ = try await store.create(opening: StoreFixtures.opening("T-1"))
    let closer = Task {
      try await Task.sleep(for: .milliseconds(150))
      await store.close()
    }
    // The wait blocks its thread: run it on its own, so the closing task keeps a thread of the pool. The
    // timeout is generous because on a loaded machine the closing task may wait long for a thread; what
    // the test checks is that the waiter gets the lock once it is released, however late that is.
    let second = try await withCheckedThrowingContinuation { continuation in
      Thread {
        continuation.resume(with: Result { try FileTicketStore(directory: folder.url, lockTimeout: .seconds(600)) })
      }
      .start()
    }
    try await closer.value
    #expect(await second.count == 1)
    _ = try await second.create(opening: StoreFixtures.opening("T-2"))
    await second.close()
  }

  @Test("deleting LOCK or any other file under a running writer never lets a second writer in")
  func lockIsOnTheDirectory() async throws {
    let folder = try TemporaryStoreDirectory()
    defer { folder.cleanUp() }
    let store = try FileTicketStore(directory: folder.url)
    _ = try await store.create(opening: StoreFixtures.opening("T-1"))
    try? FileManager.default.removeItem(at: folder.url.appendingPathComponent("LOCK"))
    try FileManager.default.removeItem(at: folder.url.appendingPathComponent("MANIFEST"))
    #expect {
      _ = try FileTicketStore(directory: folder.url, lockTimeout: .zero)
    } throws: { error in
      (error as? StoreError)?.code == .locked
    }
    #expect {
      _ = try FileTicketStore(directory: folder.url, access: .readOnly, lockTimeout: .zero)
    } throws: { error in
      (error as? StoreError)?.code == .locked
    }
    await store.close()
  }

  @Test("a card number pasted into a ticket never reaches any byte of the store directory")
  func redactionBeforeDisk() async throws {
    let folder = try TemporaryStoreDirectory()
    defer { folder.cleanUp() }
    let store = try FileTicketStore(directory: folder.url, durability: .batched(maxDelay: .milliseconds(2)))
    _ = try await store.create(
      opening: StoreFixtures.opening(
        "T-1", subject: "Charge on 4111 1111 1111 1111", body: "my card 4111-1111-1111-1111 and password: Hunter2!x"))
    _ = try await store.append(
      [StoreFixtures.reply("T-1", version: 1, body: "card 4111111111111111 noted")], to: "T-1", expectedVersion: 1)
    try await store.compact()
    _ = try await store.append(
      [StoreFixtures.note("T-1", version: 2, body: "customer pasted 5500 0000 0000 0004")], to: "T-1",
      expectedVersion: 2)
    await store.close()
    let secrets = [
      "4111111111111111", "4111 1111 1111 1111", "4111-1111-1111-1111", "Hunter2!x", "5500 0000 0000 0004",
    ]
    let files = try folder.allFiles()
    #expect(files.count >= 3)
    for (name, bytes) in files {
      for secret in secrets {
        #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret) found in \(name)")
      }
    }
    let reopened = try FileTicketStore(directory: folder.url)
    let body = try #require(try await reopened.ticket("T-1")?.events.first?.body)
    #expect(body.contains("[redacted card ending 1111]"))
  }

  @Test("batched writes are acknowledged and durable")
  func batchedDurability() async throws {
    let folder = try TemporaryStoreDirectory()
    defer { folder.cleanUp() }
    let store = try FileTicketStore(directory: folder.url, durability: .batched(maxDelay: .milliseconds(5)))
    try await withThrowingTaskGroup(of: Void.self) { group in
      for index in 0..<40 {
        group.addTask { _ = try await store.create(opening: StoreFixtures.opening("T-\(index)")) }
      }
      try await group.waitForAll()
    }
    await store.close()
    let reopened = try FileTicketStore(directory: folder.url)
    #expect(await reopened.count == 40)
  }

  @Test("batch creates and appends succeed or fail element by element and survive reopening")
  func batches() async throws {
    let folder = try TemporaryStoreDirectory()
    defer { folder.cleanUp() }
    let store = try FileTicketStore(directory: folder.url)
    let created = await store.create(timelines: [
      [StoreFixtures.opening("T-1")], [StoreFixtures.opening("T-1")], [StoreFixtures.opening("T-2", customer: "c2")],
    ])
    #expect(created.map { (try? $0.get()) ?? -1 } == [1, -1, 1])
    let appended = await store.append([
      TicketAppend(events: [StoreFixtures.reply("T-1", version: 1)], ticketID: "T-1", expectedVersion: 1),
      TicketAppend(
        events: [StoreFixtures.reply("T-1", version: 1, body: "stale")], ticketID: "T-1", expectedVersion: 1),
      TicketAppend(events: [StoreFixtures.reply("T-1", version: 2)], ticketID: "T-1", expectedVersion: 2),
      TicketAppend(events: [StoreFixtures.reply("T-9", version: 1)], ticketID: "T-9", expectedVersion: 1),
    ])
    #expect(appended.map { (try? $0.get()) ?? -1 } == [2, -1, 3, -1])
    let expected = try await store.allTickets()
    await store.close()
    let reopened = try FileTicketStore(directory: folder.url)
    #expect(try await reopened.allTickets() == expected)
    #expect(try await reopened.ticket("T-1")?.version == 3)
  }
}
