import Foundation
import HostingSupport
import HostingSupportTestKit
import Testing

@Suite("FileDeskStateStore: layout, torn tails, compaction and repair")
struct FileDeskStateStoreTests {
  static func records(_ count: Int, from start: Int = 0) -> [DeskStateRecord] {
    (start..<(start + count)).map {
      DeskStateRecord(kind: "sent", instant: Fixtures.referenceDate + Double($0), payload: #"{"n":\#($0)}"#)
    }
  }

  static func append(_ text: String, to url: URL) throws {
    let handle = try FileHandle(forWritingTo: url)
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(text.utf8))
    try handle.close()
  }

  @Test("a missing folder is a fresh store: no records, no error")
  func missingIsEmpty() async throws {
    let store = FileDeskStateStore(directory: try scratchDirectory().appendingPathComponent("never-written"))
    #expect(try await store.loadRecords().isEmpty)
  }

  @Test("a torn final line of the log is ignored on load and cut before the next append")
  func tornTail() async throws {
    let folder = try scratchDirectory()
    try await FileDeskStateStore(directory: folder).append(Self.records(3))
    let log = folder.appendingPathComponent("log-0.jsonl")
    let whole = try Data(contentsOf: log)
    try Self.append("0badc0de {\"at\":\"2026-11-0", to: log)
    let reopened = FileDeskStateStore(directory: folder)
    #expect(try await reopened.loadRecords() == Self.records(3))
    #expect(try Data(contentsOf: log).count > whole.count, "reading never modifies the files")
    try await reopened.append(Self.records(1, from: 3))
    #expect(try await FileDeskStateStore(directory: folder).loadRecords() == Self.records(4))
  }

  @Test("a damaged line other than the last is refused, naming the file and the line")
  func damagedMiddleLine() async throws {
    let folder = try scratchDirectory()
    try await FileDeskStateStore(directory: folder).append(Self.records(4))
    let log = folder.appendingPathComponent("log-0.jsonl")
    var lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n").map(String.init)
    lines[1] = lines[1].replacingOccurrences(of: "\"n\\\":1", with: "\"n\\\":7")  // parses, checksum differs
    try (lines.joined(separator: "\n") + "\n").write(to: log, atomically: true, encoding: .utf8)
    let error = await #expect(throws: HostingSupportError.self) {
      try await FileDeskStateStore(directory: folder).loadRecords()
    }
    #expect(error?.code == .corruptState)
    #expect(error?.context["line"] == "2" && error?.context["file"] == log.path)
  }

  @Test("compaction writes a snapshot and a new log; a log left over from before it is ignored and removed")
  func compactionLayout() async throws {
    let folder = try scratchDirectory()
    let store = FileDeskStateStore(directory: folder)
    try await store.append(Self.records(5))
    let oldLog = try Data(contentsOf: folder.appendingPathComponent("log-0.jsonl"))
    try await store.replaceRecords(with: Self.records(2, from: 10))
    try await store.append(Self.records(1, from: 20))
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(names == ["log-1.jsonl", "snapshot.jsonl"])
    // A crash between the snapshot's rename and the old log's removal leaves the old log behind.
    try oldLog.write(to: folder.appendingPathComponent("log-0.jsonl"))
    let reopened = FileDeskStateStore(directory: folder)
    #expect(try await reopened.loadRecords() == Self.records(2, from: 10) + Self.records(1, from: 20))
    try await reopened.append(Self.records(1, from: 30))
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("log-0.jsonl").path))
  }

  @Test("a log whose snapshot is missing is refused, not read as a fresh start")
  func missingSnapshot() async throws {
    let folder = try scratchDirectory()
    let store = FileDeskStateStore(directory: folder)
    try await store.replaceRecords(with: Self.records(2))
    try await store.append(Self.records(1, from: 5))
    try FileManager.default.removeItem(at: folder.appendingPathComponent("snapshot.jsonl"))
    let error = await #expect(throws: HostingSupportError.self) {
      try await FileDeskStateStore(directory: folder).loadRecords()
    }
    #expect(error?.code == .corruptState)
  }

  @Test("repair keeps every intact record, moves the damaged files aside and reports each dropped line")
  func repairKeepsIntactRecords() async throws {
    let folder = try scratchDirectory()
    let store = FileDeskStateStore(directory: folder)
    try await store.append(Self.records(3))
    try await store.replaceRecords(with: Self.records(3))
    try await store.append(Self.records(4, from: 3))
    let log = folder.appendingPathComponent("log-1.jsonl")
    var lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n").map(String.init)
    lines[1] = String(repeating: "\u{0}", count: lines[1].utf8.count)
    try (lines.joined(separator: "\n") + "\n").write(to: log, atomically: true, encoding: .utf8)
    let damaged = FileDeskStateStore(directory: folder)
    await #expect(throws: HostingSupportError.self) { try await damaged.loadRecords() }

    let report = try await damaged.repair()
    #expect(report.keptRecords == 6)
    #expect(report.dropped.map(\.line) == [2] && report.dropped.first?.file == log.path)
    #expect(report.preservedOriginals == [log.path + ".damaged"])
    let expected = Self.records(3) + [Self.records(1, from: 3)[0]] + Self.records(2, from: 5)
    #expect(try await FileDeskStateStore(directory: folder).loadRecords() == expected)
    let again = try await FileDeskStateStore(directory: folder).repair()
    #expect(again.wasIntact && again.keptRecords == 6)
  }

  @Test("repair moves a directory found where a state file should be out of the way")
  func repairDirectory() async throws {
    let folder = try scratchDirectory()
    try await FileDeskStateStore(directory: folder).append(Self.records(2))
    let log = folder.appendingPathComponent("log-0.jsonl")
    try FileManager.default.removeItem(at: log)
    try FileManager.default.createDirectory(at: log, withIntermediateDirectories: false)
    let report = try await FileDeskStateStore(directory: folder).repair()
    #expect(report.keptRecords == 0 && report.dropped.count == 1 && report.dropped[0].line == 0)
    #expect(try await FileDeskStateStore(directory: folder).loadRecords().isEmpty)
  }
}
