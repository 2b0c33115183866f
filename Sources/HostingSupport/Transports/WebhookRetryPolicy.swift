import Foundation

/// When ``WebhookTransport`` tries again: how many attempts, and how long it waits between them.
///
/// The nominal wait before attempt *n* (n ≥ 2) is `initialDelay × multiplier^(n−2)`, capped at
/// `maximumDelay`; the transport's jitter function then spreads it (by default uniformly over
/// 50–100 % of the nominal wait) so that many desks retrying after the same outage do not hit the endpoint
/// in lockstep.
///
/// Retried: HTTP 5xx, timeouts, refused or dropped connections and other network errors.
/// Not retried: HTTP 4xx (the endpoint understood and refused; the same request would be refused again)
/// and other non-2xx answers.
public struct WebhookRetryPolicy: Hashable, Sendable, Codable {
  /// The total number of requests made for one notification, the first included (≥ 1).
  public var maximumAttempts: Int
  /// The nominal wait before the second attempt, in seconds.
  public var initialDelay: TimeInterval
  /// The factor between successive waits (≥ 1).
  public var multiplier: Double
  /// The longest nominal wait, in seconds.
  public var maximumDelay: TimeInterval

  /// A retry policy.
  /// - Parameters:
  ///   - maximumAttempts: Total requests per notification (default 5).
  ///   - initialDelay: Wait before the second attempt (default 0.5 s).
  ///   - multiplier: Growth factor (default 2).
  ///   - maximumDelay: Cap on the wait (default 30 s).
  public init(
    maximumAttempts: Int = 5,
    initialDelay: TimeInterval = 0.5,
    multiplier: Double = 2,
    maximumDelay: TimeInterval = 30
  ) {
    self.maximumAttempts = maximumAttempts
    self.initialDelay = initialDelay
    self.multiplier = multiplier
    self.maximumDelay = maximumDelay
  }

  /// A single attempt, no retries.
  public static let none = WebhookRetryPolicy(maximumAttempts: 1)

  /// The nominal wait before `attempt` (2 for the first retry), before jitter.
  /// - Parameter attempt: The attempt about to be made (≥ 2).
  /// - Returns: Seconds to wait.
  public func nominalDelay(beforeAttempt attempt: Int) -> TimeInterval {
    guard attempt >= 2 else { return 0 }
    let exponent = Double(attempt - 2)
    return min(maximumDelay, initialDelay * pow(multiplier, exponent))
  }

  /// Checks the values can be used.
  /// - Throws: ``HostingSupportError`` `invalidConfiguration` naming the field.
  public func validate() throws {
    guard maximumAttempts >= 1 else {
      throw HostingSupportError.invalidConfiguration(field: "maximumAttempts", reason: "must be at least 1")
    }
    guard initialDelay >= 0, maximumDelay >= 0, initialDelay.isFinite, maximumDelay.isFinite else {
      throw HostingSupportError.invalidConfiguration(field: "initialDelay", reason: "delays must be finite and ≥ 0")
    }
    guard multiplier >= 1, multiplier.isFinite else {
      throw HostingSupportError.invalidConfiguration(field: "multiplier", reason: "must be at least 1")
    }
  }
}
