import Foundation

/// What ``FileTicketStore/repair(at:lockTimeout:)`` did.
public struct FileStoreRepair: Hashable, Sendable, Codable, CustomStringConvertible {
  /// Something the repair could not keep.
  public struct Loss: Hashable, Sendable, Codable {
    /// The file it was in (its path inside the store directory when the repair ran).
    public var file: String
    /// The byte offset of the damaged range (0 for a file that was missing or not a regular file).
    public var offset: Int64
    /// The number of damaged bytes (0 for a file that was missing or not a regular file).
    public var length: Int64
    /// What was wrong.
    public var reason: String
    /// The ticket concerned, when the damaged bytes still name it.
    public var ticket: String?
    /// The events concerned, when the damaged bytes still name them.
    public var events: [String]
  }

  /// Paths in the `damaged` folder: copies of damaged files, entries that were not regular files, and the
  /// `REPORT.txt` that lists the losses.
  public var movedAside: [String]
  /// What could not be kept, file by file.
  public var lost: [Loss]
  /// The state of the store after the repair.
  public var result: FileStoreVerification

  /// One line per action and loss, then the result.
  public var description: String {
    var lines = movedAside.isEmpty ? ["nothing to repair"] : movedAside.map { "moved aside: \($0)" }
    lines += lost.map { "lost: " + $0.summary }
    return (lines + [result.description]).joined(separator: "\n")
  }
}

extension FileStoreRepair.Loss {
  /// One line: where, what, and the ids concerned.
  var summary: String {
    var text = file + (length > 0 ? " bytes \(offset)…\(offset + length - 1)" : "") + ": " + reason
    if let ticket { text += "; ticket \(ticket)" }
    if !events.isEmpty { text += "; events " + events.joined(separator: ", ") }
    return text
  }
}

extension FileTicketStore {
  /// Makes a damaged store openable again, keeping every intact record.
  ///
  /// Every snapshot and journal segment is read record by record; after damage, reading resumes at the
  /// next intact record, so one bad byte loses one record, not everything after it. The intact tickets
  /// and events are written as one new snapshot that covers the highest sequence any file mentions
  /// (never less than the journal it replaces), with a new empty segment and manifest. Before anything is
  /// replaced, each damaged file is copied, and each entry that is not a regular file is moved, into a new
  /// folder `damaged/repair-<random>/`, with a `REPORT.txt` listing what was lost (ticket and event ids
  /// where the damaged bytes still show them). A clean store is left untouched. If a repair is
  /// interrupted, run it again: it reads whatever the interrupted one left.
  /// - Parameters:
  ///   - directory: The store's folder.
  ///   - lockTimeout: How long to wait while another process holds the directory (5 seconds by default).
  /// - Returns: What was moved aside, what was lost, and the verification of the result.
  /// - Throws: ``StoreError`` `locked` while another process holds the directory after `lockTimeout`,
  ///   `ioFailure` (a `damaged` entry that is not a directory is refused rather than written through).
  public static func repair(at directory: URL, lockTimeout: Duration = .seconds(5)) throws -> FileStoreRepair {
    try repair(at: directory, lockTimeout: lockTimeout, fileSystem: POSIXStoreFileSystem())
  }

  static func repair(at directory: URL, lockTimeout: Duration, fileSystem: any StoreFileSystem) throws(StoreError)
    -> FileStoreRepair
  {
    let path = directory.standardizedFileURL.path
    guard fileSystem.kind(of: path) != nil else { throw StoreError.noStore(path) }
    let lock = try fileSystem.lock(path, exclusive: true, timeout: lockTimeout)
    defer { lock.release() }
    let outcome = try scanFiles(path: path, fileSystem: fileSystem)
    guard outcome.damage != nil || outcome.tornTail != nil else {
      return FileStoreRepair(movedAside: [], lost: [], result: FileStoreVerification(outcome, path: path))
    }
    let salvage = try StoreSalvage.collect(listing: try fileSystem.entries(in: path)) {
      (name) throws(StoreError) -> [UInt8] in try fileSystem.readFile(path + "/" + name)
    }
    let writer = RepairWriter(path: path, fileSystem: fileSystem)
    let moved = try writer.setAside(salvage)
    try writer.replaceFiles(with: salvage)
    let lost = salvage.losses.map { loss in
      FileStoreRepair.Loss(
        file: loss.file, offset: Int64(loss.bytes.lowerBound), length: Int64(loss.bytes.count), reason: loss.reason,
        ticket: loss.ticket?.rawValue, events: loss.events.map(\.rawValue))
    }
    let report = try writer.writeReport(lost, kept: salvage)
    let result = FileStoreVerification(try scanFiles(path: path, fileSystem: fileSystem), path: path)
    return FileStoreRepair(movedAside: moved + [report], lost: lost, result: result)
  }
}

/// The file operations of a repair, in their crash-safe order.
private struct RepairWriter {
  let path: String
  let fileSystem: any StoreFileSystem
  /// `damaged/repair-<16 random hex digits>`: a name nobody can prepare a link for in advance.
  let folder: String

  init(path: String, fileSystem: any StoreFileSystem) {
    self.path = path
    self.fileSystem = fileSystem
    var random = SystemRandomNumberGenerator()
    let suffix = String(random.next() as UInt64, radix: 16)
    folder =
      path + "/" + StoreLayout.damagedFolder + "/repair-" + String(repeating: "0", count: 16 - suffix.count)
      + suffix
  }

  /// Copies each damaged file and moves each irregular entry into a new folder under `damaged/`.
  func setAside(_ salvage: StoreSalvage) throws(StoreError) -> [String] {
    let damaged = path + "/" + StoreLayout.damagedFolder
    switch fileSystem.kind(of: damaged) {
    case nil: try fileSystem.createDirectory(damaged)
    case .directory?: break
    case let kind?:
      throw StoreError(
        code: .ioFailure, message: "\(damaged) is \(kind.rawValue), not a folder: move it away, then repair again",
        context: [ErrorContextKey.path: damaged])
    }
    try fileSystem.createDirectory(folder)
    var moved: [String] = []
    for name in salvage.damagedFiles.sorted() {
      try fileSystem.writeNew(try fileSystem.readFile(path + "/" + name), to: folder + "/" + name)
      moved.append(folder + "/" + name)
    }
    for name in salvage.irregularFiles {
      try fileSystem.rename(path + "/" + name, to: folder + "/" + name)
      moved.append(folder + "/" + name)
    }
    try fileSystem.syncDirectory(folder)
    try fileSystem.syncDirectory(damaged)
    try fileSystem.syncDirectory(path)
    return moved
  }

  /// Writes the salvaged tickets as a snapshot, a new segment and a manifest, then removes the old files.
  func replaceFiles(with salvage: StoreSalvage) throws(StoreError) {
    let covered = salvage.highestSequence
    let (bytes, entry) = StorePayloads.snapshotFile(of: salvage.table, coveringThrough: covered)
    let snapshotName = StoreLayout.snapshotName(sequence: covered)
    try fileSystem.writeAtomically(bytes, directory: path, name: snapshotName)
    let segment = try FileTicketStore.startSegment(firstSequence: covered + 1, path: path, fileSystem: fileSystem)
    segment.close()
    let manifest = StoreManifest(
      lastSequence: covered, snapshot: entry,
      segments: [StoreManifest.Entry(sequence: covered + 1, length: RecordFraming.magicLength, chain: 0)])
    try fileSystem.writeAtomically(manifest.fileBytes(), directory: path, name: StoreLayout.manifestName)
    let kept: Set<String> = [
      snapshotName, StoreLayout.journalName(firstSequence: covered + 1), StoreLayout.manifestName,
    ]
    for name in salvage.replacedFiles where !kept.contains(name) { try fileSystem.remove(path + "/" + name) }
    try fileSystem.syncDirectory(path)
  }

  /// Writes `REPORT.txt` into the repair folder.
  func writeReport(_ lost: [FileStoreRepair.Loss], kept salvage: StoreSalvage) throws(StoreError) -> String {
    var lines = ["Repair of \(path)"]
    lines += lost.isEmpty ? ["lost: nothing"] : lost.map { "lost: " + $0.summary }
    lines.append(
      "kept: \(salvage.table.count) tickets, \(salvage.table.eventCount) events in "
        + StoreLayout.snapshotName(sequence: salvage.highestSequence))
    let report = folder + "/REPORT.txt"
    try fileSystem.writeNew(Array((lines.joined(separator: "\n") + "\n").utf8), to: report)
    try fileSystem.syncDirectory(folder)
    return report
  }
}
