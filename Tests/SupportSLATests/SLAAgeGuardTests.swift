import Foundation
import SupportSLA
import SupportTickets
import Testing

@Suite("SLA age guard")
struct SLAAgeGuardTests {
  let opened = utc("2026-11-23T10:00:00Z")

  func ageAlerts(_ alerts: [SLAAlert]) -> [SLAAlert] {
    alerts.filter { if case .ageLimitExceeded = $0.kind { return true } else { return false } }
  }

  @Test("a ticket open past 24 hours raises one age alert, whatever its pauses")
  func raisedOnceWhateverThePauses() throws {
    var builder = TimelineBuilder("T-5", at: opened, priority: .normal)
    builder.agentReply(after: 30 * oneMinute)
    builder.status(.waitingOnCustomer, after: oneHour)  // every SLA clock stops here
    let subjects = [SLASubject(try builder.ticket())]
    var monitor = SLAMonitor()
    #expect(ageAlerts(monitor.scan(subjects, now: opened.addingTimeInterval(24 * oneHour - 1))).isEmpty)
    let alerts = monitor.scan(subjects, now: opened.addingTimeInterval(24 * oneHour))
    let alert = try #require(alerts.only)
    #expect(alert.kind == .ageLimitExceeded(limit: 24 * oneHour))
    #expect(alert.ticketID == "T-5")
    #expect((alert.metric, alert.cycle) == (.resolution, 1))
    #expect(alert.dueAt == utc("2026-11-24T10:00:00Z"))
    #expect(alert.elapsed == 24 * oneHour && alert.goal == 24 * oneHour)
    #expect(alert.policyName == "Normal")
    #expect(monitor.scan(subjects, now: opened.addingTimeInterval(30 * oneHour)).isEmpty)
    #expect(monitor.state.contains(alert.key))
  }

  @Test("a scan that comes late raises the age alert with the ticket's real age")
  func lateScanReportsRealAge() throws {
    var builder = TimelineBuilder(at: opened, priority: .low)
    builder.status(.waitingOnCustomer, after: oneMinute)
    var monitor = SLAMonitor()
    let alert = try #require(
      monitor.scan([SLASubject(try builder.ticket())], now: opened.addingTimeInterval(50 * oneHour)).only)
    #expect(alert.elapsed == 50 * oneHour)
    #expect(alert.dueAt == opened.addingTimeInterval(24 * oneHour))
  }

  @Test("resolved and closed tickets are never flagged by age")
  func solvedTicketsAreNotFlagged() throws {
    var resolved = TimelineBuilder("T-1", at: opened)
    resolved.status(.resolved, after: 2 * oneHour)
    var closed = TimelineBuilder("T-2", at: opened)
    closed.status(.closed, after: 2 * oneHour)
    var monitor = SLAMonitor()
    let subjects = [SLASubject(try resolved.ticket()), SLASubject(try closed.ticket())]
    #expect(monitor.scan(subjects, now: opened.addingTimeInterval(72 * oneHour)).isEmpty)
  }

  @Test("a reopened ticket past the limit is flagged again in its new resolution cycle")
  func reopenedTicketFlaggedAgain() throws {
    var builder = TimelineBuilder(at: opened)
    builder.agentReply(after: oneHour)
    builder.status(.waitingOnCustomer, after: 2 * oneHour)
    var monitor = SLAMonitor(policies: SLAPolicySet([]))
    let first = monitor.scan([SLASubject(try builder.ticket())], now: opened.addingTimeInterval(25 * oneHour))
    #expect(first.map(\.cycle) == [1])
    builder.customerReply(after: 26 * oneHour)
    builder.status(.resolved, after: 27 * oneHour)
    builder.customerReply(after: 30 * oneHour)  // reopens: a second resolution cycle, already 30 h old
    let second = monitor.scan([SLASubject(try builder.ticket())], now: opened.addingTimeInterval(30 * oneHour))
    #expect(second.map(\.cycle) == [2])
    #expect(second.first?.elapsed == 30 * oneHour)
  }

  @Test("a ticket no policy covers is still flagged, under the guard's name")
  func uncoveredTicketsAreFlagged() throws {
    let critical = try SLAPolicy(
      name: "Critical only", conditions: SLAConditions(priorities: [.critical]),
      targets: [SLATarget(.resolution, within: oneHour)])
    var monitor = SLAMonitor(policies: SLAPolicySet([critical]))
    let ticket = try TimelineBuilder(at: opened, priority: .low).ticket()
    let alert = try #require(monitor.scan([SLASubject(ticket)], now: opened.addingTimeInterval(24 * oneHour)).only)
    #expect(alert.policyName == SLAAgeGuard.policyName)
    #expect(alert.priority == .low)
  }

  @Test("the limit is configurable, and no guard raises no age alert")
  func configurableLimit() throws {
    let ticket = try TimelineBuilder(at: opened, priority: .low).ticket()
    var twoHours = SLAMonitor(policies: SLAPolicySet([], ageGuard: try SLAAgeGuard(limit: 2 * oneHour)))
    #expect(
      twoHours.scan([SLASubject(ticket)], now: opened.addingTimeInterval(2 * oneHour)).map(\.kind) == [
        .ageLimitExceeded(limit: 2 * oneHour)
      ])
    var off = SLAMonitor(policies: SLAPolicySet([], ageGuard: nil))
    #expect(off.ageGuard == nil)
    #expect(off.scan([SLASubject(ticket)], now: opened.addingTimeInterval(100 * oneHour)).isEmpty)
  }

  @Test("a limit that is not a positive, finite duration is refused", arguments: [0, -60, .infinity, .nan])
  func invalidLimits(limit: TimeInterval) {
    #expect(throws: SLAError.self) { try SLAAgeGuard(limit: limit) }
  }

  @Test("the age guard is part of the policy JSON: absent means 24 h, null means off, a limit sets it")
  func policyJSON() throws {
    let policies = #""policies":[{"name":"All","targets":[{"metric":"resolution","within":"8h"}]}]"#
    let absent = try SLAPolicySet.decode(from: Data("{\(policies)}".utf8))
    #expect(absent.ageGuard?.limit == 24 * oneHour)
    let null = try SLAPolicySet.decode(from: Data(#"{\#(policies),"ageGuard":null}"#.utf8))
    #expect(null.ageGuard == nil)
    let twoDays = try SLAPolicySet.decode(from: Data(#"{\#(policies),"ageGuard":{"limit":"2d"}}"#.utf8))
    #expect(twoDays.ageGuard?.limit == 48 * oneHour)
    for set in [absent, null, twoDays, .hostingDefault] {
      #expect(try SLAPolicySet.decode(from: JSONEncoder().encode(set)) == set)
    }
    let encoded = String(decoding: try JSONEncoder().encode(twoDays.ageGuard), as: UTF8.self)
    #expect(encoded == #"{"limit":"2d"}"#)
  }

  @Test(
    "a malformed age guard names its field",
    arguments: [
      (#"{"limit":"0s"}"#, "ageGuard.limit"), (#"{"limit":"soon"}"#, "ageGuard.limit"), (#"{}"#, "ageGuard.limit"),
      (#"{"limit":"1h","grace":"1h"}"#, "ageGuard.grace"), (#""24h""#, "ageGuard"),
    ])
  func malformedGuard(guardJSON: String, field: String) throws {
    let document = #"{"policies":[],"ageGuard":\#(guardJSON)}"#
    let error = try #require(throws: SLAError.self) { try SLAPolicySet.decode(from: Data(document.utf8)) }
    #expect(error.field == field)
  }

  @Test("the age alert kind round-trips through JSON and the monitor state, so a restart never repeats it")
  func restartSafe() throws {
    let kind = SLAAlert.Kind.ageLimitExceeded(limit: 86_400)
    let kindJSON = String(decoding: try JSONEncoder().encode(kind), as: UTF8.self)
    #expect(kindJSON.contains(#""type":"ageLimitExceeded""#) && kindJSON.contains(#""limit":86400"#))
    #expect(try JSONDecoder().decode(SLAAlert.Kind.self, from: Data(kindJSON.utf8)) == kind)
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(SLAAlert.Kind.self, from: Data(#"{"type":"ageLimitExceeded","limit":0}"#.utf8))
    }
    let subjects = [SLASubject(try TimelineBuilder(at: opened, priority: .low).ticket())]
    var before = SLAMonitor(policies: SLAPolicySet([]))
    #expect(before.scan(subjects, now: opened.addingTimeInterval(25 * oneHour)).count == 1)
    let saved = try JSONEncoder().encode(before.state)
    var after = SLAMonitor(
      policies: SLAPolicySet([]), state: try JSONDecoder().decode(SLAMonitorState.self, from: saved))
    #expect(after.scan(subjects, now: opened.addingTimeInterval(26 * oneHour)).isEmpty)
  }

  @Test("the guard reads a ticket's wall-clock age and whether it is open past the limit")
  func ageOfATicket() throws {
    var builder = TimelineBuilder(at: opened)
    builder.status(.onHold, after: oneHour)
    let ticket = try builder.ticket()
    let ageGuard = SLAAgeGuard.hostingDefault
    #expect(ageGuard.age(of: ticket, at: opened.addingTimeInterval(30 * oneHour)) == 30 * oneHour)
    #expect(!ageGuard.isExceeded(by: ticket, at: opened.addingTimeInterval(24 * oneHour - 1)))
    #expect(ageGuard.isExceeded(by: ticket, at: opened.addingTimeInterval(24 * oneHour)))
    builder.status(.resolved, after: 2 * oneHour)
    #expect(!ageGuard.isExceeded(by: try builder.ticket(), at: opened.addingTimeInterval(48 * oneHour)))
  }

  @Test("skipping unchanged tickets never loses or repeats an age alert over two days of scans")
  func incrementalScansMatchFullScans() throws {
    var generator = SplitMix64(seed: 2_424)
    let subjects = try (0..<20).map { index in
      SLASubject(try RandomTimeline(TicketID("T-\(index)"), minutes: 3_000, using: &generator).builder.ticket())
    }
    var frequent = SLAMonitor()
    var uncached = SLAMonitor()
    var collected: [SLAAlertKey] = []
    var reference: [SLAAlertKey] = []
    for minute in stride(from: 0, through: 3_000, by: 20) {
      let now = opened.addingTimeInterval(TimeInterval(minute) * 60)
      collected += frequent.scan(subjects, now: now).map(\.key)
      uncached.state = uncached.state  // drops the wake-up memory: every ticket is evaluated
      reference += uncached.scan(subjects, now: now).map(\.key)
    }
    let ageKeys = collected.filter { if case .ageLimitExceeded = $0.kind { return true } else { return false } }
    #expect(!ageKeys.isEmpty)
    #expect(collected == reference)
    #expect(Set(collected).count == collected.count)
  }
}

extension Array {
  /// The single element, or `nil` when there are none or several.
  var only: Element? { count == 1 ? first : nil }
}
