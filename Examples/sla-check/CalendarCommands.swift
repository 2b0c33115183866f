import CommandLineSupport
import Foundation
import SupportSLA

private let calendarOption = OptionSpec.value(
  "--calendar", "FILE", help: "The business calendar as JSON (see the SupportSLA BusinessCalendars article).",
  required: true)

/// `sla-check elapsed --calendar FILE`: business seconds between `start` and `end` of each input line.
let elapsedCommand = CommandSpec(
  "elapsed", summary: "Business seconds between two instants, for each input line.",
  details: [
    #"input: {"start":ISO8601,"end":ISO8601} per line; output: {"seconds":N} per line (negative when end"#
      + " is before start)."
  ],
  options: [calendarOption]
) { arguments in
  try answerLines(with: elapsedAnswerer(try loadCalendar(try arguments.required("--calendar"))))
  return .success
}

/// `sla-check deadline --calendar FILE`: the instant at which `seconds` of business time have passed since `start`.
let deadlineCommand = CommandSpec(
  "deadline", summary: "The instant a number of business seconds after a start, for each input line.",
  details: [#"input: {"start":ISO8601,"seconds":N} per line; output: {"deadline":ISO8601} per line, in UTC."#],
  options: [calendarOption]
) { arguments in
  try answerLines(with: deadlineAnswerer(try loadCalendar(try arguments.required("--calendar"))))
  return .success
}

/// The answers of `elapsed`: `{"seconds":N}`.
func elapsedAnswerer(_ calendar: BusinessCalendar) -> LineAnswerer<ElapsedLine> {
  LineAnswerer(keys: ["start", "end"]) { line, scanner, output in
    guard case .string(let startText) = scanner.fields[0], case .string(let endText) = scanner.fields[1],
      let start = parseInstant(line[startText]), let end = parseInstant(line[endText])
    else { return false }
    let seconds = calendar.businessTime(from: start, to: end)
    guard seconds.isFinite else { return false }
    output.append(#"{"seconds":"#)
    appendSeconds(seconds, to: &output)
    output.append(byte: UInt8(ascii: "}"))
    return true
  } full: { line, number in
    let start = try instant(line.start, key: "start", line: number)
    let end = try instant(line.end, key: "end", line: number)
    let seconds = calendar.businessTime(from: start, to: end)
    guard seconds.isFinite else {
      throw DecodingIssue(code: .invalidValue, path: "end", line: number, message: "the business time is not finite")
    }
    return #"{"seconds":\#(formatSeconds(seconds))}"#
  }
}

/// The answers of `deadline`: `{"deadline":ISO8601}` in UTC.
func deadlineAnswerer(_ calendar: BusinessCalendar) -> LineAnswerer<DeadlineLine> {
  LineAnswerer(keys: ["start", "seconds"]) { line, scanner, output in
    guard case .string(let startText) = scanner.fields[0], case .number(let amountText) = scanner.fields[1],
      let amount = JSONNumberBytes.exactDouble(line[amountText]), let start = parseInstant(line[startText]),
      let deadline = try? calendar.date(addingBusinessTime: amount, to: start)
    else { return false }
    let mark = output.count
    output.append(#"{"deadline":""#)
    guard appendInstant(deadline, to: &output) else {
      output.truncate(to: mark)
      return false
    }
    output.append(#""}"#)
    return true
  } full: { line, number in
    let start = try instant(line.start, key: "start", line: number)
    let deadline: Date
    do {
      deadline = try calendar.date(addingBusinessTime: line.seconds, to: start)
    } catch let error as SLAError {
      throw DecodingIssue(code: .invalidValue, path: "seconds", line: number, message: error.message)
    }
    guard let text = formatInstant(deadline) else {
      throw DecodingIssue(
        code: .invalidValue, path: "seconds", line: number,
        message: "the deadline falls outside the years 0001–9999, which an RFC 3339 instant cannot write")
    }
    return #"{"deadline":"\#(text)"}"#
  }
}

/// A line of `elapsed`'s input.
struct ElapsedLine: Decodable {
  var start: String
  var end: String
}

/// A line of `deadline`'s input.
struct DeadlineLine: Decodable {
  var start: String
  var seconds: Double
}

/// Decodes the calendar file; a bad file is reported with its name and the field at fault.
private func loadCalendar(_ path: String) throws -> BusinessCalendar {
  let data = try readInputFile(path, what: "calendar file")
  do {
    return try JSONDecoder().decode(BusinessCalendar.self, from: data)
  } catch let error as SLAError {
    throw error.adding(ErrorContextKey.file, path)
  } catch let error as DecodingError {
    throw DecodingIssue(error).inFile(path)
  } catch {
    throw DecodingIssue(code: .malformed, path: "", message: "not valid JSON").inFile(path)
  }
}

/// Answers each non-blank stdin line with one output line; stops at the first malformed line (the lines
/// answered before it are written out first).
private func answerLines<Line>(with answerer: LineAnswerer<Line>) throws {
  var answerer = answerer
  let writer = JSONLinesWriter()
  defer { writer.flush() }
  try JSONLinesReader().forEachLineBytes(afterChunk: writer.flush) { line, number in
    try writer.writeLine { output in try answerer.answer(line, number: number, into: &output) }
  }
}

private func instant(_ text: String, key: String, line: Int) throws -> Date {
  guard let date = parseInstant(text) else {
    throw DecodingIssue(
      code: .invalidValue, path: key, line: line,
      message: "must be an ISO 8601 instant such as 2026-11-20T16:00:00Z, not '\(text)'")
  }
  return date
}

/// A whole number without a decimal point, otherwise the shortest exact decimal.
func formatSeconds(_ value: Double) -> String {
  var text = JSONLineBytes(capacity: 24)
  appendSeconds(value, to: &text)
  return String(decoding: text.bytes, as: UTF8.self)
}

/// Appends what ``formatSeconds(_:)`` writes, byte by byte for whole numbers.
func appendSeconds(_ value: Double, to output: inout JSONLineBytes) {
  if value.rounded() == value && abs(value) < 9e15 {
    output.append(decimal: Int64(value))
  } else {
    output.append(contentsOf: "\(value)")
  }
}

/// The contents of a file named on the command line, or a usage-level error naming it.
func readInputFile(_ path: String, what: String) throws -> Data {
  guard let data = FileManager.default.contents(atPath: path) else {
    throw DecodingIssue(code: .malformed, path: "", message: "cannot read the \(what)").inFile(path)
  }
  return data
}
