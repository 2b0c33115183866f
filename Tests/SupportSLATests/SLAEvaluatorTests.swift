import Foundation
import SupportSLA
import SupportTickets
import Testing

let officeHoursJSON =
  #"{"timeZone":"UTC","weekly":{"monday":[["09:00","17:00"]],"tuesday":[["09:00","17:00"]],"#
  + #""wednesday":[["09:00","17:00"]],"thursday":[["09:00","17:00"]],"friday":[["09:00","17:00"]]}}"#

@Suite("SLA evaluator")
struct SLAEvaluatorTests {
  let opened = utc("2026-11-23T10:00:00Z")

  @Test("a first response counts only for a public agent reply, never a note or an automated message")
  func firstResponseNeedsPublicAgentReply() throws {
    var builder = TimelineBuilder(at: opened, priority: .high)
    builder.automatedMessage(after: 1 * oneMinute)
    builder.internalNote(after: 10 * oneMinute)
    builder.agentReply(after: 50 * oneMinute)
    let beforeReply = try #require(try evaluateDefault(builder, at: 40 * oneMinute).current(.firstResponse))
    #expect(beforeReply.state == .running)
    #expect(beforeReply.elapsed == 40 * oneMinute)
    let first = try #require(try evaluateDefault(builder, at: 2 * oneHour).current(.firstResponse))
    #expect(first.state == .achieved)
    #expect(first.fulfilledAt == opened.addingTimeInterval(50 * oneMinute))
    #expect(first.elapsed == 50 * oneMinute)
    #expect(
      first.events == [
        SLAMetricEvent(.activated, at: opened),
        SLAMetricEvent(.fulfilled, at: opened.addingTimeInterval(50 * oneMinute)),
      ])
  }

  @Test("a ticket solved without any reply fulfils its first response at the resolution")
  func solvedWithoutReply() throws {
    var builder = TimelineBuilder(at: opened, priority: .high)
    builder.status(.resolved, after: 20 * oneMinute)
    let status = try evaluateDefault(builder, at: 5 * oneHour)
    #expect(status.current(.firstResponse)?.fulfilledAt == opened.addingTimeInterval(20 * oneMinute))
    #expect(status.current(.firstResponse)?.state == .achieved)
    #expect(status.current(.resolution)?.state == .achieved)
    #expect(status.current(.nextResponse)?.fulfilledAt == opened.addingTimeInterval(20 * oneMinute))
  }

  @Test("reopening starts a new resolution cycle and earlier cycles keep their outcome")
  func reopeningStartsNewCycle() throws {
    var builder = TimelineBuilder(at: opened, priority: .critical)
    builder.agentReply(after: 10 * oneMinute)
    builder.status(.resolved, after: 30 * oneMinute)
    builder.customerReply(after: 3 * oneHour)  // reopens
    builder.status(.resolved, after: 3 * oneHour + 20 * oneMinute)
    builder.reopen(after: 6 * oneHour)
    let status = try evaluateDefault(builder, at: 8 * oneHour)
    let cycles = status.cycles(of: .resolution)
    #expect(cycles.map(\.cycle) == [1, 2, 3])
    #expect(cycles.map(\.state) == [.achieved, .achieved, .breached])
    #expect(cycles.map(\.elapsed) == [30 * oneMinute, 20 * oneMinute, 2 * oneHour])
    #expect(cycles[2].activatedAt == opened.addingTimeInterval(6 * oneHour))
    #expect(cycles[2].breachedAt == opened.addingTimeInterval(7 * oneHour))
    // First response is measured once per ticket.
    #expect(status.cycles(of: .firstResponse).count == 1)
  }

  @Test("a late fulfilment leaves the cycle breached, with both events")
  func lateFulfilmentStaysBreached() throws {
    var builder = TimelineBuilder(at: opened, priority: .critical)
    builder.status(.resolved, after: 2 * oneHour)
    let resolution = try #require(try evaluateDefault(builder, at: 3 * oneHour).current(.resolution))
    #expect(resolution.state == .breached)
    #expect(resolution.fulfilledAt == opened.addingTimeInterval(2 * oneHour))
    #expect(resolution.remaining == -1 * oneHour)
    #expect(resolution.events.map(\.kind) == [.activated, .breached, .fulfilled])
  }

  @Test("fulfilment exactly at the deadline counts as achieved")
  func fulfilmentAtDeadline() throws {
    var builder = TimelineBuilder(at: opened, priority: .critical)
    builder.status(.resolved, after: 1 * oneHour)
    let resolution = try #require(try evaluateDefault(builder, at: 3 * oneHour).current(.resolution))
    #expect(resolution.state == .achieved)
    #expect(resolution.remaining == 0)
    #expect(resolution.breachedAt == nil)
  }

  @Test("events after the evaluation instant are ignored")
  func laterEventsIgnored() throws {
    var builder = TimelineBuilder(at: opened, priority: .normal)
    builder.agentReply(after: 2 * oneHour)
    builder.status(.resolved, after: 3 * oneHour)
    let early = try evaluateDefault(builder, at: 1 * oneHour)
    #expect(early.current(.firstResponse)?.state == .running)
    #expect(early.current(.resolution)?.state == .running)
    #expect(early.current(.resolution)?.elapsed == 1 * oneHour)
    #expect(early.evaluatedAt == opened.addingTimeInterval(oneHour))
  }

  @Test(
    "under the hosting default only waiting on the customer pauses the clock; on hold and in progress count",
    arguments: [
      (TicketStatus.waitingOnCustomer, true), (.onHold, false), (.inProgress, false),
    ])
  func pauseStatuses(status: TicketStatus, pauses: Bool) throws {
    var builder = TimelineBuilder(at: opened, priority: .normal)
    builder.status(status, after: 1 * oneHour)
    let resolution = try #require(try evaluateDefault(builder, at: 5 * oneHour).current(.resolution))
    #expect(resolution.elapsed == (pauses ? 1 * oneHour : 5 * oneHour))
    #expect(resolution.state == (pauses ? .paused : .running))
  }

  @Test(
    "a target's default pause statuses are waiting on the customer and on hold",
    arguments: [(TicketStatus.waitingOnCustomer, true), (.onHold, true), (.inProgress, false)])
  func defaultPauseStatuses(status: TicketStatus, pauses: Bool) throws {
    let policy = try SLAPolicy(name: "Work time", targets: [SLATarget(.resolution, within: 24 * oneHour)])
    var builder = TimelineBuilder(at: opened, priority: .normal)
    builder.status(status, after: 1 * oneHour)
    let status = SLAEvaluator.evaluate(try builder.ticket(), under: policy, now: opened.addingTimeInterval(5 * oneHour))
    let resolution = try #require(status.current(.resolution))
    #expect(resolution.elapsed == (pauses ? 1 * oneHour : 5 * oneHour))
  }

  @Test("each target pauses on its own statuses")
  func perTargetPauseStatuses() throws {
    let policy = try SLAPolicy(
      name: "Mixed",
      targets: [
        SLATarget(.firstResponse, within: 2 * oneHour, pauseStatuses: []),
        SLATarget(.resolution, within: 8 * oneHour),
      ])
    var builder = TimelineBuilder(at: opened)
    builder.status(.waitingOnCustomer, after: 30 * oneMinute)
    let status = SLAEvaluator.evaluate(try builder.ticket(), under: policy, now: opened.addingTimeInterval(3 * oneHour))
    #expect(status.current(.firstResponse)?.state == .breached)
    #expect(status.current(.firstResponse)?.elapsed == 3 * oneHour)
    #expect(status.current(.resolution)?.state == .paused)
    #expect(status.current(.resolution)?.elapsed == 30 * oneMinute)
    #expect(status.current(.nextResponse) == nil)
  }

  @Test("a target on business hours counts only open time")
  func businessHoursTarget() throws {
    let calendar = try JSONDecoder().decode(
      BusinessCalendar.self,
      from: Data(officeHoursJSON.utf8))
    let policy = try SLAPolicy(
      name: "Office", targets: [SLATarget(.firstResponse, within: 4 * oneHour, calendar: calendar)])
    let friday4pm = utc("2026-11-27T16:00:00Z")
    let ticket = try TimelineBuilder(at: friday4pm).ticket()
    let status = SLAEvaluator.evaluate(ticket, under: policy, now: utc("2026-11-28T12:00:00Z"))
    let first = try #require(status.current(.firstResponse))
    #expect(first.elapsed == 1 * oneHour)
    #expect(first.dueAt == utc("2026-11-30T12:00:00Z"))  // Monday: 1 h on Friday, 3 h from 09:00
    #expect(first.state == .running)
  }

  @Test("raising the priority moves the ticket to the stricter policy, measured from the start")
  func priorityChangeRetargets() throws {
    var builder = TimelineBuilder(at: opened, priority: .normal)
    builder.priority(.critical, after: 30 * oneMinute)
    let status = try evaluateDefault(builder, at: 90 * oneMinute)
    #expect(status.policyName == "Critical")
    #expect(status.current(.resolution)?.breachedAt == opened.addingTimeInterval(oneHour))
  }

  @Test("the next update is due again after every public reply, and a reopening starts one")
  func nextResponseCycles() throws {
    var builder = TimelineBuilder(at: opened, priority: .high)  // every 2 h
    builder.agentReply(after: 1 * oneHour)
    builder.agentReply(after: 4 * oneHour)  // 3 h after the previous one: that cycle breached at 3 h
    builder.status(.resolved, after: 5 * oneHour)
    builder.customerReply(after: 10 * oneHour)
    let cycles = try evaluateDefault(builder, at: 11 * oneHour).cycles(of: .nextResponse)
    #expect(cycles.map(\.activatedAt) == [0, 1, 4, 10].map { opened.addingTimeInterval($0 * oneHour) })
    #expect(cycles.map(\.state) == [.achieved, .breached, .achieved, .running])
    #expect(cycles[1].breachedAt == opened.addingTimeInterval(3 * oneHour))
    #expect(cycles[2].fulfilledAt == opened.addingTimeInterval(5 * oneHour))
    #expect(cycles[3].dueAt == opened.addingTimeInterval(12 * oneHour))
  }

  @Test("a ticket no policy matches has no SLA status")
  func noMatchingPolicy() throws {
    let evaluator = SLAEvaluator(
      policies: SLAPolicySet([
        try SLAPolicy(
          name: "Billing", conditions: SLAConditions(departments: [.billing]),
          targets: [SLATarget(.resolution, within: oneHour)])
      ]))
    let ticket = try TimelineBuilder(at: opened, department: .technical).ticket()
    #expect(evaluator.evaluate(SLASubject(ticket), now: opened) == nil)
  }

  @Test("a ticket evaluated before it was created has no cycles")
  func beforeCreation() throws {
    let status = try evaluateDefault(TimelineBuilder(at: opened), at: -oneHour)
    #expect(status.targets.isEmpty)
  }
}
