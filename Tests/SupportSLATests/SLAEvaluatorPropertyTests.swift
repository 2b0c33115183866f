import Foundation
import SupportSLA
import SupportTickets
import Testing

/// A random valid timeline on whole minutes, and the status the ticket is in after each oneMinute's events.
struct RandomTimeline {
  var builder: TimelineBuilder
  /// `statusAfter[m]`: the status once every event at oneMinute `m` has been applied.
  var statusAfter: [TicketStatus]
  /// Minutes at which a public agent reply happened.
  var replyMinutes: [Int]

  init(_ id: TicketID = "T-1", minutes: Int, using generator: inout SplitMix64) {
    builder = TimelineBuilder(id, at: utc("2026-11-23T10:00:00Z"), priority: .critical)
    var status = TicketStatus.open
    statusAfter = []
    replyMinutes = []
    for oneMinute in 0..<minutes {
      if oneMinute > 0, Int.random(in: 0..<100, using: &generator) < 12 {
        let offset = TimeInterval(oneMinute) * 60
        switch Int.random(in: 0..<6, using: &generator) {
        case 0:
          builder.agentReply(after: offset)
          replyMinutes.append(oneMinute)
        case 1:
          builder.customerReply(after: offset)
          if status == .resolved || status == .waitingOnCustomer || status == .onHold { status = .open }
        case 2:
          builder.internalNote(after: offset)
        default:
          let next = [TicketStatus.open, .inProgress, .waitingOnCustomer, .onHold, .resolved].randomElement(
            using: &generator)!
          if status.canTransition(to: next) {
            builder.status(next, after: offset)
            status = next
          }
        }
      }
      statusAfter.append(status)
    }
  }
}

@Suite("SLA evaluator properties")
struct SLAEvaluatorPropertyTests {
  /// Steps oneMinute by oneMinute: a reference that shares no code with the evaluator.
  struct ReferenceCycle: Equatable {
    var elapsedMinutes: Int
    var breachedAtMinute: Int?
    var fulfilledAtMinute: Int?
  }

  static func referenceResolution(_ timeline: RandomTimeline, goalMinutes: Int, now: Int) -> [ReferenceCycle] {
    var cycles: [ReferenceCycle] = [ReferenceCycle(elapsedMinutes: 0)]
    var previousSolved = false
    for oneMinute in 0...now {
      let status = timeline.statusAfter[oneMinute]
      if oneMinute > 0 {
        // The oneMinute (oneMinute-1, oneMinute] ran under the status after oneMinute-1's events.
        let running = timeline.statusAfter[oneMinute - 1]
        if running.isActive, running != .waitingOnCustomer, running != .onHold {
          cycles[cycles.count - 1].elapsedMinutes += 1
        }
        var last = cycles[cycles.count - 1]
        if !previousSolved, last.breachedAtMinute == nil, last.elapsedMinutes >= goalMinutes,
          status.isActive || oneMinute == 0
        {
          last.breachedAtMinute = oneMinute
        }
        cycles[cycles.count - 1] = last
      }
      if status.isSolved, !previousSolved { cycles[cycles.count - 1].fulfilledAtMinute = oneMinute }
      if status.isActive, previousSolved { cycles.append(ReferenceCycle(elapsedMinutes: 0)) }
      previousSolved = status.isSolved
    }
    return cycles
  }

  @Test("resolution cycles match a oneMinute-by-oneMinute reference on random timelines")
  func resolutionMatchesReference() throws {
    var generator = SplitMix64(seed: 0x5EED_51A)
    let policy = try SLAPolicy(name: "P", targets: [SLATarget(.resolution, within: 45 * oneMinute)])
    for _ in 0..<150 {
      let timeline = RandomTimeline(minutes: 400, using: &generator)
      let ticket = try timeline.builder.ticket()
      let now = Int.random(in: 1..<400, using: &generator)
      let status = SLAEvaluator.evaluate(
        ticket, under: policy, now: timeline.builder.openedAt.addingTimeInterval(TimeInterval(now) * 60))
      let expected = Self.referenceResolution(timeline, goalMinutes: 45, now: now)
      let actual = status.cycles(of: .resolution).map { cycle in
        ReferenceCycle(
          elapsedMinutes: Int(cycle.elapsed / 60),
          breachedAtMinute: cycle.breachedAt.map { Int($0.timeIntervalSince(timeline.builder.openedAt) / 60) },
          fulfilledAtMinute: cycle.fulfilledAt.map { Int($0.timeIntervalSince(timeline.builder.openedAt) / 60) })
      }
      #expect(actual == expected)
    }
  }

  @Test("elapsed time never decreases as the evaluation instant moves on")
  func elapsedIsMonotonic() throws {
    var generator = SplitMix64(seed: 42)
    for _ in 0..<60 {
      let timeline = RandomTimeline(minutes: 300, using: &generator)
      var previous: [SLAMetric: TimeInterval] = [:]
      var previousBreach: [SLAMetric: Date] = [:]
      for oneMinute in stride(from: 0, to: 300, by: 7) {
        let status = try evaluateDefault(timeline.builder, at: TimeInterval(oneMinute) * 60)
        for metric in SLAMetric.allCases {
          guard let first = status.cycles(of: metric).first else { continue }
          #expect(first.elapsed >= previous[metric, default: 0])
          previous[metric] = first.elapsed
          if let earlier = previousBreach[metric] { #expect(first.breachedAt == earlier) }
          if let breach = first.breachedAt { previousBreach[metric] = breach }
        }
      }
    }
  }

  @Test("on a 24/7 calendar, elapsed plus paused time is the wall time of the cycle")
  func elapsedPlusPausedIsWallTime() throws {
    var generator = SplitMix64(seed: 7)
    for _ in 0..<80 {
      let timeline = RandomTimeline(minutes: 300, using: &generator)
      let status = try evaluateDefault(timeline.builder, at: 300 * oneMinute)
      for cycle in status.targets {
        var paused: TimeInterval = 0
        var pausedSince: Date?
        for event in cycle.events {
          switch event.kind {
          case .paused: pausedSince = event.instant
          case .resumed:
            paused += event.instant.timeIntervalSince(pausedSince!)
            pausedSince = nil
          default: break
          }
        }
        let end = cycle.fulfilledAt ?? status.evaluatedAt
        if let pausedSince { paused += end.timeIntervalSince(pausedSince) }
        #expect(cycle.elapsed + paused == end.timeIntervalSince(cycle.activatedAt))
        #expect(cycle.remaining == cycle.goal - cycle.elapsed)
      }
    }
  }
}
