import Foundation
import SupportTickets
import Testing

@Suite("Auto-close")
struct AutoCloseTests {
  let policy = AutoClosePolicy(period: 3 * 86_400)

  @Test("a resolved ticket closes once its quiet period has passed")
  func closesAfterPeriod() throws {
    var builder = TimelineBuilder()
    let resolved = builder.add(.statusChanged(to: .resolved))
    let ticket = try builder.ticket()
    let due = resolved.instant.addingTimeInterval(3 * 86_400)
    #expect(policy.closingInstant(for: ticket) == due)
    #expect(policy.effectiveStatus(of: ticket, at: due.addingTimeInterval(-0.001)) == .resolved)
    #expect(policy.effectiveStatus(of: ticket, at: due) == .closed)
    #expect(policy.closingEvent(for: ticket, at: due.addingTimeInterval(-1)) == nil)

    let closing = try #require(policy.closingEvent(for: ticket, at: due.addingTimeInterval(86_400)))
    #expect(closing.kind == .statusChanged(to: .closed))
    #expect(closing.author == .system)
    #expect(closing.instant == due, "the event is dated when the period ended, not when it was noticed")
    var closed = ticket
    try closed.apply(closing)
    #expect(closed.status == .closed)
    #expect(closed.closedAt == due)
  }

  @Test("a ticket that is not resolved never auto-closes", arguments: [TicketStatus.open, .inProgress, .onHold])
  func onlyResolvedTicketsClose(status: TicketStatus) throws {
    let (ticket, _) = try ticket(in: status)
    let farFuture = referenceInstant.addingTimeInterval(365 * 86_400)
    #expect(policy.closingInstant(for: ticket) == nil)
    #expect(policy.effectiveStatus(of: ticket, at: farFuture) == status)
    #expect(policy.closingEvent(for: ticket, at: farFuture) == nil)
  }

  @Test("a customer reply restarts the clock: the period counts from the latest resolution")
  func reopenRestartsClock() throws {
    var builder = TimelineBuilder()
    builder.add(.statusChanged(to: .resolved))
    builder.add(.customerReply(body: "still broken"), after: 86_400)
    let second = builder.add(.statusChanged(to: .resolved), after: 3600)
    let ticket = try builder.ticket()
    #expect(policy.closingInstant(for: ticket) == second.instant.addingTimeInterval(3 * 86_400))
  }

  @Test("the decision is a pure function of the timeline and now")
  func pure() throws {
    var builder = TimelineBuilder()
    builder.add(.statusChanged(to: .resolved))
    let now = referenceInstant.addingTimeInterval(10 * 86_400)
    let first = try builder.ticket()
    let second = try builder.ticket()
    #expect(policy.closingEvent(for: first, at: now) == policy.closingEvent(for: second, at: now))
    #expect(policy.effectiveStatus(of: first, at: now) == policy.effectiveStatus(of: second, at: now))
  }

  @Test("the default period is four days")
  func defaultPeriod() {
    #expect(AutoClosePolicy().period == 4 * 86_400)
  }
}
