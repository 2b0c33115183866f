import Foundation
import Testing

@testable import SupportTickets

/// A small store's files, and the state after each prefix of its journal, to judge damaged copies against.
private struct PristineStore {
  var files: [String: [UInt8]] = [:]
  var snapshotName = ""
  var journalName = ""
  /// `states[k]`: the tickets after the snapshot plus the first k journal records.
  var states: [[Ticket]] = []
  /// The end offset of each journal record.
  var recordEnds: [Int] = []
  /// The manifest the store wrote when it closed (it commits every record).
  var manifest = StoreManifest(lastSequence: 0, snapshot: nil, segments: [])

  static func make() async throws -> PristineStore {
    let folder = try TemporaryStoreDirectory()
    defer { folder.cleanUp() }
    let store = try FileTicketStore(directory: folder.url)
    for index in 0..<5 {
      _ = try await store.create(StoreFixtures.everyKind("S-\(index)").prefix(4 + index).map { $0 })
    }
    try await store.compact()
    var pristine = PristineStore()
    pristine.states = [try await store.allTickets()]
    for step in 0..<16 {
      let id = TicketID("S-\(step % 3)")
      if step % 5 == 4 {
        _ = try await store.create(opening: StoreFixtures.opening("J-\(step)", customer: "cust-\(step)"))
      } else {
        let ticket = try #require(try await store.ticket(id))
        let event = StoreFixtures.reply(id.rawValue, version: ticket.version + 100, body: "reply \(step)", at: 5_000)
        _ = try await store.append([event], to: id, expectedVersion: ticket.version)
      }
      pristine.states.append(try await store.allTickets())
    }
    await store.close()
    for name in try folder.storeFileNames() + ["MANIFEST"] {
      pristine.files[name] = Array(try Data(contentsOf: folder.url.appendingPathComponent(name)))
      if name.hasPrefix("snapshot-") { pristine.snapshotName = name }
      if name.hasPrefix("journal-") { pristine.journalName = name }
    }
    let journal = try #require(pristine.files[pristine.journalName])
    pristine.recordEnds = journal.withUnsafeBytes { buffer in
      RecordScanner(buffer, start: 8).compactMap { scanned in
        if case .record(_, let payload) = scanned { return payload.upperBound }
        return nil
      }
    }
    pristine.manifest = try StoreManifest.decode(try #require(pristine.files["MANIFEST"]))
    return pristine
  }

  /// The files with a manifest that commits only the first `records` journal records, as after a crash
  /// (the manifest is brought up to date on close and every few MiB, not on every write).
  func files(committingRecords records: Int) -> [String: [UInt8]] {
    var manifest = self.manifest
    let journal = files[journalName]!
    let end = records == 0 ? 8 : recordEnds[records - 1]
    manifest.segments[0].length = end
    manifest.segments[0].chain = journal.withUnsafeBytes { buffer in
      ([8] + recordEnds).prefix(records).reduce(0) { chain, offset in
        RecordFraming.chain(chain, RecordFraming.storedChecksum(buffer, recordOffset: offset))
      }
    }
    manifest.lastSequence = 5 + UInt64(records)
    var result = files
    result["MANIFEST"] = manifest.fileBytes()
    return result
  }
}

/// One seeded mutation of one file.
private struct Mutation {
  var file: String
  var bytes: [UInt8]
  /// No byte before this offset differs from the original.
  var firstChange: Int

  static func random(of pristine: PristineStore, files: [String: [UInt8]], using random: inout SeededRandom)
    -> Mutation
  {
    let names = [pristine.journalName, pristine.journalName, pristine.snapshotName, "MANIFEST"]
    let file = names[Int.random(in: 0..<names.count, using: &random)]
    let original = files[file]!
    var bytes = original
    var firstChange = 0
    switch Int.random(in: 0..<4, using: &random) {
    case 0:  // flip bits
      var positions: [Int] = []
      for _ in 0..<Int.random(in: 1...4, using: &random) {
        positions.append(Int.random(in: 0..<bytes.count, using: &random))
        bytes[positions.last!] ^= UInt8.random(in: 1...255, using: &random)
      }
      firstChange = positions.min()!
    case 1:  // truncate
      bytes.removeLast(Int.random(in: 1...bytes.count, using: &random))
      firstChange = bytes.count
    case 2:  // splice a range of either file in, overwriting or inserting
      let source = files[names[Int.random(in: 0..<names.count, using: &random)]]!
      let start = Int.random(in: 0..<source.count, using: &random)
      let piece = source[start..<min(source.count, start + Int.random(in: 1...64, using: &random))]
      let at = Int.random(in: 0...bytes.count, using: &random)
      firstChange = at
      if Bool.random(using: &random) {
        bytes.insert(contentsOf: piece, at: at)
      } else {
        bytes.replaceSubrange(at..<min(bytes.count, at + piece.count), with: piece)
      }
    default:  // zero a range, as a lost write leaves it
      let start = Int.random(in: 0..<bytes.count, using: &random)
      let end = min(bytes.count, start + Int.random(in: 1...48, using: &random))
      firstChange = start
      bytes.replaceSubrange(start..<end, with: repeatElement(0, count: end - start))
    }
    return Mutation(file: file, bytes: bytes, firstChange: firstChange)
  }
}

@Suite("FileTicketStore corruption fuzzing")
struct FileTicketStoreFuzzTests {
  /// The fewest journal records recovery may keep: those that end before the first changed byte.
  private func minimumKept(_ mutation: Mutation, _ pristine: PristineStore) -> Int {
    guard mutation.file == pristine.journalName else { return pristine.recordEnds.count }
    return pristine.recordEnds.filter { $0 <= mutation.firstChange }.count
  }

  @Test(
    "10,000 seeded flips, truncations, splices and zeroed ranges: recovery keeps every committed record or reports damage",
    arguments: [16, 8])
  func recoveryFuzz(committedRecords: Int) async throws {
    let pristine = try await PristineStore.make()
    #expect(pristine.recordEnds.count == 16)
    let original = pristine.files(committingRecords: committedRecords)
    var random = SeededRandom(seed: 4_004 + UInt64(committedRecords))
    var recovered = 0
    var damaged = 0
    for round in 0..<10_000 {
      let mutation = Mutation.random(of: pristine, files: original, using: &random)
      var files = original
      files[mutation.file] = mutation.bytes
      let listing = files.mapValues { _ in StoreFileKind.regular }
      let outcome = try StoreRecovery.scan(listing: listing) { (name) throws(StoreError) -> [UInt8] in files[name]! }
      if outcome.damage != nil {
        damaged += 1
        continue
      }
      recovered += 1
      let snapshotSequence = outcome.snapshot?.entry.sequence ?? 0
      let kept = Int(outcome.lastSequence) - Int(snapshotSequence)
      let minimum = max(committedRecords, minimumKept(mutation, pristine))
      #expect(snapshotSequence == 5, "round \(round): wrong snapshot")
      #expect(kept >= minimum && kept <= 16, "round \(round): kept \(kept) records, at least \(minimum) were intact")
      guard kept >= 0, kept <= 16 else { continue }
      #expect(outcome.table.tickets == pristine.states[kept], "round \(round): recovered a wrong state")
    }
    // With every record committed, only a change that changes nothing recovers; with half committed, torn
    // tails after the committed half recover too.
    #expect(damaged > 8_000)
    #expect(recovered > (committedRecords == 16 ? 0 : 300))
  }

  @Test("damaged copies on disk: open throws corruptJournal and changes nothing, or recovers a true prefix")
  func openFuzz() async throws {
    let pristine = try await PristineStore.make()
    let original = pristine.files(committingRecords: 8)
    var random = SeededRandom(seed: 77)
    let folder = try TemporaryStoreDirectory()
    defer { folder.cleanUp() }
    for round in 0..<100 {
      let mutation = Mutation.random(of: pristine, files: original, using: &random)
      let directory = folder.url.appendingPathComponent("round-\(round)")
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      for (name, bytes) in original {
        try Data(name == mutation.file ? mutation.bytes : bytes).write(to: directory.appendingPathComponent(name))
      }
      let before = try TemporaryStoreDirectory.files(in: directory)
      do {
        let store = try FileTicketStore(directory: directory)
        let tickets = try await store.allTickets()
        await store.close()
        let kept = pristine.states.lastIndex(of: tickets)
        #expect(
          kept != nil && kept! >= max(8, minimumKept(mutation, pristine)), "round \(round): wrong state recovered")
      } catch let error as StoreError {
        #expect(error.code == .corruptJournal, "round \(round): \(error)")
        #expect(error.context["file"]?.hasSuffix(mutation.file) == true, "round \(round): \(error)")
        #expect(try TemporaryStoreDirectory.files(in: directory) == before, "round \(round): a file changed")
      }
    }
  }
}
