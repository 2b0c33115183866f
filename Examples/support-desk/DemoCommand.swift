import Foundation

/// `support-desk demo [--days N] [--customers N] [--seed N] [--json]`: simulates a small web host on the
/// embedded defaults (a temporary file ticket store, a file outbox) and prints what the desk did.
func runDemoCommand(_ arguments: [String]) async -> Int32 {
  let options: DemoOptions
  do {
    options = try parseDemoOptions(arguments)
  } catch let error as DemoUsageError {
    FileHandle.standardError.write(Data("support-desk demo: \(error.message)\n".utf8))
    return 2
  } catch {
    return 2
  }
  let directory = demoScratchFolder().appendingPathComponent("support-desk-demo-\(options.seed)-\(UUID().uuidString)")
  defer { try? FileManager.default.removeItem(at: directory) }
  do {
    let report = try await DemoSimulation(options: options, directory: directory).run()
    if options.json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      encoder.dateEncodingStrategy = .iso8601
      var data = try encoder.encode(report)
      data.append(UInt8(ascii: "\n"))
      FileHandle.standardOutput.write(data)
    } else {
      FileHandle.standardOutput.write(Data(report.text.utf8))
    }
    return 0
  } catch {
    FileHandle.standardError.write(Data("support-desk demo: \(error)\n".utf8))
    return 1
  }
}

struct DemoUsageError: Error {
  var message: String
}

/// Parses the demo's options; every value is checked.
func parseDemoOptions(_ arguments: [String]) throws -> DemoOptions {
  var options = DemoOptions()
  var remaining = arguments[...]
  func value(for flag: String, in range: ClosedRange<Int>) throws -> Int {
    guard let text = remaining.popFirst() else { throw DemoUsageError(message: "\(flag) needs a value") }
    guard let number = Int(text), range.contains(number) else {
      throw DemoUsageError(
        message: "\(flag) must be a whole number in \(range.lowerBound)...\(range.upperBound), not '\(text)'")
    }
    return number
  }
  while let argument = remaining.popFirst() {
    switch argument {
    case "--json": options.json = true
    case "--days": options.days = try value(for: "--days", in: 1...365)
    case "--customers": options.customers = try value(for: "--customers", in: 1...5_000)
    case "--seed":
      guard let text = remaining.popFirst(), let seed = UInt64(text) else {
        throw DemoUsageError(message: "--seed needs a non-negative whole number")
      }
      options.seed = seed
    case "--help", "-h":
      throw DemoUsageError(message: "usage: support-desk demo [--days N] [--customers N] [--seed N] [--json]")
    default:
      throw DemoUsageError(message: "unknown option '\(argument)' (try --help)")
    }
  }
  return options
}

/// Where the demo's throw-away store lives. The store, outbox and desk state are real files that are fsynced as
/// in production, but they are deleted when the demo ends, so on Linux they go to the RAM-backed `/dev/shm`
/// (when writable) where a sync costs microseconds rather than milliseconds; elsewhere to the temporary folder.
func demoScratchFolder() -> URL {
  let memory = "/dev/shm"
  var isFolder: ObjCBool = false
  if FileManager.default.fileExists(atPath: memory, isDirectory: &isFolder), isFolder.boolValue,
    FileManager.default.isWritableFile(atPath: memory)
  {
    return URL(fileURLWithPath: memory, isDirectory: true)
  }
  return FileManager.default.temporaryDirectory
}
