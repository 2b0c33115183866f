import Foundation

/// What delivery rounds did.
struct DeliveryOutcome: Sendable {
  var delivered: [OutboundMessage] = []
  var failures = 0

  mutating func merge(_ other: DeliveryOutcome) {
    delivered += other.delivered
    failures += other.failures
  }
}

/// When a key that failed may be tried again.
struct DeliveryRetry: Sendable {
  var failures: Int
  var notBefore: Date
}

extension SupportDesk {
  /// Delivers what is queued now, without waiting for the next tick.
  ///
  /// Joins the delivery round that is running, if any, then runs its own for what is still due. A message
  /// whose delivery failed waits out its backoff (``DeskConfiguration/deliveryRetryDelay`` after the first
  /// failure, doubling up to ``DeskConfiguration/deliveryRetryMaximumDelay``), counted from `now`.
  /// - Parameter now: The instant of the round (default: the desk's date provider).
  /// - Returns: The notifications delivered by the rounds this call ran or joined.
  /// - Throws: ``HostingSupportError`` `corruptState` when the desk's stored state is damaged; state store errors.
  ///   Transport errors are not thrown: the message stays queued.
  @discardableResult
  public func deliverPending(now: Date? = nil) async throws -> [OutboundMessage] {
    try await ensureLoaded()
    return try await deliver(at: now ?? clock()).delivered
  }

  /// Runs delivery rounds until nothing due at `instant` is left untried. One round runs at a time: a caller
  /// that finds one running awaits it (it also takes what this caller queued), then checks again.
  func deliver(at instant: Date) async throws -> DeliveryOutcome {
    var outcome = DeliveryOutcome()
    while true {
      if let round = deliveryRound {
        outcome.merge(try await round.value)
        continue
      }
      guard !dueKeys(at: instant, excluding: []).isEmpty else { return outcome }
      let round = Task { try await self.runDeliveryRound(at: instant) }
      deliveryRound = round
      outcome.merge(try await round.value)
      return outcome
    }
  }

  /// Sends every due message once, oldest first, including those queued while the round runs. Each delivered
  /// message gets its sent mark recorded and written before the next one is sent.
  ///
  /// On a shared store the round first reads what other desks wrote, claims the due messages, and reads again
  /// (so it sees every sent mark written before its claims): it sends only what it claimed and is still unsent.
  /// A message another desk holds stays queued here until its sent mark arrives or its claim lapses.
  private func runDeliveryRound(at instant: Date) async throws -> DeliveryOutcome {
    defer { deliveryRound = nil }
    var outcome = DeliveryOutcome()
    var tried: Set<String> = []
    while true {
      try await catchUpWithSharedLog()
      let due = dueKeys(at: instant, excluding: tried)
      guard !due.isEmpty else { return outcome }
      let claimed = try await claimDeliveries(due, at: instant)
      try await catchUpWithSharedLog()
      for key in due {
        tried.insert(key)
        // Held by another desk, withdrawn or delivered since the list was made: skip.
        guard claimed.contains(key), let message = state.pendingByKey[key], state.sent[key] == nil else { continue }
        do {
          try await transport.send(message)
        } catch {
          outcome.failures += 1
          recordFailure(of: key, at: instant)
          continue
        }
        retries[key] = nil
        record(.sent(key: key, at: instant))
        outcome.delivered.append(message)
        try await commit()
      }
    }
  }

  /// The keys of the queued messages that may be tried at `instant`, oldest first.
  private func dueKeys(at instant: Date, excluding tried: Set<String>) -> [String] {
    state.pending.lazy.map(\.idempotencyKey).filter { key in
      !tried.contains(key) && (retries[key].map { $0.notBefore <= instant } ?? true)
    }
  }

  private func recordFailure(of key: String, at instant: Date) {
    let failures = (retries[key]?.failures ?? 0) + 1
    let delay = min(
      configuration.deliveryRetryMaximumDelay,
      configuration.deliveryRetryDelay * pow(2, Double(min(failures - 1, 30))))
    retries[key] = DeliveryRetry(failures: failures, notBefore: instant + delay)
  }
}
