import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Small POSIX helpers for files that must survive a crash: fsynced appends and atomic replacement.
enum DurableFile {
  /// Appends `data` with `O_APPEND` (so concurrent processes do not interleave small writes) and fsyncs.
  static func append(_ data: Data, to url: URL) throws {
    try createFolder(of: url)
    let path = url.path
    let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
    guard descriptor >= 0 else { throw HostingSupportError.ioFailure("open", path: path, errno: errno) }
    defer { close(descriptor) }
    try writeAll(data, to: descriptor, path: path)
    guard fsync(descriptor) == 0 else { throw HostingSupportError.ioFailure("fsync", path: path, errno: errno) }
  }

  /// Replaces the file's contents atomically: writes a temporary file, fsyncs it, renames it over the old
  /// one and fsyncs the folder, so a reader sees either the old or the new contents, never a mix.
  static func replace(_ url: URL, with data: Data) throws {
    try createFolder(of: url)
    let path = url.path
    let temporary = path + ".tmp"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard descriptor >= 0 else { throw HostingSupportError.ioFailure("open", path: temporary, errno: errno) }
    do {
      try writeAll(data, to: descriptor, path: temporary)
      guard fsync(descriptor) == 0 else {
        throw HostingSupportError.ioFailure("fsync", path: temporary, errno: errno)
      }
    } catch {
      close(descriptor)
      throw error
    }
    close(descriptor)
    guard rename(temporary, path) == 0 else { throw HostingSupportError.ioFailure("rename", path: path, errno: errno) }
    syncFolder(of: url)
  }

  /// Cuts a file to `length` bytes (a torn final line) and fsyncs it.
  static func truncate(_ url: URL, to length: Int) throws {
    let path = url.path
    let descriptor = open(path, O_WRONLY)
    guard descriptor >= 0 else { throw HostingSupportError.ioFailure("open", path: path, errno: errno) }
    defer { close(descriptor) }
    guard ftruncate(descriptor, off_t(length)) == 0 else {
      throw HostingSupportError.ioFailure("truncate", path: path, errno: errno)
    }
    guard fsync(descriptor) == 0 else { throw HostingSupportError.ioFailure("fsync", path: path, errno: errno) }
  }

  /// Fsyncs the folder of a file, so a file just created survives a crash (best effort).
  static func syncFolder(of url: URL) {
    let folder = open(url.deletingLastPathComponent().path, O_RDONLY)
    guard folder >= 0 else { return }
    _ = fsync(folder)
    close(folder)
  }

  private static func createFolder(of url: URL) throws {
    let folder = url.deletingLastPathComponent()
    guard !FileManager.default.fileExists(atPath: folder.path) else { return }
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw HostingSupportError.ioFailure("create the folder of", path: url.path, errno: EACCES)
    }
  }

  private static func writeAll(_ data: Data, to descriptor: Int32, path: String) throws {
    try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
      guard let base = buffer.baseAddress else { return }
      var offset = 0
      while offset < buffer.count {
        let written = write(descriptor, base + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          throw HostingSupportError.ioFailure("write", path: path, errno: errno)
        }
        offset += written
      }
    }
  }
}
