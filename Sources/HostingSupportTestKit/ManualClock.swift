import Foundation

/// A clock that only moves when a test moves it: pass ``provider`` wherever a `@Sendable () -> Date` is
/// expected, then ``advance(by:)``.
///
/// ```swift
/// let clock = ManualClock(now: Fixtures.referenceDate)
/// let desk = SupportDesk(now: clock.provider)
/// clock.advance(by: 3600)
/// ```
public final class ManualClock: @unchecked Sendable {
  private let lock = NSLock()
  private var current: Date

  /// A clock showing `now`.
  /// - Parameter now: The starting instant.
  public init(now: Date) {
    self.current = now
  }

  /// The instant the clock shows.
  public var now: Date {
    lock.withLock { current }
  }

  /// Moves the clock forward (or back, with a negative interval).
  /// - Parameter interval: Seconds to add.
  public func advance(by interval: TimeInterval) {
    lock.withLock { current = current.addingTimeInterval(interval) }
  }

  /// Sets the clock.
  /// - Parameter date: The new instant.
  public func set(_ date: Date) {
    lock.withLock { current = date }
  }

  /// A date provider reading this clock.
  public var provider: @Sendable () -> Date {
    { [self] in now }
  }
}
