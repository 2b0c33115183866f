import Foundation
import SupportTickets

extension SupportDesk {
  /// Plans a maintenance window. Its notices go out from ``tick(now:)``: an advance notice at each of
  /// ``DeskConfiguration/maintenanceLeadTimes`` before the start (only the latest one that is due, when the
  /// window was planned late), a start notice, and — only once it is marked done with
  /// ``completeMaintenance(_:at:)`` — a completion notice, each to exactly the affected customers
  /// (``MaintenanceWindow/affects(_:)``) in their language. Work that passes its planned end without being marked
  /// done is overrunning: customers who were told about it get an "overrunning, new estimate" notice, and staff
  /// an alert, each time the estimate passes (see ``estimateMaintenanceEnd(_:newEnd:at:)``).
  /// The window is recorded before the call returns; concurrent calls with the same id: one wins, the others
  /// throw.
  /// - Parameter window: The window.
  /// - Throws: ``HostingSupportError`` `invalidRequest` for an invalid window or an id already used,
  ///   `corruptState` when the desk's stored state is damaged; state store errors.
  public func scheduleMaintenance(_ window: MaintenanceWindow) async throws {
    try await ensureCurrent()
    try window.validate()
    guard state.maintenanceRecord(window.id) == nil else {
      throw HostingSupportError.invalidRequest(field: "maintenance id", reason: "\(window.id.rawValue) is already used")
    }
    let change = DeskChange.maintenance(MaintenanceRecord(window: window), at: clock())
    record(change)
    try await requireFirst(change, conflict: "is already used")
  }

  /// Cancels a window. Customers who were already told about it get a cancellation notice on the next tick;
  /// notices not yet delivered are withdrawn.
  /// - Parameter id: The window.
  /// - Throws: ``HostingSupportError`` `notFound`, or `invalidRequest` if it is already cancelled.
  public func cancelMaintenance(_ id: MaintenanceID) async throws {
    try await ensureCurrent()
    var changed = try existingMaintenance(id)
    guard !changed.isCancelled else {
      throw HostingSupportError.invalidRequest(field: "maintenance \(id.rawValue)", reason: "is already cancelled")
    }
    let at = clock()
    changed.corrections.append(.init(kind: .cancelled, correctsRevision: changed.revision, previous: changed.window))
    changed.isCancelled = true
    withdrawPendingNotices(of: changed, at: at)
    let change = DeskChange.maintenance(changed, at: at)
    record(change)
    try await requireFirst(change, conflict: "was changed by another desk meanwhile: read it again")
  }

  /// Moves a window. Customers who were told the old times get a correction on the next tick, and the new
  /// times are announced again at the lead times.
  /// - Parameters:
  ///   - id: The window.
  ///   - start: The new start.
  ///   - end: The new end.
  ///   - instant: When it was moved (default: the desk's date provider).
  /// - Throws: ``HostingSupportError`` `notFound` or `invalidRequest`.
  public func rescheduleMaintenance(_ id: MaintenanceID, start: Date, end: Date, at instant: Date? = nil)
    async throws
  {
    try await ensureCurrent()
    var changed = try existingMaintenance(id)
    guard !changed.isCancelled else {
      throw HostingSupportError.invalidRequest(field: "maintenance \(id.rawValue)", reason: "is cancelled")
    }
    var moved = changed.window
    moved.start = start
    moved.end = end
    try moved.validate()
    let at = instant ?? clock()
    changed.corrections.append(.init(kind: .rescheduled, correctsRevision: changed.revision, previous: changed.window))
    withdrawPendingNotices(of: changed, at: at)
    changed.window = moved
    changed.revision += 1
    changed.revisedAt = at
    let change = DeskChange.maintenance(changed, at: at)
    record(change)
    try await requireFirst(change, conflict: "was changed by another desk meanwhile: read it again")
  }

  /// Every maintenance window the desk knows, in scheduling order.
  public func maintenanceWindows() async throws -> [MaintenanceRecord] {
    try await ensureCurrent()
    return state.maintenance
  }

  // MARK: Notices

  func queueMaintenanceNotices(now: Date) throws {
    let customers = registeredCustomers
    for stored in state.maintenance {
      for correction in stored.corrections {
        try queueCorrection(correction, of: stored, customers: customers, now: now)
      }
      guard !stored.isCancelled else { continue }
      let record = noteOverrun(of: stored, now: now)
      let window = record.window
      for customer in customers where window.affects(customer) {
        try queueNotices(of: record, to: customer, now: now)
      }
    }
  }

  private func queueNotices(of record: MaintenanceRecord, to customer: CustomerProfile, now: Date) throws {
    let window = record.window
    let prefix = Self.maintenancePrefix(record.id, revision: record.revision)
    let due: (NotificationTemplateName, MessageKind, String)
    if now < window.start {
      let dueLeads = configuration.maintenanceLeadTimes.filter { now >= window.start.addingTimeInterval(-$0) }
      guard let lead = dueLeads.min() else { return }
      due = (
        .maintenanceAdvance, .maintenanceAdvance, "\(prefix)/advance-\(Self.leadName(lead))/\(customer.id.rawValue)"
      )
      if isKnown(due.2) || coveredByReschedule(record, customer: customer, lead: lead) { return }
    } else if record.isComplete(at: now) {
      due = (.maintenanceCompletion, .maintenanceCompletion, "\(prefix)/completion/\(customer.id.rawValue)")
      if isKnown(due.2) || !wasNotified(customer, aboutAnyRevisionOf: record) { return }
    } else if let estimate = record.overrunEstimates.last {
      due = (.maintenanceOverrun, .maintenanceOverrun, Self.overrunKey(prefix, estimate, customer.id))
      if isKnown(due.2) || !wasNotified(customer, aboutAnyRevisionOf: record) { return }
    } else if now < window.end {
      due = (.maintenanceStart, .maintenanceStart, "\(prefix)/start/\(customer.id.rawValue)")
      if isKnown(due.2) { return }
    } else {
      return
    }
    let values = [
      "services": window.affectedSummary, "start": customer.localTime(window.start),
      "end": customer.localTime(window.end), "description": window.description,
      "plannedEnd": customer.localTime(window.end), "estimate": customer.localTime(record.expectedEnd),
    ]
    try queue(due.0, due.1, key: due.2, customer: customer, values: values, now: now, id: record.id)
  }

  private func queueCorrection(
    _ correction: MaintenanceRecord.Correction,
    of record: MaintenanceRecord,
    customers: [CustomerProfile],
    now: Date
  ) throws {
    let prefix = Self.maintenancePrefix(record.id, revision: correction.correctsRevision)
    for customer in customers where correction.previous.affects(customer) {
      let key = "\(prefix)/\(correction.kind.rawValue)/\(customer.id.rawValue)"
      guard !isKnown(key), wasNotified(customer, about: record.id, revision: correction.correctsRevision) else {
        continue
      }
      switch correction.kind {
      case .cancelled:
        try queue(
          .maintenanceCancelled, .maintenanceCorrection, key: key, customer: customer,
          values: [
            "services": correction.previous.affectedSummary, "start": customer.localTime(correction.previous.start),
            "end": customer.localTime(correction.previous.end),
          ], now: now, id: record.id)
      case .rescheduled:
        let next = nextWindow(after: correction, in: record)
        try queue(
          .maintenanceRescheduled, .maintenanceCorrection, key: key, customer: customer,
          values: [
            "services": next.affectedSummary, "previousStart": customer.localTime(correction.previous.start),
            "previousEnd": customer.localTime(correction.previous.end), "start": customer.localTime(next.start),
            "end": customer.localTime(next.end), "description": next.description,
          ], now: now, id: record.id)
      }
    }
  }

  private func queue(
    _ template: NotificationTemplateName,
    _ kind: MessageKind,
    key: String,
    customer: CustomerProfile,
    values: [String: String],
    now: Date,
    id: MaintenanceID
  ) throws {
    guard !isKnown(key) else { return }
    enqueue(
      try customerNotification(template, kind: kind, key: key, to: customer, values: values, at: now, maintenanceID: id)
    )
  }

  /// The window as announced by the revision after a correction.
  private func nextWindow(after correction: MaintenanceRecord.Correction, in record: MaintenanceRecord)
    -> MaintenanceWindow
  {
    let later = record.corrections.first { $0.correctsRevision == correction.correctsRevision + 1 }
    return later?.previous ?? record.window
  }

  /// A customer who is sent the new times in a reschedule correction does not also need the advance notice
  /// that was already due when the window moved; the next, shorter lead time announces it again.
  private func coveredByReschedule(_ record: MaintenanceRecord, customer: CustomerProfile, lead: TimeInterval) -> Bool {
    guard record.revision > 1, let revisedAt = record.revisedAt else { return false }
    let key =
      "\(Self.maintenancePrefix(record.id, revision: record.revision - 1))/rescheduled/\(customer.id.rawValue)"
    return isKnown(key) && revisedAt >= record.window.start.addingTimeInterval(-lead)
  }

  private func wasNotified(_ customer: CustomerProfile, about id: MaintenanceID, revision: Int) -> Bool {
    let prefix = Self.maintenancePrefix(id, revision: revision)
    let suffix = "/" + customer.id.rawValue
    let leads = configuration.maintenanceLeadTimes.map { "\(prefix)/advance-\(Self.leadName($0))\(suffix)" }
    return (leads + ["\(prefix)/start\(suffix)", "\(prefix)/rescheduled\(suffix)"]).contains { state.sent[$0] != nil }
      || revision > 1 && state.sent["\(Self.maintenancePrefix(id, revision: revision - 1))/rescheduled\(suffix)"] != nil
  }

  private func wasNotified(_ customer: CustomerProfile, aboutAnyRevisionOf record: MaintenanceRecord) -> Bool {
    (1...record.revision).contains { wasNotified(customer, about: record.id, revision: $0) }
  }

  private func withdrawPendingNotices(of window: MaintenanceRecord, at instant: Date) {
    withdrawPending(keyPrefix: Self.maintenancePrefix(window.id, revision: window.revision) + "/", at: instant)
  }

  /// Commits, and throws `invalidRequest` when another desk made the same change to the window first (see
  /// ``commitReportingLostChanges(_:)``).
  func requireFirst(_ change: DeskChange, conflict reason: String) async throws {
    let field = if case .maintenance(let record, _) = change { "maintenance \(record.id.rawValue)" } else { "change" }
    try await commitFirst(change, orThrow: .invalidRequest(field: field, reason: reason))
  }

  private func existingMaintenance(_ id: MaintenanceID) throws -> MaintenanceRecord {
    guard let found = state.maintenanceRecord(id) else {
      throw HostingSupportError.notFound("maintenance window", id: id.rawValue)
    }
    return found
  }

  static func maintenancePrefix(_ id: MaintenanceID, revision: Int) -> String {
    "maintenance/\(id.rawValue)/r\(revision)"
  }

  static func leadName(_ lead: TimeInterval) -> String {
    lead.truncatingRemainder(dividingBy: 3_600) == 0 ? "\(Int(lead / 3_600))h" : "\(Int(lead))s"
  }
}
