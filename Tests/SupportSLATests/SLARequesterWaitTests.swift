import Foundation
import SupportSLA
import SupportTickets
import Testing

/// The hosting default measures what the customer lives through: on hold is the host's problem.
@Suite("Hosting default: requester wait time")
struct SLARequesterWaitTests {
  let opened = utc("2026-11-23T10:00:00Z")

  @Test("on hold counts towards the hosting default's resolution time, so an on-hold ticket breaches at 24 h")
  func onHoldCountsForResolution() throws {
    var builder = TimelineBuilder(at: opened, priority: .normal)
    builder.agentReply(after: 30 * oneMinute)
    builder.status(.onHold, after: oneHour)  // waiting on the registrar
    let before = try #require(try evaluateDefault(builder, at: 24 * oneHour - 1).current(.resolution))
    #expect(before.state == .running)
    #expect(before.elapsed == 24 * oneHour - 1)
    #expect(before.dueAt == utc("2026-11-24T10:00:00Z"))
    let after = try #require(try evaluateDefault(builder, at: 24 * oneHour).current(.resolution))
    #expect(after.state == .breached)
    #expect(after.breachedAt == utc("2026-11-24T10:00:00Z"))
  }

  @Test("only waiting on the customer stops the hosting default's clocks")
  func onlyWaitingOnCustomerPauses() throws {
    var builder = TimelineBuilder(at: opened, priority: .normal)
    builder.agentReply(after: oneHour)
    builder.status(.waitingOnCustomer, after: 2 * oneHour)
    builder.customerReply(after: 6 * oneHour)  // back to open
    builder.status(.onHold, after: 7 * oneHour)
    let status = try evaluateDefault(builder, at: 10 * oneHour)
    let resolution = try #require(status.current(.resolution))
    #expect(resolution.elapsed == 6 * oneHour)  // 0–2 h, then 6–10 h (on hold from 7 h counts)
    #expect(resolution.events.map(\.kind) == [.activated, .paused, .resumed])
  }

  @Test("the periodic update stays due while a ticket is on hold")
  func periodicUpdateContinuesOnHold() throws {
    // High priority: an update every 2 hours.
    var builder = TimelineBuilder(at: opened, priority: .high)
    builder.agentReply(after: 30 * oneMinute)
    builder.status(.onHold, after: 40 * oneMinute)
    let status = try evaluateDefault(builder, at: 3 * oneHour)
    let update = try #require(status.current(.nextResponse))
    #expect(update.state == .breached)
    #expect(update.breachedAt == opened.addingTimeInterval(2 * oneHour + 30 * oneMinute))
  }

  @Test("the monitor alerts on an on-hold ticket's periodic update and resolution")
  func monitorAlertsOnHold() throws {
    var builder = TimelineBuilder("T-7", at: opened, priority: .critical)
    builder.agentReply(after: 5 * oneMinute)
    builder.status(.onHold, after: 10 * oneMinute)
    var monitor = SLAMonitor()
    let alerts = monitor.scan([SLASubject(try builder.ticket())], now: opened.addingTimeInterval(oneHour))
    #expect(alerts.contains { $0.metric == .nextResponse && $0.kind == .breach })
    #expect(alerts.contains { $0.metric == .resolution && $0.kind == .breach })
  }

  @Test("requester wait pauses are one named set, distinct from the agent-work-time default")
  func pauseSetsAreNamed() {
    #expect(SLATarget.requesterWaitPauseStatuses == [.waitingOnCustomer])
    #expect(SLATarget.defaultPauseStatuses == [.waitingOnCustomer, .onHold])
  }
}
