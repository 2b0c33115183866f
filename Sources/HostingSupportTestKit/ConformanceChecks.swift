import Foundation

/// 2026-11-23T10:00:00Z, the first instant of the records and timelines the conformance suites write.
let conformanceStart = Date(timeIntervalSince1970: 1_795_428_000)

/// A check of a conformance suite that failed.
struct CheckFailed: Error {
  var message: String
  init(_ message: String) { self.message = message }
}

/// Throws ``CheckFailed`` with the message when the condition does not hold.
func require(_ condition: Bool, _ message: @autoclosure () -> String) throws {
  if !condition { throw CheckFailed(message()) }
}

/// Runs each check on a fresh store and collects what failed: the loop every conformance suite shares.
/// - Parameters:
///   - checks: The checks, in order.
///   - makeStore: Makes the fresh store of one check.
///   - perform: Runs one check on its store.
///   - finish: Releases a store after its check, whether it passed or not (nothing by default); an error it
///     throws fails the check.
/// - Returns: The failed checks with their messages, in the order they ran.
/// - Throws: The error `makeStore` threw.
func runConformanceChecks<Check: Sendable, Store>(
  _ checks: [Check],
  makeStore: () async throws -> Store,
  perform: (Check, Store) async throws -> Void,
  finish: (Store) async throws -> Void = { _ in }
) async throws -> [(check: Check, message: String)] {
  var failures: [(check: Check, message: String)] = []
  for check in checks {
    let store = try await makeStore()
    var message: String?
    do {
      try await perform(check, store)
    } catch let failed as CheckFailed {
      message = failed.message
    } catch {
      message = "unexpected error: \(error)"
    }
    do {
      try await finish(store)
    } catch {
      message = message ?? "releasing the store after the check threw \(error)"
    }
    if let message { failures.append((check, message)) }
  }
  return failures
}
