import Foundation
import SupportTickets
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The built test-only `store-crash-writer` executable (Tests/StoreCrashWriter): the crash test's child process.
private func crashWriterExecutable() -> URL? {
  var folders = [
    Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
    URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
  ]
  for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
    folders.append(bundle.bundleURL.deletingLastPathComponent())
  }
  return folders.map { $0.appendingPathComponent("store-crash-writer") }.first {
    FileManager.default.isExecutableFile(atPath: $0.path)
  }
}

@Suite("FileTicketStore crash safety")
struct FileTicketStoreCrashTests {
  @Test("a writer killed with SIGKILL at 50 random moments never loses or repeats an acknowledged event")
  func killedWriterLosesNothing() async throws {
    let executable = try #require(crashWriterExecutable(), "build the store-crash-writer target first")
    let folder = try TemporaryStoreDirectory()
    defer { folder.cleanUp() }
    var random = SeededRandom(seed: 20_261_123)
    var acknowledged: [(ticket: String, event: String)] = []
    var roundsWithAcks = 0
    for round in 0..<50 {
      let batched = round % 2 == 1
      let output = folder.url.appendingPathComponent("acks-\(round).txt")
      _ = FileManager.default.createFile(atPath: output.path, contents: nil)
      let handle = try FileHandle(forWritingTo: output)
      let process = Process()
      process.executableURL = executable
      process.arguments =
        [
          "--store", folder.url.appendingPathComponent("store").path, "--seed", "r\(round)",
          "--compact-every", "20",
        ]
        + (batched ? ["--batched", "--writers", "4"] : [])
      process.standardOutput = handle
      process.standardError = FileHandle.nullDevice
      try process.run()
      // Every fifth kill lands at any moment, start-up and recovery included; the others land while the
      // child is writing: after its first acknowledgement, 0–40 ms later.
      let whileWriting = round % 5 != 0
      if whileWriting {
        let deadline = ContinuousClock.now + .seconds(20)
        while (try Data(contentsOf: output)).isEmpty, process.isRunning, ContinuousClock.now < deadline {
          try await Task.sleep(for: .milliseconds(1))
        }
        try await Task.sleep(for: .microseconds(Int.random(in: 0...40_000, using: &random)))
      } else {
        try await Task.sleep(for: .microseconds(Int.random(in: 0...60_000, using: &random)))
      }
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      try handle.close()
      #expect(process.terminationReason == .uncaughtSignal, "round \(round): the child exited by itself")

      let lines = String(decoding: try Data(contentsOf: output), as: UTF8.self).split(separator: "\n")
      let acks = lines.compactMap { line -> (String, String)? in
        let parts = line.split(separator: " ")
        guard parts.count == 3, parts[0] == "ack" else { return nil }
        return (String(parts[1]), String(parts[2]))
      }
      if whileWriting, !acks.isEmpty { roundsWithAcks += 1 }
      acknowledged += acks

      let store = try FileTicketStore(directory: folder.url.appendingPathComponent("store"))
      var occurrences: [String: Int] = [:]
      for ticket in try await store.allTickets() {
        for event in ticket.events { occurrences["\(ticket.id.rawValue) \(event.id.rawValue)", default: 0] += 1 }
      }
      await store.close()
      for ack in acknowledged {
        #expect(occurrences["\(ack.ticket) \(ack.event)"] == 1, "round \(round): \(ack) is not stored exactly once")
      }
      let report = try FileTicketStore.verify(at: folder.url.appendingPathComponent("store"))
      #expect(report.isClean, "round \(round): \(report)")
    }
    // The kills meant to land while the child was writing did.
    #expect(roundsWithAcks == 40)
    #expect(acknowledged.count >= 200)
  }
}
