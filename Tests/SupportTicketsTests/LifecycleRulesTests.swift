import Foundation
import SupportTickets
import Testing

@Suite("Lifecycle rules")
struct LifecycleRulesTests {
  @Test("a customer reply reopens a resolved ticket")
  func customerReplyReopensResolved() throws {
    var builder = TimelineBuilder()
    builder.add(.statusChanged(to: .resolved))
    var ticket = try builder.ticket()
    #expect(ticket.resolvedAt != nil)
    try ticket.apply(builder.next(.customerReply(body: "It is broken again")))
    #expect(ticket.status == .open)
    #expect(ticket.reopenCount == 1)
    #expect(ticket.resolvedAt == nil)
  }

  @Test("a customer reply returns a waiting ticket to open", arguments: [TicketStatus.waitingOnCustomer, .onHold])
  func customerReplyReturnsWaitingToOpen(status: TicketStatus) throws {
    var (ticket, builder) = try ticket(in: status)
    try ticket.apply(builder.next(.customerReply(body: "Here is the log you asked for")))
    #expect(ticket.status == .open)
    #expect(ticket.reopenCount == 0)
  }

  @Test(
    "a customer reply leaves an open or in-progress ticket where it is", arguments: [TicketStatus.open, .inProgress])
  func customerReplyKeepsActiveStatus(status: TicketStatus) throws {
    var (ticket, builder) = try ticket(in: status)
    try ticket.apply(builder.next(.customerReply(body: "Any news?")))
    #expect(ticket.status == status)
    #expect(ticket.lastCustomerMessageAt == ticket.updatedAt)
  }

  @Test("closed is final: no event of any kind is accepted")
  func closedIsFinal() throws {
    var (ticket, builder) = try ticket(in: .closed)
    let attempts: [TicketEvent.Kind] = [
      .customerReply(body: "hello?"), .agentReply(body: "hi"), .internalNote(body: "n"),
      .automatedMessage(body: "auto"), .priorityChanged(to: .high), .departmentChanged(to: .billing),
      .assigneeChanged(to: "bo"), .merged(into: "T-2"), .mergedFrom("T-3"), .reopened,
    ]
    for kind in attempts {
      let event = builder.next(kind)
      let error = #expect(throws: TicketError.self) { try ticket.apply(event) }
      let expected: TicketError.Code = kind == .reopened ? .invalidTransition : .ticketClosed
      #expect(error?.code == expected, "\(kind.name)")
    }
    #expect(ticket.status == .closed)
    #expect(ticket.version == 2)
  }

  @Test("an agent can reopen a resolved ticket, and only a resolved one")
  func agentReopen() throws {
    var (resolved, builder) = try ticket(in: .resolved)
    try resolved.apply(builder.next(.reopened))
    #expect(resolved.status == .open)
    #expect(resolved.reopenCount == 1)

    var (open, openBuilder) = try ticket(in: .open)
    let error = #expect(throws: TicketError.self) { try open.apply(openBuilder.next(.reopened)) }
    #expect(error?.code == .invalidTransition)
  }

  @Test("merging closes the ticket and records both sides")
  func merging() throws {
    var builder = TimelineBuilder()
    builder.add(.merged(into: "T-9"))
    let merged = try builder.ticket()
    #expect(merged.status == .closed)
    #expect(merged.mergedInto == "T-9")
    #expect(merged.closedAt == builder.instant)

    var target = TimelineBuilder(ticketID: "T-9")
    target.add(.mergedFrom("T-1"))
    #expect(try target.ticket().mergedTickets == ["T-1"])
  }

  @Test("a ticket cannot be merged into itself")
  func noSelfMerge() throws {
    var (ticket, builder) = try ticket(in: .open)
    let error = #expect(throws: TicketError.self) { try ticket.apply(builder.next(.merged(into: "T-1"))) }
    #expect(error?.code == .invalidEvent)
  }

  @Test("only the ticket's customer can reply as the customer")
  func customerReplyAuthor() throws {
    var (ticket, builder) = try ticket(in: .open)
    let stranger = builder.next(.customerReply(body: "me too"), by: .customer("cust-2"))
    #expect(throws: TicketError.self) { try ticket.apply(stranger) }
    let agentAsCustomer = builder.next(.customerReply(body: "x"), by: .agent("ana"))
    #expect(throws: TicketError.self) { try ticket.apply(agentAsCustomer) }
  }

  @Test("internal notes must be internal and never written by the customer")
  func internalNoteRules() throws {
    var (ticket, builder) = try ticket(in: .open)
    let publicNote = TicketEvent(
      id: "n1", instant: builder.instant, author: .agent("ana"), visibility: .public, kind: .internalNote(body: "x"))
    #expect(throws: TicketError.self) { try ticket.apply(publicNote) }
    let customerNote = builder.next(.internalNote(body: "x"), by: .customer("cust-1"))
    #expect(throws: TicketError.self) { try ticket.apply(customerNote) }
  }

  @Test("an event dated before the last one is refused")
  func eventsAreInOrder() throws {
    var (ticket, builder) = try ticket(in: .open)
    let early = builder.next(.agentReply(body: "hi"), after: -3600)
    let error = #expect(throws: TicketError.self) { try ticket.apply(early) }
    #expect(error?.code == .invalidEvent)
  }

  @Test("empty and oversized messages are refused", arguments: ["", "   \n\t", "\u{3000}"])
  func emptyMessages(body: String) throws {
    var (ticket, builder) = try ticket(in: .open)
    #expect(throws: TicketError.self) { try ticket.apply(builder.next(.agentReply(body: body))) }
    let huge = String(repeating: "a", count: (1 << 20) + 1)
    #expect(throws: TicketError.self) { try ticket.apply(builder.next(.agentReply(body: huge))) }
  }

  @Test("a timeline must start with exactly one created event")
  func timelineShape() throws {
    #expect(throws: TicketError.self) { try Ticket(events: []) }
    var builder = TimelineBuilder()
    let reply = builder.next(.agentReply(body: "hi"))
    let noOpening = #expect(throws: TicketError.self) { try Ticket(events: [reply]) }
    #expect(noOpening?.code == .invalidTimeline)
    let twice = #expect(throws: TicketError.self) { try Ticket(events: [builder.events[0], builder.events[0]]) }
    #expect(twice?.code == .invalidEvent || twice?.code == .invalidTimeline)
  }

  @Test("an event id may appear only once in a timeline, short or long")
  func eventIDsAreUnique() throws {
    for length in [3, 40] {
      var builder = TimelineBuilder()
      for _ in 0..<length { builder.add(.agentReply(body: "update")) }
      var ticket = try builder.ticket()
      let repeated = TicketEvent(
        id: "e1", instant: builder.instant, author: .agent("ana"), kind: .agentReply(body: "again"))
      #expect(throws: TicketError.self) { try ticket.apply(repeated) }
      #expect(throws: TicketError.self) { try Ticket(events: builder.events + [repeated]) }
    }
  }

  @Test("only public agent replies count as responses")
  func responseTracking() throws {
    var builder = TimelineBuilder()
    builder.add(.automatedMessage(body: "We got your ticket"))
    builder.add(.internalNote(body: "looking"))
    #expect(try builder.ticket().firstAgentReplyAt == nil)
    let first = builder.add(.agentReply(body: "Fixed the DNS"))
    let last = builder.add(.agentReply(body: "Anything else?"))
    let ticket = try builder.ticket()
    #expect(ticket.firstAgentReplyAt == first.instant)
    #expect(ticket.lastAgentReplyAt == last.instant)
  }
}
