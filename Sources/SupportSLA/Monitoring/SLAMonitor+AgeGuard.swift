import Foundation
import SupportTickets

extension SLAMonitor {
  /// Raises the age alert of a ticket's current resolution cycle if its wall-clock age has reached the guard's
  /// limit and the alert was not emitted before.
  ///
  /// - Parameters:
  ///   - box: The active ticket, read in place.
  ///   - ageGuard: The guard.
  ///   - policyName: The name the alert carries, computed only when an alert is raised.
  ///   - now: The scan instant.
  ///   - alerts: Receives the new alert.
  /// - Returns: The instant the ticket next needs checking for its age: when it reaches the limit, or
  ///   `distantFuture` once this cycle's alert is out (a reopening changes the version, which wakes it anyway).
  /// - Complexity: O(1) before the limit; O(*c*) for *c* status changes once the ticket is past it.
  mutating func guardAge(
    of box: SLASubject.Box, with ageGuard: SLAAgeGuard, policyName: @autoclosure () -> String, now: Date,
    into alerts: inout [SLAAlert]
  ) -> Date {
    let deadline = ageGuard.deadline(forTicketCreatedAt: box.createdAt)
    guard now >= deadline else { return deadline }
    let timeline = SLATicketTimeline(box, upTo: now)
    let position = timeline.resolutionCycle()
    withExtendedLifetime(box) {}
    // Replaying the past: solved at `now`, though reopened later.
    guard let cycle = position.activeCycle else { return .distantFuture }
    let kind = SLAAlert.Kind.ageLimitExceeded(limit: ageGuard.limit)
    let key = SLAAlertKey(ticketID: box.id, metric: .resolution, cycle: cycle, kind: kind)
    if emittedState.insert(key) {
      alerts.append(
        SLAAlert(
          ticketID: box.id, policyName: policyName(), priority: box.priority, metric: .resolution, cycle: cycle,
          kind: kind, dueAt: deadline, elapsed: now.timeIntervalSince(box.createdAt), goal: ageGuard.limit,
          raisedAt: now))
    }
    return .distantFuture
  }
}
