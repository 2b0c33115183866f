import Foundation
import SupportTickets

extension SLAComplianceReport {
  /// Adds the figures that need the tickets themselves: resolution quality overall and per period, attainment and
  /// quality per agent and per department, and the tickets open past the age limit.
  ///
  /// - Parameters:
  ///   - subjects: The tickets.
  ///   - statuses: Their statuses at `now`, one per subject (`nil` where no policy matched).
  ///   - ageGuard: The policies' age guard, if any.
  ///   - now: The report instant.
  ///   - timeZone: The zone whose calendar defines the periods.
  mutating func addTicketFigures(
    subjects: [SLASubject], statuses: [SLAStatus?], ageGuard: SLAAgeGuard?, now: Date, timeZone: TimeZone
  ) {
    var labeler = SLAPeriodLabeler(period: period, timeZone: timeZone)
    var overall = QualityTally()
    var periods: [QualityTally] = []  // by label number
    var agentNumbers: [AgentID?: Int] = [:]
    var agents: [(agent: AgentID?, attainment: SLAMetricTallies, tally: QualityTally)] = []
    var departmentNumbers: [Department: Int] = [:]
    var departments: [(department: Department, attainment: SLAMetricTallies, tally: QualityTally)] = []
    var aged: [AgedTicket] = []
    let noCycles: [SLATargetStatus] = []
    for (subject, status) in zip(subjects, statuses) where subject.box.createdAt <= now {
      let outcome = SLATicketOutcome(subject, now: now)
      let resolvedLate = status.map(Self.isAnsweredOnTimeResolvedLate) ?? false
      overall.add(outcome, resolvedLate: resolvedLate)
      let periodNumber = labeler.number(for: outcome.createdAt)
      if periodNumber == periods.count { periods.append(QualityTally()) }
      periods[periodNumber].add(outcome, resolvedLate: resolvedLate)
      let agent = agentNumbers[outcome.agent] ?? agents.count
      if agent == agents.count {
        agentNumbers[outcome.agent] = agent
        agents.append((outcome.agent, SLAMetricTallies(), QualityTally()))
      }
      let department = departmentNumbers[outcome.department] ?? departments.count
      if department == departments.count {
        departmentNumbers[outcome.department] = department
        departments.append((outcome.department, SLAMetricTallies(), QualityTally()))
      }
      (status?.targets ?? noCycles).withUnsafeBufferPointer { cycles in
        agents[agent].attainment.add(cycles)
        departments[department].attainment.add(cycles)
      }
      agents[agent].tally.add(outcome, resolvedLate: resolvedLate)
      departments[department].tally.add(outcome, resolvedLate: resolvedLate)
      if let ageGuard, outcome.status.isActive, now.timeIntervalSince(outcome.createdAt) >= ageGuard.limit {
        aged.append(
          AgedTicket(
            ticketID: outcome.ticketID, openedAt: outcome.createdAt, age: now.timeIntervalSince(outcome.createdAt),
            status: outcome.status, priority: outcome.priority, department: outcome.department, agent: outcome.agent))
      }
    }
    quality = overall.quality
    qualityByPeriod = periods.indices.map { PeriodQuality(period: labeler.labels[$0], quality: periods[$0].quality) }
      .sorted { $0.period < $1.period }
    byAgent = agents.map { AgentFigures(agent: $0.agent, attainment: $0.attainment.rows, quality: $0.tally.quality) }
      .sorted { lhs, rhs in
        switch (lhs.agent, rhs.agent) {
        case (let left?, let right?): return left < right
        case (.some, nil): return true
        default: return false
        }
      }
    byDepartment = departments.map {
      DepartmentFigures(department: $0.department, attainment: $0.attainment.rows, quality: $0.tally.quality)
    }
    .sorted { $0.department.rawValue < $1.department.rawValue }
    openPastAgeLimit = ageGuard.map { ageGuard in
      let oldestFirst = aged.sorted { ($0.age, $1.ticketID.rawValue) > ($1.age, $0.ticketID.rawValue) }
      return OpenPastAgeLimit(limit: ageGuard.limit, count: oldestFirst.count, tickets: oldestFirst)
    }
  }

  /// Whether a ticket was answered in time but resolved late: its first response achieved and one of its
  /// resolution cycles breached (resolved after the deadline, or still unresolved past it).
  static func isAnsweredOnTimeResolvedLate(_ status: SLAStatus) -> Bool {
    status.current(.firstResponse)?.state == .achieved
      && status.targets.contains { $0.metric == .resolution && $0.state == .breached }
  }
}
