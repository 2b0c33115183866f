import Foundation
import SupportSLA
import SupportTickets
import Testing

@Suite("SLA status values")
struct SLAStatusCodingTests {
  let opened = utc("2026-11-23T10:00:00Z")

  @Test("a status round-trips through JSON with its events")
  func statusRoundTrip() throws {
    var builder = TimelineBuilder(at: opened, priority: .critical)
    builder.agentReply(after: 5 * oneMinute)
    builder.status(.waitingOnCustomer, after: 10 * oneMinute)
    builder.status(.inProgress, after: 40 * oneMinute)
    let status = try evaluateDefault(builder, at: 3 * oneHour)
    let decoded = try JSONDecoder().decode(SLAStatus.self, from: JSONEncoder().encode(status))
    #expect(decoded == status)
    #expect(
      decoded.current(.resolution)?.events.map(\.kind) == [.activated, .paused, .resumed, .breached])
  }

  @Test("a breach at the instant the clock pauses is listed before the pause")
  func breachBeforePause() throws {
    var builder = TimelineBuilder(at: opened, priority: .critical)
    builder.status(.waitingOnCustomer, after: oneHour)  // exactly the resolution deadline
    let resolution = try #require(try evaluateDefault(builder, at: 2 * oneHour).current(.resolution))
    #expect(resolution.state == .breached)
    #expect(
      resolution.events == [
        SLAMetricEvent(.activated, at: opened), SLAMetricEvent(.breached, at: opened.addingTimeInterval(oneHour)),
        SLAMetricEvent(.paused, at: opened.addingTimeInterval(oneHour)),
      ])
  }

  @Test("evaluating an array gives the same statuses as evaluating each subject")
  func bulkMatchesSingle() throws {
    var generator = SplitMix64(seed: 99)
    let subjects = try (0..<40).map { _ in
      SLASubject(try RandomTimeline(minutes: 200, using: &generator).builder.ticket())
    }
    let now = utc("2026-11-23T13:00:00Z")
    let evaluator = SLAEvaluator()
    #expect(evaluator.evaluate(subjects, now: now) == subjects.map { evaluator.evaluate($0, now: now) })
  }

  @Test("a subject keeps its ticket and segment through copies and edits")
  func subjectValueSemantics() throws {
    let ticket = try TimelineBuilder(at: opened).ticket()
    var subject = SLASubject(ticket, segment: "vip")
    let copy = subject
    subject.ticket = try TimelineBuilder("T-2", at: opened).ticket()
    #expect(copy.ticket.id == "T-1")
    #expect(subject.ticket.id == "T-2")
    #expect(copy == SLASubject(ticket, segment: "vip"))
    #expect(copy != SLASubject(ticket))
  }

  @Test("the monitor state records keys, encodes them sorted and decodes them back")
  func monitorStateCoding() throws {
    var state = SLAMonitorState()
    let breach = SLAAlertKey(ticketID: "T-2", metric: .resolution, cycle: 1, kind: .breach)
    let warning = SLAAlertKey(ticketID: "T-1", metric: .firstResponse, cycle: 1, kind: .warning(threshold: 0.75))
    let inserted = [state.insert(breach), state.insert(warning), state.insert(breach)]
    #expect(inserted == [true, true, false])
    #expect(state.contains(warning))
    #expect(state.count == 2)
    let data = try TicketJSON.makeEncoder().encode(state)
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.range(of: "T-1")!.lowerBound < text.range(of: "T-2")!.lowerBound)
    #expect(try JSONDecoder().decode(SLAMonitorState.self, from: data) == state)
  }
}
