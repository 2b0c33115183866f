import Foundation

extension SupportDesk {
  /// Marks a maintenance window's work done: customers who were told about it get the completion notice now.
  /// A window is complete only when marked done, not when the clock reaches its end.
  /// - Parameters:
  ///   - id: The window.
  ///   - instant: When the work was finished (default: the desk's date provider).
  /// - Throws: ``HostingSupportError`` `notFound`, or `invalidRequest` for a cancelled window, one already done or
  ///   one that has not started, or (on a shared state store) one another desk changed meanwhile.
  public func completeMaintenance(_ id: MaintenanceID, at instant: Date? = nil) async throws {
    try await ensureCurrent()
    var changed = try maintenanceInProgress(id)
    let at = instant ?? clock()
    guard at >= changed.window.start else {
      throw HostingSupportError.invalidRequest(
        field: "maintenance \(id.rawValue)", reason: "has not started; cancel or reschedule it instead")
    }
    changed.completedAt = at
    withdrawPendingOverrunNotices(of: changed, at: at)
    let change = DeskChange.maintenance(changed, at: at)
    record(change)
    try queueMaintenanceNotices(now: at)
    try await requireFirst(change, conflict: "was changed by another desk meanwhile: read it again")
    _ = try await deliver(at: at)
  }

  /// Announces a new end for work that overruns (or will overrun) its planned end: customers who were told about
  /// the window get an "overrunning, new estimate" notice now. Without one, the desk makes its own each time the
  /// estimate passes (``DeskConfiguration/maintenanceOverrunExtension``: 1 h, then 2 h, 4 h…).
  /// - Parameters:
  ///   - id: The window.
  ///   - newEnd: The new estimate, after the planned end and after `instant`.
  ///   - instant: When (default: the desk's date provider).
  /// - Throws: ``HostingSupportError`` `notFound`, or `invalidRequest` for a cancelled or completed window or an
  ///   estimate not after the planned end (move the window with ``rescheduleMaintenance(_:start:end:at:)``), or (on
  ///   a shared state store) a window another desk changed meanwhile.
  public func estimateMaintenanceEnd(_ id: MaintenanceID, newEnd: Date, at instant: Date? = nil) async throws {
    try await ensureCurrent()
    var changed = try maintenanceInProgress(id)
    let at = instant ?? clock()
    guard newEnd > changed.window.end, newEnd > at else {
      throw HostingSupportError.invalidRequest(
        field: "maintenance \(id.rawValue) estimate", reason: "must be after the planned end and after now")
    }
    withdrawPendingOverrunNotices(of: changed, at: at)
    changed.overrunEstimates.append(newEnd)
    let change = DeskChange.maintenance(changed, at: at)
    record(change)
    enqueue(overrunAlert(changed, now: at))
    try queueMaintenanceNotices(now: at)
    try await requireFirst(change, conflict: "was changed by another desk meanwhile: read it again")
    _ = try await deliver(at: at)
  }

  /// When the work passed its expected end without being marked done, records the next estimate and queues the
  /// staff alert; returns the record as it now stands.
  ///
  /// The next estimate is the last one plus ``DeskConfiguration/maintenanceOverrunExtension`` (1 h), doubled for
  /// each estimate announced before (1 h, then 2 h, 4 h…), so work nobody marks done is announced a few times, not
  /// every hour; a tick that comes late skips the estimates that passed meanwhile.
  func noteOverrun(of stored: MaintenanceRecord, now: Date) -> MaintenanceRecord {
    guard stored.completedAt == nil, !stored.isCancelled, now >= stored.expectedEnd else { return stored }
    var step =
      max(60, configuration.maintenanceOverrunExtension) * pow(2, Double(min(stored.overrunEstimates.count, 20)))
    var estimate = stored.expectedEnd
    while estimate <= now {
      estimate += step
      step *= 2
    }
    var changed = stored
    changed.overrunEstimates.append(estimate)
    record(.maintenance(changed, at: now))
    enqueue(overrunAlert(changed, now: now))
    return changed
  }

  private func overrunAlert(_ record: MaintenanceRecord, now: Date) -> OutboundMessage {
    let window = record.window
    let prefix = Self.maintenancePrefix(record.id, revision: record.revision)
    return OutboundMessage(
      idempotencyKey: "\(prefix)/overrun-\(Self.millis(record.expectedEnd))/staff",
      audience: .staff,
      kind: .maintenanceOverrunAlert,
      subject: "Maintenance \(window.id.rawValue) overruns: new estimate \(Timestamp.format(record.expectedEnd))",
      body: """
        Maintenance \(window.id.rawValue) on \(window.affectedSummary) was planned to end at \
        \(Timestamp.format(window.end)) and is not marked done. Affected customers who were told about it are sent \
        the new estimate \(Timestamp.format(record.expectedEnd)).
        Mark it done with completeMaintenance when the work is finished, or give a better estimate with \
        estimateMaintenanceEnd.
        """,
      createdAt: now,
      maintenanceID: window.id,
      metadata: [
        "plannedEnd": Timestamp.format(window.end), "estimate": Timestamp.format(record.expectedEnd),
        "overruns": String(record.overrunEstimates.count),
      ]
    )
  }

  static func overrunKey(_ prefix: String, _ estimate: Date, _ customer: CustomerID) -> String {
    "\(prefix)/overrun-\(millis(estimate))/\(customer.rawValue)"
  }

  static func millis(_ instant: Date) -> Int64 { Int64((instant.timeIntervalSince1970 * 1000).rounded()) }

  private func withdrawPendingOverrunNotices(of window: MaintenanceRecord, at instant: Date) {
    withdrawPending(keyPrefix: Self.maintenancePrefix(window.id, revision: window.revision) + "/overrun-", at: instant)
  }

  private func maintenanceInProgress(_ id: MaintenanceID) throws -> MaintenanceRecord {
    guard let found = state.maintenanceRecord(id) else {
      throw HostingSupportError.notFound("maintenance window", id: id.rawValue)
    }
    guard !found.isCancelled else {
      throw HostingSupportError.invalidRequest(field: "maintenance \(id.rawValue)", reason: "is cancelled")
    }
    guard found.completedAt == nil else {
      throw HostingSupportError.invalidRequest(field: "maintenance \(id.rawValue)", reason: "is already done")
    }
    return found
  }
}
