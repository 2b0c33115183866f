import Foundation
import HostingSupport
import SupportCore

/// A `NotificationTransport` that keeps every notification in memory, for tests.
///
/// It validates like the shipped transports, records in arrival order, and can be told to fail the next
/// sends, to check that a desk retries what was not delivered. Given a ``SimulatedLatency`` it suspends in
/// every send, like a mail relay on the network; given a failure rate it refuses the first try of a seeded
/// share of the keys, like a flaky one.
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
  /// How many sends were attempted (accepted, failed or refused).
  public private(set) var attempts = 0
  /// The most sends that were in progress at the same moment.
  public private(set) var mostConcurrentSends = 0
  private var failuresToInject: [any Error] = []
  private var triedKeys: Set<String> = []
  private var inProgress = 0
  private let latency: SimulatedLatency?
  private let firstTryFailureRate: Double
  private let seed: UInt64

  /// An empty recording transport.
  /// - Parameters:
  ///   - latency: The pause inside every send (none by default).
  ///   - firstTryFailureRate: The share of keys (0…1, picked by a seeded hash of the key) whose first send
  ///     throws; later sends of the same key succeed. 0 by default.
  ///   - seed: Picks which keys fail their first try.
  public init(latency: SimulatedLatency? = nil, firstTryFailureRate: Double = 0, seed: UInt64 = 0) {
    self.latency = latency
    self.firstTryFailureRate = min(1, max(0, firstTryFailureRate))
    self.seed = seed
  }

  /// Records the notification, or throws an injected failure.
  /// - Parameter notification: The message.
  /// - Throws: `HostingSupportError` `invalidNotification`, the next injected failure, or `ioFailure` for a key
  ///   whose first try was picked to fail.
  public func send(_ notification: HostingSupport.OutboundMessage) async throws {
    attempts += 1
    inProgress += 1
    mostConcurrentSends = max(mostConcurrentSends, inProgress)
    defer { inProgress -= 1 }
    try notification.validate()
    if let latency { await latency.pause() }
    if !failuresToInject.isEmpty { throw failuresToInject.removeFirst() }
    let key = notification.idempotencyKey
    if triedKeys.insert(key).inserted, failsFirstTry(key) {
      throw HostingSupportError.ioFailure("send", path: "recording-transport/\(key)", errno: 5)
    }
    notifications.append(notification)
  }

  /// Whether the first try of this key is one that fails (see `firstTryFailureRate`).
  /// - Parameter key: An idempotency key.
  public nonisolated func failsFirstTry(_ key: String) -> Bool {
    guard firstTryFailureRate > 0 else { return false }
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ seed
    for byte in key.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
    var mixer = SplitMix64(seed: hash)
    return Double(mixer.next() >> 11) / Double(1 << 53) < firstTryFailureRate
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
