import Foundation
import HostingSupport
import HostingSupportTestKit
import SupportCore
import SupportTickets
import Testing

/// Ways a state file can be damaged on disk.
enum StateDamage: String, CaseIterable, Sendable {
  /// The file was replaced by a directory of the same name.
  case directory
  /// Every byte became zero (what some file systems show after a crash).
  case zeroFilled
  /// Every byte became seeded random garbage.
  case garbage
  /// The first line was overwritten; the rest, final newline included, is intact.
  case damagedFirstLine

  func apply(to file: URL) throws {
    let data = try Data(contentsOf: file)
    switch self {
    case .directory:
      try FileManager.default.removeItem(at: file)
      try FileManager.default.createDirectory(at: file, withIntermediateDirectories: false)
    case .zeroFilled:
      try Data(count: data.count).write(to: file)
    case .garbage:
      var generator = SplitMix64(seed: UInt64(data.count))
      try Data((0..<data.count).map { _ in UInt8(truncatingIfNeeded: generator.next()) }).write(to: file)
    case .damagedFirstLine:
      let end = data.firstIndex(of: UInt8(ascii: "\n")) ?? data.endIndex
      var damaged = data
      damaged.replaceSubrange(data.startIndex..<end, with: Data("}{ not a record".utf8))
      try damaged.write(to: file)
    }
  }
}

@Suite("Desk state on disk: restarts and damage")
struct DeskStateDamageTests {
  /// A desk that opened a ticket, planned maintenance and sent notices, with its state in `folder/desk`.
  static func runFirstDesk(in folder: URL, store: any TicketStore) async throws -> Int {
    let transport = RecordingTransport()
    let desk = SupportDesk(
      store: store, transport: transport,
      stateStore: FileDeskStateStore(directory: folder.appendingPathComponent("desk")),
      customers: Fixtures.customers, now: { Fixtures.referenceDate })
    _ = try await desk.openTicket(for: "cust-nordic", subject: "Down", body: "Down", priority: .critical)
    try await desk.scheduleMaintenance(
      MaintenanceWindow(
        id: "MW-1", start: Fixtures.referenceDate + 2 * day, end: Fixtures.referenceDate + 2 * day + hour,
        description: "Network"))
    _ = try await desk.tick(now: Fixtures.referenceDate + 20 * 60)
    return await transport.notifications.count
  }

  static func stateFiles(in folder: URL) throws -> [URL] {
    try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
      .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
      .sorted { $0.lastPathComponent < $1.lastPathComponent }
  }

  @Test("damaged desk state is refused with a typed error and nothing is sent", arguments: StateDamage.allCases)
  func damagedStateRefused(damage: StateDamage) async throws {
    let folder = try scratchDirectory()
    let store = InMemoryTicketStore()
    let sentBefore = try await Self.runFirstDesk(in: folder, store: store)
    #expect(sentBefore > 0)
    let files = try Self.stateFiles(in: folder.appendingPathComponent("desk"))
    #expect(!files.isEmpty)
    for file in files {
      let copy = try scratchDirectory()
      try FileManager.default.removeItem(at: copy)
      try FileManager.default.copyItem(at: folder, to: copy)
      try damage.apply(to: copy.appendingPathComponent("desk").appendingPathComponent(file.lastPathComponent))
      let transport = RecordingTransport()
      let desk = SupportDesk(
        store: store, transport: transport,
        stateStore: FileDeskStateStore(directory: copy.appendingPathComponent("desk")),
        customers: Fixtures.customers, now: { Fixtures.referenceDate })
      let error = await #expect(throws: HostingSupportError.self, "\(damage) \(file.lastPathComponent)") {
        try await desk.tick(now: Fixtures.referenceDate + 3 * hour)
      }
      #expect(error?.code == .corruptState, "\(damage) \(file.lastPathComponent): \(String(describing: error))")
      await #expect(throws: HostingSupportError.self) {
        try await desk.scheduleMaintenance(
          MaintenanceWindow(
            id: "MW-2", start: Fixtures.referenceDate + day, end: Fixtures.referenceDate + day + hour,
            description: "More"))
      }
      #expect(await transport.notifications.isEmpty, "\(damage) \(file.lastPathComponent) sent history again")
    }
  }

  @Test("a restarted desk on intact state sends nothing twice and forgets no window")
  func restartKeepsHistory() async throws {
    let folder = try scratchDirectory()
    let store = InMemoryTicketStore()
    _ = try await Self.runFirstDesk(in: folder, store: store)
    let transport = RecordingTransport()
    let desk = SupportDesk(
      store: store, transport: transport,
      stateStore: FileDeskStateStore(directory: folder.appendingPathComponent("desk")),
      customers: Fixtures.customers, now: { Fixtures.referenceDate })
    #expect(try await desk.maintenanceWindows().map(\.id) == ["MW-1"])
    _ = try await desk.tick(now: Fixtures.referenceDate + 20 * 60)
    #expect(await transport.notifications.isEmpty)
  }

  @Test("a failed delivery is retried with backoff: 30 s after the first failure, then 60 s more")
  func retryBackoff() async throws {
    let harness = DeskHarness()
    _ = try await harness.desk.openTicket(for: "cust-nordic", subject: "Down", body: "Down", priority: .critical)
    let failure = HostingSupportError.ioFailure("write", path: "relay", errno: 5)
    await harness.transport.failNextSends(with: [failure, failure])
    let start = Fixtures.referenceDate + 12 * 60
    let warning = "sla/T-1/firstResponse/1/warning-75"
    func delivered(at instant: Date) async throws -> [String] {
      try await harness.desk.tick(now: instant).delivered.map(\.idempotencyKey)
    }
    #expect(try await harness.desk.tick(now: start).failedDeliveries == 1)
    #expect(try await delivered(at: start).isEmpty)
    #expect(try await delivered(at: start + 29).isEmpty)
    #expect(try await harness.desk.tick(now: start + 30).failedDeliveries == 1)
    #expect(try await delivered(at: start + 89).isEmpty)
    #expect(await harness.transport.attempts == 2, "tried at +0 s and +30 s only")
    #expect(try await delivered(at: start + 90).contains(warning))
  }
}
