import Foundation

/// Where the desk is in loading its state.
enum DeskLoadPhase {
  /// Not loaded yet (or the last try failed for a reason that may pass).
  case notLoaded
  /// A load is running; concurrent first callers await it.
  case loading(Task<Void, any Error>)
  /// Loaded: the state in memory is the stored state plus every change made since.
  case loaded
  /// The stored state is damaged: the desk refuses to run until it is repaired.
  case refused(HostingSupportError)
}

extension SupportDesk {
  // MARK: Loading (single flight)

  /// Loads the state the first time any call needs it. Concurrent first callers await the same load; no call
  /// changes the state before it finished.
  /// - Throws: ``HostingSupportError`` `corruptState` (then and forever after: the desk refuses to run on damaged
  ///   state), or the state store's error (the next call tries again).
  func ensureLoaded() async throws {
    while true {
      switch loadPhase {
      case .loaded: return
      case .refused(let error): throw error
      case .loading(let task): try await task.value
      case .notLoaded:
        loadPhase = .loading(Task { try await self.load() })
      }
    }
  }

  private func load() async throws {
    do {
      if stateStore.isShared {
        let read = try await stateStore.records(after: nil)
        state = try DeskState(replaying: read.entries)
        recordsInStore = read.entries.count
        sharedLog.position = read.position
      } else {
        let records = try await stateStore.loadRecords()
        state = try DeskState(replaying: records)
        recordsInStore = records.count
      }
      loadPhase = .loaded
    } catch let error as HostingSupportError where error.code == .corruptState {
      loadPhase = .refused(error)
      throw error
    } catch {
      loadPhase = .notLoaded
      throw error
    }
  }

  // MARK: Recording (group commit)

  /// Applies a change to the state in memory and queues its record for the state store, synchronously: callers
  /// decide and record before they await anything. ``commit()`` makes it durable.
  func record(_ change: DeskChange) {
    state.apply(change)
    unwrittenChanges.append(change)
    bufferedChangeCount += 1
  }

  /// Returns once every change recorded before the call is in the state store.
  ///
  /// One write runs at a time and takes every change queued when it starts (group commit), so a thousand
  /// concurrent callers cause a handful of appends. A failed write puts its changes back at the front of the
  /// queue for the next write and throws to the callers whose changes it carried.
  /// - Returns: The keys (``DeskChange/key``) of changes that a shared store already held, written by another
  ///   desk: those writes awaited by this call that skipped them (empty for a store one desk uses).
  /// - Throws: The state store's error.
  @discardableResult
  func commit() async throws -> Set<String> {
    let target = bufferedChangeCount
    var alreadyStored: Set<String> = []
    while writtenChangeCount < target {
      if let writer = stateWriter {
        do {
          alreadyStored.formUnion(try await writer.value)
        } catch {
          if writtenChangeCount < target { throw error }
        }
        continue
      }
      startStateWrite()
    }
    return alreadyStored
  }

  private func startStateWrite() {
    let batch = unwrittenChanges
    unwrittenChanges = []
    changesBeingWritten = batch
    let through = bufferedChangeCount
    stateWriter = Task {
      defer {
        self.stateWriter = nil
        self.changesBeingWritten = []
      }
      var alreadyStored: Set<String> = []
      do {
        if self.stateStore.isShared {
          alreadyStored = try await self.stateStore.appendUnique(batch.map { try $0.keyedRecord() }).alreadyStored
        } else {
          try await self.stateStore.append(batch.map { try $0.record() })
        }
      } catch {
        self.unwrittenChanges.insert(contentsOf: batch, at: 0)
        throw error
      }
      self.writtenChangeCount = through
      if !alreadyStored.isEmpty { self.sharedLog.rebuildRequested = true }
      self.recordsInStore += batch.count - alreadyStored.count
      if self.unwrittenChanges.isEmpty, self.isCompactionDue {
        if self.stateStore.isShared { await self.compactSharedLog() } else { await self.compact() }
      }
      return alreadyStored
    }
  }

  /// A compaction is due once the log grew by ``DeskConfiguration/stateCompactionThreshold`` records since the
  /// last one, if it then holds more than twice the live records or history older than the retention.
  private var isCompactionDue: Bool {
    guard recordsInStore - recordsAfterCompaction >= configuration.stateCompactionThreshold else { return false }
    return recordsInStore > 2 * state.liveRecordCount
      || (state.oldestHistory.map { $0 < clock() - configuration.stateRetention } ?? false)
  }

  /// Replaces the stored log by the records of the current state, without history older than
  /// ``DeskConfiguration/stateRetention``. Runs inside the state writer, when every change is written, so the
  /// records written are exactly the stored state.
  private func compact() async {
    let now = clock()
    let (compacted, changes) = state.compacted(droppingHistoryBefore: now - configuration.stateRetention, now: now)
    guard let records = try? changes.map({ try $0.record() }) else { return }
    do {
      try await stateStore.replaceRecords(with: records)
    } catch {
      return  // the old log is intact (the store's contract); the next write tries again
    }
    // Changes recorded during the replacement are still queued: fold them onto the compacted state.
    var replayed = compacted
    for change in unwrittenChanges { replayed.apply(change) }
    state = replayed
    recordsInStore = records.count
    recordsAfterCompaction = records.count
  }

  // MARK: Reads

  /// The notifications produced but not yet delivered, oldest first.
  /// - Throws: ``HostingSupportError`` `corruptState` when the desk's stored state is damaged; state store errors.
  public func pendingNotifications() async throws -> [OutboundMessage] {
    try await ensureCurrent()
    return state.pending
  }

  /// Whether a notification with this key was delivered (it has a sent mark).
  /// - Parameter key: An idempotency key.
  /// - Throws: As ``pendingNotifications()``.
  public func wasSent(_ key: String) async throws -> Bool {
    try await ensureCurrent()
    return state.sent[key] != nil
  }

  /// Queues a notification unless one with the same key was sent or is queued.
  /// - Returns: Whether it was queued.
  @discardableResult
  func enqueue(_ notification: OutboundMessage) -> Bool {
    guard !state.isKnown(notification.idempotencyKey) else { return false }
    record(.queued(notification))
    return true
  }

  /// Whether a key was sent or is queued.
  func isKnown(_ key: String) -> Bool { state.isKnown(key) }
}
