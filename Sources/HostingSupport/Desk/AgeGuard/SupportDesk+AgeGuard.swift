import Foundation
import SupportSLA

/// How long a ticket spent in the paused statuses, which the SLA targets may not count but the age guard does.
struct PausedTime: Hashable, Sendable {
  var onHold: TimeInterval = 0
  var waitingOnCustomer: TimeInterval = 0

  /// No paused time.
  init() {}

  /// Replays a ticket's status moves (the ticket model's rules: a customer reply returns a waiting or on-hold
  /// ticket to open, a resolved one reopens) and adds up the time spent on hold and waiting on the customer.
  /// - Complexity: O(*e*) for *e* events.
  init(of ticket: Ticket, until now: Date) {
    var status = TicketStatus.open
    var since = ticket.createdAt
    func move(to next: TicketStatus, at instant: Date) {
      let spent = max(0, min(instant, now).timeIntervalSince(since))
      if status == .onHold { onHold += spent }
      if status == .waitingOnCustomer { waitingOnCustomer += spent }
      status = next
      since = max(since, instant)
    }
    for event in ticket.events where event.instant <= now {
      switch event.kind {
      case .statusChanged(let next): move(to: next, at: event.instant)
      case .customerReply where status == .waitingOnCustomer || status == .onHold || status == .resolved:
        move(to: .open, at: event.instant)
      case .reopened: move(to: .open, at: event.instant)
      case .merged: move(to: .closed, at: event.instant)
      default: continue
      }
    }
    move(to: status, at: now)
  }
}

extension SupportDesk {
  /// The staff message for an age alert: its own kind (``MessageKind/openPastAgeLimit``), with the ticket's wall
  /// clock age and how much of it was on hold or waiting on the customer — time the age guard counts whatever the
  /// SLA targets pause for.
  static func ageGuardNotification(for alert: SLAAlert, limit: TimeInterval, ticket: Ticket?, now: Date)
    -> OutboundMessage
  {
    let age = alert.elapsed
    let paused = ticket.map { PausedTime(of: $0, until: now) } ?? PausedTime()
    let subjectLine = ticket.map { " \"\(TemplateFormat.plainText.escapeValue($0.subject))\"" } ?? ""
    let status = ticket?.status.rawValue ?? "unknown"
    var counted: [String] = []
    if paused.onHold > 0 { counted.append("\(DurationText.format(paused.onHold)) on hold") }
    if paused.waitingOnCustomer > 0 {
      counted.append("\(DurationText.format(paused.waitingOnCustomer)) waiting on the customer")
    }
    let pausesLine =
      counted.isEmpty
      ? "No pauses: it has been open the whole time."
      : "Its age includes \(counted.joined(separator: " and ")): the age guard counts every hour, whatever the pauses."
    return OutboundMessage(
      idempotencyKey: idempotencyKey(for: alert),
      audience: .staff,
      kind: .openPastAgeLimit,
      subject: "[\(alert.priority.rawValue)] \(alert.ticketID.rawValue): open past \(DurationText.format(limit))",
      body: """
        Ticket \(alert.ticketID.rawValue)\(subjectLine) (\(alert.priority.rawValue), \(status)) has been open for \
        \(DurationText.format(age)), past the \(DurationText.format(limit)) limit for any ticket.
        \(pausesLine)
        Resolve it, or tell the customer exactly what is blocking it and when they will hear from us.
        """,
      createdAt: now,
      ticketID: alert.ticketID,
      metadata: [
        "priority": alert.priority.rawValue, "status": status, "ageSeconds": String(Int(age.rounded())),
        "limitSeconds": String(Int(limit.rounded())), "onHoldSeconds": String(Int(paused.onHold.rounded())),
        "waitingOnCustomerSeconds": String(Int(paused.waitingOnCustomer.rounded())),
        "customer": ticket?.customerID.rawValue ?? "", "cycle": String(alert.cycle),
      ]
    )
  }

  // MARK: Progress updates follow the policy's periodic target

  /// Whether a ticket in its current status gets progress updates: unless its policy's periodic (next response)
  /// target pauses in that status. `SLAPolicySet.hostingDefault` pauses only while waiting on the customer, so
  /// on-hold tickets keep getting updates; a ticket no policy covers is treated the same way.
  func wantsProgressUpdates(_ ticket: Ticket, subject: SLASubject) -> Bool {
    guard ticket.status.isActive else { return false }
    let pauses =
      policies.policy(for: subject)?.target(for: .nextResponse)?.pauseStatuses
      ?? SLATarget.requesterWaitPauseStatuses
    return !pauses.contains(ticket.status)
  }
}
