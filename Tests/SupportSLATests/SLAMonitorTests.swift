import Foundation
import SupportSLA
import SupportTickets
import Testing

@Suite("SLA monitor")
struct SLAMonitorTests {
  let opened = utc("2026-11-23T10:00:00Z")

  /// One critical ticket (resolution 1 h, first response 15 min, updates every 30 min) with no reply at all.
  func silentCritical() throws -> [SLASubject] {
    [SLASubject(try TimelineBuilder("T-9", at: opened, priority: .critical).ticket())]
  }

  func kinds(_ alerts: [SLAAlert], _ metric: SLAMetric) -> [SLAAlert.Kind] {
    alerts.filter { $0.metric == metric }.map(\.kind)
  }

  @Test("warnings, the breach and escalation levels are each raised once, when they become due")
  func raisedOnceWhenDue() throws {
    var monitor = SLAMonitor()
    let subjects = try silentCritical()
    // 44 min: resolution at 73 % (no warning yet); first response breached at 15 min, overdue by 29 min.
    let early = monitor.scan(subjects, now: opened.addingTimeInterval(44 * oneMinute))
    #expect(kinds(early, .resolution) == [])
    #expect(
      kinds(early, .firstResponse) == [
        .warning(threshold: 0.75), .warning(threshold: 0.9), .breach, .escalation(level: 1), .escalation(level: 2),
      ])  // levels at 3.75 min and 15 min late
    // Next update (30 min): breached at 30 min, level 1 at 37.5 min, level 2 only at 60 min.
    #expect(
      kinds(early, .nextResponse) == [
        .warning(threshold: 0.75), .warning(threshold: 0.9), .breach, .escalation(level: 1),
      ])
    let firstBreach = try #require(early.first { $0.metric == .firstResponse && $0.kind == .breach })
    #expect(firstBreach.dueAt == opened.addingTimeInterval(15 * oneMinute))
    #expect(firstBreach.ticketID == "T-9")
    #expect(firstBreach.policyName == "Critical")
    // 46 min: resolution crosses 75 % (45 min); nothing else repeats.
    let next = monitor.scan(subjects, now: opened.addingTimeInterval(46 * oneMinute))
    #expect(next.map(\.kind) == [.warning(threshold: 0.75)])
    #expect(next.first?.metric == .resolution)
    #expect(monitor.scan(subjects, now: opened.addingTimeInterval(46 * oneMinute)).isEmpty)
    // 61 min: 90 % warning and breach of resolution, level 2 of the next update.
    let breach = monitor.scan(subjects, now: opened.addingTimeInterval(61 * oneMinute))
    #expect(kinds(breach, .resolution) == [.warning(threshold: 0.9), .breach])
    #expect(kinds(breach, .nextResponse) == [.escalation(level: 2)])
  }

  @Test("escalation levels follow the target's delays past the deadline")
  func escalationLevels() throws {
    let policy = try SLAPolicy(
      name: "Escalating",
      targets: [
        SLATarget(
          .resolution, within: oneHour, warningThresholds: [], escalationDelays: [0, 30 * oneMinute, 2 * oneHour])
      ])
    var monitor = SLAMonitor(policies: SLAPolicySet([policy]))
    let subjects = [SLASubject(try TimelineBuilder(at: opened).ticket())]
    #expect(monitor.scan(subjects, now: opened.addingTimeInterval(59 * oneMinute)).isEmpty)
    #expect(
      monitor.scan(subjects, now: opened.addingTimeInterval(oneHour)).map(\.kind) == [.breach, .escalation(level: 1)])
    #expect(monitor.scan(subjects, now: opened.addingTimeInterval(89 * oneMinute)).isEmpty)
    #expect(
      monitor.scan(subjects, now: opened.addingTimeInterval(90 * oneMinute)).map(\.kind) == [.escalation(level: 2)])
    #expect(monitor.scan(subjects, now: opened.addingTimeInterval(10 * oneHour)).map(\.kind) == [.escalation(level: 3)])
  }

  @Test("the emitted set survives a restart through JSON, so nothing is raised twice")
  func restartSafe() throws {
    let subjects = try silentCritical()
    var before = SLAMonitor()
    let first = before.scan(subjects, now: opened.addingTimeInterval(50 * oneMinute))
    #expect(!first.isEmpty)
    let saved = try JSONEncoder().encode(before.state)
    var after = SLAMonitor(state: try JSONDecoder().decode(SLAMonitorState.self, from: saved))
    #expect(after.scan(subjects, now: opened.addingTimeInterval(50 * oneMinute)).isEmpty)
    // A fresh monitor without the saved state would repeat them.
    var forgetful = SLAMonitor()
    #expect(forgetful.scan(subjects, now: opened.addingTimeInterval(50 * oneMinute)).count == first.count)
  }

  @Test("solved tickets are not watched, and a reopened ticket's new cycle alerts again")
  func solvedAndReopened() throws {
    var builder = TimelineBuilder(at: opened, priority: .critical)
    builder.agentReply(after: 5 * oneMinute)
    builder.status(.resolved, after: 2 * oneHour)
    var monitor = SLAMonitor()
    let resolved = [SLASubject(try builder.ticket())]
    #expect(monitor.scan(resolved, now: opened.addingTimeInterval(3 * oneHour)).isEmpty)
    builder.customerReply(after: 4 * oneHour)
    let reopened = [SLASubject(try builder.ticket())]
    let alerts = monitor.scan(reopened, now: opened.addingTimeInterval(5 * oneHour + 1))
    // The first cycle's late breach is reported (the ticket is open again) and the new cycle breached at 5 h.
    let resolutionBreaches = alerts.filter { $0.metric == .resolution && $0.kind == .breach }
    #expect(resolutionBreaches.map(\.cycle) == [1, 2])
    #expect(monitor.scan(reopened, now: opened.addingTimeInterval(5 * oneHour + 2)).isEmpty)
  }

  @Test("a paused clock raises nothing new")
  func pausedRaisesNothing() throws {
    var builder = TimelineBuilder(at: opened, priority: .critical)
    builder.agentReply(after: 5 * oneMinute)
    builder.status(.waitingOnCustomer, after: 10 * oneMinute)
    var monitor = SLAMonitor()
    let subjects = [SLASubject(try builder.ticket())]
    #expect(monitor.scan(subjects, now: opened.addingTimeInterval(10 * oneHour)).isEmpty)
  }

  @Test("forgetting tickets drops their keys from the state")
  func forget() throws {
    var monitor = SLAMonitor()
    _ = monitor.scan(try silentCritical(), now: opened.addingTimeInterval(2 * oneHour))
    #expect(!monitor.state.emitted.isEmpty)
    monitor.state.forget(["T-9"])
    #expect(monitor.state.emitted.isEmpty)
  }

  @Test("alert kinds round-trip through JSON and bad ones are rejected")
  func alertKindCoding() throws {
    for kind in [SLAAlert.Kind.warning(threshold: 0.75), .breach, .escalation(level: 2)] {
      #expect(try JSONDecoder().decode(SLAAlert.Kind.self, from: JSONEncoder().encode(kind)) == kind)
    }
    for bad in [#"{"type":"warning","threshold":1.5}"#, #"{"type":"escalation","level":0}"#, #"{"type":"panic"}"#] {
      #expect(throws: DecodingError.self) { try JSONDecoder().decode(SLAAlert.Kind.self, from: Data(bad.utf8)) }
    }
  }

  @Test("a ticket that changed between scans is evaluated again before its next alert was due")
  func changedTicketReevaluated() throws {
    var builder = TimelineBuilder(at: opened, priority: .normal)
    var monitor = SLAMonitor()
    // Normal: nothing is due for hours after the opening.
    #expect(monitor.scan([SLASubject(try builder.ticket())], now: opened.addingTimeInterval(10 * oneMinute)).isEmpty)
    builder.priority(.critical, after: 20 * oneMinute)
    let alerts = monitor.scan([SLASubject(try builder.ticket())], now: opened.addingTimeInterval(30 * oneMinute))
    // Now critical: the 15-minute first response breached at 15 min.
    let breach = try #require(alerts.first { $0.metric == .firstResponse && $0.kind == .breach })
    #expect(breach.dueAt == opened.addingTimeInterval(15 * oneMinute))
  }

  @Test("a subject whose segment changed is evaluated again")
  func changedSegmentReevaluated() throws {
    let vip = try SLAPolicy(
      name: "VIP", conditions: SLAConditions(segments: ["vip"]),
      targets: [SLATarget(.firstResponse, within: 5 * oneMinute, warningThresholds: [])])
    var monitor = SLAMonitor(policies: SLAPolicySet([vip] + SLAPolicySet.hostingDefault.policies))
    let ticket = try TimelineBuilder(at: opened, priority: .low).ticket()
    #expect(monitor.scan([SLASubject(ticket)], now: opened.addingTimeInterval(10 * oneMinute)).isEmpty)
    let alerts = monitor.scan([SLASubject(ticket, segment: "vip")], now: opened.addingTimeInterval(11 * oneMinute))
    #expect(alerts.map(\.policyName) == ["VIP"])
    #expect(alerts.map(\.kind) == [.breach])
  }

  @Test("replacing the state makes the next scan look at every ticket again")
  func replacingStateRescans() throws {
    let subjects = try silentCritical()
    var monitor = SLAMonitor()
    let first = monitor.scan(subjects, now: opened.addingTimeInterval(20 * oneMinute))
    #expect(!first.isEmpty)
    monitor.state = SLAMonitorState()
    #expect(monitor.scan(subjects, now: opened.addingTimeInterval(20 * oneMinute)).count == first.count)
  }

  @Test("skipping unchanged tickets never loses or repeats an alert over many scans")
  func scansMatchSingleLateScan() throws {
    var generator = SplitMix64(seed: 314)
    let subjects = try (0..<30).map { index in
      SLASubject(try RandomTimeline(TicketID("T-\(index)"), minutes: 600, using: &generator).builder.ticket())
    }
    var frequent = SLAMonitor()
    var uncached = SLAMonitor()
    var collected: [SLAAlertKey] = []
    var reference: [SLAAlertKey] = []
    for minute in stride(from: 0, through: 600, by: 3) {
      let now = opened.addingTimeInterval(TimeInterval(minute) * 60)
      collected += frequent.scan(subjects, now: now).map(\.key)
      uncached.state = uncached.state  // replacing the state drops the wake-up memory: every ticket is evaluated
      reference += uncached.scan(subjects, now: now).map(\.key)
    }
    var once = SLAMonitor()
    let late = once.scan(subjects, now: opened.addingTimeInterval(600 * 60)).map(\.key)
    #expect(!collected.isEmpty)
    #expect(collected == reference)  // same alerts, same scans, same order
    #expect(Set(collected).count == collected.count)  // never repeated
    #expect(Set(late).isSubset(of: Set(collected)))  // nothing the late scan sees was missed
  }
}
