import Foundation

/// What ``FileDeskStateStore/repair()`` kept and dropped.
public struct DeskStateRepairReport: Hashable, Sendable {
  /// A line (or a whole file) that could not be read and was left out.
  public struct DroppedEntry: Hashable, Sendable {
    /// The file.
    public var file: String
    /// The 1-based line; 0 when the whole file was unusable.
    public var line: Int
    /// What was wrong with it.
    public var reason: String
  }

  /// How many intact records the repaired store holds.
  public var keptRecords: Int
  /// Everything left out, in file order.
  public var dropped: [DroppedEntry]
  /// Where the damaged originals were moved, so nothing is lost (`<name>.damaged`, `<name>.damaged-2`…).
  public var preservedOriginals: [String]

  /// Whether the folder was intact and nothing was changed.
  public var wasIntact: Bool { dropped.isEmpty && preservedOriginals.isEmpty }
}

extension FileDeskStateStore {
  /// Makes a damaged folder usable again: keeps every intact record, leaves out what cannot be read and says
  /// so. The damaged files (or directories in their place) are moved aside, not deleted; the intact records
  /// become a new snapshot.
  ///
  /// A desk on the repaired store may send again a message whose sent mark was dropped (at-least-once: receivers
  /// drop repeated idempotency keys), and forgets any dropped window or feedback: read the report.
  /// An intact folder is left untouched.
  /// - Returns: What was kept and dropped.
  /// - Throws: ``HostingSupportError`` `ioFailure` when the folder cannot be read or written.
  public func repair() throws -> DeskStateRepairReport {
    var report = DeskStateRepairReport(keptRecords: 0, dropped: [], preservedOriginals: [])
    var records: [DeskStateRecord] = []
    var damagedFiles: [URL] = []
    let snapshotURL = directory.appendingPathComponent("snapshot.jsonl")
    var generation: Int?
    if let file = try readLeniently(snapshotURL, isSnapshot: true, into: &report, damaged: &damagedFiles) {
      generation = file.header?.generation
      records += file.records
    }
    let logs = try logURLs()
    // With an unreadable header, the newest log is the one that continues the snapshot.
    let current = generation ?? logs.last?.0 ?? 0
    for (logGeneration, url) in logs where logGeneration >= current {
      if let file = try readLeniently(url, isSnapshot: false, into: &report, damaged: &damagedFiles) {
        records += file.records
        if file.hasTornTail {
          report.dropped.append(
            .init(
              file: url.path, line: file.damage.count + file.records.count + 1,
              reason: "unterminated final line: an append a crash interrupted"))
          damagedFiles.append(url)
        }
      }
    }
    report.keptRecords = records.count
    guard !report.dropped.isEmpty else { return report }
    for url in Set(damagedFiles).sorted(by: { $0.path < $1.path }) {
      report.preservedOriginals.append(try preserve(url))
    }
    try replaceAfterRepair(with: records, generation: max(current, logs.last?.0 ?? 0))
    for (_, url) in logs where FileManager.default.fileExists(atPath: url.path) {
      try? FileManager.default.removeItem(at: url)
    }
    return report
  }

  private func readLeniently(
    _ url: URL, isSnapshot: Bool, into report: inout DeskStateRepairReport, damaged: inout [URL]
  ) throws -> DeskStateFile? {
    let data: Data
    do {
      guard let read = try DeskStateFile.read(url) else { return nil }
      data = read
    } catch let error as HostingSupportError where error.code == .corruptState {
      report.dropped.append(.init(file: url.path, line: 0, reason: error.message))
      damaged.append(url)
      return nil
    }
    let file = DeskStateFile(parsing: data, isSnapshot: isSnapshot)
    for damage in file.damage {
      report.dropped.append(.init(file: url.path, line: damage.line, reason: damage.reason))
    }
    if !file.damage.isEmpty { damaged.append(url) }
    return file
  }

  private func logURLs() throws -> [(Int, URL)] {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
    return names.compactMap { name -> (Int, URL)? in
      guard name.hasPrefix("log-"), name.hasSuffix(".jsonl"), let generation = Int(name.dropFirst(4).dropLast(6))
      else { return nil }
      return (generation, directory.appendingPathComponent(name))
    }.sorted { $0.0 < $1.0 }
  }

  /// Moves a damaged file (or whatever is in its place) aside, under a name no other file has.
  private func preserve(_ url: URL) throws -> String {
    var attempt = 1
    var target = URL(fileURLWithPath: url.path + ".damaged")
    while FileManager.default.fileExists(atPath: target.path) {
      attempt += 1
      target = URL(fileURLWithPath: url.path + ".damaged-\(attempt)")
    }
    do {
      try FileManager.default.moveItem(at: url, to: target)
    } catch {
      throw HostingSupportError.ioFailure("move aside", path: url.path, errno: EIO)
    }
    return target.path
  }
}
