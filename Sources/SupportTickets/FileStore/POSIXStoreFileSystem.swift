import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The real file system: the only place the file store calls the C library.
package struct POSIXStoreFileSystem: StoreFileSystem {
  package init() {}

  package func kind(of path: String) -> StoreFileKind? {
    var info = stat()
    guard lstat(path, &info) == 0 else { return nil }
    return Self.kind(mode: info.st_mode)
  }

  package func createDirectories(_ path: String) throws(StoreError) {
    var partial = path.hasPrefix("/") ? "" : "."
    for component in path.split(separator: "/") {
      partial += "/" + component
      if mkdir(partial, 0o755) != 0, errno != EEXIST {
        throw StoreError.ioFailure("mkdir", path: partial, errno: errno)
      }
    }
    guard let kind = kind(of: path), kind == .directory || kind == .symbolicLink else {
      throw StoreError.ioFailure("mkdir", path: path, errno: ENOTDIR)
    }
  }

  package func createDirectory(_ path: String) throws(StoreError) {
    guard mkdir(path, 0o755) == 0 else { throw StoreError.ioFailure("mkdir", path: path, errno: errno) }
  }

  package func entries(in path: String) throws(StoreError) -> [String: StoreFileKind] {
    guard let directory = opendir(path) else { throw StoreError.ioFailure("opendir", path: path, errno: errno) }
    defer { closedir(directory) }
    var entries: [String: StoreFileKind] = [:]
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      guard name != ".", name != ".." else { continue }
      entries[name] = Self.kind(directoryEntryType: entry.pointee.d_type) ?? kind(of: path + "/" + name) ?? .unknown
    }
    return entries
  }

  package func lock(_ directory: String, exclusive: Bool, timeout: Duration) throws(StoreError)
    -> any StoreDirectoryLock
  {
    let descriptor = retryingInterrupts { systemOpen(directory, O_RDONLY | O_CLOEXEC | O_DIRECTORY, 0) }
    guard descriptor >= 0 else { throw StoreError.ioFailure("open", path: directory, errno: errno) }
    let operation = (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB
    let deadline = ContinuousClock.now + timeout
    var pause = Duration.milliseconds(1)
    while flock(descriptor, operation) != 0 {
      let error = errno
      if error == EINTR { continue }
      guard error == EWOULDBLOCK || error == EAGAIN else {
        _ = systemClose(descriptor)
        throw StoreError.ioFailure("flock", path: directory, errno: error)
      }
      let now = ContinuousClock.now
      guard now < deadline else {
        _ = systemClose(descriptor)
        throw StoreError.locked(directory, waited: timeout)
      }
      Self.sleep(min(pause, deadline - now))
      pause = min(pause * 2, .milliseconds(20))
    }
    return POSIXDirectoryLock(descriptor: descriptor)
  }

  package func openExisting(_ path: String, writable: Bool) throws(StoreError) -> any StoreFileHandle {
    // Refuse anything but a regular file before opening it (opening a device can have effects), then
    // check again on the open descriptor in case the name was swapped in between.
    if let kind = kind(of: path), kind != .regular { throw StoreError.notRegularFile(path, kind) }
    let flags = (writable ? O_RDWR : O_RDONLY) | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK
    let descriptor = retryingInterrupts { systemOpen(path, flags, 0) }
    guard descriptor >= 0 else {
      let error = errno
      if error == ELOOP { throw StoreError.notRegularFile(path, .symbolicLink) }
      throw StoreError.ioFailure("open", path: path, errno: error)
    }
    let file = POSIXStoreFile(descriptor: descriptor, path: path)
    do throws(StoreError) {
      let kind = try file.kind()
      guard kind == .regular else { throw StoreError.notRegularFile(path, kind) }
    } catch {
      file.close()
      throw error
    }
    return file
  }

  package func createNew(_ path: String) throws(StoreError) -> any StoreFileHandle {
    let flags = O_RDWR | O_CLOEXEC | O_CREAT | O_EXCL | O_NOFOLLOW
    let descriptor = retryingInterrupts { systemOpen(path, flags, 0o644) }
    guard descriptor >= 0 else { throw StoreError.ioFailure("create", path: path, errno: errno) }
    return POSIXStoreFile(descriptor: descriptor, path: path)
  }

  package func rename(_ source: String, to destination: String) throws(StoreError) {
    guard systemRename(source, destination) == 0 else {
      throw StoreError.ioFailure("rename", path: source, errno: errno)
    }
  }

  package func remove(_ path: String) throws(StoreError) {
    guard unlink(path) == 0 || errno == ENOENT else { throw StoreError.ioFailure("unlink", path: path, errno: errno) }
  }

  package func syncDirectory(_ path: String) throws(StoreError) {
    let descriptor = retryingInterrupts { systemOpen(path, O_RDONLY | O_CLOEXEC | O_DIRECTORY, 0) }
    guard descriptor >= 0 else { throw StoreError.ioFailure("open", path: path, errno: errno) }
    defer { _ = systemClose(descriptor) }
    #if canImport(Darwin)
      let result = fcntl(descriptor, F_FULLFSYNC) == 0 ? 0 : fsync(descriptor)
    #else
      let result = fsync(descriptor)
    #endif
    guard result == 0 else { throw StoreError.ioFailure("fsync", path: path, errno: errno) }
  }

  static func kind(mode: mode_t) -> StoreFileKind {
    switch mode & S_IFMT {
    case S_IFREG: return .regular
    case S_IFDIR: return .directory
    case S_IFLNK: return .symbolicLink
    case S_IFIFO: return .fifo
    case S_IFSOCK: return .socket
    case S_IFCHR: return .characterDevice
    case S_IFBLK: return .blockDevice
    default: return .unknown
    }
  }

  private static func kind(directoryEntryType type: UInt8) -> StoreFileKind? {
    switch Int32(type) {
    case Int32(DT_REG): return .regular
    case Int32(DT_DIR): return .directory
    case Int32(DT_LNK): return .symbolicLink
    case Int32(DT_FIFO): return .fifo
    case Int32(DT_SOCK): return .socket
    case Int32(DT_CHR): return .characterDevice
    case Int32(DT_BLK): return .blockDevice
    default: return nil  // DT_UNKNOWN: the caller asks lstat
    }
  }

  private static func sleep(_ duration: Duration) {
    let (seconds, attoseconds) = duration.components
    var request = timespec(tv_sec: Int(seconds), tv_nsec: Int(attoseconds / 1_000_000_000))
    var remaining = timespec()
    while nanosleep(&request, &remaining) != 0, errno == EINTR { request = remaining }
  }
}

/// A held `flock` on a directory descriptor; closing the descriptor releases it.
private struct POSIXDirectoryLock: StoreDirectoryLock {
  let descriptor: Int32
  func release() { _ = systemClose(descriptor) }
}

/// A POSIX file descriptor of a regular file.
private struct POSIXStoreFile: StoreFileHandle {
  let descriptor: Int32
  let path: String

  func close() { _ = systemClose(descriptor) }

  func kind() throws(StoreError) -> StoreFileKind {
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { throw StoreError.ioFailure("fstat", path: path, errno: errno) }
    return POSIXStoreFileSystem.kind(mode: info.st_mode)
  }

  func size() throws(StoreError) -> Int {
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { throw StoreError.ioFailure("fstat", path: path, errno: errno) }
    return Int(info.st_size)
  }

  func readAll() throws(StoreError) -> [UInt8] {
    let total = try size()
    guard total <= StoreLayout.maximumFileSize else {
      throw StoreError.corruptJournal(
        file: path, offset: Int64(StoreLayout.maximumFileSize),
        reason: "\(total) bytes is more than this machine can load (the store keeps every ticket in memory)")
    }
    var failure: Int32 = 0
    let bytes = [UInt8](unsafeUninitializedCapacity: total) { buffer, initialized in
      var done = 0
      while done < total {
        let count = pread(descriptor, buffer.baseAddress! + done, total - done, off_t(done))
        if count < 0, errno == EINTR { continue }
        guard count > 0 else {
          if count < 0 { failure = errno }
          break
        }
        done += count
      }
      initialized = done
    }
    guard failure == 0 else { throw StoreError.ioFailure("read", path: path, errno: failure) }
    return bytes
  }

  func write(_ bytes: [UInt8], at offset: Int) throws(StoreError) {
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

  /// `fdatasync` on Linux; `F_FULLFSYNC` on Darwin, whose `fsync` does not flush the drive's cache.
  func sync() throws(StoreError) {
    #if canImport(Darwin)
      if fcntl(descriptor, F_FULLFSYNC) == 0 { return }
      if fsync(descriptor) == 0 { return }
    #else
      if fdatasync(descriptor) == 0 { return }
    #endif
    throw StoreError.ioFailure("fsync", path: path, errno: errno)
  }

  func truncate(to length: Int) throws(StoreError) {
    guard ftruncate(descriptor, off_t(length)) == 0 else {
      throw StoreError.ioFailure("ftruncate", path: path, errno: errno)
    }
  }
}

private func retryingInterrupts(_ call: () -> Int32) -> Int32 {
  while true {
    let result = call()
    if result >= 0 || errno != EINTR { return result }
  }
}

// The C functions under names that do not clash with the wrappers' methods.
private func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 { open(path, flags, mode) }
private func systemClose(_ descriptor: Int32) -> Int32 { close(descriptor) }
private func systemRename(_ source: String, _ destination: String) -> Int32 { rename(source, destination) }
