import Foundation
import SupportSLA
import SupportTickets
import Testing

@Suite("SLA compliance report: resolution quality, agents, departments and the age guard")
struct SLAResolutionQualityTests {
  let opened = utc("2026-11-23T10:00:00Z")
  var now: Date { opened.addingTimeInterval(72 * oneHour) }

  func report(_ builders: [TimelineBuilder], policies: SLAPolicySet = .hostingDefault, at instant: Date? = nil)
    throws -> SLAComplianceReport
  {
    SLAComplianceReport.make(
      try builders.map { SLASubject(try $0.ticket()) }, evaluator: SLAEvaluator(policies: policies),
      now: instant ?? now, period: .month)
  }

  /// A ticket with one public reply, resolved after two hours.
  func oneTouch(_ id: TicketID, at start: Date? = nil) -> TimelineBuilder {
    var builder = TimelineBuilder(id, at: start ?? opened)
    builder.agentReply(after: 30 * oneMinute)
    builder.status(.resolved, after: 2 * oneHour)
    return builder
  }

  @Test("the reopen rate is the share of solved tickets that came back")
  func reopenRate() throws {
    var reopened = oneTouch("T-2")
    reopened.customerReply(after: 5 * oneHour)  // reopens; still open at the report instant
    var reopenedTwice = oneTouch("T-3")
    reopenedTwice.reopen(after: 3 * oneHour)
    reopenedTwice.status(.resolved, after: 4 * oneHour)
    reopenedTwice.reopen(after: 5 * oneHour)
    let neverSolved = TimelineBuilder("T-4", at: opened)
    let quality = try #require(try report([oneTouch("T-1"), reopened, reopenedTwice, neverSolved]).quality)
    #expect((quality.tickets, quality.solved, quality.reopened) == (4, 3, 2))
    #expect(quality.reopenRatePercent.map { ($0 * 10).rounded() / 10 } == 66.7)
  }

  @Test(
    "first-contact resolution: solved with exactly one public agent reply and never reopened, as Zendesk counts",
    arguments: [
      ("one public reply, resolved", true), ("no reply", false), ("two replies", false),
      ("one reply plus notes and automated messages", true), ("reopened, solved again", false),
      ("one reply, still open", false), ("one reply, closed", true),
    ])
  func firstContactResolution(story: String, counts: Bool) throws {
    var builder = TimelineBuilder(at: opened)
    switch story {
    case "no reply":
      builder.status(.resolved, after: oneHour)
    case "two replies":
      builder.agentReply(after: 10 * oneMinute)
      builder.agentReply(after: 20 * oneMinute)
      builder.status(.resolved, after: oneHour)
    case "one reply plus notes and automated messages":
      builder.automatedMessage(after: 1 * oneMinute)
      builder.internalNote(after: 5 * oneMinute)
      builder.agentReply(after: 10 * oneMinute)
      builder.status(.resolved, after: oneHour)
    case "reopened, solved again":
      builder.agentReply(after: 10 * oneMinute)
      builder.status(.resolved, after: oneHour)
      builder.customerReply(after: 2 * oneHour)
      builder.status(.resolved, after: 3 * oneHour)
    case "one reply, still open":
      builder.agentReply(after: 10 * oneMinute)
    case "one reply, closed":
      builder.agentReply(after: 10 * oneMinute)
      builder.status(.closed, after: oneHour)
    default:
      builder.agentReply(after: 10 * oneMinute)
      builder.status(.resolved, after: oneHour)
    }
    let quality = try #require(try report([builder]).quality)
    #expect(quality.firstContactResolutions == (counts ? 1 : 0), "\(story)")
    if quality.solved > 0 { #expect(quality.firstContactResolutionPercent == (counts ? 100 : 0)) }
  }

  @Test("answered on time but resolved late: the first response achieved and a resolution cycle breached")
  func answeredOnTimeResolvedLate() throws {
    var late = TimelineBuilder("T-1", at: opened, priority: .critical)
    late.agentReply(after: 5 * oneMinute)
    late.status(.resolved, after: 2 * oneHour)  // resolution goal 1 h
    var stillOpen = TimelineBuilder("T-2", at: opened, priority: .critical)
    stillOpen.agentReply(after: 5 * oneMinute)  // never resolved: breached at 1 h
    var answeredLate = TimelineBuilder("T-3", at: opened, priority: .critical)
    answeredLate.agentReply(after: 30 * oneMinute)  // first response goal 15 min
    answeredLate.status(.resolved, after: 2 * oneHour)
    let onTime = oneTouch("T-4")
    let quality = try #require(try report([late, stillOpen, answeredLate, onTime]).quality)
    #expect(quality.answeredOnTimeResolvedLate == 2)
  }

  @Test("a ticket counts for the agent assigned when it was resolved, and an open one for its current assignee")
  func attainmentPerAgent() throws {
    var anaResolves = TimelineBuilder("T-1", at: opened, priority: .critical)
    anaResolves.assign("ana", after: oneMinute)
    anaResolves.agentReply(after: 5 * oneMinute)
    anaResolves.status(.resolved, after: 30 * oneMinute)
    anaResolves.assign("ben", after: 5 * oneHour)  // reassigned after the resolution: still ana's
    var benLate = TimelineBuilder("T-2", at: opened, priority: .critical)
    benLate.assign("ana", after: oneMinute)
    benLate.assign("ben", after: 2 * oneMinute)
    benLate.agentReply(after: 5 * oneMinute)
    benLate.status(.resolved, after: 2 * oneHour)
    var benOpen = TimelineBuilder("T-3", at: opened, priority: .critical)
    benOpen.assign("ben", after: oneMinute)
    let nobody = oneTouch("T-4")
    let figures = try report([anaResolves, benLate, benOpen, nobody]).byAgent
    #expect(figures.map(\.agent) == ["ana", "ben", nil])  // unassigned last
    func resolution(_ agent: AgentID?) -> SLAComplianceReport.Row? {
      figures.first { $0.agent == agent }?.attainment.first { $0.metric == .resolution }
    }
    #expect(resolution("ana")?.attainmentPercent == 100)
    #expect((resolution("ben")?.measured, resolution("ben")?.achieved) == (2, 0))
    #expect(figures.first { $0.agent == "ben" }?.quality.tickets == 2)
    #expect(figures.first { $0.agent == nil }?.quality.firstContactResolutions == 1)
    #expect(figures[0].attainment.map(\.metric) == [.firstResponse, .nextResponse, .resolution])
  }

  @Test("attainment and quality per department")
  func perDepartment() throws {
    var billing = TimelineBuilder("T-1", at: opened, priority: .critical, department: .billing)
    billing.agentReply(after: 5 * oneMinute)
    billing.status(.resolved, after: 2 * oneHour)
    let technical = oneTouch("T-2")
    let figures = try report([billing, technical]).byDepartment
    #expect(figures.map(\.department) == [.billing, .technical])
    #expect(figures[0].attainment.first { $0.metric == .resolution }?.attainmentPercent == 0)
    #expect(figures[1].attainment.first { $0.metric == .resolution }?.attainmentPercent == 100)
    #expect(figures[1].quality.firstContactResolutionPercent == 100)
  }

  @Test("open past 24 h lists every unsolved ticket past the age limit, oldest first, whatever its pauses")
  func openPastTheAgeLimit() throws {
    var waiting = TimelineBuilder("T-1", at: opened.addingTimeInterval(40 * oneHour))  // 32 h old
    waiting.agentReply(after: 10 * oneMinute)
    waiting.status(.waitingOnCustomer, after: 20 * oneMinute)
    var onHold = TimelineBuilder("T-2", at: opened)  // 72 h old
    onHold.assign("ana", after: oneMinute)
    onHold.status(.onHold, after: oneHour)
    let young = TimelineBuilder("T-3", at: opened.addingTimeInterval(50 * oneHour))  // 22 h old
    var resolved = oneTouch("T-4")  // 72 h old, but resolved
    resolved.assign("ana", after: 3 * oneHour)
    let aged = try #require(try report([waiting, onHold, young, resolved]).openPastAgeLimit)
    #expect(aged.limit == 24 * oneHour)
    #expect(aged.count == 2)
    #expect(aged.tickets.map(\.ticketID) == ["T-2", "T-1"])
    #expect(aged.tickets.map(\.age) == [72 * oneHour, 32 * oneHour])
    #expect(aged.tickets.map(\.status) == [.onHold, .waitingOnCustomer])
    #expect(aged.tickets[0].agent == "ana")
    let text = try report([waiting, onHold, young, resolved]).description
    #expect(text.contains("Open past 24 h (wall-clock age, pauses included): 2"))
    #expect(text.contains("T-2     72:00:00  onHold"))
  }

  @Test("the age limit of the report follows the policies, and no guard means no list")
  func reportAgeLimitIsConfigurable() throws {
    let young = TimelineBuilder("T-1", at: opened.addingTimeInterval(69 * oneHour))  // 3 h old
    let twoHours = SLAPolicySet(SLAPolicySet.hostingDefault.policies, ageGuard: try SLAAgeGuard(limit: 2 * oneHour))
    let aged = try #require(try report([young], policies: twoHours).openPastAgeLimit)
    #expect(aged.tickets.map(\.ticketID) == ["T-1"])
    #expect(try report([young], policies: twoHours).description.contains("Open past 2 h"))
    let off = SLAPolicySet(SLAPolicySet.hostingDefault.policies, ageGuard: nil)
    #expect(try report([young], policies: off).openPastAgeLimit == nil)
  }

  @Test("quality per period counts each ticket in the period it was opened, and later tickets are left out")
  func qualityPerPeriod() throws {
    let november = oneTouch("T-1", at: utc("2026-11-30T20:00:00Z"))
    let december = oneTouch("T-2", at: utc("2026-12-01T09:00:00Z"))
    let future = oneTouch("T-3", at: utc("2026-12-05T09:00:00Z"))
    let report = try report([november, december, future], at: utc("2026-12-02T00:00:00Z"))
    #expect(report.qualityByPeriod.map(\.period) == ["2026-11", "2026-12"])
    #expect(report.qualityByPeriod.map(\.quality.tickets) == [1, 1])
    #expect(report.quality?.tickets == 2)
  }

  @Test("a report built from statuses alone has no ticket figures")
  func statusesOnly() {
    let report = SLAComplianceReport(statuses: [], period: .month)
    #expect(report.quality == nil && report.openPastAgeLimit == nil)
    #expect(report.byAgent.isEmpty && report.byDepartment.isEmpty && report.qualityByPeriod.isEmpty)
    #expect(!report.description.contains("Resolution quality"))
  }

  @Test("the ticket figures round-trip through JSON and print as tables")
  func codableAndPrintable() throws {
    var aged = TimelineBuilder("T-9", at: opened)
    aged.assign("ben", after: oneMinute)
    let report = try report([oneTouch("T-1"), aged])
    let data = try JSONEncoder().encode(report)
    #expect(try JSONDecoder().decode(SLAComplianceReport.self, from: data) == report)
    let json = String(decoding: data, as: UTF8.self)
    #expect(json.contains(#""openedAt":"2026-11-23T10:00:00.000Z""#))
    #expect(json.contains(#""firstContactResolutionPercent":100"#))
    let text = report.description
    #expect(text.contains("Resolution quality (tickets by the period they were opened)"))
    #expect(text.contains("By agent (assignee at resolution"))
    #expect(text.contains("By department"))
    #expect(text.contains("unassigned"))
  }
}
