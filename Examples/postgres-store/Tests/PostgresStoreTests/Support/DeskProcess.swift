import Foundation
import Testing

/// A `desk-instance` process on a schema, driven line by line: each command gets one JSON answer.
final class DeskProcess: @unchecked Sendable {
  let name: String
  /// The file the process writes each delivered message's key to.
  let sentFile: URL
  private let process = Process()
  private let input = Pipe()
  private let output = Pipe()
  private var buffered = Data()
  private let readQueue = DispatchQueue(label: "desk-process-read")

  /// Starts the process; it answers `ready` once its stores are open.
  /// - Parameters:
  ///   - name: The desk's instance name.
  ///   - schema: The schema both desks share.
  ///   - folder: Where its sent file goes.
  init(name: String, schema: String, folder: URL) throws {
    self.name = name
    sentFile = folder.appendingPathComponent("\(name).sent")
    process.executableURL = Self.executable
    process.arguments = ["--schema", schema, "--name", name, "--sent", sentFile.path]
    process.standardInput = input
    process.standardOutput = output
    try process.run()
  }

  /// The `desk-instance` executable, built beside the test bundle.
  static var executable: URL {
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    while !FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("desk-instance").path),
      folder.pathComponents.count > 1
    {
      folder.deleteLastPathComponent()
    }
    return folder.appendingPathComponent("desk-instance")
  }

  /// Sends one command.
  func send(_ command: String) {
    try? input.fileHandleForWriting.write(contentsOf: Data((command + "\n").utf8))
  }

  /// The next answer (waits up to `seconds`).
  /// - Throws: When the process ends or answers with an error or non-JSON.
  func answer(within seconds: Double = 300) async throws -> [String: Any] {
    let line = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Data, any Error>) in
      readQueue.async {
        let deadline = Date() + seconds
        while true {
          if let newline = self.buffered.firstIndex(of: UInt8(ascii: "\n")) {
            let line = self.buffered[..<newline]
            self.buffered.removeSubrange(...newline)
            return continuation.resume(returning: Data(line))
          }
          let chunk = self.output.fileHandleForReading.availableData
          if chunk.isEmpty || Date() > deadline {
            return continuation.resume(throwing: ProcessFailed(message: "\(self.name) stopped answering"))
          }
          self.buffered.append(chunk)
        }
      }
    }
    guard let object = try JSONSerialization.jsonObject(with: line) as? [String: Any] else {
      throw ProcessFailed(message: "\(name) answered \(String(decoding: line, as: UTF8.self))")
    }
    if let error = object["error"] { throw ProcessFailed(message: "\(name): \(error)") }
    return object
  }

  /// Sends the command and returns its answer.
  func run(_ command: String) async throws -> [String: Any] {
    send(command)
    return try await answer()
  }

  /// Asks the process to quit and waits for it.
  func quit() {
    guard process.isRunning else { return }
    send("quit")
    try? input.fileHandleForWriting.close()
    process.waitUntilExit()
  }

  /// Every key the process delivered, in order.
  func sentKeys() throws -> [String] {
    try String(contentsOf: sentFile, encoding: .utf8).split(separator: "\n").map(String.init)
  }

  struct ProcessFailed: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
  }
}
