import Foundation

/// What ``FileTicketStore/verify(at:)`` found.
public struct FileStoreVerification: Hashable, Sendable, CustomStringConvertible {
  /// A problem in one file.
  public struct Problem: Hashable, Sendable {
    /// The file's path.
    public var file: String
    /// The byte offset of the first bad record.
    public var offset: Int64
    /// What is wrong.
    public var reason: String
  }

  /// The tickets readable before any damage.
  public var ticketCount: Int
  /// Their events.
  public var eventCount: Int
  /// The journal records replayed on top of the snapshot.
  public var journalRecords: Int
  /// The snapshot's file name, if there is one.
  public var snapshot: String?
  /// The journal segments replayed, oldest first.
  public var segments: [String]
  /// A torn last record: harmless (never acknowledged), cut away by the next open or repair.
  public var tornTail: Problem?
  /// Damage: opening the store fails with ``StoreError`` `corruptJournal` until it is repaired.
  public var damage: Problem?

  /// Whether every record is intact and there is no torn tail.
  public var isClean: Bool { tornTail == nil && damage == nil }

  /// One line: `clean: …` or what is wrong.
  public var description: String {
    let summary = "\(ticketCount) tickets, \(eventCount) events, \(journalRecords) journal records"
    if let damage { return "damaged: \(damage.file) at byte \(damage.offset): \(damage.reason) (\(summary) before it)" }
    if let tornTail {
      return "torn tail: \(tornTail.file) at byte \(tornTail.offset): \(tornTail.reason) (\(summary))"
    }
    return "clean: \(summary)"
  }
}

/// What ``FileTicketStore/repair(at:)`` did.
public struct FileStoreRepair: Hashable, Sendable, CustomStringConvertible {
  /// Files written into the `damaged` folder: moved-aside segments, snapshots and cut-off tails.
  public var movedAside: [String]
  /// The state of the store after the repair.
  public var result: FileStoreVerification

  /// One line per action, then the result.
  public var description: String {
    let actions = movedAside.isEmpty ? ["nothing to repair"] : movedAside.map { "moved aside: \($0)" }
    return (actions + [result.description]).joined(separator: "\n")
  }
}

extension FileTicketStore {
  /// Checks every record of a closed store without changing anything.
  /// - Parameter directory: The store's folder.
  /// - Returns: What was found; ``FileStoreVerification/isClean`` only when nothing is torn or damaged.
  /// - Throws: ``StoreError`` `locked` while a store has the directory open, `ioFailure`.
  /// - Complexity: O(n) in the size of the snapshot and the live journal.
  public static func verify(at directory: URL) throws -> FileStoreVerification {
    let path = directory.standardizedFileURL.path
    guard StoreDirectory.exists(path) else { throw StoreError.ioFailure("open", path: path, errno: 2) }
    let lock = try acquireLock(path: path)
    defer { lock.close() }
    return verification(of: try scanFiles(path: path), path: path)
  }

  /// Makes a damaged store openable again, keeping every intact record and deleting nothing.
  ///
  /// Each damaged part goes to the store's `damaged` folder: the bytes of a journal segment from the first
  /// bad record on (the segment is cut there) together with every later segment; a damaged snapshot (it is
  /// replaced by one holding the tickets read before the damage); a torn tail. Journal records that no
  /// longer fold (they belong to a ticket that was in the damaged part) are cut away the same way.
  /// - Parameter directory: The store's folder.
  /// - Returns: What was moved and the verification of the result.
  /// - Throws: ``StoreError`` `locked` while a store has the directory open, `ioFailure`.
  public static func repair(at directory: URL) throws -> FileStoreRepair {
    let path = directory.standardizedFileURL.path
    guard StoreDirectory.exists(path) else { throw StoreError.ioFailure("open", path: path, errno: 2) }
    let lock = try acquireLock(path: path)
    defer { lock.close() }
    var moved: [String] = []
    var outcome = try scanFiles(path: path)
    var rounds = 0
    while rounds < 10_000, outcome.damage != nil || outcome.tornTail != nil {
      rounds += 1
      if let damage = outcome.damage {
        if damage.inSnapshot {
          moved.append(try moveAside(damage.file, path: path))
          try writeSnapshot(of: outcome.table, covering: outcome.snapshot?.sequence ?? 0, path: path)
        } else {
          moved += try cutJournal(at: damage.file, offset: damage.offset, path: path)
        }
      } else if let torn = outcome.tornTail {
        moved += try cutJournal(at: torn.file, offset: torn.validLength, path: path)
      }
      try StoreDirectory.sync(path)
      outcome = try scanFiles(path: path)
    }
    return FileStoreRepair(movedAside: moved, result: verification(of: outcome, path: path))
  }

  private static func verification(of outcome: RecoveryOutcome, path: String) -> FileStoreVerification {
    func problem(_ file: String, _ offset: Int, _ reason: String) -> FileStoreVerification.Problem {
      FileStoreVerification.Problem(file: path + "/" + file, offset: Int64(offset), reason: reason)
    }
    return FileStoreVerification(
      ticketCount: outcome.table.count,
      eventCount: outcome.table.eventCount,
      journalRecords: outcome.recordsSinceSnapshot,
      snapshot: outcome.snapshot?.name,
      segments: outcome.segments.map(\.name),
      tornTail: outcome.tornTail.map { problem($0.file, $0.validLength, $0.reason) },
      damage: outcome.damage.map { problem($0.file, $0.offset, $0.reason) }
    )
  }

  /// Cuts segment `name` at `offset` (its tail is copied aside first) and moves every later segment aside.
  private static func cutJournal(at name: String, offset: Int, path: String) throws -> [String] {
    var moved: [String] = []
    guard let first = StoreLayout.journalSequence(name) else { return [try moveAside(name, path: path)] }
    if offset <= RecordFraming.journalMagic.count {
      moved.append(try moveAside(name, path: path))
    } else {
      let file = try StoreFile.open(path + "/" + name)
      defer { file.close() }
      let bytes = try file.readAll()
      if offset < bytes.count {
        moved.append(try writeAside(Array(bytes[offset...]), name: "\(name).from-\(offset)", path: path))
      }
      try file.truncate(to: offset)
      try file.sync()
    }
    for later in try StoreDirectory.names(in: path) {
      if let sequence = StoreLayout.journalSequence(later), sequence > first {
        moved.append(try moveAside(later, path: path))
      }
    }
    return moved
  }

  private static func damagedFolder(_ path: String) throws -> String {
    let folder = path + "/" + StoreLayout.damagedFolder
    try StoreDirectory.create(folder)
    return folder
  }

  private static func freeName(_ name: String, in folder: String) -> String {
    var candidate = name
    var counter = 1
    while StoreDirectory.exists(folder + "/" + candidate) {
      candidate = "\(name).\(counter)"
      counter += 1
    }
    return candidate
  }

  private static func moveAside(_ name: String, path: String) throws -> String {
    let folder = try damagedFolder(path)
    let target = folder + "/" + freeName(name, in: folder)
    try StoreDirectory.rename(path + "/" + name, to: target)
    try StoreDirectory.sync(folder)
    return target
  }

  private static func writeAside(_ bytes: [UInt8], name: String, path: String) throws -> String {
    let folder = try damagedFolder(path)
    let free = freeName(name, in: folder)
    try StoreDirectory.writeAtomically(bytes, directory: folder, name: free)
    return folder + "/" + free
  }

  private static func writeSnapshot(of table: TicketTable, covering sequence: UInt64, path: String) throws {
    let bytes = StorePayloads.snapshotFile(of: table, coveringThrough: sequence)
    try StoreDirectory.writeAtomically(bytes, directory: path, name: StoreLayout.snapshotName(sequence: sequence))
  }
}
