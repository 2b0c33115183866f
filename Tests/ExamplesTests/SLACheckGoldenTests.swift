import Foundation
import Testing

/// The regression record of `sla-check deadline` and `elapsed`: seeded lines over five calendars, answered by the
/// binary as it was before its byte-level rewrite (issue 16). Any change to a single output byte fails here.
///
/// To record again (only when the output is meant to change): `SLA_CHECK_RECORD_GOLDEN=1 swift test --filter
/// SLACheckGoldenTests`, which rewrites the files under `Resources/sla-check-golden` and fails on purpose.
@Suite("sla-check golden output")
struct SLACheckGoldenTests {
  /// Calendars that exercise the arithmetic's edges: clock changes of a whole hour and of half an hour, a
  /// half-hour offset, overnight shifts, `24:00`, lunch breaks, holidays, and a calendar that is always open.
  static let calendars: [(name: String, json: String)] = [
    ("new-york", try! String(contentsOfFile: SLACheckTests.calendar, encoding: .utf8)),
    (
      "london",
      #"{"timeZone":"Europe/London","weekly":{"monday":[["08:30","17:30"]],"tuesday":[["08:30","17:30"]],"#
        + #""wednesday":[["08:30","17:30"]],"thursday":[["08:30","17:30"]],"friday":[["08:30","17:30"]],"#
        + #""sunday":[["00:30","02:30"]]},"holidays":["2026-04-03","2026-04-06","2026-12-25","2026-12-28"]}"#
    ),
    (
      "lord-howe",
      #"{"timeZone":"Australia/Lord_Howe","weekly":{"monday":[["09:00","17:00"]],"tuesday":[["09:00","17:00"]],"#
        + #""wednesday":[["09:00","17:00"]],"thursday":[["09:00","17:00"]],"friday":[["09:00","17:00"]],"#
        + #""saturday":[["18:00","24:00"]],"sunday":[["01:00","03:00"]]},"#
        + #""holidays":["2026-01-26","2026-04-03",{"date":"2026-12-25","name":"Christmas Day"}]}"#
    ),
    (
      "kolkata",
      #"{"timeZone":"Asia/Kolkata","weekly":{"monday":[["09:30","13:00"],["14:00","18:30"]],"#
        + #""tuesday":[["09:30","13:00"],["14:00","18:30"]],"wednesday":[["09:30","13:00"],["14:00","18:30"]],"#
        + #""thursday":[["09:30","13:00"],["14:00","18:30"]],"friday":[["09:30","13:00"],["14:00","18:30"]],"#
        + #""saturday":[["10:00","14:00"]]},"holidays":["2026-01-26","2026-08-15","2026-10-02","2026-11-08"]}"#
    ),
    ("sao-paulo-always-open", #"{"timeZone":"America/Sao_Paulo","alwaysOpen":true}"#),
  ]

  static let linesPerRun = 600

  @Test(
    "deadline and elapsed answer seeded lines over five calendars exactly as recorded",
    arguments: ["deadline", "elapsed"], 0..<5)
  func matchesRecord(command: String, calendarIndex: Int) async throws {
    let (name, json) = Self.calendars[calendarIndex]
    let calendarFile = FileManager.default.temporaryDirectory
      .appendingPathComponent("golden-\(name)-\(UUID().uuidString).json")
    try Data(json.utf8).write(to: calendarFile)
    defer { try? FileManager.default.removeItem(at: calendarFile) }

    var generator = SLACheckLineGenerator(seed: UInt64(calendarIndex * 2 + (command == "deadline" ? 0 : 1)))
    let input = (0..<Self.linesPerRun).map { _ in
      command == "deadline" ? generator.deadlineLine() : generator.elapsedLine()
    }.joined(separator: "\n")
    let run = try await runExample("sla-check", [command, "--calendar", calendarFile.path], input: input + "\n")
    #expect(run.status == 0, "\(run.standardError)")

    let fileName = "\(name)-\(command).jsonl"
    if ProcessInfo.processInfo.environment["SLA_CHECK_RECORD_GOLDEN"] != nil {
      let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Resources/sla-check-golden")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try Data(run.standardOutput.utf8).write(to: folder.appendingPathComponent(fileName))
      try Data(input.utf8).write(to: FileManager.default.temporaryDirectory.appendingPathComponent("input-" + fileName))
      Issue.record("recorded \(fileName); run again without SLA_CHECK_RECORD_GOLDEN")
      return
    }
    let recorded = try #require(
      Bundle.module.url(forResource: "sla-check-golden/\(fileName)", withExtension: nil), "no record \(fileName)")
    let expected = try String(contentsOf: recorded, encoding: .utf8)
    #expect(expected.split(separator: "\n").count == Self.linesPerRun)
    let actualLines = run.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(actualLines.count == expectedLines.count)
    for (index, (actual, wanted)) in zip(actualLines, expectedLines).enumerated() where actual != wanted {
      Issue.record("output line \(index + 1): \(actual) instead of \(wanted)")
      break
    }
  }
}
