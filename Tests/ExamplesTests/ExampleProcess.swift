import Foundation
import Testing

/// What an example executable did when run.
struct ExampleRun {
  var status: Int32
  var standardOutput: String
  var standardError: String
}

/// Locates a built example executable next to the test bundle and runs it to completion.
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
) throws -> ExampleRun {
  let executable = try #require(exampleExecutable(named: name), "built executable \(name) not found")
  let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("example-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: scratch) }
  let outURL = scratch.appendingPathComponent("stdout")
  let errURL = scratch.appendingPathComponent("stderr")
  let inURL = scratch.appendingPathComponent("stdin")
  FileManager.default.createFile(atPath: outURL.path, contents: nil)
  FileManager.default.createFile(atPath: errURL.path, contents: nil)
  FileManager.default.createFile(atPath: inURL.path, contents: Data((input ?? "").utf8))

  let process = Process()
  process.executableURL = executable
  process.arguments = arguments
  if let directory { process.currentDirectoryURL = directory }
  let out = try FileHandle(forWritingTo: outURL)
  let err = try FileHandle(forWritingTo: errURL)
  let inp = try FileHandle(forReadingFrom: inURL)
  process.standardOutput = out
  process.standardError = err
  process.standardInput = inp
  try process.run()
  process.waitUntilExit()
  try out.close()
  try err.close()
  try inp.close()
  return ExampleRun(
    status: process.terminationStatus,
    standardOutput: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
    standardError: String(decoding: try Data(contentsOf: errURL), as: UTF8.self)
  )
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
