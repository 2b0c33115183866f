import Foundation

/// How far a desk has read a shared state store's log, and the read running now.
struct SharedLogProgress {
  /// The position of the last record read (`nil` before the first record).
  var position: DeskStateLogPosition?
  /// The read running now, with its number.
  var running: (ordinal: Int, task: Task<Void, any Error>)?
  /// How many reads were started, and the number of the last one that finished.
  var started = 0
  var finished = 0
  /// Whether the next read rebuilds the state from the whole log: a write of this desk skipped records whose keys
  /// another desk had stored first, so the state in memory holds this desk's versions of them, not the log's.
  var rebuildRequested = false
}

extension SupportDesk {
  // MARK: Reading what other desks wrote

  /// Loads the state, and on a shared store reads what other desks appended since the last read.
  /// - Throws: As ``ensureLoaded()``, and the store's errors.
  func ensureCurrent() async throws {
    try await ensureLoaded()
    try await catchUpWithSharedLog()
  }

  /// On a shared store, returns once the state holds every record committed before the call: a read that
  /// started after the call began has finished. Concurrent callers share reads. Does nothing (and does not
  /// suspend) on a store one desk uses.
  /// - Throws: ``HostingSupportError`` `corruptState` for a record that does not read (the desk then refuses to
  ///   run, as after a damaged load), or the store's error.
  func catchUpWithSharedLog() async throws {
    guard stateStore.isShared else { return }
    let needed = sharedLog.started + 1
    while sharedLog.finished < needed {
      if let running = sharedLog.running {
        do {
          try await running.task.value
        } catch {
          if running.ordinal >= needed { throw error }
        }
        continue
      }
      sharedLog.started += 1
      let ordinal = sharedLog.started
      sharedLog.running = (ordinal, Task { try await self.readSharedLog(ordinal: ordinal) })
    }
  }

  private func readSharedLog(ordinal: Int) async throws {
    defer { sharedLog.running = nil }
    let rebuild = sharedLog.rebuildRequested
    sharedLog.rebuildRequested = false
    let read: DeskStateLogRead
    do {
      read = try await stateStore.records(after: rebuild ? nil : sharedLog.position)
    } catch {
      if rebuild { sharedLog.rebuildRequested = true }
      throw error
    }
    do {
      if read.isWholeLog {
        // Another desk compacted past what this one had read, or this desk lost a race for a key: rebuild, then
        // fold this desk's own changes that are not written yet (folding is idempotent, so changes the read
        // already holds do no harm).
        var rebuilt = try DeskState(replaying: read.entries)
        for change in changesBeingWritten + unwrittenChanges { rebuilt.apply(change) }
        state = rebuilt
        recordsInStore = read.entries.count
        recordsAfterCompaction = read.entries.count
      } else {
        try state.apply(read.entries)
        recordsInStore += read.entries.count
      }
    } catch let error as HostingSupportError where error.code == .corruptState {
      loadPhase = .refused(error)
      throw error
    }
    sharedLog.position = read.position
    sharedLog.finished = max(sharedLog.finished, ordinal)
  }

  // MARK: Compaction of a shared log

  /// Compacts a shared log from the log itself: reads it whole, folds it, and replaces the records up to the
  /// position read with those of the folded state. Records other desks append meanwhile stay; a compaction by
  /// another desk past that position wins (nothing changes). The desk's own state in memory is left as it is.
  func compactSharedLog() async {
    let now = clock()
    do {
      let read = try await stateStore.records(after: nil)
      guard let through = read.position else { return }
      let (_, changes) = try DeskState(replaying: read.entries).compacted(
        droppingHistoryBefore: now - configuration.stateRetention, now: now)
      let records = try changes.map { try $0.keyedRecord() }
      guard try await stateStore.replaceRecords(through: through, with: records) else { return }
      recordsInStore = records.count + recordsInStore - read.entries.count
      recordsAfterCompaction = recordsInStore
    } catch {
      return  // the log is intact (the store's contract); the next write tries again
    }
  }

  // MARK: Changes other desks made first

  /// Commits, and returns the changes among `changes` that a shared store already held under their keys: another
  /// desk made the same change (the same version of the same record) first. Its version wins; this desk's state
  /// is rebuilt from the log on its next read. Always empty on a store one desk uses.
  /// - Throws: The state store's error.
  func commitReportingLostChanges(_ changes: [DeskChange]) async throws -> [DeskChange] {
    let alreadyStored = try await commit()
    guard !alreadyStored.isEmpty else { return [] }
    return changes.filter { $0.key.map(alreadyStored.contains) ?? false }
  }

  /// Commits, and throws `conflict` when another desk made `change` first (see
  /// ``commitReportingLostChanges(_:)``): the caller's change was not stored and its effects must not follow.
  func commitFirst(_ change: DeskChange, orThrow conflict: @autoclosure () -> HostingSupportError) async throws {
    guard try await commitReportingLostChanges([change]).isEmpty else { throw conflict() }
  }

  // MARK: Claims and leases

  /// The due keys this desk may deliver now: on a shared store those it claimed (nobody else holds them), else
  /// all of them.
  func claimDeliveries(_ keys: [String], at instant: Date) async throws -> Set<String> {
    guard stateStore.isShared else { return Set(keys) }
    return try await stateStore.claimDeliveries(
      keys, for: configuration.instanceName, at: instant, until: instant + configuration.deliveryClaimLease)
  }

  /// Takes the SLA scan lease of a tick, then reads what other desks wrote: `true` when this desk runs the
  /// tick's scan. Always `true` on a store one desk uses.
  func beginSLAScan(at instant: Date) async throws -> Bool {
    guard stateStore.isShared else { return true }
    let held = try await stateStore.acquireLease(
      .slaScan, for: configuration.instanceName, at: instant, until: instant + configuration.slaScanLease)
    guard held else { return false }
    do {
      try await catchUpWithSharedLog()
    } catch {
      await endSLAScan()
      throw error
    }
    return true
  }

  /// Releases the SLA scan lease (a failure only lets it lapse by itself).
  func endSLAScan() async {
    guard stateStore.isShared else { return }
    try? await stateStore.releaseLease(.slaScan, for: configuration.instanceName)
  }

  /// A ticket number: from the shared store's counter, or reserved in this desk's own state.
  func reserveTicketNumber(at instant: Date) async throws -> Int {
    if stateStore.isShared, let number = try await stateStore.reserveTicketNumber() { return number }
    let number = state.nextTicketNumber
    record(.ticketNumber(next: number + 1, at: instant))
    try await commit()
    return number
  }
}
