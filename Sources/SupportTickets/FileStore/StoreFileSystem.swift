/// What a directory entry is. The store only ever reads or writes ``regular`` files.
package enum StoreFileKind: String, Hashable, Sendable {
  case regular = "a regular file"
  case directory = "a directory"
  case symbolicLink = "a symbolic link"
  case fifo = "a FIFO"
  case socket = "a socket"
  case characterDevice = "a character device"
  case blockDevice = "a block device"
  case unknown = "an unknown kind of file"
}

/// An open regular file of a store.
package protocol StoreFileHandle: Sendable {
  /// The path it was opened with.
  var path: String { get }
  /// The file's size in bytes.
  func size() throws(StoreError) -> Int
  /// The whole file.
  func readAll() throws(StoreError) -> [UInt8]
  /// Writes all of `bytes` at `offset`.
  func write(_ bytes: [UInt8], at offset: Int) throws(StoreError)
  /// Forces the written data to stable storage.
  func sync() throws(StoreError)
  /// Cuts the file to `length` bytes.
  func truncate(to length: Int) throws(StoreError)
  /// Releases the file.
  func close()
}

/// An advisory lock on a store directory, held until ``release()``.
package protocol StoreDirectoryLock: Sendable {
  func release()
}

/// The few file-system operations the file store uses: the seam that lets the power-loss tests run the
/// store on a simulated disk (``POSIXStoreFileSystem`` is the real one).
///
/// Contract, which the store relies on for its safety rules:
/// - ``openExisting(_:writable:)`` opens only a *regular* file, never through a symbolic link and without
///   blocking (a FIFO or device in place of a store file is refused with `corruptJournal`, offset 0).
/// - ``createNew(_:)`` fails when anything, even a dangling symbolic link, already has the name.
/// - ``lock(_:exclusive:timeout:)`` locks the directory itself, so deleting or replacing a file inside it
///   can never let a second writer in.
package protocol StoreFileSystem: Sendable {
  /// What is at `path` (without following a final symbolic link), or `nil` when nothing is.
  func kind(of path: String) -> StoreFileKind?
  /// Creates a directory and its missing parents.
  func createDirectories(_ path: String) throws(StoreError)
  /// Creates one directory; fails when the name exists.
  func createDirectory(_ path: String) throws(StoreError)
  /// The entries of a directory (without `.` and `..`) and their kinds.
  func entries(in path: String) throws(StoreError) -> [String: StoreFileKind]
  /// Takes a shared or exclusive lock on a directory, waiting up to `timeout`.
  /// - Throws: ``StoreError`` `locked` when the lock is still held by someone else after `timeout`.
  func lock(_ directory: String, exclusive: Bool, timeout: Duration) throws(StoreError) -> any StoreDirectoryLock
  /// Opens an existing regular file, read-only or for reading and writing.
  func openExisting(_ path: String, writable: Bool) throws(StoreError) -> any StoreFileHandle
  /// Creates a new, empty regular file for reading and writing (`O_CREAT | O_EXCL | O_NOFOLLOW`).
  func createNew(_ path: String) throws(StoreError) -> any StoreFileHandle
  /// Atomically renames an entry (a final symbolic link is renamed, not followed).
  func rename(_ source: String, to destination: String) throws(StoreError)
  /// Removes a file (a symbolic link itself, never its target); a missing file is not an error.
  func remove(_ path: String) throws(StoreError)
  /// Makes creations, renames and removals in a directory durable.
  func syncDirectory(_ path: String) throws(StoreError)
}

extension StoreFileSystem {
  /// The bytes of an existing regular file.
  package func readFile(_ path: String) throws(StoreError) -> [UInt8] {
    let file = try openExisting(path, writable: false)
    defer { file.close() }
    return try file.readAll()
  }

  /// Writes a whole new file durably: to `name.tmp` (created exclusively after removing any leftover of
  /// that name), synced, renamed over `name`, then the directory synced.
  package func writeAtomically(_ bytes: [UInt8], directory: String, name: String) throws(StoreError) {
    let temporary = directory + "/" + name + StoreLayout.temporarySuffix
    try remove(temporary)
    let file = try createNew(temporary)
    do {
      try file.write(bytes, at: 0)
      try file.sync()
      file.close()
    } catch {
      file.close()
      throw error
    }
    try rename(temporary, to: directory + "/" + name)
    try syncDirectory(directory)
  }

  /// Creates a new file with `bytes`, synced (the directory is not synced).
  package func writeNew(_ bytes: [UInt8], to path: String) throws(StoreError) {
    let file = try createNew(path)
    defer { file.close() }
    try file.write(bytes, at: 0)
    try file.sync()
  }
}

extension StoreError {
  /// A folder that does not exist, given to something that never creates one (reads, repair).
  static func noStore(_ path: String) -> StoreError {
    StoreError(code: .ioFailure, message: "there is no ticket store at \(path)", context: [ErrorContextKey.path: path])
  }

  /// A store file that is not a regular file (a directory, FIFO, device or symbolic link in its place).
  static func notRegularFile(_ path: String, _ kind: StoreFileKind) -> StoreError {
    corruptJournal(file: path, offset: 0, reason: "it is \(kind.rawValue), not a regular file the store created")
  }
}
