import Foundation

/// A serial executor that runs its jobs on one thread of its own.
///
/// libpq's calls block until the server answers. Run on Swift's cooperative pool (one thread per core),
/// a few connections waiting on a row lock would stall every task of the process, including the one whose
/// `COMMIT` would release the lock. Each ``PostgresConnection`` therefore runs on its own thread: blocking
/// there blocks nobody else.
///
/// The thread ends when ``shutdown()`` has been called and the jobs already enqueued have run.
final class DedicatedThreadExecutor: SerialExecutor, @unchecked Sendable {
  // `@unchecked`: `jobs` and `stopping` are read and written only with `condition` locked.
  private let condition = NSCondition()
  private var jobs: [UnownedJob] = []
  private var stopping = false

  /// Starts the thread.
  /// - Parameter name: The thread's name, as debuggers and `top -H` show it.
  init(name: String) {
    let thread = Thread { [self] in runLoop() }
    thread.name = name
    thread.start()
  }

  /// Queues a job; the thread runs jobs in the order they were queued.
  func enqueue(_ job: consuming ExecutorJob) {
    let unowned = UnownedJob(job)
    condition.lock()
    jobs.append(unowned)
    condition.signal()
    condition.unlock()
  }

  /// Lets the thread end once the queued jobs have run.
  func shutdown() {
    condition.lock()
    stopping = true
    condition.signal()
    condition.unlock()
  }

  private func runLoop() {
    let executor = asUnownedSerialExecutor()
    while let batch = nextJobs() {
      for job in batch { job.runSynchronously(on: executor) }
    }
  }

  /// Waits for jobs; `nil` once stopping with nothing left to run.
  private func nextJobs() -> [UnownedJob]? {
    condition.lock()
    defer { condition.unlock() }
    while jobs.isEmpty {
      if stopping { return nil }
      condition.wait()
    }
    let batch = jobs
    jobs.removeAll(keepingCapacity: true)
    return batch
  }
}
