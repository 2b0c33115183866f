#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A thin, throwing wrapper over a POSIX file descriptor: the only place the file store calls the C library.
package struct StoreFile: Sendable {
  package let descriptor: Int32
  package let path: String

  /// Opens (and optionally creates) a file for reading and writing.
  package static func open(_ path: String, create: Bool = false, truncate: Bool = false) throws(StoreError)
    -> StoreFile
  {
    var flags = O_RDWR | O_CLOEXEC
    if create { flags |= O_CREAT }
    if truncate { flags |= O_TRUNC }
    let descriptor = retryingInterrupts { systemOpen(path, flags, 0o644) }
    guard descriptor >= 0 else { throw StoreError.ioFailure("open", path: path, errno: errno) }
    return StoreFile(descriptor: descriptor, path: path)
  }

  /// Opens a file read-only.
  package static func openForReading(_ path: String) throws(StoreError) -> StoreFile {
    let descriptor = retryingInterrupts { systemOpen(path, O_RDONLY | O_CLOEXEC, 0) }
    guard descriptor >= 0 else { throw StoreError.ioFailure("open", path: path, errno: errno) }
    return StoreFile(descriptor: descriptor, path: path)
  }

  package func close() { _ = systemClose(descriptor) }

  /// Takes an exclusive advisory lock without waiting; `false` when another open file holds it.
  package func tryLock() throws(StoreError) -> Bool {
    if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return true }
    let error = errno
    if error == EWOULDBLOCK || error == EAGAIN { return false }
    throw StoreError.ioFailure("flock", path: path, errno: error)
  }

  /// The file's size in bytes.
  package func size() throws(StoreError) -> Int {
    let end = lseek(descriptor, 0, SEEK_END)
    guard end >= 0 else { throw StoreError.ioFailure("lseek", path: path, errno: errno) }
    return Int(end)
  }

  /// Reads the whole file.
  package func readAll() throws(StoreError) -> [UInt8] {
    let total = try size()
    var bytes = [UInt8](repeating: 0, count: total)
    var done = 0
    while done < total {
      let count = bytes.withUnsafeMutableBytes { buffer in
        pread(descriptor, buffer.baseAddress! + done, total - done, off_t(done))
      }
      if count < 0, errno == EINTR { continue }
      guard count >= 0 else { throw StoreError.ioFailure("read", path: path, errno: errno) }
      if count == 0 { break }
      done += count
    }
    return done == total ? bytes : Array(bytes[..<done])
  }

  /// Writes all of `bytes` at `offset`.
  package func write(_ bytes: [UInt8], at offset: Int) throws(StoreError) {
    var done = 0
    while done < bytes.count {
      let count = bytes.withUnsafeBytes { buffer in
        pwrite(descriptor, buffer.baseAddress! + done, bytes.count - done, off_t(offset + done))
      }
      if count < 0, errno == EINTR { continue }
      guard count > 0 else { throw StoreError.ioFailure("write", path: path, errno: errno) }
      done += count
    }
  }

  /// Forces written data to stable storage (`fdatasync` on Linux; `F_FULLFSYNC` on Darwin, whose
  /// `fsync` does not flush the drive's cache).
  package func sync() throws(StoreError) {
    #if canImport(Darwin)
      if fcntl(descriptor, F_FULLFSYNC) == 0 { return }
      if fsync(descriptor) == 0 { return }
    #else
      if fdatasync(descriptor) == 0 { return }
    #endif
    throw StoreError.ioFailure("fsync", path: path, errno: errno)
  }

  /// Cuts the file to `length` bytes.
  package func truncate(to length: Int) throws(StoreError) {
    guard ftruncate(descriptor, off_t(length)) == 0 else {
      throw StoreError.ioFailure("ftruncate", path: path, errno: errno)
    }
  }

  private static func retryingInterrupts(_ call: () -> Int32) -> Int32 {
    while true {
      let result = call()
      if result >= 0 || errno != EINTR { return result }
    }
  }
}

/// Directory operations of the file store.
package enum StoreDirectory {
  /// Creates the directory (and its parents) if needed.
  package static func create(_ path: String) throws(StoreError) {
    var partial = path.hasPrefix("/") ? "" : "."
    for component in path.split(separator: "/") {
      partial += "/" + component
      if mkdir(partial, 0o755) != 0, errno != EEXIST {
        throw StoreError.ioFailure("mkdir", path: partial, errno: errno)
      }
    }
  }

  /// The names in a directory (without `.` and `..`).
  package static func names(in path: String) throws(StoreError) -> [String] {
    guard let directory = opendir(path) else { throw StoreError.ioFailure("opendir", path: path, errno: errno) }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name != ".", name != ".." { names.append(name) }
    }
    return names
  }

  /// Whether a path exists.
  package static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

  /// Makes renames, creations and deletions in the directory durable.
  package static func sync(_ path: String) throws(StoreError) {
    let descriptor = systemOpen(path, O_RDONLY | O_CLOEXEC, 0)
    guard descriptor >= 0 else { throw StoreError.ioFailure("open", path: path, errno: errno) }
    defer { _ = systemClose(descriptor) }
    #if canImport(Darwin)
      let result = fcntl(descriptor, F_FULLFSYNC) == 0 ? 0 : fsync(descriptor)
    #else
      let result = fsync(descriptor)
    #endif
    guard result == 0 else { throw StoreError.ioFailure("fsync", path: path, errno: errno) }
  }

  /// Atomically renames a file.
  package static func rename(_ source: String, to destination: String) throws(StoreError) {
    guard systemRename(source, destination) == 0 else {
      throw StoreError.ioFailure("rename", path: source, errno: errno)
    }
  }

  /// Removes a file.
  package static func remove(_ path: String) throws(StoreError) {
    guard unlink(path) == 0 || errno == ENOENT else { throw StoreError.ioFailure("unlink", path: path, errno: errno) }
  }

  /// Writes a whole file durably: to `name.tmp`, synced, then renamed over `name` and the directory synced.
  package static func writeAtomically(_ bytes: [UInt8], directory: String, name: String) throws(StoreError) {
    let temporary = directory + "/" + name + ".tmp"
    let file = try StoreFile.open(temporary, create: true, truncate: true)
    do {
      try file.write(bytes, at: 0)
      try file.sync()
      file.close()
    } catch {
      file.close()
      throw error
    }
    try rename(temporary, to: directory + "/" + name)
    try sync(directory)
  }
}

// The C functions under names that do not clash with the wrappers' methods.
private func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 { open(path, flags, mode) }
private func systemClose(_ descriptor: Int32) -> Int32 { close(descriptor) }
private func systemRename(_ source: String, _ destination: String) -> Int32 { rename(source, destination) }
