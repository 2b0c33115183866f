import Foundation
import Testing

@testable import SupportTickets

/// The shortcuts the in-memory store and the fold take must give the answers of the plain rules.
@Suite("In-memory store and fold: fast paths")
struct StoreFastPathTests {
  /// What one append call gave: the new version, or the error's type and code.
  private enum Outcome: Equatable {
    case version(Int)
    case storeError(StoreError.Code)
    case ticketError(TicketError.Code)
    case other(String)

    init(_ body: () throws -> Int) {
      do {
        self = .version(try body())
      } catch let error as StoreError {
        self = .storeError(error.code)
      } catch let error as TicketError {
        self = .ticketError(error.code)
      } catch {
        self = .other("\(error)")
      }
    }
  }

  /// A seeded mix of appends: valid ones, stale versions, unknown tickets, repeated ids, secrets in texts and
  /// in identifiers, refused transitions and several events per call, some tickets many times per batch.
  private static func mixedBatch(seed: UInt64, count: Int) -> (timelines: [[TicketEvent]], batch: [TicketAppend]) {
    var generator = SeededGenerator(seed: seed)
    var builders = (0..<12).map { TimelineBuilder(ticketID: TicketID("T-\($0)"), customerID: CustomerID("cust-\($0)")) }
    let timelines = builders.map(\.events)
    var versions = builders.map { _ in 1 }
    var batch: [TicketAppend] = []
    for _ in 0..<count {
      let index = Int.random(in: 0..<builders.count, using: &generator)
      let ticketID = builders[index].ticketID
      var events: [TicketEvent]
      switch Int.random(in: 0..<10, using: &generator) {
      case 0: events = [builders[index].next(.customerReply(body: "my password: Sunset#2026 fails"))]
      case 1:
        let reply = builders[index].next(.agentReply(body: "Done"))
        var note = builders[index].next(.internalNote(body: "ok"))
        note.id = EventID("\(reply.id)-note")
        events = [reply, note]
      case 2: events = [builders[index].next(.statusChanged(to: .closed))]
      case 3: events = [builders[index].events[0]]  // the id e0 is taken
      case 4:
        let event = builders[index].next(.agentReply(body: "twice"))
        events = [event, event]
      case 5:
        events = [
          TicketEvent(
            id: "4111111111111111", instant: builders[index].instant.addingTimeInterval(60),
            author: .agent(builders[index].agent), kind: .agentReply(body: "id holds a card"))
        ]
      default: events = [builders[index].next(.agentReply(body: "On it, \(batch.count)"))]
      }
      let roll = Int.random(in: 0..<8, using: &generator)
      let target = roll == 0 ? TicketID("T-missing") : ticketID
      let expected = roll == 1 ? versions[index] + 1 : versions[index]
      batch.append(TicketAppend(events: events, ticketID: target, expectedVersion: expected))
      // Follow the batch as the store will take it, so that most later appends are valid.
      if let ticket = try? Ticket(events: builders[index].events).applying(events), target == ticketID,
        expected == versions[index]
      {
        for event in events { builders[index].append(event) }
        versions[index] = ticket.version
      }
    }
    return (timelines, batch)
  }

  @Test("a batch of appends has the outcome of the same calls made one by one", arguments: [1, 2, 3] as [UInt64])
  func batchEqualsSeparateCalls(seed: UInt64) async throws {
    let (timelines, batch) = Self.mixedBatch(seed: seed, count: 300)
    let batched = InMemoryTicketStore()
    let separate = InMemoryTicketStore()
    for timeline in timelines {
      _ = try await batched.create(timeline)
      _ = try await separate.create(timeline)
    }
    let results = await batched.append(batch).map { result in Outcome { try result.get() } }
    var expected: [Outcome] = []
    for item in batch {
      do {
        let ticket = try await separate.append(item.events, to: item.ticketID, expectedVersion: item.expectedVersion)
        expected.append(.version(ticket.version))
      } catch {
        expected.append(Outcome { throw error })
      }
    }
    #expect(results == expected)
    #expect(Set(results.map { "\($0)" }).count >= 5, "the batch must mix successes and several errors")
    for timeline in timelines {
      let id = try Ticket(events: timeline).id
      #expect(await batched.ticket(id) == separate.ticket(id))
    }
  }

  @Test("a repeated event id is refused wherever it repeats, in timelines short and long")
  func repeatedIDsAreFound() throws {
    var generator = SeededGenerator(seed: 9)
    for length in [2, 3, 10, 24, 25, 26, 40] {
      for _ in 0..<20 {
        var builder = TimelineBuilder()
        for _ in 1..<length { builder.add(.agentReply(body: "reply")) }
        var timeline = builder.events
        let later = Int.random(in: 1..<length, using: &generator)
        let earlier = Int.random(in: 0..<later, using: &generator)
        timeline[later].id = timeline[earlier].id
        #expect(throws: TicketError.self) { try Ticket(events: timeline) }
        // The same id offered to the whole timeline as one more event.
        var ticket = try builder.ticket()
        let repeated = TicketEvent(
          id: timeline[earlier].id, instant: builder.instant.addingTimeInterval(60), author: .agent("ana"),
          kind: .agentReply(body: "again"))
        #expect(throws: TicketError.self) { try ticket.apply(repeated) }
        #expect(throws: StoreError.self) { try ticket.requireNewEventIDs([repeated]) }
        #expect(ticket.containsEvent(repeated.id))
      }
    }
  }

  @Test("different ids that share their bit are both accepted")
  func sharedBitsAreNotRepeats() throws {
    // Ids whose bit equals that of e1: the bits only say where to look, never that an id repeats.
    let target = TicketState.idBit("e1")
    let sharing = (2..<5_000).lazy.map { EventID("x\($0)") }.filter { TicketState.idBit($0) == target }.prefix(30)
    #expect(sharing.count == 30)
    var builder = TimelineBuilder()
    let first = builder.add(.agentReply(body: "first"))
    #expect(first.id == "e1")
    var timeline = builder.events
    var ticket = try Ticket(events: timeline)
    for id in sharing {
      #expect(!ticket.containsEvent(id))
      let event = TicketEvent(
        id: id, instant: builder.instant.addingTimeInterval(60), author: .agent("ana"), kind: .internalNote(body: "n"))
      try ticket.apply(event)
      timeline.append(event)
      #expect(ticket.containsEvent(id))
    }
    #expect(try Ticket(events: timeline) == ticket)
    #expect(ticket.version == 32)
  }

  @Test("the white-space switch agrees with Unicode's White_Space property on every scalar")
  func whitespaceSwitchMatchesUnicode() {
    var mismatches: [UInt32] = []
    for value in UInt32(0)...0x10_FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      if TicketEventRules.isWhitespace(scalar) != scalar.properties.isWhitespace { mismatches.append(value) }
    }
    #expect(mismatches.isEmpty)
    #expect(!TicketEventRules.hasVisibleText("\u{3000}\u{00A0} \n"))
    #expect(TicketEventRules.hasVisibleText("\u{3000}ເວັບ"))
  }

  @Test("redacting a call's events changes exactly the events a one-by-one redaction changes")
  func redactedEventsMatchOneByOne() throws {
    let redactor = SensitiveDataRedactor.standard
    var builder = TimelineBuilder()
    let bodies = ["hello", "my password: Sunset#2026", "card 4111 1111 1111 1111 please", "fine", "token=abc123def456"]
    for body in bodies { builder.add(.customerReply(body: body)) }
    let events = builder.events
    for start in events.indices {
      let slice = Array(events[start...])
      let whole = try redactor.redacted(slice)
      let oneByOne = try slice.enumerated().map { try redactor.redacted($1, position: $0) }
      #expect(whole == oneByOne)
    }
    let clean = [events[0], events[1], events[4]]
    #expect(try redactor.redacted(clean) == clean)
    #expect(try SensitiveDataRedactor.disabled.redacted(events) == events)
  }
}
