import Foundation
import SupportTickets

/// Folds an imported ticket's candidate events onto a ticket, deciding which ones to write.
///
/// - An event whose id the ticket already has is left out (it was imported before).
/// - An event dated before the ticket's last event is moved up to that instant (a timeline never goes back in
///   time; WHMCS dates have one-second precision and clock changes can reorder local times).
/// - A status change to the status the ticket already has is left out.
/// - A status change the transition table does not allow from `resolved` (to waiting on the customer, or on
///   hold) is preceded by a `reopened` event with the id `<event>-reopen`.
/// - Nothing can follow `closed`: later events are reported as warnings and left out.
struct TimelinePlanner {
  /// What the plan for one ticket is.
  struct Plan {
    /// The events to write: the whole timeline for a new ticket, the new events for a stored one.
    var events: [TicketEvent] = []
    /// Candidate events that were already stored.
    var alreadyStored = 0
    /// Events whose instant was moved up.
    var adjusted = 0
    /// Events left out, and why.
    var warnings: [ImportError] = []
  }

  /// Plans a ticket that is not in the store yet.
  /// - Returns: The plan, or `nil` with a warning when the opening itself is refused.
  static func planNew(_ imported: ImportedTicket) -> Plan {
    var plan = Plan()
    var ticket: Ticket
    do {
      ticket = try Ticket(opening: imported.opening)
    } catch {
      plan.warnings.append(skipped(imported.id, imported.opening.id, error))
      return plan
    }
    plan.events.reserveCapacity(imported.events.count + 1)
    plan.events.append(imported.opening)
    fold(imported, onto: &ticket, into: &plan)
    return plan
  }

  /// Plans the events a stored ticket is missing.
  static func planUpdate(_ imported: ImportedTicket, stored: Ticket) -> Plan {
    var plan = Plan()
    var ticket = stored
    fold(imported, onto: &ticket, into: &plan)
    return plan
  }

  private static func fold(_ imported: ImportedTicket, onto ticket: inout Ticket, into plan: inout Plan) {
    for candidate in imported.events {
      if ticket.containsEvent(candidate.id) {
        plan.alreadyStored += 1
        continue
      }
      var event = candidate
      if event.instant < ticket.updatedAt {
        event.instant = ticket.updatedAt
        plan.adjusted += 1
      }
      if case .statusChanged(let next) = event.kind, next == ticket.status { continue }
      if ticket.status == .closed {
        plan.warnings.append(
          skipped(ticket.id, event.id, "the ticket is closed, and nothing can follow closed (\(event.kind.name))"))
        continue
      }
      if case .statusChanged(let next) = event.kind {
        if !ticket.status.canTransition(to: next) {
          let reopen = TicketEvent(
            id: EventID(derived: event.id.rawValue + "-reopen"), instant: event.instant, author: event.author,
            kind: .reopened)
          guard apply(reopen, to: &ticket, plan: &plan) else { continue }
        }
      }
      _ = apply(event, to: &ticket, plan: &plan)
    }
  }

  private static func apply(_ event: TicketEvent, to ticket: inout Ticket, plan: inout Plan) -> Bool {
    do {
      try ticket.apply(event)
      plan.events.append(event)
      return true
    } catch {
      plan.warnings.append(skipped(ticket.id, event.id, error))
      return false
    }
  }

  private static func skipped(_ ticket: TicketID, _ event: EventID, _ error: any Error) -> ImportError {
    let reason = (error as? any SupportKitError)?.message ?? String(describing: error)
    return skipped(ticket, event, reason)
  }

  private static func skipped(_ ticket: TicketID, _ event: EventID, _ reason: String) -> ImportError {
    ImportError(code: .skipped, message: "event \(event) not imported: \(reason)", context: ["event": event.rawValue])
      .about(ticket: ticket.rawValue)
  }
}
