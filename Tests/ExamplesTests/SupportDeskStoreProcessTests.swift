import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A `support-desk` process started without waiting for it, so that many run at once.
private struct StartedDesk {
  let process = Process()
  let output = Pipe()
  let error = Pipe()

  init(_ arguments: [String]) throws {
    let executable = try #require(exampleExecutable(named: "support-desk"), "built executable support-desk not found")
    process.executableURL = executable
    process.arguments = arguments
    process.standardOutput = output
    process.standardError = error
  }

  /// Waits for the process, killing it after `timeout` (a hang fails the test instead of blocking it).
  func finish(timeout: Duration = .seconds(60)) async throws -> ExampleRun {
    let deadline = ContinuousClock.now + timeout
    while process.isRunning, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
    let hung = process.isRunning
    if hung { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    #expect(!hung, "support-desk \(process.arguments ?? []) still ran after \(timeout)")
    return ExampleRun(
      status: process.terminationStatus,
      standardOutput: String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self),
      standardError: String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
  }
}

private func runDesk(_ arguments: [String], timeout: Duration = .seconds(60)) async throws -> ExampleRun {
  let desk = try StartedDesk(arguments)
  try desk.process.run()
  return try await desk.finish(timeout: timeout)
}

/// Every entry below a folder: regular files with their bytes, other entries by kind.
private func entries(of folder: URL) throws -> [String: String] {
  var result: [String: String] = [:]
  for name in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
    let path = folder.appendingPathComponent(name).path
    let type = try FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType
    result[name] =
      type == .typeRegular ? (try Data(contentsOf: URL(fileURLWithPath: path))).base64EncodedString() : "\(type!)"
  }
  return result
}

@Suite("support-desk store commands as separate processes")
struct SupportDeskStoreProcessTests {
  private func makeFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("desk-proc-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  /// A closed store of 10 tickets, each opened and replied to, through the command line.
  private func makeStore(_ store: URL) async throws {
    for index in 1...10 {
      let opened = try await runDesk([
        "--store", store.path, "open", "--customer", "cust-\(index % 3)", "--subject", "Ticket \(index)", "--body",
        "body \(index)",
      ])
      #expect(opened.status == 0, "\(opened.standardError)")
      let replied = try await runDesk(["--store", store.path, "reply", "T-\(index)", "--body", "On it"])
      #expect(replied.status == 0, "\(replied.standardError)")
    }
  }

  @Test("50 parallel open processes all land: writers wait for the lock instead of failing")
  func fiftyParallelOpens() async throws {
    let folder = try makeFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = folder.appendingPathComponent("store").path
    let desks = try (0..<50).map { index in
      // A lock timeout far above the default, so that on a loaded machine the test measures waiting, not speed.
      try StartedDesk([
        "--store", store, "--lock-timeout", "300", "open", "--customer", "cust-\(index % 5)", "--subject",
        "Parallel \(index)", "--body", "body \(index)",
      ])
    }
    for desk in desks { try desk.process.run() }
    var runs: [ExampleRun] = []
    for desk in desks { runs.append(try await desk.finish(timeout: .seconds(600))) }
    #expect(runs.allSatisfy { $0.status == 0 }, "\(runs.filter { $0.status != 0 }.map(\.standardError).prefix(3))")
    let ids = Set(runs.map { $0.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) })
    #expect(ids.count == 50)
    let listed = try await runDesk(["--store", store, "list"])
    #expect(listed.status == 0)
    #expect(listed.standardOutput.split(separator: "\n").count == 50)
    for index in 0..<50 { #expect(listed.standardOutput.contains("Parallel \(index)\n")) }
  }

  @Test("list, show, export and verify never modify, truncate or create anything, torn tail and leftovers included")
  func readingCommandsWriteNothing() async throws {
    let folder = try makeFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = folder.appendingPathComponent("store")
    try await makeStore(store)
    let journal = store.appendingPathComponent("journal-0000000000000001.log")
    let bytes = try Data(contentsOf: journal)
    try (bytes + bytes[8..<40]).write(to: journal)  // half a record, as a crash leaves it
    try Data("leftover".utf8).write(to: store.appendingPathComponent("MANIFEST.tmp"))
    let before = try entries(of: store)
    for arguments in [["list"], ["show", "T-3"], ["export", "--jsonl"], ["verify"]] {
      let run = try await runDesk(["--store", store.path] + arguments)
      #expect(run.status == (arguments == ["verify"] ? 1 : 0), "\(arguments): \(run.standardError)")
      #expect(try entries(of: store) == before, "\(arguments) changed the store")
    }
    let missing = folder.appendingPathComponent("nothing-here")
    #expect(try await runDesk(["--store", missing.path, "list"]).status == 1)
    #expect(!FileManager.default.fileExists(atPath: missing.path))
  }

  @Test(
    "a FIFO named like the journal makes list, show and verify fail at once with status 1 instead of blocking (each run is bounded by 30 s; the whole test by 5 min for loaded machines)",
    .timeLimit(.minutes(5)))
  func fifoDoesNotHang() async throws {
    let folder = try makeFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = folder.appendingPathComponent("store")
    try await makeStore(store)
    let journal = store.appendingPathComponent("journal-0000000000000001.log")
    try FileManager.default.removeItem(at: journal)
    #expect(mkfifo(journal.path, 0o644) == 0)
    for arguments in [["list"], ["verify"], ["show", "T-1"]] {
      let run = try await runDesk(["--store", store.path] + arguments, timeout: .seconds(30))
      #expect(run.status == 1, "\(arguments): \(run.standardOutput) \(run.standardError)")
      #expect((run.standardError + run.standardOutput).contains("FIFO"), "\(arguments): \(run.standardError)")
    }
  }

  @Test("--lock-timeout bounds how long a writer waits for another process")
  func lockTimeoutOption() async throws {
    let folder = try makeFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = folder.appendingPathComponent("store")
    try await makeStore(store)
    // Hold the store's lock the way a writer does: an exclusive flock on its directory.
    let descriptor = open(store.path, O_RDONLY | O_DIRECTORY)
    #expect(descriptor >= 0 && flock(descriptor, LOCK_EX) == 0)
    let started = ContinuousClock.now
    let run = try await runDesk(["--store", store.path, "--lock-timeout", "0.3", "reply", "T-1", "--body", "hi"])
    #expect(run.status == 1 && run.standardError.contains("locked"), "\(run.standardError)")
    #expect(ContinuousClock.now - started >= .milliseconds(300))
    close(descriptor)
    #expect(
      try await runDesk(["--store", store.path, "reply", "T-1", "--body", "hi", "--lock-timeout", "5"]).status == 0)
    #expect(try await runDesk(["--store", store.path, "--lock-timeout", "soon", "list"]).status == 2)
  }
}
