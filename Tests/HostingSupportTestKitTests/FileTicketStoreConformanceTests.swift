import Foundation
import HostingSupportTestKit
import SupportTickets
import Testing

/// Hands out fresh store folders and removes them all at the end.
private actor StoreFolders {
  private var folders: [URL] = []

  func make() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("conformance-\(UUID().uuidString)")
    folders.append(folder)
    return folder
  }

  func removeAll() {
    for folder in folders { try? FileManager.default.removeItem(at: folder) }
  }
}

@Suite("FileTicketStore conformance")
struct FileTicketStoreConformanceTests {
  @Test(
    "FileTicketStore passes every check of the conformance suite, reopening included, in both durability modes",
    arguments: [FileTicketStore.Durability.fsyncEachWrite, .batched(maxDelay: .milliseconds(2))])
  func fileStoreConforms(durability: FileTicketStore.Durability) async throws {
    // fsyncEachWrite syncs every write: fewer concurrent writers keep the check to a few seconds.
    let writers = durability == .fsyncEachWrite ? 20 : 100
    let checks = try await TicketStoreConformance(
      concurrentWriters: writers,
      factory: .reopenable(
        makeLocation: { FileManager.default.temporaryDirectory.appendingPathComponent("conformance-\(UUID())") },
        open: { folder in try FileTicketStore(directory: folder, durability: durability) },
        close: { store in await store.close() },
        removeLocation: { folder in try FileManager.default.removeItem(at: folder) }
      )
    ).run()
    #expect(checks.contains(.reopening))
  }

  @Test("a FileTicketStore reopened on its folder passes every conformance check")
  func reopenedStoreConforms() async throws {
    let folders = StoreFolders()
    defer { Task { await folders.removeAll() } }
    // Each check runs on a store that was opened, closed and reopened empty, so recovery of an empty
    // directory (segment creation, lock hand-over) is part of what is checked.
    try await TicketStoreConformance(concurrentWriters: 20) {
      let folder = try await folders.make()
      await (try FileTicketStore(directory: folder)).close()
      return try FileTicketStore(directory: folder)
    }.run()
  }
}
