import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Makes a store folder's files cold: synced to disk, then their pages dropped from the operating system's
/// page cache, so reopening measures reading from the device rather than from memory.
enum PageCache {
  /// `fsync`s every regular file in `directory` and the directory itself.
  /// - Throws: `BenchmarkFailure` naming a file that cannot be opened or synced.
  static func sync(directory: URL) throws {
    for path in try files(in: directory) + [directory.path] { try withDescriptor(path) { try check(fsync($0), path) } }
  }

  /// Asks the kernel to drop the cached pages of every regular file in `directory` (`posix_fadvise` with
  /// `POSIX_FADV_DONTNEED`; only clean pages go, hence ``sync(directory:)`` first). On systems without
  /// `posix_fadvise` (macOS) it does nothing and returns `false`.
  @discardableResult
  static func drop(directory: URL) throws -> Bool {
    #if canImport(Glibc)
      if fileSystemType(of: directory) == "tmpfs" {
        throw BenchmarkFailure("\(directory.path) is on tmpfs, whose pages cannot be dropped; set TMPDIR to a disk")
      }
      for path in try files(in: directory) {
        try withDescriptor(path) { descriptor in
          let status = posix_fadvise(descriptor, 0, 0, POSIX_FADV_DONTNEED)
          guard status == 0 else { throw BenchmarkFailure("posix_fadvise(\(path)) failed: errno \(status)") }
        }
      }
      return true
    #else
      return false
    #endif
  }

  /// The type of the file system holding `directory` (the longest matching mount point in `/proc/mounts`).
  private static func fileSystemType(of directory: URL) -> String? {
    guard let mounts = try? String(contentsOfFile: "/proc/mounts", encoding: .utf8) else { return nil }
    let path = directory.resolvingSymlinksInPath().path
    var best: (point: String, type: String)?
    for line in mounts.split(separator: "\n") {
      let fields = line.split(separator: " ")
      guard fields.count > 2 else { continue }
      let point = String(fields[1])
      let matches = path == point || path.hasPrefix(point == "/" ? "/" : point + "/")
      if matches, point.count > (best?.point.count ?? -1) { best = (point, String(fields[2])) }
    }
    return best?.type
  }

  private static func files(in directory: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: directory.path).map {
      directory.appendingPathComponent($0).path
    }.filter { path in
      var isDirectory: ObjCBool = false
      return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }
  }

  private static func withDescriptor(_ path: String, _ body: (Int32) throws -> Void) throws {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { throw BenchmarkFailure("cannot open \(path): errno \(errno)") }
    defer { close(descriptor) }
    try body(descriptor)
  }

  private static func check(_ status: Int32, _ path: String) throws {
    guard status == 0 else { throw BenchmarkFailure("fsync(\(path)) failed: errno \(errno)") }
  }
}
