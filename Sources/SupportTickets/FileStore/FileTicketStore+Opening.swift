import Foundation

extension FileTicketStore {
  struct OpenedState {
    var table: TicketTable
    var lock: (any StoreDirectoryLock)?
    var segment: (any StoreFileHandle)?
    /// What the files hold now; its last segment is the one to append to.
    var manifest: StoreManifest
    var lastSequence: UInt64
    var journalBytes: Int
  }

  /// Reads the directory's files into a ``RecoveryOutcome`` (the caller holds a lock).
  static func scanFiles(path: String, fileSystem: any StoreFileSystem) throws(StoreError) -> RecoveryOutcome {
    let listing = try fileSystem.entries(in: path)
    return try StoreRecovery.scan(listing: listing) { (name) throws(StoreError) -> [UInt8] in
      try fileSystem.readFile(path + "/" + name)
    }
  }

  /// The error for damage found by recovery.
  static func corruption(_ damage: StoreDamage, path: String) -> StoreError {
    StoreError.corruptJournal(file: path + "/" + damage.file, offset: Int64(damage.offset), reason: damage.reason)
  }

  /// Takes the lock a reader or writer needs; a reader never creates the directory.
  static func lockDirectory(
    path: String, exclusive: Bool, timeout: Duration, fileSystem: any StoreFileSystem
  ) throws(StoreError) -> any StoreDirectoryLock {
    if exclusive {
      try fileSystem.createDirectories(path)
    } else if fileSystem.kind(of: path) == nil {
      throw StoreError.noStore(path)
    }
    return try fileSystem.lock(path, exclusive: exclusive, timeout: timeout)
  }

  static func open(
    path: String, access: Access, lockTimeout: Duration, fileSystem: any StoreFileSystem
  ) throws(StoreError) -> OpenedState {
    let exclusive = access == .readWrite
    let lock = try lockDirectory(path: path, exclusive: exclusive, timeout: lockTimeout, fileSystem: fileSystem)
    do throws(StoreError) {
      let outcome = try scanFiles(path: path, fileSystem: fileSystem)
      if let damage = outcome.damage { throw corruption(damage, path: path) }
      var opened = OpenedState(
        table: outcome.table, lock: nil, segment: nil, manifest: outcome.recoveredManifest,
        lastSequence: outcome.lastSequence, journalBytes: outcome.journalBytesSinceSnapshot)
      guard exclusive else {
        lock.release()
        return opened
      }
      (opened.segment, opened.manifest) = try prepareForWriting(outcome, path: path, fileSystem: fileSystem)
      opened.lock = lock
      return opened
    } catch {
      lock.release()
      throw error
    }
  }

  /// The write-opening steps: cut a torn tail, remove leftovers, make sure there is a segment to append
  /// to, and record the manifest (the upgrade of a store written before manifests happens here).
  private static func prepareForWriting(
    _ outcome: RecoveryOutcome, path: String, fileSystem: any StoreFileSystem
  ) throws(StoreError) -> (any StoreFileHandle, StoreManifest) {
    var manifest = outcome.recoveredManifest
    var segment: (any StoreFileHandle)?
    do throws(StoreError) {
      if let torn = outcome.tornTail, let last = manifest.segments.indices.last {
        let file = try fileSystem.openExisting(path + "/" + torn.file, writable: true)
        segment = file
        if torn.validLength < RecordFraming.magicLength {
          try file.truncate(to: 0)
          try file.write(RecordFraming.journalMagic, at: 0)
          manifest.segments[last].length = RecordFraming.magicLength
        } else {
          try file.truncate(to: torn.validLength)
        }
        try file.sync()
      }
      for name in outcome.obsoleteFiles { try fileSystem.remove(path + "/" + name) }
      if let last = manifest.segments.last {
        if segment == nil {
          segment = try fileSystem.openExisting(
            path + "/" + StoreLayout.journalName(firstSequence: last.sequence), writable: true)
        }
      } else {
        let first = outcome.lastSequence + 1
        segment = try startSegment(firstSequence: first, path: path, fileSystem: fileSystem)
        manifest.segments = [StoreManifest.Entry(sequence: first, length: RecordFraming.magicLength, chain: 0)]
      }
      if manifest != outcome.manifest {
        try fileSystem.writeAtomically(manifest.fileBytes(), directory: path, name: StoreLayout.manifestName)
      } else if !outcome.obsoleteFiles.isEmpty {
        try fileSystem.syncDirectory(path)
      }
    } catch {
      segment?.close()
      throw error
    }
    return (segment!, manifest)
  }

  /// Creates an empty, synced journal segment (a leftover of the same name can hold no acknowledged record:
  /// its first sequence is past the last one).
  static func startSegment(
    firstSequence: UInt64, path: String, fileSystem: any StoreFileSystem
  ) throws(StoreError) -> any StoreFileHandle {
    let name = path + "/" + StoreLayout.journalName(firstSequence: firstSequence)
    try fileSystem.remove(name)
    let file = try fileSystem.createNew(name)
    do throws(StoreError) {
      try file.write(RecordFraming.journalMagic, at: 0)
      try file.sync()
      try fileSystem.syncDirectory(path)
    } catch {
      file.close()
      throw error
    }
    return file
  }
}

extension FileTicketStore {
  /// The manifest that describes the files now: the live segments with the active one at its current
  /// length (call only when everything written is synced).
  func currentManifest() -> StoreManifest {
    var current = manifest
    current.lastSequence = lastSequence
    if let last = current.segments.indices.last {
      current.segments[last].length = segmentLength
      current.segments[last].chain = segmentChain
    }
    return current
  }

  /// Writes the manifest atomically and remembers it.
  func writeManifest(_ updated: StoreManifest) throws(StoreError) {
    try fileSystem.writeAtomically(updated.fileBytes(), directory: path, name: StoreLayout.manifestName)
    manifest = updated
  }
}
