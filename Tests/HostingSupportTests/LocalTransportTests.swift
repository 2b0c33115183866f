import Foundation
import HostingSupport
import HostingSupportTestKit
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

func scratchDirectory() throws -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("hs-tests-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

@Suite("File outbox transport")
struct FileOutboxTransportTests {
  @Test("writes one JSON line per notification and reads them back in order")
  func oneLinePerNotification() async throws {
    let file = try scratchDirectory().appendingPathComponent("nested/outbox.jsonl")
    let outbox = FileOutboxTransport(fileURL: file)
    let sent = [
      Fixtures.notification(key: "a"), Fixtures.customerNotification(key: "b"), Fixtures.notification(key: "c"),
    ]
    for notification in sent { try await outbox.send(notification) }
    let text = try String(contentsOf: file, encoding: .utf8)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 4 && lines.last == "", "three lines, each ended by a newline")
    #expect(try FileOutboxTransport.notifications(in: file) == sent)
  }

  @Test("a second transport on the same file appends instead of overwriting")
  func appendsAcrossInstances() async throws {
    let file = try scratchDirectory().appendingPathComponent("outbox.jsonl")
    try await FileOutboxTransport(fileURL: file).send(Fixtures.notification(key: "first"))
    try await FileOutboxTransport(fileURL: file).send(Fixtures.notification(key: "second"))
    #expect(try FileOutboxTransport.notifications(in: file).map(\.idempotencyKey) == ["first", "second"])
  }

  @Test("concurrent sends never interleave lines")
  func concurrentSends() async throws {
    let file = try scratchDirectory().appendingPathComponent("outbox.jsonl")
    let outbox = FileOutboxTransport(fileURL: file)
    try await withThrowingTaskGroup(of: Void.self) { group in
      for index in 0..<50 { group.addTask { try await outbox.send(Fixtures.customerNotification(key: "k\(index)")) } }
      try await group.waitForAll()
    }
    #expect(Set(try FileOutboxTransport.notifications(in: file).map(\.idempotencyKey)).count == 50)
  }

  @Test("a damaged line is reported with its line number")
  func damagedLine() async throws {
    let file = try scratchDirectory().appendingPathComponent("outbox.jsonl")
    try await FileOutboxTransport(fileURL: file).send(Fixtures.notification(key: "ok"))
    let handle = try FileHandle(forWritingTo: file)
    try handle.seekToEnd()
    try handle.write(contentsOf: Data("{\"idempotencyKey\":\"torn".utf8))
    try handle.close()
    let error = #expect(throws: HostingSupportError.self) { try FileOutboxTransport.notifications(in: file) }
    #expect(error?.code == .corruptState)
    #expect(error?.context["line"] == "2")
  }

  @Test("a missing outbox reads as empty")
  func missingFile() throws {
    #expect(try FileOutboxTransport.notifications(in: URL(fileURLWithPath: "/nonexistent/outbox.jsonl")).isEmpty)
  }

  @Test("an unwritable location is an ioFailure")
  func unwritable() async throws {
    let directory = try scratchDirectory()
    let outbox = FileOutboxTransport(fileURL: directory)  // a directory cannot be opened for writing
    let error = await #expect(throws: HostingSupportError.self) { try await outbox.send(Fixtures.notification()) }
    #expect(error?.code == .ioFailure)
  }
}

@Suite("Console transport")
struct ConsoleTransportTests {
  @Test("prints audience, kind, key, subject and body, without terminal control characters")
  func rendering() async throws {
    var notification = Fixtures.customerNotification(key: "console/1")
    notification.body = "Hello\u{1B}[2J world\nsecond line"
    let text = ConsoleTransport.render(notification)
    #expect(text.hasPrefix("[progressUpdate] to customer cust-kham (lo) key=console/1\n"))
    #expect(text.contains("Subject: \(notification.subject)"))
    #expect(text.contains("Hello[2J world\nsecond line"))
    #expect(!text.unicodeScalars.contains("\u{1B}"))
  }
}
