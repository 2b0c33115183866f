import Foundation
import SupportTickets
import Testing

/// The public pieces a host's own store is built from: cursors, the page builder, the duplicate-event check.
@Suite("Store building blocks")
struct StoreBuildingBlocksTests {
  private func tickets(_ count: Int) throws -> [Ticket] {
    try (0..<count).map { index in
      try TimelineBuilder(
        ticketID: TicketID("T-\(index)"), customerID: CustomerID("cust-\(index % 2)"),
        start: referenceInstant.addingTimeInterval(Double(index))
      ).ticket()
    }
  }

  @Test("a cursor reads back the sequence number it was made from", arguments: [0, 1, 9, 10, 41, 1_000_000, Int.max])
  func cursorRoundTrip(sequence: Int) throws {
    let cursor = TicketCursor(afterSequence: sequence)
    #expect(try cursor.sequence() == sequence)
    #expect(try TicketCursor(rawValue: cursor.rawValue).sequence() == sequence)
  }

  @Test(
    "a cursor in any other spelling is refused with invalidCursor",
    arguments: [
      "", "s", "S1", "s-1", "s+1", "s01", "s00", "s 1", "s1 ", "s1x", "s1.5", "x10", "s９", "s9223372036854775808",
      "s" + String(repeating: "1", count: 400),
    ])
  func cursorSpellings(raw: String) {
    let error = #expect(throws: StoreError.self) { try TicketCursor(rawValue: raw).sequence() }
    #expect(error?.code == .invalidCursor)
  }

  @Test("a page starts at 0 without a cursor and one past the cursor's sequence with one")
  func startSequence() throws {
    #expect(try TicketQuery().startSequence(nextSequence: 0) == 0)
    #expect(try TicketQuery(cursor: TicketCursor(afterSequence: 4)).startSequence(nextSequence: 5) == 5)
  }

  @Test("a cursor at or past the next sequence number the store would give is refused", arguments: [5, 6, 500])
  func cursorPastTheEnd(sequence: Int) {
    let query = TicketQuery(cursor: TicketCursor(afterSequence: sequence))
    let error = #expect(throws: StoreError.self) { try query.startSequence(nextSequence: 5) }
    #expect(error?.code == .invalidCursor)
  }

  @Test("the page builder keeps matching candidates up to the limit and gives a cursor only when more follow")
  func pageBuilder() throws {
    let all = try tickets(7)
    var builder = TicketPageBuilder(for: TicketQuery(customerID: "cust-0", limit: 2))
    var offered = 0
    for (sequence, ticket) in all.enumerated() {
      offered += 1
      guard builder.offer(ticket, sequence: sequence) else { break }
    }
    #expect(builder.page.tickets.map(\.id) == ["T-0", "T-2"])
    #expect(builder.page.nextCursor == TicketCursor(afterSequence: 2))
    #expect(offered == 4, "the builder stops at the first candidate it does not need")

    var last = TicketPageBuilder(for: TicketQuery(customerID: "cust-0", limit: 4, cursor: builder.page.nextCursor))
    for sequence in try last.query.startSequence(nextSequence: all.count)..<all.count {
      guard last.offer(all[sequence], sequence: sequence) else { break }
    }
    #expect(last.page.tickets.map(\.id) == ["T-4", "T-6"])
    #expect(last.page.nextCursor == nil, "a page that is not full is the last one")
  }

  @Test("a full page whose last ticket is the last candidate has no next cursor")
  func fullLastPage() throws {
    var builder = TicketPageBuilder(for: TicketQuery(limit: 3))
    for (sequence, ticket) in try tickets(3).enumerated() {
      let wanted = builder.offer(ticket, sequence: sequence)
      #expect(wanted)
    }
    #expect(builder.page.tickets.count == 3)
    #expect(builder.page.nextCursor == nil)
  }

  @Test("an event id the timeline has, or one repeated within the new events, is a duplicateEvent")
  func newEventIDs() throws {
    var builder = TimelineBuilder()
    builder.add(.agentReply(body: "hi"))
    let ticket = try builder.ticket()
    let fresh = builder.next(.internalNote(body: "note"))
    try ticket.requireNewEventIDs([])
    try ticket.requireNewEventIDs([fresh])
    let repeatedInCall = #expect(throws: StoreError.self) { try ticket.requireNewEventIDs([fresh, fresh]) }
    #expect(repeatedInCall?.code == .duplicateEvent)
    let repeatedFromTimeline = #expect(throws: StoreError.self) { try ticket.requireNewEventIDs([ticket.events[1]]) }
    #expect(repeatedFromTimeline?.code == .duplicateEvent)
    #expect(repeatedFromTimeline?.context["event"] == "e1")
  }

  @Test("the duplicate check sees every id of a long timeline")
  func longTimeline() throws {
    var builder = TimelineBuilder()
    for index in 0..<60 { builder.add(.internalNote(body: "note \(index)")) }
    let ticket = try builder.ticket()
    for event in ticket.events {
      #expect(throws: StoreError.self) { try ticket.requireNewEventIDs([event]) }
    }
    let new = builder.next(.agentReply(body: "new"))
    let newer = TicketEvent(id: "extra", instant: new.instant, author: .agent("ana"), kind: .agentReply(body: "newer"))
    try ticket.requireNewEventIDs([new, newer])
  }
}
