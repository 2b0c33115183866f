import Foundation

/// Where notifications go: the role a host's mail system, SMS gateway or message queue plays.
///
/// Shipped conformers: ``ConsoleTransport``, ``FileOutboxTransport`` and ``WebhookTransport``;
/// `RecordingTransport` in HostingSupportTestKit for tests. A host checks its own transport with
/// `NotificationTransportConformance` from HostingSupportTestKit.
///
/// ## Contract
/// - **Accepted means durable.** `send` returns only once the notification has been handed to something that
///   will not lose it (written and fsynced, acknowledged with a 2xx, queued in the host's database). If it
///   throws, the caller must assume the notification was *not* delivered and will send it again.
/// - **At least once.** Because a failed call is retried, a notification may arrive more than once (the
///   receiver acknowledged, but the answer was lost). Every ``OutboundMessage`` carries an
///   ``OutboundMessage/idempotencyKey``: receivers drop keys they have already processed. A transport never
///   rewrites or drops the key, and two sends of equal notifications carry the same key.
/// - **No reordering promises.** Notifications sent concurrently may arrive in any order; each one is
///   self-contained.
/// - **Validation.** A transport refuses a notification that fails ``OutboundMessage/validate()`` by throwing that
///   error, before sending anything.
/// - **Thread safety.** `send` may be called concurrently from any task.
/// - **Errors.** Throw ``HostingSupportError`` (`invalidNotification`, `webhookRejected` for failures that a
///   retry cannot fix, `webhookUnavailable` or `ioFailure` for ones it may) or the host's own error type;
///   `SupportDesk` treats any error as "not delivered" and tries again on its next tick.
public protocol NotificationTransport: Sendable {
  /// Delivers one notification at least once.
  /// - Parameter notification: The message; its idempotency key must be passed on unchanged.
  /// - Throws: When the notification may not have been delivered.
  func send(_ notification: OutboundMessage) async throws
}
