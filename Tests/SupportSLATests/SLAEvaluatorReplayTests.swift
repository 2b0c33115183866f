import Foundation
import SupportSLA
import SupportTickets
import Testing

/// The evaluator reads a timeline the subject extracts once; these tests check that reading it at any instant
/// gives what the ticket as it stood at that instant gives.
@Suite("SLA evaluator replay")
struct SLAEvaluatorReplayTests {
  /// A seeded timeline mixing every kind of event the clocks read, several sometimes at the same instant.
  static func randomTimeline(_ index: Int, using generator: inout SplitMix64) -> TimelineBuilder {
    let priority = Priority.allCases.randomElement(using: &generator)!
    var builder = TimelineBuilder(
      TicketID("T-\(index)"), at: utc("2026-11-23T10:00:00Z"), priority: priority, tier: .shared)
    var status = TicketStatus.open
    var offset: TimeInterval = 0
    for _ in 0..<Int.random(in: 0...14, using: &generator) {
      // A quarter of the events share the previous event's instant.
      if Int.random(in: 0..<4, using: &generator) > 0 {
        offset += Double(Int.random(in: 1...240, using: &generator)) * 60
      }
      switch Int.random(in: 0..<9, using: &generator) {
      case 0, 1: builder.agentReply(after: offset)
      case 2:
        builder.customerReply(after: offset)
        if status == .resolved || status == .waitingOnCustomer || status == .onHold { status = .open }
      case 3: builder.internalNote(after: offset)
      case 4: builder.automatedMessage(after: offset)
      case 5:
        if status == .resolved {
          builder.reopen(after: offset)
          status = .open
        }
      default:
        let next = [TicketStatus.inProgress, .waitingOnCustomer, .onHold, .resolved, .open].randomElement(
          using: &generator)!
        if next != status, status.canTransition(to: next) {
          builder.status(next, after: offset)
          status = next
        }
      }
    }
    return builder
  }

  /// The ticket made of the events at or before `now`, or `nil` when it did not exist yet.
  static func ticket(_ builder: TimelineBuilder, asOf now: Date) throws -> Ticket? {
    let events = builder.events.filter { $0.instant <= now }
    return events.isEmpty ? nil : try Ticket(events: events)
  }

  @Test("evaluating at an earlier instant gives the status of the ticket as it stood then (seeded)")
  func replayMatchesTruncatedTimeline() throws {
    var generator = SplitMix64(seed: 0x5EED_5A)
    let evaluator = SLAEvaluator()
    for index in 0..<400 {
      let builder = Self.randomTimeline(index, using: &generator)
      let subject = SLASubject(try builder.ticket(), segment: index.isMultiple(of: 3) ? "vip" : nil)
      // Every event instant, a second on either side of it, and instants before the opening and long after.
      var instants = [builder.openedAt.addingTimeInterval(-60), builder.openedAt.addingTimeInterval(40 * oneHour)]
      for event in builder.events {
        instants += [-1, 0, 1].map { event.instant.addingTimeInterval($0) }
      }
      for now in instants {
        let whole = try #require(evaluator.evaluate(subject, now: now))
        guard let asOfNow = try Self.ticket(builder, asOf: now) else {
          #expect(whole.targets.isEmpty)
          continue
        }
        let replayed = try #require(evaluator.evaluate(SLASubject(asOfNow, segment: subject.segment), now: now))
        #expect(whole == replayed, "ticket \(index) at \(now)")
        for policy in SLAPolicySet.hostingDefault.policies {
          #expect(
            SLAEvaluator.evaluate(subject.ticket, under: policy, now: now)
              == SLAEvaluator.evaluate(asOfNow, under: policy, now: now))
        }
      }
    }
  }

  @Test("replacing a subject's ticket re-reads its timeline")
  func replacingTheTicketRereadsTheTimeline() throws {
    var builder = TimelineBuilder(at: utc("2026-11-23T10:00:00Z"), priority: .critical)
    var subject = SLASubject(try builder.ticket())
    let now = builder.openedAt.addingTimeInterval(2 * oneHour)
    #expect(SLAEvaluator().evaluate(subject, now: now)?.current(.firstResponse)?.state == .breached)
    builder.agentReply(after: 5 * oneMinute)
    builder.status(.resolved, after: 10 * oneMinute)
    subject.ticket = try builder.ticket()
    let status = try #require(SLAEvaluator().evaluate(subject, now: now))
    #expect(status.current(.firstResponse)?.state == .achieved)
    #expect(status.current(.resolution)?.fulfilledAt == builder.openedAt.addingTimeInterval(10 * oneMinute))
  }
}
