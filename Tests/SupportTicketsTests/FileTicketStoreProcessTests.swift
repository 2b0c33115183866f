import Foundation
import SupportTickets
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A finished `support-desk` run.
private struct DeskRun {
  var status: Int32
  var output: String
  var error: String
}

/// Runs `support-desk` with `arguments`, killing it after `timeout` (a hang fails the test instead of
/// blocking it).
private func runDesk(_ arguments: [String], timeout: Duration = .seconds(60)) async throws -> DeskRun {
  let executable = try #require(supportDeskExecutable(), "build the support-desk example first")
  let process = Process()
  process.executableURL = executable
  process.arguments = arguments
  let output = Pipe()
  let error = Pipe()
  process.standardOutput = output
  process.standardError = error
  try process.run()
  let deadline = ContinuousClock.now + timeout
  while process.isRunning, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
  let hung = process.isRunning
  if hung { kill(process.processIdentifier, SIGKILL) }
  process.waitUntilExit()
  #expect(!hung, "support-desk \(arguments) still ran after \(timeout)")
  return DeskRun(
    status: process.terminationStatus,
    output: String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self),
    error: String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
}

@Suite("support-desk store commands as separate processes")
struct FileTicketStoreProcessTests {
  @Test("50 parallel open processes all land: writers wait for the lock instead of failing")
  func fiftyParallelOpens() async throws {
    let folder = try TemporaryStoreDirectory()
    defer { folder.cleanUp() }
    let store = folder.file("store").path
    let runs = try await withThrowingTaskGroup(of: DeskRun.self) { group in
      for index in 0..<50 {
        group.addTask {
          try await runDesk([
            "--store", store, "open", "--customer", "cust-\(index % 5)", "--subject", "Parallel \(index)", "--body",
            "body \(index)",
          ])
        }
      }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    #expect(runs.allSatisfy { $0.status == 0 }, "\(runs.filter { $0.status != 0 }.map(\.error).prefix(3))")
    let ids = Set(runs.map { $0.output.trimmingCharacters(in: .whitespacesAndNewlines) })
    #expect(ids.count == 50)
    let reopened = try FileTicketStore(directory: folder.file("store"), access: .readOnly)
    let tickets = try await reopened.allTickets()
    #expect(Set(tickets.map(\.id.rawValue)) == ids)
    #expect(Set(tickets.map(\.subject)) == Set((0..<50).map { "Parallel \($0)" }))
  }

  @Test("list, show, export and verify never modify, truncate or create anything, torn tail and leftovers included")
  func readingCommandsWriteNothing() async throws {
    let folder = try TemporaryStoreDirectory()
    defer { folder.cleanUp() }
    _ = try await folder.makeTwentyEventStore()
    let journal = folder.file("journal-0000000000000001.log")
    let bytes = try Data(contentsOf: journal)
    try (bytes + bytes[8..<40]).write(to: journal)
    try Data("leftover".utf8).write(to: folder.file("MANIFEST.tmp"))
    let before = try folder.entries()
    let store = folder.url.path
    for arguments in [["list"], ["show", "T-3"], ["export", "--jsonl"], ["verify"]] {
      let run = try await runDesk(["--store", store] + arguments)
      #expect(run.status == (arguments == ["verify"] ? 1 : 0), "\(arguments): \(run.error)")
      #expect(try folder.entries() == before, "\(arguments) changed the store")
    }
    let missing = folder.file("nothing-here").path
    let run = try await runDesk(["--store", missing, "list"])
    #expect(run.status == 1)
    #expect(!FileManager.default.fileExists(atPath: missing))
  }

  @Test(
    "a FIFO named like the journal makes list and verify fail at once with exit 1 instead of blocking",
    .timeLimit(.minutes(2)))
  func fifoDoesNotHang() async throws {
    let folder = try TemporaryStoreDirectory()
    defer { folder.cleanUp() }
    _ = try await folder.makeTwentyEventStore()
    let journal = folder.file("journal-0000000000000001.log")
    try FileManager.default.removeItem(at: journal)
    #expect(mkfifo(journal.path, 0o644) == 0)
    for command in ["list", "verify", "show"] {
      let run = try await runDesk(
        ["--store", folder.url.path] + (command == "show" ? ["show", "T-1"] : [command]), timeout: .seconds(30))
      #expect(run.status == 1, "\(command): \(run.output) \(run.error)")
      #expect((run.error + run.output).contains("FIFO"), "\(command): \(run.error)")
    }
  }

  @Test("--lock-timeout bounds how long a writer waits for another process")
  func lockTimeoutOption() async throws {
    let folder = try TemporaryStoreDirectory()
    defer { folder.cleanUp() }
    let holder = try FileTicketStore(directory: folder.url)
    let started = ContinuousClock.now
    let run = try await runDesk([
      "--store", folder.url.path, "--lock-timeout", "0.3", "open", "--customer", "c", "--subject", "s", "--body", "b",
    ])
    #expect(run.status == 1 && run.error.contains("locked"), "\(run.error)")
    #expect(ContinuousClock.now - started >= .milliseconds(300))
    await holder.close()
    let bad = try await runDesk(["--store", folder.url.path, "--lock-timeout", "soon", "list"])
    #expect(bad.status == 2)
  }
}
