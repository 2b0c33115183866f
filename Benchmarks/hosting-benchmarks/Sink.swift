import Foundation

/// Where timed work leaves its results, so the optimiser cannot drop the work and teardown stays outside the
/// clock.
///
/// - ``blackHole(_:)`` folds an integer into a checksum the runner reads after every run and writes to the
///   results file: a result that reaches the checksum must have been computed.
/// - ``keep(_:)`` holds a result until the clock has stopped, then lets it go: the work is observable and its
///   deallocation (a million subscriptions, a store) is not timed.
/// - ``afterTimedRun(_:)`` registers teardown (closing a store, removing its folder) that runs after the clock
///   stops.
///
/// The runner calls ``BenchmarkSink/finishRun()`` after each run. Benchmarks run one at a time; the lock only
/// guards against a workload that consumes results from several tasks.
final class BenchmarkSink: @unchecked Sendable {
  static let shared = BenchmarkSink()

  private let lock = NSLock()
  private var checksum: UInt64 = 0
  private var kept: [Any] = []
  private var teardown: [() async throws -> Void] = []

  func consume(_ value: UInt64) {
    lock.lock()
    checksum = checksum &* 0x100_0000_01B3 &+ value
    lock.unlock()
  }

  func keep(_ value: Any) {
    lock.lock()
    kept.append(value)
    lock.unlock()
  }

  func afterTimedRun(_ body: @escaping () async throws -> Void) {
    lock.lock()
    teardown.append(body)
    lock.unlock()
  }

  /// Clears the checksum before a run.
  func startRun() {
    lock.lock()
    checksum = 0
    lock.unlock()
  }

  /// Releases what the run kept, runs its teardown (outside the clock) and returns the run's checksum.
  func finishRun() async throws -> UInt64 {
    let (result, cleanup) = takeRun()
    for body in cleanup { try await body() }
    return result
  }

  private func takeRun() -> (UInt64, [() async throws -> Void]) {
    lock.lock()
    defer { lock.unlock() }
    let result = (checksum, teardown)
    kept.removeAll()
    teardown.removeAll()
    return result
  }
}

/// Folds `value` into the run's checksum (written to the results file), so the work that produced it cannot
/// be optimised away.
@inline(never)
func blackHole(_ value: Int) {
  BenchmarkSink.shared.consume(UInt64(bitPattern: Int64(value)))
}

/// Folds the bits of `value` into the run's checksum.
@inline(never)
func blackHole(_ value: Double) {
  BenchmarkSink.shared.consume(value.bitPattern)
}

/// Holds `value` until the clock stops: the result is observable and its deallocation is not timed.
@inline(never)
func keep<T>(_ value: T) {
  BenchmarkSink.shared.keep(value)
}

/// Runs `body` after the current timed run, outside the clock (closing stores, removing scratch folders).
func afterTimedRun(_ body: @escaping () async throws -> Void) {
  BenchmarkSink.shared.afterTimedRun(body)
}
