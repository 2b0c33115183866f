import Foundation
import SupportCore

/// How long a test double pauses at each call, so that concurrent callers really interleave.
///
/// Every pause first yields (`Task.yield()`) ``yields`` times, then sleeps a seeded random duration between
/// zero and ``maximum``. The durations come from one `SplitMix64` per instance, so a run with the same seed
/// draws the same sequence (which task gets which pause still depends on the scheduler).
///
/// ```swift
/// let latency = SimulatedLatency(maximum: .microseconds(300), seed: 7)
/// let store = LatencyTicketStore(wrapping: InMemoryTicketStore(), latency: latency)
/// ```
public final class SimulatedLatency: @unchecked Sendable {
  // Safe to send: the generator is only touched under `lock`.
  /// How many times a pause yields before sleeping.
  public let yields: Int
  /// The longest sleep of one pause (zero: yield only).
  public let maximum: Duration
  private let lock = NSLock()
  private var generator: SplitMix64

  /// A latency.
  /// - Parameters:
  ///   - yields: Yields per pause (default 1).
  ///   - maximum: The longest sleep (default 200 µs; `.zero` only yields).
  ///   - seed: The seed of the sleep durations.
  public init(yields: Int = 1, maximum: Duration = .microseconds(200), seed: UInt64 = 1) {
    self.yields = max(0, yields)
    self.maximum = maximum
    self.generator = SplitMix64(seed: seed)
  }

  /// No sleep, one yield: the cheapest suspension point.
  public static var yieldOnly: SimulatedLatency { SimulatedLatency(maximum: .zero) }

  /// Suspends the calling task: yields, then sleeps a random duration up to ``maximum``.
  public func pause() async {
    for _ in 0..<yields { await Task.yield() }
    let nanoseconds = maximumNanoseconds
    guard nanoseconds > 0 else { return }
    let draw = lock.withLock { generator.next() } % (nanoseconds + 1)
    try? await Task.sleep(for: .nanoseconds(Int64(draw)))
  }

  private var maximumNanoseconds: UInt64 {
    let (seconds, attoseconds) = maximum.components
    return UInt64(max(0, seconds)) * 1_000_000_000 + UInt64(max(0, attoseconds) / 1_000_000_000)
  }
}
