import Foundation
import SupportSLA
import SupportTickets

/// What one ``SupportDesk/tick(now:)`` did.
public struct TickReport: Hashable, Sendable {
  /// The instant of the tick.
  public var now: Date
  /// SLA alerts that became due since the last tick (each reported once).
  public var newAlerts: [SLAAlert]
  /// Notifications delivered during this tick (including ones queued earlier).
  public var delivered: [OutboundMessage]
  /// Deliveries that failed (their notifications stay queued).
  public var failedDeliveries: Int
  /// Notifications still queued after the tick.
  public var stillPending: Int
}

/// What the desk keeps between ticks about an active ticket, valid while the ticket's version and the
/// registered customers are unchanged: its SLA subject, and the instant before which no progress update is due.
struct TicketMemo: Sendable {
  var version: Int
  var customersRevision: Int
  var subject: SLASubject
  /// Whether its status gets progress updates (see `SupportDesk.wantsProgressUpdates(_:subject:)`).
  var wantsProgress: Bool
  var progressDueAt: Date?
}

/// A progress update's event, to append to its ticket after the tick recorded the message.
struct ProgressEvent: Sendable {
  var ticket: Ticket
  var event: TicketEvent
}

extension SupportDesk {
  /// Does everything that is due at `now`: SLA warnings, breaches, escalations and age alerts to staff, progress
  /// updates to customers (on hold too), maintenance notices, corrections and overrun estimates, satisfaction
  /// surveys, incident links and periodic incident updates; then delivers the queue.
  ///
  /// Idempotent: every notification's key names what it is about, so calling `tick` twice at the same
  /// instant sends nothing new, and after a restart (same ``stateStore``) nothing already sent is sent again.
  /// A late tick sends everything that became due meanwhile.
  ///
  /// Ticks run one at a time: a call made while a tick for the same instant runs returns that tick's report;
  /// one for another instant runs after it. The SLA monitor lives as long as the desk, so a tick re-evaluates
  /// only the tickets that changed or have something due.
  /// - Parameter now: The instant.
  /// - Returns: What was raised and delivered.
  /// - Throws: ``HostingSupportError`` `corruptState` when the desk's stored state is damaged; ticket store or
  ///   state store errors. Transport errors are not thrown: the notification stays queued and
  ///   ``TickReport/failedDeliveries`` counts it.
  /// - Complexity: O(t + c·m) for t active tickets, c customers and m maintenance windows, plus an O(e)
  ///   evaluation of each ticket of e events that changed or has an alert or update due.
  public func tick(now: Date) async throws -> TickReport {
    try await ensureLoaded()
    while let running = runningTick {
      if running.now == now { return try await running.task.value }
      _ = try? await running.task.value
    }
    let task = Task { try await self.performTick(now: now) }
    runningTick = (now, task)
    return try await task.value
  }

  private func performTick(now: Date) async throws -> TickReport {
    defer { runningTick = nil }
    let active = try await store.allTickets(
      matching: TicketQuery(statuses: Self.activeStatuses, limit: 1_000)
    )
    let solved = try await recentlySolvedTickets(now: now)
    // On a shared store only the desk holding the scan lease decides; the others only deliver.
    var alerts: [SLAAlert] = []
    if try await beginSLAScan(at: now) {
      let progressEvents: [ProgressEvent]
      do {
        // Decide and record everything before the next await.
        let (subjects, progressCandidates) = prepare(active, now: now)
        alerts = raiseSLAAlerts(for: subjects, tickets: active, now: now)
        progressEvents = try queueProgressUpdates(for: progressCandidates, now: now)
        try queueMaintenanceNotices(now: now)
        try queueLoopWork(active: active, solved: solved, now: now)
        let alreadyStored = try await commit()
        // A shared store that already held an alert's message had it from another desk: not raised here.
        alerts.removeAll { alreadyStored.contains("queued/\(Self.idempotencyKey(for: $0))") }
      } catch {
        await endSLAScan()
        throw error
      }
      await endSLAScan()
      loopMemo.surveyScanThrough = now
      await appendProgressEvents(progressEvents)
    }
    await finishUnprocessedAnswers()
    let result = try await deliver(at: now)
    return TickReport(
      now: now,
      newAlerts: alerts,
      delivered: result.delivered,
      failedDeliveries: result.failures,
      stillPending: state.pendingByKey.count
    )
  }

  static let activeStatuses = Set(TicketStatus.allCases.filter(\.isActive))

  // MARK: SLA alerts

  private func raiseSLAAlerts(for subjects: [SLASubject], tickets: [Ticket], now: Date) -> [SLAAlert] {
    var raised: [SLAAlert] = []
    let found = monitor.scan(subjects, now: now)
    guard !found.isEmpty else { return [] }
    let byID = Dictionary(tickets.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    for alert in found {
      let notification = Self.staffNotification(for: alert, ticket: byID[alert.ticketID], now: now)
      guard enqueue(notification) else { continue }
      raised.append(alert)
      if alert.kind == .breach, let ticket = byID[alert.ticketID] {
        record(
          .breach(
            DeskBreach(
              customerID: ticket.customerID, ticketID: ticket.id, at: now, alertKey: notification.idempotencyKey)))
      }
    }
    return raised
  }

  /// The SLA subjects of the active tickets (reusing those of unchanged tickets) and the tickets whose progress
  /// update may be due; forgets (in the monitor too) the tickets that are no longer active, so the memory stays
  /// as large as the open work.
  /// - Complexity: O(t) for t tickets, plus O(e) for each of e events of a ticket that changed.
  private func prepare(_ tickets: [Ticket], now: Date) -> (subjects: [SLASubject], progressCandidates: [Ticket]) {
    let remembered = ticketMemos.count
    var seen = 0
    var subjects: [SLASubject] = []
    var candidates: [Ticket] = []
    subjects.reserveCapacity(tickets.count)
    for ticket in tickets {
      if let memo = ticketMemos[ticket.id] {
        seen += 1
        if memo.version == ticket.version, memo.customersRevision == customersRevision {
          subjects.append(memo.subject)
          if memo.wantsProgress, memo.progressDueAt.map({ now >= $0 }) ?? true { candidates.append(ticket) }
          continue
        }
      }
      let subject = slaSubject(ticket)
      let wantsProgress = wantsProgressUpdates(ticket, subject: subject)
      ticketMemos[ticket.id] = TicketMemo(
        version: ticket.version, customersRevision: customersRevision, subject: subject,
        wantsProgress: wantsProgress, progressDueAt: nil)
      subjects.append(subject)
      if wantsProgress { candidates.append(ticket) }
    }
    if seen < remembered {
      let active = Set(tickets.map(\.id))
      let gone = ticketMemos.keys.filter { !active.contains($0) }
      monitor.state.forget(gone)
      for id in gone { ticketMemos[id] = nil }
    }
    return (subjects, candidates)
  }

  /// The idempotency key of an SLA alert: `sla/<ticket>/<metric>/<cycle>/<kind>`.
  /// - Parameter alert: The alert.
  public static func idempotencyKey(for alert: SLAAlert) -> String {
    let kind: String
    switch alert.kind {
    case .warning(let threshold): kind = "warning-\(Int((threshold * 100).rounded()))"
    case .breach: kind = "breach"
    case .escalation(let level): kind = "escalation-\(level)"
    case .ageLimitExceeded: kind = "age-limit"
    }
    return "sla/\(alert.ticketID.rawValue)/\(alert.metric.rawValue)/\(alert.cycle)/\(kind)"
  }

  static func staffNotification(for alert: SLAAlert, ticket: Ticket?, now: Date) -> OutboundMessage {
    let metric: String
    switch alert.metric {
    case .firstResponse: metric = "first response"
    case .nextResponse: metric = "next update"
    case .resolution: metric = "resolution"
    }
    let kind: MessageKind
    let headline: String
    switch alert.kind {
    case .warning(let threshold):
      kind = .slaWarning
      headline = "\(Int((threshold * 100).rounded())) % of the \(metric) target used"
    case .breach:
      kind = .slaBreach
      headline = "\(metric) target breached"
    case .escalation(let level):
      kind = .slaEscalation
      headline = "escalation level \(level): \(metric) overdue"
    case .ageLimitExceeded(let limit):
      return ageGuardNotification(for: alert, limit: limit, ticket: ticket, now: now)
    }
    let subjectLine = ticket.map { " \"\(TemplateFormat.plainText.escapeValue($0.subject))\"" } ?? ""
    let due = alert.dueAt.map { Timestamp.format($0) } ?? "unknown"
    return OutboundMessage(
      idempotencyKey: idempotencyKey(for: alert),
      audience: .staff,
      kind: kind,
      subject: "[\(alert.priority.rawValue)] \(alert.ticketID.rawValue): \(headline)",
      body: """
        Ticket \(alert.ticketID.rawValue)\(subjectLine) (\(alert.priority.rawValue), policy \(alert.policyName)): \
        \(headline).
        Goal \(DurationText.format(alert.goal)), counted \(DurationText.format(alert.elapsed)), due \(due).
        """,
      createdAt: now,
      ticketID: alert.ticketID,
      metadata: [
        "priority": alert.priority.rawValue, "metric": alert.metric.rawValue, "cycle": String(alert.cycle),
        "customer": ticket?.customerID.rawValue ?? "",
      ]
    )
  }

  // MARK: Progress updates

  /// Queues the progress updates due at `now` and returns the events that record them on their tickets.
  /// - Parameter tickets: Active tickets whose status gets updates (open, in progress and on hold under
  ///   `SLAPolicySet.hostingDefault`) and whose update may be due.
  private func queueProgressUpdates(for tickets: [Ticket], now: Date) throws -> [ProgressEvent] {
    let interval = configuration.progressUpdateInterval
    guard interval > 0 else { return [] }
    var events: [ProgressEvent] = []
    for ticket in tickets {
      let anchor = Self.lastWordToCustomer(in: ticket)
      let dueAt = max(ticket.createdAt + configuration.progressUpdateMinimumAge, anchor + interval)
      guard now >= dueAt else {
        ticketMemos[ticket.id]?.progressDueAt = dueAt
        continue
      }
      let millis = Int64((anchor.timeIntervalSince1970 * 1000).rounded())
      let customer = profile(for: ticket.customerID)
      var notification = try customerNotification(
        .progressUpdate,
        kind: .progressUpdate,
        key: "progress/\(ticket.id.rawValue)/\(millis)",
        to: customer,
        values: ["ticketID": ticket.id.rawValue, "ticketSubject": ticket.subject],
        at: now,
        ticketID: ticket.id
      )
      notification.metadata["status"] = ticket.status.rawValue
      enqueue(notification)
      // Record the update on the ticket so the customer sees it in the panel and the next interval starts; also
      // when the message was queued by an earlier tick whose append did not land.
      let eventID = EventID(derived: "\(ticket.id.rawValue)-progress-\(millis)")
      guard !ticket.containsEvent(eventID) else { continue }
      let body = state.pendingByKey[notification.idempotencyKey]?.body ?? notification.body
      events.append(
        ProgressEvent(
          ticket: ticket,
          event: TicketEvent(
            id: eventID, instant: max(now, ticket.updatedAt), author: .system, kind: .automatedMessage(body: body))))
    }
    return events
  }

  private func appendProgressEvents(_ events: [ProgressEvent]) async {
    guard !events.isEmpty else { return }
    let batch = events.map {
      TicketAppend(events: [$0.event], ticketID: $0.ticket.id, expectedVersion: $0.ticket.version)
    }
    // A failure (someone wrote meanwhile) is fine: the next tick sees the new state, and the key keeps the
    // update single.
    _ = await store.append(batch)
  }

  /// The last time the customer heard from us: the latest public agent reply or automated message, or the
  /// ticket's creation (or reopening).
  static func lastWordToCustomer(in ticket: Ticket) -> Date {
    var latest = ticket.createdAt
    for event in ticket.events {
      switch event.kind {
      case .agentReply, .automatedMessage, .reopened: latest = max(latest, event.instant)
      default: continue
      }
    }
    return latest
  }
}
