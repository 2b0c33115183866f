import Foundation
import HostingSupport

extension SharedDeskStateStoreConformance {
  func checkUniqueKeys(_ store: any DeskStateStore, _ other: any DeskStateStore) async throws {
    let first = try await store.appendUnique([keyed("k1", 1), keyed("k2", 2), keyed(nil, 3)])
    try require(first.alreadyStored.isEmpty, "new keys reported as stored: \(first.alreadyStored.sorted())")
    let second = try await other.appendUnique([keyed("k2", 4), keyed("k3", 5), keyed(nil, 6)])
    try require(second.alreadyStored == ["k2"], "another instance's repeat of k2 reported \(second.alreadyStored)")
    let third = try await store.appendUnique([keyed("k4", 7), keyed("k4", 8)])
    try require(third.alreadyStored == ["k4"], "a key repeated in one call reported \(third.alreadyStored)")
    let results = try await withThrowingTaskGroup(of: DeskStateAppendResult.self) { group in
      for writer in 0..<20 {
        group.addTask { try await (writer.isMultiple(of: 2) ? store : other).appendUnique([keyed("k5", 9 + writer)]) }
      }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    let reported = results.filter { $0.alreadyStored == ["k5"] }.count
    try require(reported == 19, "20 concurrent appends of one key: \(reported) said it was stored, expected 19")
    let payloads = try await other.loadRecords().map(\.payload)
    let expected = ["1", "2", "3", "5", "6", "7"]
    try require(
      Array(payloads.prefix(6)) == expected && payloads.count == 7,
      "stored \(payloads), expected \(expected) and one record of k5")
  }

  func checkIncrementalReads(_ store: any DeskStateStore, _ other: any DeskStateStore) async throws {
    let empty = try await store.records(after: nil)
    try require(empty.isWholeLog && empty.entries.isEmpty, "an empty store's whole log is not empty")
    _ = try await store.appendUnique([keyed("a", 1), keyed("b", 2)])
    let whole = try await other.records(after: nil)
    try require(whole.isWholeLog && whole.records.map(\.payload) == ["1", "2"], "the whole log is not [1, 2]")
    try require(whole.position == whole.entries.last?.position, "the read's position is not its last entry's")
    _ = try await other.appendUnique([keyed("c", 3)])
    _ = try await store.appendUnique([keyed("d", 4), keyed("a", 5)])
    let later = try await store.records(after: whole.position)
    try require(!later.isWholeLog, "a read after a current position returned the whole log")
    try require(later.records.map(\.payload) == ["3", "4"], "read \(later.records.map(\.payload)), expected [3, 4]")
    let positions = (whole.entries + later.entries).map(\.position)
    try require(positions == positions.sorted() && Set(positions).count == 4, "positions do not grow: \(positions)")
    let nothing = try await other.records(after: later.position)
    try require(nothing.entries.isEmpty && nothing.position == later.position, "a read at the end is not empty")
  }

  func checkFollower(_ store: any DeskStateStore, _ other: any DeskStateStore) async throws {
    let writers = 8
    let batches = 25
    let seen = try await withThrowingTaskGroup(of: [String].self) { group in
      for writer in 0..<writers {
        group.addTask {
          for batch in 0..<batches {
            let records = (0..<2).map { keyed("w\(writer)-\(batch)-\($0)", writer * 1000 + batch * 2 + $0) }
            _ = try await (writer.isMultiple(of: 2) ? store : other).appendUnique(records)
          }
          return []
        }
      }
      group.addTask {
        var seen: [String] = []
        var position: DeskStateLogPosition?
        let deadline = Date() + 60
        while seen.count < writers * batches * 2, Date() < deadline {
          let read = try await other.records(after: position)
          if read.isWholeLog { seen = [] }
          seen += read.records.map(\.payload)
          position = read.position
        }
        return seen
      }
      return try await group.reduce(into: []) { $0 += $1 }
    }
    try require(seen.count == writers * batches * 2, "the follower saw \(seen.count) of \(writers * batches * 2)")
    try require(Set(seen).count == seen.count, "the follower saw records twice")
  }

  func checkCompaction(_ store: any DeskStateStore, _ other: any DeskStateStore) async throws {
    _ = try await store.appendUnique((0..<10).map { keyed("old\($0)", $0) })
    let seen = try await store.records(after: nil)
    guard let through = seen.position else { throw CheckFailed("ten appended records read as none") }
    _ = try await other.appendUnique([keyed("late1", 100), keyed("late2", 101)])
    let replaced = try await store.replaceRecords(
      through: through, with: [keyed("old1", 201), keyed("summary", 202), keyed(nil, 203)])
    try require(replaced, "a compaction through the last position read was refused")
    let payloads = try await other.loadRecords().map(\.payload)
    try require(payloads == ["201", "202", "203", "100", "101"], "after compaction the log is \(payloads)")
    let behind = try await other.records(after: seen.entries[4].position)
    try require(behind.isWholeLog, "a reader behind the compaction did not get the whole log")
    try require(behind.records.map(\.payload) == payloads, "the whole log read after compaction differs")
    let current = try await other.records(after: behind.position)
    try require(current.entries.isEmpty && !current.isWholeLog, "a reader at the end saw records after compaction")
    let stale = try await other.replaceRecords(through: seen.entries[2].position, with: [keyed(nil, 300)])
    try require(!stale, "a compaction through a position older than the last compaction was accepted")
    let repeated = try await other.appendUnique([keyed("summary", 400), keyed("old2", 401)])
    try require(repeated.alreadyStored == ["summary"], "a compacted key is no longer unique: \(repeated.alreadyStored)")
  }

  func checkClaims(_ store: any DeskStateStore, _ other: any DeskStateStore) async throws {
    let start = Date(timeIntervalSince1970: 1_795_428_000)
    let end = start + 300
    let first = try await store.claimDeliveries(["m1", "m2"], for: "desk-a", at: start, until: end)
    try require(first == ["m1", "m2"], "free keys were not all claimed: \(first.sorted())")
    let second = try await other.claimDeliveries(["m2", "m3"], for: "desk-b", at: start + 10, until: end + 10)
    try require(second == ["m3"], "a key held by another desk was claimed: \(second.sorted())")
    let again = try await other.claimDeliveries(["m1"], for: "desk-a", at: start + 20, until: end + 20)
    try require(again == ["m1"], "the owner could not claim its key again")
    let lapsed = try await store.claimDeliveries(["m2", "m1"], for: "desk-b", at: end, until: end + 300)
    try require(lapsed == ["m2"], "after m2's lease ended desk-b got \(lapsed.sorted()), expected m2")
    let winners = try await withThrowingTaskGroup(of: Int.self) { group in
      for desk in 0..<20 {
        group.addTask {
          try await (desk.isMultiple(of: 2) ? store : other)
            .claimDeliveries(["m4"], for: "desk-\(desk)", at: start, until: end).count
        }
      }
      return try await group.reduce(0, +)
    }
    try require(winners == 1, "20 desks claiming one key at once: \(winners) got it")
  }

  func checkLeases(_ store: any DeskStateStore, _ other: any DeskStateStore) async throws {
    let start = Date(timeIntervalSince1970: 1_795_428_000)
    try require(try await store.acquireLease(.slaScan, for: "a", at: start, until: start + 60), "a free lease refused")
    try require(!(try await other.acquireLease(.slaScan, for: "b", at: start, until: start + 60)), "a held lease given")
    try require(try await other.acquireLease(.slaScan, for: "a", at: start + 1, until: start + 60), "owner refused")
    try await other.releaseLease(.slaScan, for: "b")
    try require(!(try await store.acquireLease(.slaScan, for: "b", at: start, until: start + 60)), "released by b")
    try await store.releaseLease(.slaScan, for: "a")
    try require(try await other.acquireLease(.slaScan, for: "b", at: start, until: start + 60), "a released lease held")
    try require(try await store.acquireLease(.slaScan, for: "a", at: start + 60, until: start + 120), "lapsed held")
    let another = DeskStateLease(rawValue: "other")
    try require(try await store.acquireLease(another, for: "b", at: start, until: start + 60), "leases are not by name")
  }

  func checkTicketNumbers(_ store: any DeskStateStore, _ other: any DeskStateStore) async throws {
    let numbers = try await withThrowingTaskGroup(of: Int?.self) { group in
      for index in 0..<100 {
        group.addTask { try await (index.isMultiple(of: 2) ? store : other).reserveTicketNumber() }
      }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    let drawn = numbers.compactMap { $0 }
    try require(drawn.count == 100, "a shared store returned no ticket number")
    try require(Set(drawn).count == 100 && drawn.allSatisfy { $0 >= 1 }, "ticket numbers repeat or are below 1")
  }
}

/// A keyed record whose payload is `n` (instants one second apart).
private func keyed(_ key: String?, _ n: Int) -> KeyedDeskStateRecord {
  KeyedDeskStateRecord(
    key: key,
    record: DeskStateRecord(
      kind: "sent", instant: Date(timeIntervalSince1970: 1_795_428_000 + Double(n)), payload: "\(n)"))
}
