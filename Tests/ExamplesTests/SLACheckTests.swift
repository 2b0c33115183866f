import Foundation
import Testing

@Suite("sla-check example")
struct SLACheckTests {
  /// The bundled sample: New York, Mon–Fri 09:00–12:00 and 13:00–17:00, Saturday 22:00–06:00,
  /// holidays 2026-11-26, 2026-12-25 and 2027-01-01.
  static let calendar = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Examples/sla-check/samples/calendar.json").path

  @Test("elapsed writes the business seconds of each line, negative for reversed ranges")
  func elapsed() async throws {
    let input = """
      {"start":"2026-11-20T16:00:00-05:00","end":"2026-11-23T10:30:00-05:00"}

      {"start":"2026-11-23T10:30:00-05:00","end":"2026-11-20T16:00:00-05:00"}
      {"start":"2026-11-25T16:30:00-05:00","end":"2026-11-27T09:30:00-05:00"}
      """
    let run = try await runExample("sla-check", ["elapsed", "--calendar", Self.calendar], input: input)
    #expect(run.status == 0, "\(run.standardError)")
    // 1 h Friday + 8 h Saturday night + 1.5 h Monday; then reversed; then Wednesday 16:30–17:00 and Friday
    // 09:00–09:30 around the Thanksgiving holiday.
    #expect(run.standardOutput == "{\"seconds\":37800}\n{\"seconds\":-37800}\n{\"seconds\":3600}\n")
  }

  @Test("deadline writes the UTC instant with Z, ending exactly at a closing time")
  func deadline() async throws {
    let input = """
      {"start":"2026-11-20T16:00:00-05:00","seconds":3600}
      {"start":"2026-11-21T12:00:00Z","seconds":0}
      {"start":"2026-12-24T16:30:00-05:00","seconds":3600}
      """
    let run = try await runExample("sla-check", ["deadline", "--calendar", Self.calendar], input: input)
    #expect(run.status == 0, "\(run.standardError)")
    // Friday 17:00 EST; the start itself for 0; Thursday 24 Dec 16:30 + 1 h skips Christmas and resumes on
    // Saturday 26 Dec's 22:00 night shift: 22:30 EST = 03:30Z on the 27th.
    #expect(
      run.standardOutput
        == "{\"deadline\":\"2026-11-20T22:00:00Z\"}\n{\"deadline\":\"2026-11-21T12:00:00Z\"}\n"
        + "{\"deadline\":\"2026-12-27T03:30:00Z\"}\n")
  }

  @Test("instants in any offset, with or without fractions, come back in UTC as Foundation writes them")
  func instantRoundTrip() async throws {
    var state: UInt64 = 0x150_8601
    func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state >> 11
    }
    var input = ""
    var expected = ""
    for index in 0..<300 {
      // 1900…2199, whole seconds or milliseconds, written in a random whole- or half-hour offset.
      let millis = Int64(next() % 9_467_280_000_000) - 2_208_988_800_000
      let instant = Date(timeIntervalSince1970: Double(index % 2 == 0 ? millis / 1000 * 1000 : millis) / 1000)
      let writer = ISO8601DateFormatter()
      writer.timeZone = TimeZone(secondsFromGMT: (Int(next() % 53) - 24) * 1800)  // −12:00 … +14:00
      writer.formatOptions =
        index % 2 == 0 ? [.withInternetDateTime] : [.withInternetDateTime, .withFractionalSeconds]
      input += "{\"start\":\"\(writer.string(from: instant))\",\"seconds\":0}\n"
      let utc = ISO8601DateFormatter()
      utc.formatOptions = writer.formatOptions
      let text = utc.string(from: instant)
      expected += "{\"deadline\":\"\(text.hasSuffix(".000Z") ? String(text.dropLast(5)) + "Z" : text)\"}\n"
    }
    let run = try await runExample("sla-check", ["deadline", "--calendar", Self.calendar], input: input)
    #expect(run.status == 0, "\(run.standardError)")
    #expect(run.standardOutput == expected)
  }

  @Test(
    "a malformed line stops the run with status 2 and names the line",
    arguments: [
      (#"{"start":"2026-11-20T16:00:00Z"}"#, "missingField: line 2: seconds: is missing"),
      (#"{"start":"friday","seconds":60}"#, "invalidValue: line 2: start: must be an ISO 8601 instant"),
      (
        #"{"start":"2026-11-20T16:00:00Z","seconds":-60}"#, "invalidValue: line 2: seconds: the amount of business time"
      ),
      (#"{"start":"2026-11-20T16:00:00Z","seconds":"60"}"#, "wrongType: line 2: seconds: expected a number"),
      ("not json", "malformed: line 2: not valid JSON"),
      (#"{"start":"2026-11-20 16:00:00","seconds":60}"#, "invalidValue: line 2: start: must be an ISO 8601 instant"),
      (#"{"start":"2026-02-30T16:00:00Z","seconds":60}"#, "invalidValue: line 2: start: must be an ISO 8601 instant"),
      (#"{"start":"2026-11-20T24:00:00Z","seconds":60}"#, "invalidValue: line 2: start: must be an ISO 8601 instant"),
      // A deadline past 9999-12-31 cannot be written as an RFC 3339 instant: an error, never a made-up text.
      (#"{"start":"9999-12-31T16:00:00Z","seconds":360000}"#, "invalidValue: line 2: seconds: the deadline falls"),
      (#"{"start":"2026-11-20T16:00:00Z","seconds":1e300}"#, "invalidValue: line 2: seconds: the deadline falls"),
    ])
  func malformedLine(line: String, message: String) async throws {
    let input =
      "{\"start\":\"2026-11-20T16:00:00Z\",\"seconds\":60}\n\(line)\n{\"start\":\"2026-11-20T16:00:00Z\",\"seconds\":60}\n"
    let run = try await runExample("sla-check", ["deadline", "--calendar", Self.calendar], input: input)
    #expect(run.status == 2)
    #expect(run.standardError.hasPrefix("sla-check: " + message), "\(run.standardError)")
    #expect(run.standardError.split(separator: "\n").count == 1)
    // Only the good line before it was answered.
    #expect(run.standardOutput.split(separator: "\n").count == 1)
  }

  @Test("a bad calendar file is reported with its field and status 2")
  func badCalendar() async throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("bad-calendar-\(UUID().uuidString).json")
    try Data(#"{"timeZone":"Europe/Londres","alwaysOpen":true}"#.utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let run = try await runExample("sla-check", ["elapsed", "--calendar", file.path], input: "")
    #expect(run.status == 2)
    #expect(
      run.standardError.hasPrefix(
        "sla-check: unknownTimeZone: \(file.path): timeZone: 'Europe/Londres' is not a known IANA time zone"))
  }

  @Test("missing options and unknown commands are usage errors")
  func usageErrors() async throws {
    #expect(try await runExample("sla-check", ["elapsed"]).status == 2)
    #expect(try await runExample("sla-check", ["frobnicate"]).status == 2)
    #expect(try await runExample("sla-check", []).status == 2)
  }
}
