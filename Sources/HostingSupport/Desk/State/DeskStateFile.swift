import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The contents of one desk state file, read line by line: what is intact and what is not.
struct DeskStateFile {
  /// A line that could not be read.
  struct Damage: Hashable {
    var line: Int
    var reason: String
  }

  /// The snapshot header, for a snapshot file.
  var header: DeskStateLine.Header?
  /// The intact records, in file order.
  var records: [DeskStateRecord] = []
  /// The damaged lines.
  var damage: [Damage] = []
  /// The length of the file up to the end of its last complete line.
  var completeLength = 0
  /// Whether the file ends with an unterminated line that looks like an interrupted append.
  var hasTornTail = false

  /// Parses a file's bytes.
  /// - Parameters:
  ///   - data: The bytes.
  ///   - isSnapshot: Whether the first line is a snapshot header (and a torn tail is damage: snapshots are
  ///     written whole and renamed into place).
  init(parsing data: Data, isSnapshot: Bool) {
    var lineNumber = 0
    var start = data.startIndex
    while start < data.endIndex {
      lineNumber += 1
      guard let newline = data[start...].firstIndex(of: UInt8(ascii: "\n")) else {
        let fragment = data[start...]
        if !isSnapshot, DeskStateLine.isPlausibleTornTail(fragment) {
          hasTornTail = true
        } else {
          damage.append(Damage(line: lineNumber, reason: "unterminated line that is not an interrupted append"))
        }
        break
      }
      let line = data[start..<newline]
      start = newline + 1
      completeLength = start - data.startIndex
      if isSnapshot && lineNumber == 1 {
        switch DeskStateLine.decodeHeader(line) {
        case .success(let header): self.header = header
        case .failure(let problem): damage.append(Damage(line: lineNumber, reason: problem.reason))
        }
        continue
      }
      switch DeskStateLine.decodeRecord(line) {
      case .success(let record): records.append(record)
      case .failure(let problem): damage.append(Damage(line: lineNumber, reason: problem.reason))
      }
    }
    if isSnapshot && header == nil && damage.isEmpty {
      damage.append(Damage(line: 1, reason: "the snapshot has no header"))
    }
  }

  /// The bytes of a file, `nil` when it does not exist.
  /// - Throws: ``HostingSupportError`` `corruptState` when the path is a directory, a symbolic link or anything
  ///   but a regular file; `ioFailure` when it cannot be read.
  static func read(_ url: URL) throws -> Data? {
    var status = stat()
    guard lstat(url.path, &status) == 0 else {
      if errno == ENOENT { return nil }
      throw HostingSupportError.ioFailure("inspect", path: url.path, errno: errno)
    }
    guard (status.st_mode & S_IFMT) == S_IFREG else {
      let what = (status.st_mode & S_IFMT) == S_IFDIR ? "a directory" : "not a regular file"
      throw HostingSupportError.corruptState(
        path: url.path, line: 0, reason: "is \(what) where the desk keeps a state file")
    }
    do {
      return try Data(contentsOf: url)
    } catch {
      throw HostingSupportError.ioFailure("read", path: url.path, errno: EIO)
    }
  }
}
