import Foundation

/// Appends each notification as one JSON line to an outbox file and fsyncs it before returning.
///
/// The outbox is the hand-off to a host's own sender (a cron job, a mail relay): it reads the file,
/// delivers each line and remembers the ``OutboundMessage/idempotencyKey``s it has processed. The file is
/// opened with `O_APPEND` for every notification, so several processes may share it.
///
/// One line is the JSON object documented on ``OutboundMessage``, with sorted keys, ISO 8601 dates and no
/// line breaks inside.
public actor FileOutboxTransport: NotificationTransport {
  /// The outbox file.
  public nonisolated let fileURL: URL

  /// A transport appending to `fileURL` (created, with its folder, on the first notification).
  /// - Parameter fileURL: The outbox file, e.g. `…/outbox.jsonl`.
  public init(fileURL: URL) {
    self.fileURL = fileURL
  }

  /// Appends the notification and fsyncs the file.
  /// - Parameter notification: The message.
  /// - Throws: ``HostingSupportError`` `invalidNotification`, or `ioFailure` if the file cannot be written.
  public func send(_ notification: OutboundMessage) async throws {
    try notification.validate()
    var line = try Self.encoder.encode(notification)
    line.append(UInt8(ascii: "\n"))
    try append(line)
  }

  /// Reads every notification of an outbox file, oldest first.
  /// - Parameter fileURL: The outbox file; a missing file is an empty outbox.
  /// - Returns: The notifications in the order they were written.
  /// - Throws: ``HostingSupportError`` `corruptState` with the line number of a line that is not a notification
  ///   (a torn last line included), or `ioFailure`.
  /// - Complexity: O(n) in the file size.
  public static func notifications(in fileURL: URL) throws -> [OutboundMessage] {
    guard FileManager.default.fileExists(atPath: fileURL.path) else { return [] }
    let data: Data
    do {
      data = try Data(contentsOf: fileURL)
    } catch {
      throw HostingSupportError.ioFailure("read", path: fileURL.path, errno: EIO)
    }
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    var result: [OutboundMessage] = []
    for (index, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated()
    where !line.isEmpty {
      do {
        result.append(try decoder.decode(OutboundMessage.self, from: Data(line)))
      } catch {
        throw HostingSupportError.corruptState(path: fileURL.path, line: index + 1, reason: "not a notification")
      }
    }
    return result
  }

  private static let encoder: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    return encoder
  }()

  private func append(_ line: Data) throws {
    try DurableFile.append(line, to: fileURL)
  }
}
