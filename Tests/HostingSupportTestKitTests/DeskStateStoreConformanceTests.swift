import Foundation
import HostingSupport
import HostingSupportTestKit
import Testing

/// A store that breaks the contract on purpose: it loses an append when another one overlaps it, keeps only the
/// newest 50 records, and reads damage as "empty". The suite must catch all of it.
private actor CarelessDeskStateStore: DeskStateStore {
  private var records: [DeskStateRecord] = []
  private var isDamaged = false

  func loadRecords() -> [DeskStateRecord] { isDamaged ? [] : records }

  func append(_ new: [DeskStateRecord]) async {
    let before = records
    await Task.yield()
    records = Array((before + new).suffix(50))  // overwrites what others appended meanwhile
  }

  func replaceRecords(with new: [DeskStateRecord]) { records = new }

  func damage() { isDamaged = true }
}

/// Hands out fresh folders.
private func freshFolder() -> URL {
  FileManager.default.temporaryDirectory.appendingPathComponent("desk-conformance-\(UUID().uuidString)")
}

@Suite("Desk state store conformance suite")
struct DeskStateStoreConformanceTests {
  @Test("InMemoryDeskStateStore passes every check that applies to it")
  func inMemoryConforms() async throws {
    let suite = DeskStateStoreConformance { InMemoryDeskStateStore() }
    #expect(!suite.applicableChecks.contains(.damageRefused))
    try await suite.run()
  }

  @Test("FileDeskStateStore passes every check, reopened on its folder and damaged with garbage")
  func fileStoreConforms() async throws {
    try await DeskStateStoreConformance(
      makeStore: { FileDeskStateStore(directory: freshFolder()) },
      reopen: { store in FileDeskStateStore(directory: (store as! FileDeskStateStore).directory) },
      damage: { store in
        let folder = (store as! FileDeskStateStore).directory
        let log = try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasPrefix("log-") }
        let url = folder.appendingPathComponent(try #require(log))
        var data = try Data(contentsOf: url)
        data.replaceSubrange(0..<12, with: Data("garbage-line".utf8))
        try data.write(to: url)
      }
    ).run()
  }

  @Test("a store that drops overlapping appends and reads damage as empty fails those checks, by name")
  func carelessStoreFails() async throws {
    let suite = DeskStateStoreConformance(
      concurrentAppends: 40, makeStore: { CarelessDeskStateStore() },
      damage: { store in await (store as! CarelessDeskStateStore).damage() })
    let failure = await #expect(throws: DeskStateStoreConformanceFailure.self) { try await suite.run() }
    let failed = Set(failure?.failures.map(\.check) ?? [])
    #expect(failed.isSuperset(of: [.concurrentAppends, .damageRefused]))
    #expect(!failed.contains(.roundTrip) && !failed.contains(.compaction))
    #expect(failure?.description.contains("damageRefused") == true)
  }
}
