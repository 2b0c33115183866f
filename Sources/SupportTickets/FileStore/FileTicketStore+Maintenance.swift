import Foundation

/// What ``FileTicketStore/verify(at:lockTimeout:)`` found.
public struct FileStoreVerification: Hashable, Sendable, Codable, CustomStringConvertible {
  /// A problem in one file.
  public struct Problem: Hashable, Sendable, Codable {
    /// The file's path.
    public var file: String
    /// The byte offset of the first bad record (0 for a file that is missing or not a regular file).
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
  /// Whether the store has a manifest (a store written by an older version gets one on its next
  /// write-open).
  public var hasManifest: Bool
  /// A torn last record: harmless (never acknowledged), cut away by the next write-open or repair.
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
    return "clean: \(summary)" + (hasManifest ? "" : " (no manifest yet: the next write-open records one)")
  }

  init(_ outcome: RecoveryOutcome, path: String) {
    func problem(_ file: String, _ offset: Int, _ reason: String) -> Problem {
      Problem(file: path + "/" + file, offset: Int64(offset), reason: reason)
    }
    ticketCount = outcome.table.count
    eventCount = outcome.table.eventCount
    journalRecords = outcome.recordsSinceSnapshot
    snapshot = outcome.snapshot?.name
    segments = outcome.segments.map(\.name)
    hasManifest = outcome.manifest != nil
    tornTail = outcome.tornTail.map { problem($0.file, $0.validLength, $0.reason) }
    damage = outcome.damage.map { problem($0.file, $0.offset, $0.reason) }
  }
}

extension FileTicketStore {
  /// Checks every record of a store without changing, creating or removing anything.
  ///
  /// Takes the directory's shared lock, so it runs beside other readers and waits for a writer; it works
  /// on a read-only file system.
  /// - Parameters:
  ///   - directory: The store's folder.
  ///   - lockTimeout: How long to wait while a writer holds the directory (5 seconds by default).
  /// - Returns: What was found; ``FileStoreVerification/isClean`` only when nothing is torn or damaged.
  /// - Throws: ``StoreError`` `locked` while a writer still holds the directory after `lockTimeout`,
  ///   `ioFailure` (for a folder that does not exist, among others).
  /// - Complexity: O(n) in the size of the snapshot and the live journal.
  public static func verify(at directory: URL, lockTimeout: Duration = .seconds(5)) throws -> FileStoreVerification {
    try verify(at: directory, lockTimeout: lockTimeout, fileSystem: POSIXStoreFileSystem())
  }

  static func verify(at directory: URL, lockTimeout: Duration, fileSystem: any StoreFileSystem) throws(StoreError)
    -> FileStoreVerification
  {
    let path = directory.standardizedFileURL.path
    let lock = try lockDirectory(path: path, exclusive: false, timeout: lockTimeout, fileSystem: fileSystem)
    defer { lock.release() }
    return FileStoreVerification(try scanFiles(path: path, fileSystem: fileSystem), path: path)
  }
}
