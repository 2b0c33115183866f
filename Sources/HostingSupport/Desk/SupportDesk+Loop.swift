import Foundation

extension SupportDesk {
  /// The loop work of a tick, decided and recorded without awaiting: surveys due, tickets to link to ongoing
  /// incidents, and what each ongoing incident owes its customers.
  func queueLoopWork(active: [Ticket], solved: [Ticket], now: Date) throws {
    try requestDueSurveys(solved: solved, now: now)
    linkIncidentTickets(active, now: now)
    for record in state.loop.ongoingIncidents { try queueIncidentNotices(of: record, now: now) }
  }

  /// Withdraws the queued messages whose key starts with `keyPrefix` (what they announce changed or ended).
  func withdrawPending(keyPrefix: String, at instant: Date) {
    for message in state.pending where message.idempotencyKey.hasPrefix(keyPrefix) {
      record(.withdrawn(key: message.idempotencyKey, at: instant))
    }
  }
}
