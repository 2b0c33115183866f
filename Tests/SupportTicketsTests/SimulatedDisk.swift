import Foundation
import SupportCore

@testable import SupportTickets

/// An in-memory disk with a power switch, for the file store's crash tests (in the spirit of SQLite's
/// crash-test VFS and FoundationDB's simulation).
///
/// Each file keeps the bytes a running process sees and the bytes on stable storage as of its last
/// sync; each directory likewise keeps its entries as of its last sync. Mutating operations are counted:
/// when ``operationsBeforeCrash`` of them have run, the power fails — that operation and every later one
/// throws. ``afterPowerLoss(using:)`` then builds the disk a reboot finds: every synced byte and entry,
/// plus, in order, a random prefix of the unsynced changes, the last of which — if it is a write — is torn:
/// only a random prefix of its bytes arrives, and the rest of its last 512-byte sector holds zeros or
/// garbage. Writes never touch bytes outside their range (the "power-safe overwrite" most disks provide).
final class SimulatedDisk: StoreFileSystem, @unchecked Sendable {
  fileprivate enum Change {
    case write(offset: Int, bytes: [UInt8])
    case truncate(length: Int)
  }

  private enum DirectoryChange {
    case link(String, inode: Int)
    case unlink(String)
  }

  fileprivate struct Inode {
    var data: [UInt8] = []
    var durable: [UInt8] = []
    var pending: [Change] = []
  }

  private let mutex = NSLock()
  private var inodes: [Int: Inode] = [:]
  private var names: [String: Int] = [:]
  private var durableNames: [String: Int] = [:]
  private var pendingDirectoryChanges: [DirectoryChange] = []
  private var directories: Set<String> = ["/"]
  private var nextInode = 1
  private var locks: [String: (exclusive: Bool, holders: Int)] = [:]
  private var operations = 0
  /// How many mutating operations succeed before the power fails; `nil` for never.
  var operationsBeforeCrash: Int?
  /// Whether the power has failed.
  private(set) var hasCrashed = false

  init() {}

  private func locked<Result>(_ body: () throws(StoreError) -> Result) throws(StoreError) -> Result {
    mutex.lock()
    defer { mutex.unlock() }
    return try body()
  }

  /// Counts one mutating operation; throws once the power has failed.
  private func operation(_ name: String, _ path: String) throws(StoreError) {
    if !hasCrashed, let limit = operationsBeforeCrash, operations >= limit { hasCrashed = true }
    guard !hasCrashed else { throw StoreError.ioFailure(name + " (power lost)", path: path, errno: 5) }
    operations += 1
  }

  private static func parent(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  // MARK: StoreFileSystem

  func kind(of path: String) -> StoreFileKind? {
    mutex.lock()
    defer { mutex.unlock() }
    if directories.contains(path) { return .directory }
    return names[path] != nil ? .regular : nil
  }

  func createDirectories(_ path: String) throws(StoreError) {
    try locked { () throws(StoreError) in
      var partial = ""
      for component in path.split(separator: "/") {
        partial += "/" + component
        guard names[partial] == nil else { throw StoreError.ioFailure("mkdir", path: partial, errno: EEXIST) }
        directories.insert(partial)
      }
    }
  }

  func createDirectory(_ path: String) throws(StoreError) {
    try locked { () throws(StoreError) in
      try operation("mkdir", path)
      guard !directories.contains(path), names[path] == nil else {
        throw StoreError.ioFailure("mkdir", path: path, errno: EEXIST)
      }
      directories.insert(path)
    }
  }

  func entries(in path: String) throws(StoreError) -> [String: StoreFileKind] {
    try locked { () throws(StoreError) in
      guard directories.contains(path) else { throw StoreError.ioFailure("opendir", path: path, errno: ENOENT) }
      var result: [String: StoreFileKind] = [:]
      for name in names.keys where Self.parent(name) == path {
        result[String(name.dropFirst(path.count + 1))] = .regular
      }
      for name in directories where name != path && Self.parent(name) == path {
        result[String(name.dropFirst(path.count + 1))] = .directory
      }
      return result
    }
  }

  func lock(_ directory: String, exclusive: Bool, timeout: Duration) throws(StoreError) -> any StoreDirectoryLock {
    try locked { () throws(StoreError) in
      guard directories.contains(directory) else { throw StoreError.ioFailure("open", path: directory, errno: ENOENT) }
      if let held = locks[directory], held.exclusive || exclusive { throw StoreError.locked(directory) }
      locks[directory] = (exclusive, (locks[directory]?.holders ?? 0) + 1)
    }
    return SimulatedLock(disk: self, directory: directory)
  }

  fileprivate func unlock(_ directory: String) {
    mutex.lock()
    defer { mutex.unlock() }
    guard let held = locks[directory] else { return }
    locks[directory] = held.holders > 1 ? (held.exclusive, held.holders - 1) : nil
  }

  func openExisting(_ path: String, writable: Bool) throws(StoreError) -> any StoreFileHandle {
    try locked { () throws(StoreError) in
      if directories.contains(path) { throw StoreError.notRegularFile(path, .directory) }
      guard let inode = names[path] else { throw StoreError.ioFailure("open", path: path, errno: ENOENT) }
      return SimulatedFile(disk: self, inode: inode, path: path)
    }
  }

  func createNew(_ path: String) throws(StoreError) -> any StoreFileHandle {
    try locked { () throws(StoreError) in
      try operation("create", path)
      guard names[path] == nil, !directories.contains(path) else {
        throw StoreError.ioFailure("create", path: path, errno: EEXIST)
      }
      guard directories.contains(Self.parent(path)) else {
        throw StoreError.ioFailure("create", path: path, errno: ENOENT)
      }
      let inode = nextInode
      nextInode += 1
      inodes[inode] = Inode()
      names[path] = inode
      pendingDirectoryChanges.append(.link(path, inode: inode))
      return SimulatedFile(disk: self, inode: inode, path: path)
    }
  }

  func rename(_ source: String, to destination: String) throws(StoreError) {
    try locked { () throws(StoreError) in
      try operation("rename", source)
      guard let inode = names[source] else { throw StoreError.ioFailure("rename", path: source, errno: ENOENT) }
      names[source] = nil
      names[destination] = inode
      pendingDirectoryChanges += [.link(destination, inode: inode), .unlink(source)]
    }
  }

  func remove(_ path: String) throws(StoreError) {
    try locked { () throws(StoreError) in
      try operation("unlink", path)
      guard names[path] != nil else { return }
      names[path] = nil
      pendingDirectoryChanges.append(.unlink(path))
    }
  }

  func syncDirectory(_ path: String) throws(StoreError) {
    try locked { () throws(StoreError) in
      try operation("fsync", path)
      // One sync covers the whole (flat) store: the simulation keeps one journal of entry changes.
      durableNames = names
      pendingDirectoryChanges = []
    }
  }

  // MARK: Files

  fileprivate func withInode<Result>(
    _ inode: Int, _ name: String, _ path: String, mutating: Bool,
    _ body: (inout Inode) throws(StoreError) -> Result
  ) throws(StoreError) -> Result {
    try locked { () throws(StoreError) -> Result in
      if mutating {
        try operation(name, path)
      } else if hasCrashed {
        throw StoreError.ioFailure(name + " (power lost)", path: path, errno: 5)
      }
      return try body(&inodes[inode]!)
    }
  }

  fileprivate static func apply(_ change: Change, to data: inout [UInt8]) {
    switch change {
    case .write(let offset, let bytes):
      if data.count < offset + bytes.count { data += [UInt8](repeating: 0, count: offset + bytes.count - data.count) }
      data.replaceSubrange(offset..<(offset + bytes.count), with: bytes)
    case .truncate(let length):
      if length < data.count {
        data.removeLast(data.count - length)
      } else {
        data += [UInt8](repeating: 0, count: length - data.count)
      }
    }
  }

  fileprivate func record(_ change: Change, inode: inout Inode) {
    Self.apply(change, to: &inode.data)
    inode.pending.append(change)
  }

  // MARK: Power loss

  /// The disk a reboot finds after the power failed now.
  func afterPowerLoss(using random: inout SplitMix64) -> SimulatedDisk {
    mutex.lock()
    defer { mutex.unlock() }
    let rebooted = SimulatedDisk()
    rebooted.directories = directories
    var surviving = durableNames
    let directoryChanges = Int.random(in: 0...pendingDirectoryChanges.count, using: &random)
    for change in pendingDirectoryChanges.prefix(directoryChanges) {
      switch change {
      case .link(let path, let inode): surviving[path] = inode
      case .unlink(let path): surviving[path] = nil
      }
    }
    for (path, inode) in surviving {
      rebooted.names[path] = inode
      rebooted.durableNames[path] = inode
      guard rebooted.inodes[inode] == nil, let file = inodes[inode] else { continue }
      var data = file.durable
      let kept = Int.random(in: 0...file.pending.count, using: &random)
      for (index, change) in file.pending.prefix(kept).enumerated() {
        guard index == kept - 1, case .write(let offset, let bytes) = change, !bytes.isEmpty else {
          Self.apply(change, to: &data)
          continue
        }
        // The last change that reaches the disk is torn: a prefix of it, then zeros or garbage up to the
        // end of its sector (but never past the end of the write).
        let arrived = Int.random(in: 0...bytes.count, using: &random)
        let sectorEnd = min(bytes.count, ((offset + arrived + 511) / 512) * 512 - offset)
        var torn = Array(bytes.prefix(arrived))
        let garbage = Bool.random(using: &random)
        for _ in arrived..<max(arrived, sectorEnd) {
          torn.append(garbage ? UInt8.random(in: 0...255, using: &random) : 0)
        }
        Self.apply(.write(offset: offset, bytes: torn), to: &data)
      }
      rebooted.inodes[inode] = Inode(data: data, durable: data, pending: [])
      rebooted.nextInode = max(rebooted.nextInode, inode + 1)
    }
    return rebooted
  }
}

private struct SimulatedLock: StoreDirectoryLock {
  let disk: SimulatedDisk
  let directory: String
  func release() { disk.unlock(directory) }
}

private struct SimulatedFile: StoreFileHandle {
  let disk: SimulatedDisk
  let inode: Int
  let path: String

  func size() throws(StoreError) -> Int {
    try disk.withInode(inode, "fstat", path, mutating: false) { $0.data.count }
  }

  func readAll() throws(StoreError) -> [UInt8] {
    try disk.withInode(inode, "read", path, mutating: false) { $0.data }
  }

  func write(_ bytes: [UInt8], at offset: Int) throws(StoreError) {
    try disk.withInode(inode, "write", path, mutating: true) { inode in
      disk.record(.write(offset: offset, bytes: bytes), inode: &inode)
    }
  }

  func sync() throws(StoreError) {
    try disk.withInode(inode, "fsync", path, mutating: true) { inode in
      inode.durable = inode.data
      inode.pending = []
    }
  }

  func truncate(to length: Int) throws(StoreError) {
    try disk.withInode(inode, "ftruncate", path, mutating: true) { inode in
      disk.record(.truncate(length: length), inode: &inode)
    }
  }

  func close() {}
}
