import Foundation
import SupportTickets

/// What the desk remembers between runs, apart from tickets: the fold of its ``DeskChange``s.
///
/// Internal: hosts see it through the desk's methods; stores see only ``DeskStateRecord``s.
struct DeskState: Sendable {
  /// The number of the next ticket id the desk generates (`T-1`, `T-2`…).
  private(set) var nextTicketNumber = 1
  /// Messages produced but not delivered, by key, and their keys in queueing order (with removed keys
  /// skipped lazily).
  private(set) var pendingByKey: [String: OutboundMessage] = [:]
  private var pendingOrder: [String] = []
  /// Delivered keys and when they were delivered.
  private(set) var sent: [String: Date] = [:]
  /// Feedback acted on, oldest first, with an index by feedback id.
  private(set) var feedback: [FeedbackOutcome] = []
  private var feedbackIndex: [String: Int] = [:]
  /// SLA breaches raised, and the alert keys among them (a shared log's desks see each other's).
  private(set) var breaches: [DeskBreach] = []
  private var breachAlertKeys: Set<String> = []
  /// Maintenance windows in scheduling order, with an index by id.
  private(set) var maintenance: [MaintenanceRecord] = []
  private var maintenanceIndex: [MaintenanceID: Int] = [:]
  /// Surveys, suggestions and incidents (see ``DeskLoopState``).
  private(set) var loop = DeskLoopState()
  /// The earliest instant of a sent mark, feedback or breach: when it is older than the retention, a compaction
  /// has history to drop.
  private(set) var oldestHistory: Date?

  /// An empty state: what a first start sees.
  init() {}

  /// Replays a log.
  /// - Parameter records: The records, oldest first.
  /// - Throws: ``HostingSupportError`` `corruptState` for a record that is not a change this desk knows.
  init(replaying records: [DeskStateRecord]) throws {
    for (position, record) in records.enumerated() {
      apply(try DeskChange(record, position: position))
    }
  }

  /// Replays entries of a shared log; an error names the entry's position in the log.
  /// - Parameter entries: The entries, in commit order.
  /// - Throws: As ``init(replaying:)``.
  init(replaying entries: [DeskStateLogEntry]) throws {
    try apply(entries)
  }

  /// Folds entries of a shared log in.
  /// - Throws: ``HostingSupportError`` `corruptState` for a record that is not a change this desk knows.
  mutating func apply(_ entries: [DeskStateLogEntry]) throws {
    for entry in entries {
      apply(try DeskChange(entry.record, position: Int(clamping: entry.position.rawValue)))
    }
  }

  /// The messages waiting for delivery, oldest first.
  var pending: [OutboundMessage] { pendingOrder.compactMap { pendingByKey[$0] } }

  /// Whether a key was delivered or is queued.
  func isKnown(_ key: String) -> Bool { sent[key] != nil || pendingByKey[key] != nil }

  /// The outcome recorded for a feedback id.
  func feedback(id: String) -> FeedbackOutcome? { feedbackIndex[id].map { feedback[$0] } }

  /// The maintenance record with that id.
  func maintenanceRecord(_ id: MaintenanceID) -> MaintenanceRecord? { maintenanceIndex[id].map { maintenance[$0] } }

  /// How many records a compaction would write.
  var liveRecordCount: Int {
    1 + pendingByKey.count + sent.count + feedback.count + breaches.count + maintenance.count + loop.liveRecordCount
  }

  /// Folds one change in. Folding a change again, or a change another desk made at the same time (a shared
  /// log), leaves the state as it is: queue, sent marks and withdrawals are sets by key, feedback is kept by id,
  /// breaches by alert, maintenance windows by id with their newest version.
  mutating func apply(_ change: DeskChange) {
    switch change {
    case .ticketNumber(let next, _):
      nextTicketNumber = max(nextTicketNumber, next)
    case .queued(let message):
      let key = message.idempotencyKey
      guard !isKnown(key) else { return }
      pendingByKey[key] = message
      pendingOrder.append(key)
    case .withdrawn(let key, _):
      removePending(key)
    case .sent(let key, let at):
      sent[key] = at
      removePending(key)
      noteHistory(at)
    case .feedback(let outcome):
      noteHistory(outcome.feedback.receivedAt)
      if let index = feedbackIndex[outcome.feedback.id] {
        feedback[index] = outcome
      } else {
        feedbackIndex[outcome.feedback.id] = feedback.count
        feedback.append(outcome)
      }
    case .breach(let breach):
      if let key = breach.alertKey, !breachAlertKeys.insert(key).inserted { return }
      breaches.append(breach)
      noteHistory(breach.at)
    case .maintenance(let record, _):
      if let index = maintenanceIndex[record.id] {
        // Versions only move forward: a desk that reads another desk's older record late keeps the newer one.
        guard record.changeCount >= maintenance[index].changeCount else { return }
        maintenance[index] = record
      } else {
        maintenanceIndex[record.id] = maintenance.count
        maintenance.append(record)
      }
    case .surveyRequested, .surveyAnswered, .suggestion, .incident, .incidentLinked:
      loop.apply(change)
      noteHistory(change.instant)
    }
  }

  private mutating func noteHistory(_ instant: Date) {
    oldestHistory = min(oldestHistory ?? instant, instant)
  }

  private mutating func removePending(_ key: String) {
    guard pendingByKey.removeValue(forKey: key) != nil else { return }
    // Keep the order list from growing without bound: rebuild it when most of it is stale.
    if pendingOrder.count > 64 && pendingOrder.count > 2 * pendingByKey.count {
      pendingOrder.removeAll { pendingByKey[$0] == nil }
    }
  }

  // MARK: Compaction

  /// The records that rebuild this state, without history older than `cutoff`:
  ///
  /// - queued messages are always kept (they are still owed to someone);
  /// - a maintenance window is kept until it (and every earlier version of it) ended before the cutoff, and the
  ///   sent marks of a kept window are kept with it, so its completion and correction notices still go out right;
  /// - other sent marks, feedback and breaches are kept when they happened at or after the cutoff.
  /// - Parameters:
  ///   - cutoff: The oldest instant kept.
  ///   - now: The instant of the compaction (for the ticket counter's record).
  /// - Returns: The state with the history dropped, and its records.
  func compacted(droppingHistoryBefore cutoff: Date, now: Date) -> (state: DeskState, changes: [DeskChange]) {
    var changes: [DeskChange] = [.ticketNumber(next: nextTicketNumber, at: now)]
    let keptWindows = maintenance.filter { record in
      let ends = [record.expectedEnd] + record.corrections.map(\.previous.end)
      return ends.contains { $0 >= cutoff } || (record.completedAt == nil && !record.isCancelled)
    }
    let keptPrefixes = keptWindows.map { "maintenance/\($0.id.rawValue)/" }
    for record in keptWindows { changes.append(.maintenance(record, at: record.revisedAt ?? now)) }
    let keptSent = sent.filter { key, at in
      at >= cutoff || (key.hasPrefix("maintenance/") && keptPrefixes.contains { key.hasPrefix($0) })
    }
    for (key, at) in keptSent.sorted(by: { ($0.value, $0.key) < ($1.value, $1.key) }) {
      changes.append(.sent(key: key, at: at))
    }
    for outcome in feedback where outcome.feedback.receivedAt >= cutoff { changes.append(.feedback(outcome)) }
    for breach in breaches where breach.at >= cutoff { changes.append(.breach(breach)) }
    changes += loop.compactedChanges(droppingHistoryBefore: cutoff)
    for message in pending { changes.append(.queued(message)) }
    var state = DeskState()
    for change in changes { state.apply(change) }
    return (state, changes)
  }
}
