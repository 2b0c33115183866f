import Foundation

/// Keeps the desk's state log in a folder of its own (typically next to a `FileTicketStore`).
///
/// ## Layout
/// - `snapshot.jsonl`: the records of the last compaction, after a header line naming the snapshot's
///   generation *g*. Written to a temporary file, fsynced and renamed into place, so it is whole or absent.
/// - `log-<g>.jsonl`: the records appended since that compaction, one per line, each append written with one
///   `write` and fsynced before ``append(_:)`` returns. Before the first compaction there is no snapshot and
///   the log is `log-0.jsonl`.
///
/// Each line is `<CRC-32C of the JSON, 8 hex digits> <JSON>`, the JSON being
/// `{"at":"<RFC 3339 instant>","kind":"<kind>","payload":"<the record's JSON text>"}`.
///
/// ## Damage
/// A missing folder, or one without these files, is a fresh store. Everything else that cannot be read is
/// refused with ``HostingSupportError`` `corruptState` naming the file and line: a directory or a symbolic link
/// where a file should be, zero-filled or garbage bytes, a line whose checksum does not match, a log whose
/// snapshot is missing. The one exception is an unterminated final line of the log that looks like the start
/// of a line: an append a crash interrupted, which was never acknowledged. It is ignored when reading and cut
/// off before the next append; nothing else is ever modified without ``repair()``.
///
/// One store instance (one desk) writes to a folder at a time.
public actor FileDeskStateStore: DeskStateStore {
  /// The folder.
  public nonisolated let directory: URL
  /// The generation whose log receives appends, once the folder was checked for writing.
  private var writableGeneration: Int?

  /// A store in `directory` (created when first written).
  /// - Parameter directory: The folder.
  public init(directory: URL) {
    self.directory = directory
  }

  private var snapshotURL: URL { directory.appendingPathComponent("snapshot.jsonl") }
  private func logURL(_ generation: Int) -> URL { directory.appendingPathComponent("log-\(generation).jsonl") }

  /// Every record: the snapshot's, then the log's.
  /// - Throws: ``HostingSupportError`` `corruptState` naming the file and line of the first damage, or
  ///   `ioFailure`.
  /// - Complexity: O(n) in the size of the folder's files.
  public func loadRecords() throws -> [DeskStateRecord] {
    try readContents().records
  }

  /// Appends the records as lines of the current log, with one write, and fsyncs.
  /// - Parameter records: The records.
  /// - Throws: ``HostingSupportError`` `corruptState` if the folder is damaged, `ioFailure` if it cannot be
  ///   written.
  public func append(_ records: [DeskStateRecord]) throws {
    guard !records.isEmpty else { return }
    var data = Data()
    for record in records { data.append(try DeskStateLine.encode(record)) }
    let generation = try prepareForWriting()
    let url = logURL(generation)
    let isNew = !FileManager.default.fileExists(atPath: url.path)
    do {
      try DurableFile.append(data, to: url)
      if isNew { DurableFile.syncFolder(of: url) }
    } catch {
      writableGeneration = nil  // a partial write leaves a torn line: check and cut it before the next append
      throw error
    }
  }

  /// Writes `records` as a new snapshot (atomically replacing the old one) and starts an empty log.
  /// - Parameter records: What remains.
  /// - Throws: ``HostingSupportError`` `corruptState` if the folder is damaged, `ioFailure` if it cannot be
  ///   written (the old records then remain).
  public func replaceRecords(with records: [DeskStateRecord]) throws {
    let current = try prepareForWriting()
    let next = current + 1
    var data = try DeskStateLine.encode(DeskStateLine.Header(generation: next))
    for record in records { data.append(try DeskStateLine.encode(record)) }
    try DurableFile.replace(snapshotURL, with: data)
    writableGeneration = next
    try? FileManager.default.removeItem(at: logURL(current))
  }

  /// Writes the records a repair kept as the snapshot after `generation`.
  func replaceAfterRepair(with records: [DeskStateRecord], generation: Int) throws {
    var data = try DeskStateLine.encode(DeskStateLine.Header(generation: generation + 1))
    for record in records { data.append(try DeskStateLine.encode(record)) }
    try DurableFile.replace(snapshotURL, with: data)
    writableGeneration = generation + 1
  }

  // MARK: Reading

  private struct Contents {
    var generation = 0
    var records: [DeskStateRecord] = []
    var logCompleteLength = 0
    var logHasTornTail = false
    var staleLogs: [URL] = []
  }

  private func readContents() throws -> Contents {
    var contents = Contents()
    if let data = try DeskStateFile.read(snapshotURL) {
      let file = DeskStateFile(parsing: data, isSnapshot: true)
      if let damage = file.damage.first {
        throw HostingSupportError.corruptState(path: snapshotURL.path, line: damage.line, reason: damage.reason)
      }
      contents.generation = file.header?.generation ?? 0
      contents.records = file.records
    }
    for (generation, url) in try logFiles() {
      if generation < contents.generation {
        contents.staleLogs.append(url)
      } else if generation > contents.generation {
        let snapshot =
          contents.generation == 0 ? "there is no snapshot" : "the snapshot is of generation \(contents.generation)"
        throw HostingSupportError.corruptState(
          path: url.path, line: 0, reason: "this log continues a snapshot of generation \(generation), but \(snapshot)")
      }
    }
    if let data = try DeskStateFile.read(logURL(contents.generation)) {
      let file = DeskStateFile(parsing: data, isSnapshot: false)
      if let damage = file.damage.first {
        throw HostingSupportError.corruptState(
          path: logURL(contents.generation).path, line: damage.line, reason: damage.reason)
      }
      contents.records += file.records
      contents.logCompleteLength = file.completeLength
      contents.logHasTornTail = file.hasTornTail
    }
    return contents
  }

  /// The log files of the folder by generation.
  private func logFiles() throws -> [(Int, URL)] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) else { return [] }
    guard isDirectory.boolValue else {
      throw HostingSupportError.corruptState(path: directory.path, line: 0, reason: "is a file, not a state folder")
    }
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
    } catch {
      throw HostingSupportError.ioFailure("list", path: directory.path, errno: EIO)
    }
    return names.compactMap { name -> (Int, URL)? in
      guard name.hasPrefix("log-"), name.hasSuffix(".jsonl"),
        let generation = Int(name.dropFirst(4).dropLast(6)), generation >= 0
      else { return nil }
      return (generation, directory.appendingPathComponent(name))
    }.sorted { $0.0 < $1.0 }
  }

  /// Checks the folder once before the first write: refuses damage, cuts a torn tail, removes stale logs.
  private func prepareForWriting() throws -> Int {
    if let writableGeneration { return writableGeneration }
    let contents = try readContents()
    if contents.logHasTornTail {
      try DurableFile.truncate(logURL(contents.generation), to: contents.logCompleteLength)
    }
    for url in contents.staleLogs { try? FileManager.default.removeItem(at: url) }
    writableGeneration = contents.generation
    return contents.generation
  }
}
