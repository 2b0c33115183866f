import Foundation
import SupportTickets
import Testing

@Suite("Folding a timeline")
struct FoldingTests {
  @Test("the fold computes the state an agent would read off the timeline")
  func stateByHand() throws {
    var builder = TimelineBuilder(priority: .high)
    let ack = builder.add(.automatedMessage(body: "We received your request"))
    builder.add(.assigneeChanged(to: "bo"))
    let reply = builder.add(.agentReply(body: "Restarted Apache"))
    builder.add(.priorityChanged(to: .critical))
    builder.add(.departmentChanged(to: .billing))
    let resolved = builder.add(.statusChanged(to: .resolved))
    let customer = builder.add(.customerReply(body: "Down again"))
    builder.add(.mergedFrom("T-7"))
    let ticket = try builder.ticket()

    #expect(ticket.status == .open)
    #expect(ticket.priority == .critical)
    #expect(ticket.department == .billing)
    #expect(ticket.assignee == "bo")
    #expect(ticket.firstAgentReplyAt == reply.instant)
    #expect(ticket.lastAgentReplyAt == reply.instant)
    #expect(ticket.lastCustomerMessageAt == customer.instant)
    #expect(ticket.createdAt == referenceInstant)
    #expect(ticket.updatedAt == builder.instant)
    #expect(ticket.resolvedAt == nil, "reopened by the customer after \(resolved.instant)")
    #expect(ticket.reopenCount == 1)
    #expect(ticket.mergedTickets == ["T-7"])
    #expect(ticket.version == 9)
    #expect(ticket.events.count == 9)
    #expect(ticket.channel == .panel)
    #expect(ticket.service?.domain == "example.com")
    #expect(ack.visibility == .public)
  }

  @Test("folding is deterministic: the same timeline always gives the same ticket")
  func foldTwice() throws {
    var random = RandomTimelines(seed: 42)
    for index in 0..<300 {
      let events = random.timeline(ticketID: TicketID("T-\(index)"))
      let first = try Ticket(events: events)
      let second = try Ticket(events: events)
      #expect(first == second)
      #expect(first.hashValue == second.hashValue)
      #expect(summary(first) == summary(second))
    }
  }

  @Test("folding after a JSON round trip gives the same ticket")
  func foldAfterJSON() throws {
    var random = RandomTimelines(seed: 7)
    let encoder = TicketJSON.makeEncoder()
    for _ in 0..<300 {
      let events = random.timeline()
      let original = try Ticket(events: events)
      let decodedEvents = try TicketJSON.decode([TicketEvent].self, from: encoder.encode(events))
      let refolded = try Ticket(events: decodedEvents)
      #expect(refolded == original)
      #expect(summary(refolded) == summary(original))
      let decodedTicket = try TicketJSON.decode(Ticket.self, from: encoder.encode(original))
      #expect(summary(decodedTicket) == summary(original))
    }
  }

  @Test("applying events one by one gives the same ticket as folding them at once")
  func incrementalEqualsBatch() throws {
    var random = RandomTimelines(seed: 99)
    for _ in 0..<300 {
      let events = random.timeline(maxEvents: 40)
      var incremental = try Ticket(opening: events[0])
      for event in events.dropFirst() { try incremental.apply(event) }
      let folded = try Ticket(events: events)
      #expect(summary(incremental) == summary(folded))
      #expect(try Ticket(events: [events[0]]).applying(Array(events.dropFirst())) == folded)
    }
  }

  /// Every folded property, so equality of summaries compares state and not just the timeline.
  private func summary(_ ticket: Ticket) -> String {
    [
      ticket.id.rawValue, ticket.customerID.rawValue, ticket.subject, ticket.status.rawValue,
      ticket.priority.rawValue, ticket.department.rawValue, ticket.channel.rawValue, "\(ticket.service as Any)",
      "\(ticket.assignee as Any)", "\(ticket.createdAt)", "\(ticket.updatedAt)", "\(ticket.firstAgentReplyAt as Any)",
      "\(ticket.lastAgentReplyAt as Any)", "\(ticket.lastCustomerMessageAt)", "\(ticket.resolvedAt as Any)",
      "\(ticket.closedAt as Any)", "\(ticket.reopenCount)", "\(ticket.mergedInto as Any)", "\(ticket.mergedTickets)",
      "\(ticket.version)",
    ].joined(separator: "|")
  }
}
