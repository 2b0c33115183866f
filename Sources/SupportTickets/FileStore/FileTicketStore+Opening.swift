import Foundation

extension FileTicketStore {
  struct OpenedState {
    var table: TicketTable
    var lock: StoreFile
    var segment: StoreFile
    var segmentLength: Int
    var lastSequence: UInt64
    var journalBytes: Int
  }

  /// Takes the lock and opens the store's journal without writing anything.
  static func acquireLock(path: String) throws(StoreError) -> StoreFile {
    try StoreDirectory.create(path)
    let lock = try StoreFile.open(path + "/" + StoreLayout.lockName, create: true)
    do throws(StoreError) {
      guard try lock.tryLock() else { throw StoreError.locked(path) }
    } catch {
      lock.close()
      throw error
    }
    return lock
  }

  /// Reads the directory's files into a ``RecoveryOutcome``.
  static func scanFiles(path: String) throws(StoreError) -> RecoveryOutcome {
    let names = try StoreDirectory.names(in: path)
    do {
      return try StoreRecovery.scan(names: names) { name in
        let file = try StoreFile.openForReading(path + "/" + name)
        defer { file.close() }
        return try file.readAll()
      }
    } catch let error as StoreError {
      throw error
    } catch {
      throw StoreError(code: .ioFailure, message: "reading \(path) failed: \(error)", context: ["path": path])
    }
  }

  /// The error for damage found by recovery.
  static func corruption(_ damage: StoreDamage, path: String) -> StoreError {
    StoreError.corruptJournal(file: path + "/" + damage.file, offset: Int64(damage.offset), reason: damage.reason)
  }

  static func open(path: String) throws(StoreError) -> OpenedState {
    let lock = try acquireLock(path: path)
    do throws(StoreError) {
      let outcome = try scanFiles(path: path)
      if let damage = outcome.damage { throw corruption(damage, path: path) }
      let (segment, length) = try prepareSegment(outcome, path: path)
      for name in outcome.obsoleteFiles { try StoreDirectory.remove(path + "/" + name) }
      return OpenedState(
        table: outcome.table, lock: lock, segment: segment, segmentLength: length,
        lastSequence: outcome.lastSequence, journalBytes: outcome.journalBytesSinceSnapshot)
    } catch {
      lock.close()
      throw error
    }
  }

  /// Opens the newest segment for appending, cutting away a torn tail, or starts a new one.
  private static func prepareSegment(_ outcome: RecoveryOutcome, path: String) throws(StoreError) -> (
    StoreFile, Int
  ) {
    guard let last = outcome.segments.last else {
      let file = try startSegment(firstSequence: outcome.lastSequence + 1, path: path)
      return (file, RecordFraming.journalMagic.count)
    }
    let file = try StoreFile.open(path + "/" + last.name)
    do {
      if let torn = outcome.tornTail {
        if torn.validLength < RecordFraming.journalMagic.count {
          try file.truncate(to: 0)
          try file.write(RecordFraming.journalMagic, at: 0)
        } else {
          try file.truncate(to: torn.validLength)
        }
        try file.sync()
      }
      return (file, max(last.validLength, RecordFraming.journalMagic.count))
    } catch {
      file.close()
      throw error
    }
  }

  /// Creates an empty, synced journal segment.
  static func startSegment(firstSequence: UInt64, path: String) throws(StoreError) -> StoreFile {
    let name = StoreLayout.journalName(firstSequence: firstSequence)
    let file = try StoreFile.open(path + "/" + name, create: true, truncate: true)
    do {
      try file.write(RecordFraming.journalMagic, at: 0)
      try file.sync()
      try StoreDirectory.sync(path)
    } catch {
      file.close()
      throw error
    }
    return file
  }
}
