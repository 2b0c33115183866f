import Foundation

/// How long incidents lasted, whom they touched and what customers were told.
public struct IncidentReport: Hashable, Sendable, Codable {
  /// One incident.
  public struct Row: Hashable, Sendable, Codable {
    /// The incident.
    public var id: IncidentID
    /// How bad it was.
    public var severity: IncidentSeverity
    /// When it started.
    public var startedAt: Date
    /// When it was resolved, or `nil` while it lasts.
    public var resolvedAt: Date?
    /// From the start to the resolution (to the report's instant while it lasts), in seconds.
    public var durationSeconds: TimeInterval
    /// The registered customers it affects.
    public var affectedCustomers: Int
    /// The tickets linked to it.
    public var linkedTickets: Int
    /// The updates staff posted.
    public var updatesPosted: Int
    /// Start notices delivered.
    public var startNotices: Int
    /// Update notices delivered (staff updates and periodic updates).
    public var updateNotices: Int
    /// Periodic updates among them.
    public var periodicUpdateNotices: Int
    /// Resolution notices delivered.
    public var resolutionNotices: Int
  }

  /// The instant of the report.
  public var now: Date
  /// Every incident, in declaration order.
  public var incidents: [Row]
  /// Incidents still lasting.
  public var ongoing: Int
  /// The sum of the durations, in seconds.
  public var totalDurationSeconds: TimeInterval
  /// Tickets linked to any incident.
  public var linkedTickets: Int
}

extension SupportDesk {
  /// Every incident's duration, reach, linked tickets and notices (see ``IncidentReport``).
  /// - Parameter now: The instant for incidents that still last.
  /// - Returns: The report.
  /// - Throws: ``HostingSupportError`` `corruptState` when the desk's stored state is damaged; state store errors.
  /// - Complexity: O(*i* × (*c* + *s*)) for *i* incidents, *c* customers and *s* sent marks.
  public func incidentReport(now: Date) async throws -> IncidentReport {
    try await ensureCurrent()
    let customers = registeredCustomers
    let rows = state.loop.allIncidents.map { record in
      let prefix = Self.incidentPrefix(record.id)
      let keys = state.sent.keys.filter { $0.hasPrefix(prefix) }.map { $0.dropFirst(prefix.count) }
      return IncidentReport.Row(
        id: record.id, severity: record.incident.severity, startedAt: record.incident.startedAt,
        resolvedAt: record.resolvedAt, durationSeconds: record.duration(now: now),
        affectedCustomers: customers.count { record.incident.affects($0) },
        linkedTickets: state.loop.links[record.id]?.count ?? 0, updatesPosted: record.updates.count,
        startNotices: keys.count { $0.hasPrefix("start/") },
        updateNotices: keys.count { $0.hasPrefix("update-") || $0.hasPrefix("periodic-") },
        periodicUpdateNotices: keys.count { $0.hasPrefix("periodic-") },
        resolutionNotices: keys.count { $0.hasPrefix("resolved/") })
    }
    return IncidentReport(
      now: now, incidents: rows, ongoing: rows.count { $0.resolvedAt == nil },
      totalDurationSeconds: rows.map(\.durationSeconds).reduce(0, +),
      linkedTickets: rows.map(\.linkedTickets).reduce(0, +))
  }
}
