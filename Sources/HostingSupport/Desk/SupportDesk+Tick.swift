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

extension SupportDesk {
  /// Does everything that is due at `now`: SLA warnings, breaches and escalations to staff, progress updates
  /// to customers, maintenance notices and corrections; then delivers the queue.
  ///
  /// Idempotent: every notification's key names what it is about, so calling `tick` twice at the same
  /// instant sends nothing new, and after a restart (same ``stateStore``) nothing already sent is sent again.
  /// A late tick sends everything that became due meanwhile.
  /// - Parameter now: The instant.
  /// - Returns: What was raised and delivered.
  /// - Throws: Ticket store or state store errors. Transport errors are not thrown: the notification stays
  ///   queued and ``TickReport/failedDeliveries`` counts it.
  /// - Complexity: O(t·e + c·m) for t active tickets of e events, c customers and m maintenance windows.
  public func tick(now: Date) async throws -> TickReport {
    try await ensureLoaded()
    let active = try await store.allTickets(
      matching: TicketQuery(statuses: Set(TicketStatus.allCases.filter(\.isActive)), limit: 1_000)
    )
    let alerts = raiseSLAAlerts(for: active, now: now)
    try await sendProgressUpdates(for: active, now: now)
    try queueMaintenanceNotices(now: now)
    let result = try await flush()
    return TickReport(
      now: now,
      newAlerts: alerts,
      delivered: result.delivered,
      failedDeliveries: result.failures,
      stillPending: state.pending.count
    )
  }

  // MARK: SLA alerts

  private func raiseSLAAlerts(for tickets: [Ticket], now: Date) -> [SLAAlert] {
    var monitor = SLAMonitor(policies: policies)
    var raised: [SLAAlert] = []
    let byID = Dictionary(tickets.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    for alert in monitor.scan(tickets.map { slaSubject($0) }, now: now) {
      let notification = Self.staffNotification(for: alert, ticket: byID[alert.ticketID], now: now)
      guard enqueue(notification) else { continue }
      raised.append(alert)
      if alert.kind == .breach, let ticket = byID[alert.ticketID] {
        state.breaches.append(DeskState.Breach(customerID: ticket.customerID, ticketID: ticket.id, at: now))
      }
    }
    return raised
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
      kind = .slaEscalation
      headline = "open past \(DurationText.format(limit)), whatever its pauses"
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

  private func sendProgressUpdates(for tickets: [Ticket], now: Date) async throws {
    let interval = configuration.progressUpdateInterval
    guard interval > 0 else { return }
    for ticket in tickets where ticket.status == .open || ticket.status == .inProgress {
      guard now.timeIntervalSince(ticket.createdAt) >= configuration.progressUpdateMinimumAge else { continue }
      let anchor = Self.lastWordToCustomer(in: ticket)
      guard now.timeIntervalSince(anchor) >= interval else { continue }
      let millis = Int64((anchor.timeIntervalSince1970 * 1000).rounded())
      let key = "progress/\(ticket.id.rawValue)/\(millis)"
      let customer = profile(for: ticket.customerID)
      let notification = try customerNotification(
        .progressUpdate,
        kind: .progressUpdate,
        key: key,
        to: customer,
        values: ["ticketID": ticket.id.rawValue, "ticketSubject": ticket.subject],
        at: now,
        ticketID: ticket.id
      )
      enqueue(notification)
      // Record the update on the ticket so the customer sees it in the panel and the next interval starts.
      let event = TicketEvent(
        id: EventID(derived: "\(ticket.id.rawValue)-progress-\(millis)"),
        instant: max(now, ticket.updatedAt),
        author: .system,
        kind: .automatedMessage(body: notification.body)
      )
      do {
        _ = try await store.append([event], to: ticket.id, expectedVersion: ticket.version)
      } catch let error as StoreError where error.code == .versionConflict || error.code == .duplicateEvent {
        // Someone wrote meanwhile; the next tick sees the new state, and the key keeps the update single.
      }
    }
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
