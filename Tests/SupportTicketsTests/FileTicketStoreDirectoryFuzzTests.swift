import Foundation
import SupportCore
import Testing

@testable import SupportTickets

/// One seeded attack on a copy of a store directory.
private struct DirectoryAttack {
  var random: SplitMix64
  let store: URL
  let outside: URL
  /// Whether any byte of a file the pristine store wrote was changed, or such a file removed or replaced.
  var touchedPristineFiles = false
  var applied: [String] = []

  var storeFiles: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: store.path)) ?? []).filter {
      $0.hasPrefix("journal-") || $0.hasPrefix("snapshot-") || $0 == "MANIFEST"
    }.sorted()
  }

  mutating func pick<T>(_ items: [T]) -> T { items[random.below(items.count)] }

  /// A framed record with valid checksums: a real-looking journal entry or random bytes.
  mutating func craftedRecord() -> [UInt8] {
    var framed: [UInt8] = []
    switch random.below(4) {
    case 0:
      RecordFraming.append(
        payload: (0..<random.below(64)).map { _ in UInt8(truncatingIfNeeded: random.next()) }, to: &framed)
    default:
      let ticket = TicketID(pick(["T-0", "T-3", "T-404", "X-\(random.below(9))"]))
      let sequence = pick([UInt64(1), 7, 13, 14, 15, UInt64(Int64.max), UInt64.max])
      let creates = random.chance(0.4)
      let event =
        creates
        ? StoreFixtures.opening(ticket.rawValue)
        : StoreFixtures.reply(ticket.rawValue, version: 1 + random.below(4), at: Double(random.below(100_000)))
      let entry = JournalEntry(sequence: sequence, ticketID: ticket, createsTicket: creates, events: [event])
      RecordFraming.append(payload: StorePayloads.encode(entry), to: &framed)
    }
    return framed
  }

  mutating func attack() throws {
    let manager = FileManager.default
    switch random.below(9) {
    case 0, 1:  // a special entry in place of a store file
      guard let name = storeFiles.isEmpty ? nil : pick(storeFiles) else { return }
      let kind = pick(HostileEntry.allCases)
      try kind.make(at: store.appendingPathComponent(name), outside: outside.appendingPathComponent("target"))
      touchedPristineFiles = true
      applied.append("\(kind) in place of \(name)")
    case 2:  // a special entry or junk file under a new store-like name
      let name = pick([
        "journal-0000000000000063.log", "snapshot-0000000000000009.snap", "MANIFEST.tmp",
        "snapshot-00000000000000ff.snap", "journal-0000000000000001.log.tmp",
      ])
      if random.chance(0.5) {
        let kind = pick(HostileEntry.allCases)
        try kind.make(at: store.appendingPathComponent(name), outside: outside.appendingPathComponent("target"))
        applied.append("\(kind) as \(name)")
      } else {
        try Data(RecordFraming.journalMagic + craftedRecord()).write(to: store.appendingPathComponent(name))
        applied.append("junk as \(name)")
      }
    case 3:  // truncation
      guard let name = storeFiles.isEmpty ? nil : pick(storeFiles) else { return }
      let url = store.appendingPathComponent(name)
      guard let bytes = try? Data(contentsOf: url), !bytes.isEmpty else { return }
      let length = random.below(bytes.count)
      try Data(bytes.prefix(length)).write(to: url)
      touchedPristineFiles = true
      applied.append("truncated \(name) to \(length)")
    case 4, 5:  // crafted frames with valid checksums, appended or inserted at a record boundary
      guard let name = storeFiles.first(where: { $0.hasPrefix("journal-") }) else { return }
      let url = store.appendingPathComponent(name)
      guard var bytes = try? Data(contentsOf: url) else { return }
      let record = craftedRecord()
      if random.chance(0.5) {
        bytes.append(contentsOf: record)
        applied.append("crafted record appended to \(name)")
      } else {
        let offsets = recordOffsets(bytes)
        guard !offsets.isEmpty else { return }
        bytes.insert(contentsOf: record, at: pick(offsets))
        touchedPristineFiles = true
        applied.append("crafted record inserted into \(name)")
      }
      try bytes.write(to: url)
    case 6:  // deletion
      guard let name = storeFiles.isEmpty ? nil : pick(storeFiles) else { return }
      try manager.removeItem(at: store.appendingPathComponent(name))
      touchedPristineFiles = true
      applied.append("deleted \(name)")
    default:  // flipped bits or a zeroed range
      guard let name = storeFiles.isEmpty ? nil : pick(storeFiles) else { return }
      let url = store.appendingPathComponent(name)
      guard var bytes = try? Data(contentsOf: url), !bytes.isEmpty else { return }
      let start = random.below(bytes.count)
      let end = min(bytes.count, start + 1 + random.below(40))
      for index in start..<end { bytes[index] = random.chance(0.5) ? 0 : bytes[index] ^ 0x5A }
      try bytes.write(to: url)
      touchedPristineFiles = true
      applied.append("scribbled over \(name) bytes \(start)..<\(end)")
    }
  }
}

/// Whether every ticket of `pristine` is in `found` with at least its pristine events, in order.
private func keepsEverything(_ found: [Ticket], of pristine: [Ticket]) -> Bool {
  let byID = Dictionary(found.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
  return pristine.allSatisfy { ticket in
    byID[ticket.id].map { Array($0.events.prefix(ticket.events.count)) == ticket.events } ?? false
  }
}

@Suite("FileTicketStore directory fuzzing")
struct FileTicketStoreDirectoryFuzzTests {
  @Test(
    "150 seeded hostile store directories — special files, links, truncations, crafted records with valid checksums — never crash, hang or lose data silently, and repair always leaves a clean store",
    .timeLimit(.minutes(5)))
  func directoryFuzz() async throws {
    let template = try TemporaryStoreDirectory()
    defer { template.cleanUp() }
    let store = try FileTicketStore(directory: template.url)
    for index in 0..<6 { _ = try await store.create(opening: StoreFixtures.opening("T-\(index)")) }
    try await store.compact()
    for index in 0..<6 {
      _ = try await store.append(
        [StoreFixtures.reply("T-\(index)", version: 1)], to: TicketID("T-\(index)"), expectedVersion: 1)
    }
    let pristine = try await store.allTickets()
    await store.close()

    var random = SplitMix64(seed: 13_013)
    var outcomes: [String: Int] = [:]
    for round in 0..<150 {
      let folder = try TemporaryStoreDirectory()
      let outside = try TemporaryStoreDirectory()
      defer {
        folder.cleanUp()
        outside.cleanUp()
      }
      try Data("outside".utf8).write(to: outside.file("target"))
      for name in try FileManager.default.contentsOfDirectory(atPath: template.url.path) {
        try FileManager.default.copyItem(at: template.file(name), to: folder.file(name))
      }
      var attack = DirectoryAttack(random: SplitMix64(seed: random.next()), store: folder.url, outside: outside.url)
      for _ in 0...random.below(3) { try attack.attack() }
      let label = "round \(round): \(attack.applied)"
      let outsideBefore = try outside.entries()

      let report = try FileTicketStore.verify(at: folder.url, lockTimeout: .seconds(30))
      do {
        let reader = try FileTicketStore(directory: folder.url, access: .readOnly, lockTimeout: .seconds(30))
        #expect(report.damage == nil, "\(label): verify reports damage that open does not see")
        #expect(keepsEverything(try await reader.allTickets(), of: pristine), "\(label): silent loss: \(report)")
        outcomes["opened", default: 0] += 1
      } catch let error as StoreError {
        #expect(error.code == .corruptJournal, "\(label): \(error)")
        #expect(report.damage != nil, "\(label): open fails but verify reports no damage")
        outcomes["damage", default: 0] += 1
      }
      let repair = try FileTicketStore.repair(at: folder.url, lockTimeout: .seconds(30))
      #expect(repair.result.isClean, "\(label): \(repair)")
      let repaired = try FileTicketStore(directory: folder.url, lockTimeout: .seconds(30))
      let kept = try await repaired.allTickets()
      if round % 10 == 0 { _ = try await repaired.create(opening: StoreFixtures.opening("T-after-repair")) }
      await repaired.close()
      if !attack.touchedPristineFiles {
        #expect(keepsEverything(kept, of: pristine), "\(label): repair lost intact data: \(repair)")
      }
      #expect(try outside.entries() == outsideBefore, "\(label): a file outside the store changed")
    }
    #expect(outcomes["opened", default: 0] > 3 && outcomes["damage", default: 0] > 100, "\(outcomes)")
  }
}
