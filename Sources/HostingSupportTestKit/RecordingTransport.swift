import Foundation
import HostingSupport

/// A `NotificationTransport` that keeps every notification in memory, for tests.
///
/// It validates like the shipped transports, records in arrival order, and can be told to fail the next
/// sends, to check that a desk retries what was not delivered.
///
/// ```swift
/// let transport = RecordingTransport()
/// let desk = SupportDesk(transport: transport)
/// // …
/// let breaches = await transport.notifications(of: .slaBreach)
/// ```
public actor RecordingTransport: NotificationTransport {
  /// Every notification accepted, in the order `send` was called.
  public private(set) var notifications: [HostingSupport.OutboundMessage] = []
  private var failuresToInject: [any Error] = []

  /// An empty recording transport.
  public init() {}

  /// Records the notification, or throws an injected failure.
  /// - Parameter notification: The message.
  /// - Throws: `HostingSupportError` `invalidNotification`, or the next injected failure.
  public func send(_ notification: HostingSupport.OutboundMessage) async throws {
    try notification.validate()
    if !failuresToInject.isEmpty { throw failuresToInject.removeFirst() }
    notifications.append(notification)
  }

  /// Makes the next sends throw these errors, one per send, in order.
  /// - Parameter errors: The failures to throw.
  public func failNextSends(with errors: [any Error]) {
    failuresToInject += errors
  }

  /// The notifications of one kind, in arrival order.
  /// - Parameter kind: The kind wanted.
  public func notifications(of kind: MessageKind) -> [HostingSupport.OutboundMessage] {
    notifications.filter { $0.kind == kind }
  }

  /// The idempotency keys received, in arrival order (repeats included).
  public var idempotencyKeys: [String] { notifications.map(\.idempotencyKey) }

  /// Keys received more than once: what a receiver would have to drop as duplicates.
  public var duplicateKeys: Set<String> {
    var seen: Set<String> = []
    var duplicates: Set<String> = []
    for key in idempotencyKeys where !seen.insert(key).inserted { duplicates.insert(key) }
    return duplicates
  }

  /// Forgets everything recorded (injected failures stay).
  public func removeAll() {
    notifications.removeAll()
  }
}
