import Foundation
import SupportSLA

/// `sla-check elapsed --calendar FILE`: business seconds between `start` and `end` of each input line.
///
/// - Parameter arguments: The arguments after `elapsed`.
/// - Returns: 0 on success, 2 on bad arguments, a bad calendar or a malformed line.
func runElapsedCommand(_ arguments: [String]) -> Int32 {
  guard let calendar = loadCalendar(arguments, command: "elapsed") else { return 2 }
  return processLines(ElapsedLine.self) { line in
    let start = try instant(line.start, key: "start")
    let end = try instant(line.end, key: "end")
    return #"{"seconds":\#(formatSeconds(calendar.businessTime(from: start, to: end)))}"#
  }
}

/// `sla-check deadline --calendar FILE`: the instant at which `seconds` of business time have passed since `start`.
///
/// - Parameter arguments: The arguments after `deadline`.
/// - Returns: 0 on success, 2 on bad arguments, a bad calendar or a malformed line.
func runDeadlineCommand(_ arguments: [String]) -> Int32 {
  guard let calendar = loadCalendar(arguments, command: "deadline") else { return 2 }
  return processLines(DeadlineLine.self) { line in
    let start = try instant(line.start, key: "start")
    do {
      let deadline = try calendar.date(addingBusinessTime: line.seconds, to: start)
      return #"{"deadline":"\#(formatInstant(deadline))"}"#
    } catch let error as SLAError {
      throw LineError("\"seconds\": \(error.message)")
    }
  }
}

private struct ElapsedLine: Decodable {
  var start: String
  var end: String
}

private struct DeadlineLine: Decodable {
  var start: String
  var seconds: Double
}

/// Reads `--calendar FILE` and decodes the calendar, reporting problems on stderr.
private func loadCalendar(_ arguments: [String], command: String) -> BusinessCalendar? {
  var path: String?
  var iterator = arguments.makeIterator()
  while let argument = iterator.next() {
    switch argument {
    case "--calendar":
      guard let value = iterator.next() else {
        writeError("sla-check \(command): --calendar needs a file")
        return nil
      }
      path = value
    default:
      writeError("sla-check \(command): unknown argument '\(argument)'\nusage: sla-check \(command) --calendar FILE")
      return nil
    }
  }
  guard let path else {
    writeError("sla-check \(command): missing --calendar FILE\nusage: sla-check \(command) --calendar FILE")
    return nil
  }
  guard let data = FileManager.default.contents(atPath: path) else {
    writeError("sla-check \(command): cannot read calendar file \(path)")
    return nil
  }
  do {
    return try JSONDecoder().decode(BusinessCalendar.self, from: data)
  } catch let error as SLAError {
    writeError("sla-check \(command): \(path): \(error)")
  } catch {
    writeError("sla-check \(command): \(path): not valid JSON")
  }
  return nil
}

/// A problem with one input line, reported as `line N: message`.
struct LineError: Error {
  var message: String
  init(_ message: String) { self.message = message }
}

/// Decodes each non-blank stdin line as `Line`, runs `transform` on it and prints the result.
///
/// Stops at the first malformed line with `line N: …` on stderr and status 2; nothing is printed for that line.
private func processLines<Line: Decodable>(_ type: Line.Type, _ transform: (Line) throws -> String) -> Int32 {
  let decoder = JSONDecoder()
  var number = 0
  while let text = readLine(strippingNewline: true) {
    number += 1
    if text.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { continue }
    do {
      let line: Line
      do {
        line = try decoder.decode(Line.self, from: Data(text.utf8))
      } catch let error as DecodingError {
        throw LineError(describe(error))
      }
      print(try transform(line))
    } catch let error as LineError {
      writeError("line \(number): \(error.message)")
      return 2
    } catch {
      writeError("line \(number): \(error)")
      return 2
    }
  }
  return 0
}

private func describe(_ error: DecodingError) -> String {
  switch error {
  case .keyNotFound(let key, _): return "missing \"\(key.stringValue)\""
  case .typeMismatch(_, let context), .valueNotFound(_, let context):
    guard let key = context.codingPath.first?.stringValue else { return "not a JSON object" }
    return key == "seconds" ? "\"seconds\" must be a number" : "\"\(key)\" must be a string"
  case .dataCorrupted: return "not valid JSON"
  @unknown default: return "malformed line"
  }
}

private func instant(_ text: String, key: String) throws -> Date {
  guard let date = parseInstant(text) else {
    throw LineError("\"\(key)\" must be an ISO 8601 instant such as 2026-11-20T16:00:00Z, got '\(text)'")
  }
  return date
}

/// A whole number without a decimal point, otherwise the shortest exact decimal.
func formatSeconds(_ value: Double) -> String {
  if value.rounded() == value && abs(value) < 9e15 { return String(Int64(value)) }
  return "\(value)"
}

func writeError(_ text: String) {
  FileHandle.standardError.write(Data((text + "\n").utf8))
}
