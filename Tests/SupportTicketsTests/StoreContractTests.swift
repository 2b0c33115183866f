import Foundation
import SupportTickets
import Testing

@Suite("In-memory store: contract")
struct StoreContractTests {
  @Test("a created ticket can be fetched back as stored")
  func createAndFetch() async throws {
    let store = InMemoryTicketStore()
    var builder = TimelineBuilder()
    builder.add(.agentReply(body: "On it"))
    let created = try await store.create(builder.events)
    #expect(created.version == 2)
    #expect(await store.ticket("T-1") == created)
    #expect(await store.ticket("T-404") == nil)
    #expect(await store.count == 1)
  }

  @Test("a ticket id can be created only once")
  func duplicateTicket() async throws {
    let store = InMemoryTicketStore()
    _ = try await store.create(TimelineBuilder().events)
    let error = await #expect(throws: StoreError.self) { try await store.create(TimelineBuilder().events) }
    #expect(error?.code == .duplicateTicket)
    #expect(await store.count == 1)
  }

  @Test("an append with the wrong expected version writes nothing")
  func versionConflict() async throws {
    let store = InMemoryTicketStore()
    var builder = TimelineBuilder()
    let before = try await store.create(builder.events)
    let event = builder.next(.agentReply(body: "hello"))
    for stale in [0, 2, 7] {
      let error = await #expect(throws: StoreError.self) {
        try await store.append([event], to: "T-1", expectedVersion: stale)
      }
      #expect(error?.code == .versionConflict)
      #expect(error?.context["expected"] == String(stale))
      #expect(error?.context["actual"] == "1")
    }
    #expect(await store.ticket("T-1") == before)
  }

  @Test("the events of one append are stored together or not at all")
  func atomicAppend() async throws {
    let store = InMemoryTicketStore()
    var builder = TimelineBuilder()
    let before = try await store.create(builder.events)
    let good = builder.next(.agentReply(body: "first"))
    builder.append(good)
    let alsoGood = builder.next(.statusChanged(to: .resolved))
    builder.append(alsoGood)
    let bad = builder.next(.statusChanged(to: .onHold))  // resolved → onHold is not allowed
    let error = await #expect(throws: TicketError.self) {
      try await store.append([good, alsoGood, bad], to: "T-1", expectedVersion: 1)
    }
    #expect(error?.code == .invalidTransition)
    #expect(await store.ticket("T-1") == before)
    let after = try await store.append([good, alsoGood], to: "T-1", expectedVersion: 1)
    #expect(after.version == 3)
    #expect(after.status == .resolved)
  }

  @Test("a repeated event id is reported as duplicateEvent, within the call or against the timeline")
  func duplicateEvents() async throws {
    let store = InMemoryTicketStore()
    var builder = TimelineBuilder()
    _ = try await store.create(builder.events)
    let event = builder.next(.agentReply(body: "hi"))
    let twice = await #expect(throws: StoreError.self) {
      try await store.append([event, event], to: "T-1", expectedVersion: 1)
    }
    #expect(twice?.code == .duplicateEvent)
    _ = try await store.append([event], to: "T-1", expectedVersion: 1)
    let again = await #expect(throws: StoreError.self) {
      try await store.append([event], to: "T-1", expectedVersion: 2)
    }
    #expect(again?.code == .duplicateEvent)
    #expect(await store.ticket("T-1")?.version == 2)
  }

  @Test("a repeated event id is refused on a timeline long enough to be checked through its id index")
  func duplicateEventOnLongTimeline() async throws {
    let store = InMemoryTicketStore()
    var builder = TimelineBuilder()
    _ = try await store.create(builder.events)
    var version = 1
    var first: TicketEvent?
    for _ in 0..<40 {
      let event = builder.add(.internalNote(body: "checked"))
      first = first ?? event
      version = try await store.append([event], to: "T-1", expectedVersion: version).version
    }
    let error = await #expect(throws: StoreError.self) {
      try await store.append([first!], to: "T-1", expectedVersion: version)
    }
    #expect(error?.code == .duplicateEvent)
    #expect(await store.ticket("T-1")?.version == 41)
  }

  @Test("appending to an unknown ticket reports ticketNotFound")
  func unknownTicket() async throws {
    let store = InMemoryTicketStore()
    let builder = TimelineBuilder()
    let error = await #expect(throws: StoreError.self) {
      try await store.append(builder.events, to: "T-9", expectedVersion: 1)
    }
    #expect(error?.code == .ticketNotFound)
  }

  @Test("secrets are redacted before they are stored, in openings, subjects and appended events")
  func redactionBeforeStorage() async throws {
    let store = InMemoryTicketStore()
    var builder = TimelineBuilder(subject: "card 4111 1111 1111 1111", body: "my password: Hunter2!")
    _ = try await store.create(builder.events)
    let reply = builder.next(.customerReply(body: "Also pwd=letmein99 and card 5555555555554444"))
    let stored = try await store.append([reply], to: "T-1", expectedVersion: 1)
    let texts = stored.events.compactMap(\.body) + [stored.subject]
    for secret in ["4111 1111 1111 1111", "Hunter2!", "letmein99", "5555555555554444"] {
      #expect(!texts.contains { $0.contains(secret) }, "\(secret) must not be stored")
    }
    #expect(stored.subject == "card [redacted card ending 1111]")
    #expect(try await store.query(TicketQuery(text: "Hunter2")).tickets.isEmpty)
    let unredacted = InMemoryTicketStore(redactor: .disabled)
    #expect(try await unredacted.create(builder.events).subject == "card 4111 1111 1111 1111")
  }

  @Test("a batch of creates and appends has the outcome of the separate calls, in order")
  func batches() async throws {
    let store = InMemoryTicketStore()
    let one = TimelineBuilder(ticketID: "B-1")
    let two = TimelineBuilder(ticketID: "B-2")
    let created = await store.create(timelines: [one.events, two.events, one.events])
    #expect(try created[0].get() == 1)
    #expect(try created[1].get() == 1)
    #expect(throws: StoreError.self) { try created[2].get() }

    var builder = one
    let first = builder.next(.agentReply(body: "a"))
    builder.append(first)
    let second = builder.next(.agentReply(body: "b"))
    let results = await store.append([
      TicketAppend(events: [first], ticketID: "B-1", expectedVersion: 1),
      TicketAppend(events: [second], ticketID: "B-1", expectedVersion: 1),  // stale: the first one won
      TicketAppend(events: [second], ticketID: "B-1", expectedVersion: 2),
    ])
    #expect(try results[0].get() == 2)
    #expect(throws: StoreError.self) { try results[1].get() }
    #expect(try results[2].get() == 3)
    #expect(await store.ticket("B-1")?.events.map(\.id) == ["e0", "e1", "e2"])
  }
}
