import Foundation
import Testing

/// What an example executable did when run.
struct ExampleRun {
  var status: Int32
  var standardOutput: String
  var standardError: String
}

/// Locates a built example executable next to the test bundle and runs it to completion, suspending (not
/// blocking a thread of the cooperative pool) while it runs, so tests that wait on clocks elsewhere in the
/// same test process are not starved while many example runs are in flight.
///
/// - Parameters:
///   - name: The executable product name, e.g. `support-desk`.
///   - arguments: Command-line arguments.
///   - input: Bytes written to its standard input (closed afterwards); `nil` gives it an empty input.
///   - directory: The working directory, or the current one.
/// - Returns: Exit status and everything it printed.
func runExample(
  _ name: String,
  _ arguments: [String] = [],
  input: String? = nil,
  in directory: URL? = nil
) async throws -> ExampleRun {
  let prepared = try PreparedExampleRun(name, arguments, input: input, in: directory)
  defer { prepared.cleanUp() }
  try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
    prepared.process.terminationHandler = { _ in continuation.resume() }
    do {
      try prepared.process.run()
    } catch {
      prepared.process.terminationHandler = nil
      continuation.resume(throwing: error)
    }
  }
  return try prepared.finish()
}

/// The same as the `async` `runExample`, blocking the calling thread until the executable exits.
///
/// Prefer the `async` form in tests: a blocked thread is one fewer for every other test in the process.
func runExample(
  _ name: String,
  _ arguments: [String] = [],
  input: String? = nil,
  in directory: URL? = nil
) throws -> ExampleRun {
  let prepared = try PreparedExampleRun(name, arguments, input: input, in: directory)
  defer { prepared.cleanUp() }
  try prepared.process.run()
  prepared.process.waitUntilExit()
  return try prepared.finish()
}

/// An example executable set up to run with its standard streams in scratch files.
private struct PreparedExampleRun {
  let process = Process()
  let scratch: URL
  let output: FileHandle
  let errors: FileHandle
  let input: FileHandle

  init(_ name: String, _ arguments: [String], input text: String?, in directory: URL?) throws {
    let executable = try #require(exampleExecutable(named: name), "built executable \(name) not found")
    scratch = FileManager.default.temporaryDirectory.appendingPathComponent("example-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    _ = FileManager.default.createFile(atPath: scratch.appendingPathComponent("stdout").path, contents: nil)
    _ = FileManager.default.createFile(atPath: scratch.appendingPathComponent("stderr").path, contents: nil)
    _ = FileManager.default.createFile(
      atPath: scratch.appendingPathComponent("stdin").path,
      contents: Data((text ?? "").utf8)
    )
    output = try FileHandle(forWritingTo: scratch.appendingPathComponent("stdout"))
    errors = try FileHandle(forWritingTo: scratch.appendingPathComponent("stderr"))
    input = try FileHandle(forReadingFrom: scratch.appendingPathComponent("stdin"))
    process.executableURL = executable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = input
  }

  /// Closes the streams and reads what the finished process printed.
  func finish() throws -> ExampleRun {
    try output.close()
    try errors.close()
    try input.close()
    return ExampleRun(
      status: process.terminationStatus,
      standardOutput: String(decoding: try Data(contentsOf: scratch.appendingPathComponent("stdout")), as: UTF8.self),
      standardError: String(decoding: try Data(contentsOf: scratch.appendingPathComponent("stderr")), as: UTF8.self)
    )
  }

  func cleanUp() { try? FileManager.default.removeItem(at: scratch) }
}

/// The folder holding the built products (`.build/debug` or the scratch path in use).
func exampleExecutable(named name: String) -> URL? {
  var candidates: [URL] = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
  for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
    candidates.append(bundle.bundleURL.deletingLastPathComponent())
  }
  for directory in candidates {
    let url = directory.appendingPathComponent(name)
    if FileManager.default.isExecutableFile(atPath: url.path) { return url }
  }
  return nil
}
