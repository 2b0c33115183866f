import Foundation

@testable import SupportTickets

/// The real file system with every mutating operation refused and recorded: what a read-only mount
/// does, even for a test process running as root (which ignores `chmod`).
final class WriteRefusingFileSystem: StoreFileSystem, @unchecked Sendable {
  private let real = POSIXStoreFileSystem()
  private let mutex = NSLock()
  private var attempts: [String] = []

  /// The mutating operations that were attempted.
  var attemptedWrites: [String] {
    mutex.lock()
    defer { mutex.unlock() }
    return attempts
  }

  private func refuse(_ operation: String, _ path: String) -> StoreError {
    mutex.lock()
    attempts.append("\(operation) \(path)")
    mutex.unlock()
    return StoreError.ioFailure(operation, path: path, errno: EROFS)
  }

  func kind(of path: String) -> StoreFileKind? { real.kind(of: path) }
  func createDirectories(_ path: String) throws(StoreError) { throw refuse("mkdir -p", path) }
  func createDirectory(_ path: String) throws(StoreError) { throw refuse("mkdir", path) }
  func entries(in path: String) throws(StoreError) -> [String: StoreFileKind] { try real.entries(in: path) }
  func lock(_ directory: String, exclusive: Bool, timeout: Duration) throws(StoreError) -> any StoreDirectoryLock {
    try real.lock(directory, exclusive: exclusive, timeout: timeout)
  }
  func openExisting(_ path: String, writable: Bool) throws(StoreError) -> any StoreFileHandle {
    if writable { throw refuse("open for writing", path) }
    return try real.openExisting(path, writable: false)
  }
  func createNew(_ path: String) throws(StoreError) -> any StoreFileHandle { throw refuse("create", path) }
  func rename(_ source: String, to destination: String) throws(StoreError) { throw refuse("rename", source) }
  func remove(_ path: String) throws(StoreError) { throw refuse("unlink", path) }
  func syncDirectory(_ path: String) throws(StoreError) { throw refuse("fsync", path) }
}
