import Foundation

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
/// - Returns: The failed checks with their messages, in the order they ran.
/// - Throws: The error `makeStore` threw.
func runConformanceChecks<Check: Sendable, Store>(
  _ checks: [Check],
  makeStore: () async throws -> Store,
  perform: (Check, Store) async throws -> Void
) async throws -> [(check: Check, message: String)] {
  var failures: [(check: Check, message: String)] = []
  for check in checks {
    let store = try await makeStore()
    do {
      try await perform(check, store)
    } catch let failed as CheckFailed {
      failures.append((check, failed.message))
    } catch {
      failures.append((check, "unexpected error: \(error)"))
    }
  }
  return failures
}
