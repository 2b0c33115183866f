import Foundation
import SupportCore
import Testing

@testable import SupportSLA
@testable import SupportTickets

/// The compliance report's grouping checked against a plain reference on generated tickets: every cycle copied
/// into string-keyed groups and every group sorted, as the report was first written.
@Suite("SLA compliance report against a reference")
struct SLAComplianceReportReferenceTests {
  static let now = utc("2026-11-18T09:00:00Z")

  /// Varied tickets over about five weeks: priorities, departments (one custom), assignments, pauses, reopenings,
  /// replies, a few opened after the report instant.
  static func subjects(count: Int, seed: UInt64) throws -> [SLASubject] {
    var generator = SplitMix64(seed: seed)
    let departments: [Department] = [.technical, .billing, .sales, .abuse, "migrations"]
    let agents: [AgentID?] = ["ana", "ben", "chloe", nil]
    return try (0..<count).map { index in
      let opened = now.addingTimeInterval(-Double.random(in: -7_200...(35 * 86_400), using: &generator))
      var builder = TimelineBuilder(
        TicketID("T-\(index)"), at: opened, priority: Priority.allCases.randomElement(using: &generator)!,
        department: departments.randomElement(using: &generator)!)
      var offset: TimeInterval = 0
      var status = TicketStatus.open
      for _ in 0..<Int.random(in: 0...9, using: &generator) where status != .closed {
        offset += Double(Int.random(in: 1...(6 * 60), using: &generator)) * oneMinute
        switch Int.random(in: 0..<10, using: &generator) {
        case 0: builder.assign(agents.randomElement(using: &generator)!, after: offset)
        case 1: builder.internalNote(after: offset)
        case 2, 3: builder.agentReply(after: offset)
        case 4:
          builder.customerReply(after: offset)
          if status == .resolved || status == .waitingOnCustomer || status == .onHold { status = .open }
        case 5 where status == .resolved:
          builder.reopen(after: offset)
          status = .open
        default:
          let next = [TicketStatus.inProgress, .waitingOnCustomer, .onHold, .resolved, .resolved, .closed]
            .randomElement(using: &generator)!
          if status.canTransition(to: next) {
            builder.status(next, after: offset)
            status = next
          }
        }
      }
      return SLASubject(try builder.ticket(), segment: index % 7 == 0 ? "vip" : nil)
    }
  }

  @Test(
    "reports match the reference grouping on generated tickets",
    arguments: [
      (SLAReportPeriod.week, "UTC", UInt64(1)), (.month, "Asia/Vientiane", 2), (.week, "America/New_York", 3),
    ])
  func matchesReference(period: SLAReportPeriod, zone: String, seed: UInt64) throws {
    let subjects = try Self.subjects(count: 1_500, seed: seed)
    let timeZone = try #require(TimeZone(identifier: zone))
    // A set where some tickets match no policy: they have no cycles but still count in quality and age.
    let partial = SLAPolicySet(
      SLAPolicySet.hostingDefault.policies.filter { $0.conditions.priorities?.contains(.low) != true },
      ageGuard: try SLAAgeGuard(limit: 36 * oneHour))
    for evaluator in [SLAEvaluator(), SLAEvaluator(policies: partial)] {
      let report = SLAComplianceReport.make(
        subjects, evaluator: evaluator, now: Self.now, period: period, timeZone: timeZone)
      let reference = Self.reference(subjects, evaluator: evaluator, period: period, timeZone: timeZone)
      // The generated tickets reach every part of the report.
      #expect(report.rows.count > 20 && report.byAgent.count == 4 && report.byDepartment.count == 5)
      #expect((report.openPastAgeLimit?.count ?? 0) > 0 && report.qualityByPeriod.count > 1)
      #expect(report.rows == reference.rows)
      #expect(report.totals == reference.totals)
      #expect(report.qualityByPeriod == reference.qualityByPeriod)
      #expect(report.byAgent == reference.byAgent)
      #expect(report.byDepartment == reference.byDepartment)
      #expect(report == reference)
      #expect(report.description == reference.description)
    }
  }

  /// The report as first written: cycles copied into dictionaries keyed by period label strings, each group's
  /// times sorted.
  static func reference(
    _ subjects: [SLASubject], evaluator: SLAEvaluator, period: SLAReportPeriod, timeZone: TimeZone
  ) -> SLAComplianceReport {
    var calendar = Calendar(identifier: .iso8601)
    calendar.timeZone = timeZone
    func label(_ instant: Date) -> String {
      SLAComplianceReport.label(for: instant, period: period, calendar: calendar)
    }
    let statuses = subjects.map { evaluator.evaluate($0, now: now) }
    var report = SLAComplianceReport(statuses: [], period: period, timeZone: timeZone)
    struct GroupKey: Hashable {
      var metric: SLAMetric
      var priority: Priority?
      var department: Department?
      var period: String?
    }
    var groups: [GroupKey: [SLATargetStatus]] = [:]
    for status in statuses.compactMap({ $0 }) {
      for cycle in status.targets {
        let key = GroupKey(
          metric: cycle.metric, priority: status.priority, department: status.department,
          period: label(cycle.activatedAt))
        groups[key, default: []].append(cycle)
        groups[GroupKey(metric: cycle.metric), default: []].append(cycle)
      }
    }
    func row(_ key: GroupKey, _ cycles: [SLATargetStatus]) -> SLAComplianceReport.Row {
      let achieved = cycles.count { $0.state == .achieved }
      let breached = cycles.count { $0.state == .breached }
      let times = cycles.compactMap { $0.isFulfilled ? $0.elapsed : nil }.sorted()
      let measured = achieved + breached
      return SLAComplianceReport.Row(
        metric: key.metric, priority: key.priority, department: key.department, period: key.period,
        measured: measured, achieved: achieved, breached: breached, open: cycles.count - measured,
        attainmentPercent: measured == 0 ? nil : Double(achieved) / Double(measured) * 100,
        medianSeconds: SLAComplianceReport.percentile(0.5, ofSorted: times),
        p90Seconds: SLAComplianceReport.percentile(0.9, ofSorted: times))
    }
    func attainment(_ cycles: [SLATargetStatus]) -> [SLAComplianceReport.Row] {
      Dictionary(grouping: cycles, by: \.metric).map { row(GroupKey(metric: $0.key), $0.value) }
        .sorted { $0.metric < $1.metric }
    }
    report.rows = groups.filter { $0.key.period != nil }.map(row).sorted { lhs, rhs in
      if lhs.period != rhs.period { return (lhs.period ?? "") < (rhs.period ?? "") }
      if lhs.metric != rhs.metric { return lhs.metric < rhs.metric }
      if lhs.priority != rhs.priority { return (lhs.priority ?? .low) > (rhs.priority ?? .low) }
      return (lhs.department?.rawValue ?? "") < (rhs.department?.rawValue ?? "")
    }
    report.totals = groups.filter { $0.key.period == nil }.map(row).sorted { $0.metric < $1.metric }

    let ageGuard = evaluator.policies.ageGuard
    var overall = QualityTally()
    var periods: [String: QualityTally] = [:]
    var agents: [AgentID?: (cycles: [SLATargetStatus], tally: QualityTally)] = [:]
    var departments: [Department: (cycles: [SLATargetStatus], tally: QualityTally)] = [:]
    var aged: [SLAComplianceReport.AgedTicket] = []
    for (subject, status) in zip(subjects, statuses) where subject.ticket.createdAt <= now {
      let outcome = SLATicketOutcome(subject, now: now)
      let resolvedLate = status.map(SLAComplianceReport.isAnsweredOnTimeResolvedLate) ?? false
      let cycles = status?.targets ?? []
      overall.add(outcome, resolvedLate: resolvedLate)
      periods[label(outcome.createdAt), default: QualityTally()].add(outcome, resolvedLate: resolvedLate)
      agents[outcome.agent, default: ([], QualityTally())].cycles += cycles
      agents[outcome.agent]!.tally.add(outcome, resolvedLate: resolvedLate)
      departments[outcome.department, default: ([], QualityTally())].cycles += cycles
      departments[outcome.department]!.tally.add(outcome, resolvedLate: resolvedLate)
      if let ageGuard, outcome.status.isActive, now.timeIntervalSince(outcome.createdAt) >= ageGuard.limit {
        aged.append(
          SLAComplianceReport.AgedTicket(
            ticketID: outcome.ticketID, openedAt: outcome.createdAt, age: now.timeIntervalSince(outcome.createdAt),
            status: outcome.status, priority: outcome.priority, department: outcome.department, agent: outcome.agent))
      }
    }
    report.quality = overall.quality
    report.qualityByPeriod = periods.map {
      SLAComplianceReport.PeriodQuality(period: $0.key, quality: $0.value.quality)
    }
    .sorted { $0.period < $1.period }
    report.byAgent = agents.map {
      SLAComplianceReport.AgentFigures(
        agent: $0.key, attainment: attainment($0.value.cycles), quality: $0.value.tally.quality)
    }
    .sorted { lhs, rhs in
      switch (lhs.agent, rhs.agent) {
      case (let left?, let right?): return left < right
      case (.some, nil): return true
      default: return false
      }
    }
    report.byDepartment = departments.map {
      SLAComplianceReport.DepartmentFigures(
        department: $0.key, attainment: attainment($0.value.cycles), quality: $0.value.tally.quality)
    }
    .sorted { $0.department.rawValue < $1.department.rawValue }
    report.openPastAgeLimit = ageGuard.map { ageGuard in
      let oldestFirst = aged.sorted { ($0.age, $1.ticketID.rawValue) > ($1.age, $0.ticketID.rawValue) }
      return SLAComplianceReport.OpenPastAgeLimit(limit: ageGuard.limit, count: oldestFirst.count, tickets: oldestFirst)
    }
    return report
  }
}

@Suite("SLA compliance report percentiles by selection")
struct SLAPercentileSelectionTests {
  @Test(
    "the median and p90 found by selection equal those read from the sorted times",
    arguments: [UInt64(11), 12, 13])
  func selectionMatchesSort(seed: UInt64) {
    var generator = SplitMix64(seed: seed)
    for _ in 0..<400 {
      let count = Int.random(in: 0...300, using: &generator)
      // Few distinct values (many ties), spread values, zeros of both signs and infinities.
      let pool: [TimeInterval] = [0, -0.0, 60, 60, 3_600, .infinity, 1e-9, 86_400 * 30]
      let spread = Bool.random(using: &generator)
      let times = (0..<count).map { _ in
        spread ? Double(Int.random(in: 0...1_000_000, using: &generator)) / 7 : pool.randomElement(using: &generator)!
      }
      let sorted = times.sorted()
      let selected = SLACycleTally.medianAndP90(of: times)
      // Bit for bit (an infinite pair interpolates to NaN, which equals nothing).
      #expect(selected.median?.bitPattern == SLAComplianceReport.percentile(0.5, ofSorted: sorted)?.bitPattern)
      #expect(selected.p90?.bitPattern == SLAComplianceReport.percentile(0.9, ofSorted: sorted)?.bitPattern)
      #expect(selected.median?.sign != .minus || selected.median != 0)
    }
  }

  @Test("times with a NaN are sorted, as before")
  func nanFallsBackToSorting() {
    let times: [TimeInterval] = [5, .nan, 1, 3, 2, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 4]
    let sorted = times.sorted()
    let selected = SLACycleTally.medianAndP90(of: times)
    #expect(selected.median?.bitPattern == SLAComplianceReport.percentile(0.5, ofSorted: sorted)?.bitPattern)
    #expect(selected.p90?.bitPattern == SLAComplianceReport.percentile(0.9, ofSorted: sorted)?.bitPattern)
  }
}
