import Foundation
import SupportSLA
import SupportTickets
import Testing

@Suite("SLA compliance report")
struct SLAComplianceReportTests {
  /// A resolution cycle with a given outcome, activated at `start`.
  func cycle(_ state: SLAState, elapsed: TimeInterval, start: Date, fulfilled: Bool = true) -> SLATargetStatus {
    SLATargetStatus(
      metric: .resolution, cycle: 1, goal: oneHour, state: state, activatedAt: start,
      fulfilledAt: fulfilled ? start.addingTimeInterval(elapsed) : nil, elapsed: elapsed, dueAt: nil,
      breachedAt: state == .breached ? start.addingTimeInterval(oneHour) : nil, events: [])
  }

  func status(_ id: String, _ priority: Priority, _ department: Department, _ cycles: [SLATargetStatus]) -> SLAStatus {
    SLAStatus(
      ticketID: TicketID(id), policyName: "P", priority: priority, department: department,
      evaluatedAt: utc("2026-12-31T00:00:00Z"), targets: cycles)
  }

  @Test("attainment counts achieved over achieved plus breached; open cycles are left out")
  func attainment() {
    let day = utc("2026-11-10T12:00:00Z")
    let statuses = [
      status("a", .high, .technical, [cycle(.achieved, elapsed: 600, start: day)]),
      status("b", .high, .technical, [cycle(.achieved, elapsed: 1_200, start: day)]),
      status("c", .high, .technical, [cycle(.breached, elapsed: 7_200, start: day)]),
      status("d", .high, .technical, [cycle(.running, elapsed: 100, start: day, fulfilled: false)]),
      status("e", .high, .technical, [cycle(.breached, elapsed: 9_000, start: day, fulfilled: false)]),
    ]
    let report = SLAComplianceReport(statuses: statuses, period: .month)
    let row = try! #require(report.rows.first)
    #expect(report.rows.count == 1)
    #expect(row.period == "2026-11")
    #expect((row.measured, row.achieved, row.breached, row.open) == (4, 2, 2, 1))
    #expect(row.attainmentPercent == 50)
    // Fulfilled times 600, 1200, 7200: median 1200; p90 at rank 1.8 → 1200 + 0.8 × 6000.
    #expect(row.medianSeconds == 1_200)
    #expect(row.p90Seconds == 1_200 + 0.8 * 6_000)
    #expect(report.totals.count == 1)
    #expect(report.totals[0].priority == nil && report.totals[0].period == nil)
  }

  @Test(
    "percentiles interpolate between closest ranks like NumPy's default",
    arguments: [
      ([5.0], 5.0, 5.0), ([1, 2], 1.5, 1.9), ([1, 2, 3, 4], 2.5, 3.7),
      ([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 55, 91),
    ])
  func percentiles(values: [Double], median: Double, p90: Double) {
    let start = utc("2026-11-10T12:00:00Z")
    let statuses = values.enumerated().map { index, value in
      status("t\(index)", .low, .sales, [cycle(.achieved, elapsed: value, start: start)])
    }
    let row = SLAComplianceReport(statuses: statuses, period: .week).totals[0]
    #expect(abs(row.medianSeconds! - median) < 1e-9)
    #expect(abs(row.p90Seconds! - p90) < 1e-9)
  }

  @Test("rows split by metric, priority, department and period, in a stable order")
  func grouping() {
    let statuses = [
      status("a", .low, .billing, [cycle(.achieved, elapsed: 60, start: utc("2026-11-01T10:00:00Z"))]),
      status("b", .critical, .billing, [cycle(.achieved, elapsed: 60, start: utc("2026-11-08T10:00:00Z"))]),
      status("c", .critical, .abuse, [cycle(.breached, elapsed: 60, start: utc("2026-11-09T10:00:00Z"))]),
      status("d", .critical, .abuse, [cycle(.achieved, elapsed: 60, start: utc("2026-12-01T10:00:00Z"))]),
    ]
    let weekly = SLAComplianceReport(statuses: statuses, period: .week)
    // 1 Nov 2026 is a Sunday (ISO week 44); 8 Nov a Sunday (week 45); 9 Nov a Monday (week 46); 1 Dec week 49.
    #expect(weekly.rows.map(\.period) == ["2026-W44", "2026-W45", "2026-W46", "2026-W49"])
    let monthly = SLAComplianceReport(statuses: statuses, period: .month)
    #expect(monthly.rows.map(\.period) == ["2026-11", "2026-11", "2026-11", "2026-12"])
    #expect(monthly.rows.map(\.priority) == [.critical, .critical, .low, .critical])
    #expect(monthly.rows.map(\.department) == [.abuse, .billing, .billing, .abuse])
    #expect(monthly.totals[0].measured == 4)
  }

  @Test("periods follow the report's time zone")
  func timeZones() throws {
    let lateUTC = utc("2026-11-30T23:30:00Z")  // already 1 December in Kuala Lumpur (UTC+8)
    let statuses = [status("a", .low, .sales, [cycle(.achieved, elapsed: 60, start: lateUTC)])]
    #expect(SLAComplianceReport(statuses: statuses, period: .month).rows[0].period == "2026-11")
    let kualaLumpur = try #require(TimeZone(identifier: "Asia/Kuala_Lumpur"))
    #expect(SLAComplianceReport(statuses: statuses, period: .month, timeZone: kualaLumpur).rows[0].period == "2026-12")
  }

  @Test("the report round-trips through JSON and prints as a table")
  func codableAndPrintable() throws {
    var builder = TimelineBuilder(at: utc("2026-11-23T10:00:00Z"), priority: .critical)
    builder.agentReply(after: 5 * oneMinute)
    builder.status(.resolved, after: 50 * oneMinute)
    let report = SLAComplianceReport.make(
      [SLASubject(try builder.ticket())], evaluator: SLAEvaluator(), now: utc("2026-11-24T00:00:00Z"), period: .week)
    #expect(try JSONDecoder().decode(SLAComplianceReport.self, from: JSONEncoder().encode(report)) == report)
    let text = report.description
    #expect(text.contains("2026-W48  firstResponse  critical  technical"))
    #expect(text.contains("100.0%"))
    #expect(text.contains("0:50:00"))
    #expect(text.contains("all       resolution"))
  }

  @Test(
    "every cycle is labelled with the calendar's week or month in the report's zone, across DST and year ends (seeded)",
    arguments: ["UTC", "Asia/Kathmandu", "America/New_York", "Australia/Lord_Howe", "Pacific/Chatham"])
  func labelsMatchTheCalendar(zone: String) throws {
    let timeZone = try #require(TimeZone(identifier: zone))
    var calendar = Calendar(identifier: .iso8601)
    calendar.timeZone = timeZone
    var generator = SplitMix64(seed: 77)
    let base = utc("2024-12-20T00:00:00Z")
    // Random instants over two years, in random order: the report must not depend on the order it meets them.
    let instants = (0..<600).map { _ in
      base.addingTimeInterval(Double(Int.random(in: 0..<63_072_000, using: &generator)))
    }
    for period in SLAReportPeriod.allCases {
      var expected: [String: Int] = [:]
      for instant in instants {
        let parts = calendar.dateComponents([.yearForWeekOfYear, .weekOfYear, .year, .month], from: instant)
        let label =
          period == .week
          ? String(format: "%04d-W%02d", parts.yearForWeekOfYear!, parts.weekOfYear!)
          : String(format: "%04d-%02d", parts.year!, parts.month!)
        expected[label, default: 0] += 1
      }
      let statuses = instants.enumerated().map { index, instant in
        status("t\(index)", .low, .sales, [cycle(.achieved, elapsed: 60, start: instant)])
      }
      let report = SLAComplianceReport(statuses: statuses, period: period, timeZone: timeZone)
      var counted: [String: Int] = [:]
      for row in report.rows { counted[row.period!, default: 0] += row.measured }
      #expect(counted == expected)
    }
  }

  @Test("an empty report has no rows and still prints its header")
  func empty() {
    let report = SLAComplianceReport(statuses: [], period: .month)
    #expect(report.rows.isEmpty && report.totals.isEmpty)
    #expect(report.description.contains("measured"))
  }
}
