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
    var periods: [String: QualityTally] = [:]
    var agents: [AgentID?: (cycles: [SLATargetStatus], tally: QualityTally)] = [:]
    var departments: [Department: (cycles: [SLATargetStatus], tally: QualityTally)] = [:]
    var aged: [AgedTicket] = []
    for (subject, status) in zip(subjects, statuses) where subject.box.createdAt <= now {
      let outcome = SLATicketOutcome(subject, now: now)
      let resolvedLate = status.map(Self.isAnsweredOnTimeResolvedLate) ?? false
      let cycles = status?.targets ?? []
      overall.add(outcome, resolvedLate: resolvedLate)
      periods[labeler.label(for: outcome.createdAt), default: QualityTally()]
        .add(outcome, resolvedLate: resolvedLate)
      agents[outcome.agent, default: ([], QualityTally())].cycles += cycles
      agents[outcome.agent]!.tally.add(outcome, resolvedLate: resolvedLate)
      departments[outcome.department, default: ([], QualityTally())].cycles += cycles
      departments[outcome.department]!.tally.add(outcome, resolvedLate: resolvedLate)
      if let ageGuard, outcome.status.isActive, now.timeIntervalSince(outcome.createdAt) >= ageGuard.limit {
        aged.append(
          AgedTicket(
            ticketID: outcome.ticketID, openedAt: outcome.createdAt, age: now.timeIntervalSince(outcome.createdAt),
            status: outcome.status, priority: outcome.priority, department: outcome.department, agent: outcome.agent))
      }
    }
    quality = overall.quality
    qualityByPeriod = periods.map { PeriodQuality(period: $0.key, quality: $0.value.quality) }
      .sorted { $0.period < $1.period }
    byAgent = agents.map {
      AgentFigures(agent: $0.key, attainment: Self.attainment($0.value.cycles), quality: $0.value.tally.quality)
    }
    .sorted { lhs, rhs in
      switch (lhs.agent, rhs.agent) {
      case (let left?, let right?): return left < right
      case (.some, nil): return true
      default: return false
      }
    }
    byDepartment = departments.map {
      DepartmentFigures(
        department: $0.key, attainment: Self.attainment($0.value.cycles), quality: $0.value.tally.quality)
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

  /// One row per metric (in metric order) over a group's cycles.
  static func attainment(_ cycles: [SLATargetStatus]) -> [Row] {
    Dictionary(grouping: cycles, by: \.metric)
      .map { row(metric: $0.key, priority: nil, department: nil, period: nil, cycles: $0.value) }
      .sorted { $0.metric < $1.metric }
  }
}
