import CommandLineSupport
import Foundation
import SupportCore
import SupportSLA
import Testing

@testable import sla_check

/// The byte-level path of `sla-check deadline` and `elapsed` against the full way (`JSONDecoder` and the
/// commands' original code): for every line, valid or not, both must write the same bytes or report the same
/// error line.
@Suite("sla-check byte-level fast path")
struct SLACheckFastPathTests {
  /// What answering one line gave: the bytes written, or the error line the tool would print.
  enum Outcome: Equatable {
    case answer(String)
    case error(String)
  }

  static let calendars: [BusinessCalendar] = SLACheckGoldenTests.calendars.map {
    try! JSONDecoder().decode(BusinessCalendar.self, from: Data($0.json.utf8))
  }

  /// Answers `line` with the fast path allowed and with the full way only.
  func outcomes<Line>(_ answerer: LineAnswerer<Line>, _ line: [UInt8], number: Int) -> (
    fast: Outcome, full: Outcome, answeredFast: Bool
  ) {
    var answerer = answerer
    var answeredFast = false
    func run() -> Outcome {
      var output = JSONLineBytes()
      do {
        answeredFast = try answerer.answer(line[...], number: number, into: &output)
        return .answer(String(decoding: output.bytes, as: UTF8.self))
      } catch {
        return .error(ErrorLine.render(error, tool: "sla-check"))
      }
    }
    let fast = run()
    let usedFast = answeredFast
    answerer.allowsFastPath = false
    return (fast, run(), usedFast)
  }

  @Test(
    "valid lines of every shape get the same bytes from the byte-level path and from JSONDecoder",
    arguments: 0..<5)
  func validLinesAgree(calendarIndex: Int) {
    let calendar = Self.calendars[calendarIndex]
    var generator = SLACheckLineGenerator(seed: 1_000 + UInt64(calendarIndex))
    var fastCount = 0
    let count = 2_000
    for number in 1...count {
      let deadline = number % 2 == 0
      let text = (deadline ? generator.deadlineLine() : generator.elapsedLine()).trimmingCharacters(in: .newlines)
      let line = Array(text.utf8)
      let result =
        deadline
        ? outcomes(deadlineAnswerer(calendar), line, number: number)
        : outcomes(elapsedAnswerer(calendar), line, number: number)
      #expect(result.fast == result.full, "line \(number): \(text)")
      if case .error(let message) = result.full { Issue.record("a generated line is invalid: \(text): \(message)") }
      if result.answeredFast { fastCount += 1 }
    }
    // Escaped keys and values go the full way; nearly everything else must not.
    #expect(fastCount > count * 9 / 10, "only \(fastCount) of \(count) lines took the byte-level path")
  }

  @Test("mutated and malformed lines get the same answer or the same error either way", arguments: 0..<4)
  func mutatedLinesAgree(seed: UInt64) {
    let calendar = Self.calendars[Int(seed) % Self.calendars.count]
    var generator = SLACheckLineGenerator(seed: 2_000 + seed)
    var random = SplitMix64(seed: 3_000 + seed)
    var kinds: [String: Int] = [:]
    for number in 1...3_000 {
      let deadline = random.chance(0.5)
      var line = Array((deadline ? generator.deadlineLine() : generator.elapsedLine()).utf8)
      line.removeAll { $0 == UInt8(ascii: "\n") }
      for _ in 0..<(1 + random.below(3)) { Self.mutate(&line, using: &random) }
      let result =
        deadline
        ? outcomes(deadlineAnswerer(calendar), line, number: number)
        : outcomes(elapsedAnswerer(calendar), line, number: number)
      #expect(result.fast == result.full, "line \(number): \(String(decoding: line, as: UTF8.self))")
      switch result.full {
      case .answer: kinds["answer", default: 0] += 1
      case .error(let message): kinds[String(message.split(separator: ":")[1]), default: 0] += 1
      }
    }
    // The mutations reach valid answers as well as each kind of error.
    for kind in ["answer", " malformed", " invalidValue", " missingField", " wrongType"] {
      #expect(kinds[kind, default: 0] > 20, "too few outcomes of kind \(kind): \(kinds)")
    }
  }

  /// One random edit: a byte deleted, duplicated or replaced by one that matters to JSON or to an instant, a
  /// field repeated, a digit run lengthened, the line cut short.
  static func mutate(_ line: inout [UInt8], using random: inout SplitMix64) {
    let alphabet = Array(#"{}[]":,.-+eE0123456789 tTzZ\u"#.utf8) + [0x00, 0x09, 0x0D, 0x7F, 0xC3, 0xA9, 0xFF]
    guard !line.isEmpty else {
      line = Array(#"{}"#.utf8)
      return
    }
    let position = random.below(line.count)
    switch random.below(11) {
    case 0: line.remove(at: position)
    case 1: line.insert(line[position], at: position)
    case 2, 3: line[position] = alphabet[random.below(alphabet.count)]
    case 4: line.insert(alphabet[random.below(alphabet.count)], at: position)
    case 5: line = Array(line[..<position])
    case 6:
      // Repeat the first field: `{"start":…,"start":…,…}`.
      if let comma = line.firstIndex(of: UInt8(ascii: ",")), line.first == UInt8(ascii: "{") {
        line.insert(contentsOf: line[1...comma], at: 1)
      }
    case 7:
      let numbers = ["-0", "1e3", "1E+2", "0.1", "00", "-1", "9007199254740993", "1.0000000000000002", "3600.000"]
      let text = Array(numbers[random.below(numbers.count)].utf8)
      line.replaceSubrange(position..<min(line.count, position + 1 + random.below(4)), with: text)
    case 8, 9:
      // A value of another type before the first or last field's own: `"start":1,"q":"…"`.
      let colon = random.chance(0.5) ? line.firstIndex(of: UInt8(ascii: ":")) : line.lastIndex(of: UInt8(ascii: ":"))
      let values = [#"1"#, #""60""#, "true", "null", "[]", #"{"a":1}"#, "-2.5"]
      if let colon {
        line.insert(contentsOf: Array((values[random.below(values.count)] + #","q":"#).utf8), at: colon + 1)
      }
    default:
      line.insert(contentsOf: Array(" ".utf8), at: position)
    }
  }

  @Test("numbers the byte path converts are the Doubles JSONDecoder reads, and it declines the rest")
  func numbersMatchTheDecoder() throws {
    var random = SplitMix64(seed: 16)
    var converted = 0
    for _ in 0..<20_000 {
      let integerDigits = random.below(17)
      let decimals = random.chance(0.3) ? 0 : 1 + random.below(24)
      var text = random.chance(0.2) ? "-" : ""
      text += integerDigits == 0 ? "0" : String(1 + random.below(9))
      for _ in 0..<max(0, integerDigits - 1) { text += String(random.below(10)) }
      if decimals > 0 { text += "." + (0..<decimals).map { _ in String(random.below(10)) }.joined() }
      let decoded = try JSONDecoder().decode([Double].self, from: Data("[\(text)]".utf8))[0]
      if let value = JSONNumberBytes.exactDouble(Array(text.utf8)[...]) {
        #expect(value.bitPattern == decoded.bitPattern, "\(text): \(value) instead of \(decoded)")
        converted += 1
      }
    }
    #expect(converted > 10_000)
    #expect(JSONNumberBytes.exactDouble(Array("446400".utf8)[...]) == 446_400)
    #expect(JSONNumberBytes.exactDouble(Array("1e3".utf8)[...]) == nil)
    #expect(JSONNumberBytes.exactDouble(Array("9007199254740993".utf8)[...]) == nil)
  }

  @Test("instants are written as ISO8601DateFormatter writes them in UTC, milliseconds only when not zero")
  func instantsMatchFoundation() {
    var random = SplitMix64(seed: 8601)
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    for _ in 0..<5_000 {
      // Years 1600…9999 (Foundation's formatter turns Julian before 1582), whole milliseconds.
      let millis = Int64(random.below(265_078_396_799_000)) - 11_676_096_000_000
      let date = Date(timeIntervalSince1970: Double(millis) / 1000)
      var output = JSONLineBytes()
      let written = appendInstant(date, to: &output)
      #expect(written)
      let expected = formatter.string(from: date)
      let text = String(decoding: output.bytes, as: UTF8.self)
      #expect(text == (expected.hasSuffix(".000Z") ? String(expected.dropLast(5)) + "Z" : expected))
    }
    #expect(formatInstant(Date(timeIntervalSince1970: -62_135_596_800)) == "0001-01-01T00:00:00Z")
    #expect(formatInstant(Date(timeIntervalSince1970: 253_402_300_799.999)) == "9999-12-31T23:59:59.999Z")
    #expect(formatInstant(Date(timeIntervalSince1970: -0.001)) == "1969-12-31T23:59:59.999Z")
    var output = JSONLineBytes()
    let afterYear9999 = appendInstant(Date(timeIntervalSince1970: 253_402_300_800), to: &output)
    let beforeYear1 = appendInstant(Date(timeIntervalSince1970: -62_135_596_801), to: &output)
    #expect(!afterYear9999 && !beforeYear1)
    #expect(output.count == 0)
  }

  @Test("whole numbers are written as String(Int64) writes them")
  func decimalsMatchString() {
    var random = SplitMix64(seed: 64)
    var values: [Int64] = [0, 1, -1, 9, 10, -10, 99, 100, .max, .min, 8_999_999_999_999_999]
    for _ in 0..<5_000 { values.append(Int64(bitPattern: random.next()) >> Int64(random.below(64))) }
    for value in values {
      var output = JSONLineBytes()
      output.append(decimal: value)
      #expect(String(decoding: output.bytes, as: UTF8.self) == String(value))
    }
  }

  @Test(
    "the scanner declines what it cannot be sure of",
    arguments: [
      #"{"start":"a\"b","seconds":1}"#, #"{"st\u0061rt":"x","seconds":1}"#, #"{"start":"é","seconds":1}"#,
      #"{"start":"x","seconds":true}"#, #"{"start":"x","seconds":null}"#, #"{"start":"x","seconds":[1]}"#,
      #"{"start":"x","seconds":{"a":1}}"#, #"{"start":"x","start":"y","seconds":1}"#,
      #"{"id":1,"id":2,"start":"x","seconds":1}"#, #"{"start":"x","seconds":01}"#, #"{"start":"x","seconds":1.}"#,
      #"{"start":"x","seconds":-}"#, #"{"start":"x","seconds":1}x"#, #"{"start":"x","seconds":1,}"#,
      #"{"start":"x" "seconds":1}"#, #"["start","seconds"]"#, #"{"start":"x","seconds":1"#, "\u{FEFF}{}",
      "{\"start\":\"a\u{01}\",\"seconds\":1}", #"{start:"x"}"#, #"{"start":"x","seconds":+1}"#,
    ])
  func scannerDeclines(line: String) {
    var scanner = FlatJSONObjectScanner(keys: ["start", "seconds"])
    let accepted = scanner.scan(Array(line.utf8)[...])
    #expect(!accepted)
  }

  @Test("the scanner finds string and number fields in any order, around other keys and JSON whitespace")
  func scannerFindsFields() {
    var scanner = FlatJSONObjectScanner(keys: ["start", "seconds"])
    let line = Array(" \t{ \"id\" : \"t1\" ,\"seconds\":-12.5e-3,\"n\":0,\"start\":\"2026\"}\r ".utf8)
    let accepted = scanner.scan(line[...])
    #expect(accepted)
    guard case .string(let start) = scanner.fields[0], case .number(let seconds) = scanner.fields[1] else {
      Issue.record("fields not found: \(scanner.fields)")
      return
    }
    #expect(String(decoding: line[start], as: UTF8.self) == "2026")
    #expect(String(decoding: line[seconds], as: UTF8.self) == "-12.5e-3")
    let empty = scanner.scan(Array("{}".utf8)[...])
    #expect(empty)
    #expect(scanner.fields == [.absent, .absent])
  }
}
