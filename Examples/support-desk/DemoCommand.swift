import CommandLineSupport
import Foundation

/// `support-desk demo [--days N] [--customers N] [--seed N] [--json] [--html FILE]`: simulates a small web host on the
/// embedded defaults (a temporary file ticket store, a file outbox) and prints what the desk did.
let demoCommand = CommandSpec(
  "demo", summary: "Simulate a small web host end to end on the embedded defaults and print what the desk did.",
  details: ["The store, outbox and desk state are real files in a scratch folder, deleted when the demo ends."],
  options: [
    .value("--days", "N", help: "Days simulated, 1...365 (default 30)."),
    .value("--customers", "N", help: "Customers, 1...5000 (default 40)."),
    .value("--seed", "N", help: "The scenario's seed, a whole number ≥ 0 (default 42)."),
    .flag("--json", help: "Print the report as JSON."),
    .value(
      "--html", "FILE", help: "Also write the report as one self-contained HTML page (no scripts, nothing fetched)."),
  ]
) { arguments in
  var options = DemoOptions()
  options.json = arguments.flag("--json")
  options.days = try arguments.integer("--days", in: 1...365) ?? options.days
  options.customers = try arguments.integer("--customers", in: 1...5_000) ?? options.customers
  options.seed = try arguments.value("--seed", expected: "a whole number ≥ 0") { UInt64($0) } ?? options.seed
  let directory = demoScratchFolder().appendingPathComponent("support-desk-demo-\(options.seed)-\(UUID().uuidString)")
  defer { try? FileManager.default.removeItem(at: directory) }
  let run = try await DemoSimulation(options: options, directory: directory).run()
  let report = run.report
  if let path = arguments.value("--html") {
    let page = report.htmlDocument(retention: try DemoRetention.report(run.history, to: run.end))
    try Data(page.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
  }
  if options.json {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    Console.print(String(decoding: try encoder.encode(report), as: UTF8.self))
  } else {
    Console.write(TerminalText.escapedLines(report.text.components(separatedBy: "\n")))
  }
  return .success
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
