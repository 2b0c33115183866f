import Foundation
import SupportSLA
import Testing

@Suite("Business calendar JSON")
struct BusinessCalendarCodableTests {
  static let issueExample = """
    {"timeZone":"Europe/London","weekly":{"monday":[["09:00","17:00"]],"saturday":[["10:00","14:00"]]},\
    "holidays":["2026-12-25",{"date":"2026-12-26","name":"Boxing Day"}]}
    """

  func decode(_ json: String) throws -> BusinessCalendar {
    try JSONDecoder().decode(BusinessCalendar.self, from: Data(json.utf8))
  }

  @Test("the documented weekly example decodes")
  func decodesWeeklyExample() throws {
    let decoded = try decode(Self.issueExample)
    #expect(decoded.timeZone.identifier == "Europe/London")
    #expect(decoded.weekly[.monday] == [try OpeningInterval("09:00", "17:00")])
    #expect(decoded.weekly[.saturday] == [try OpeningInterval("10:00", "14:00")])
    #expect(decoded.weekly[.sunday].isEmpty)
    #expect(decoded.holidays == [try Holiday("2026-12-25"), try Holiday("2026-12-26", name: "Boxing Day")])
    #expect(!decoded.isAlwaysOpen)
    // Saturday 26 December is Boxing Day: closed although Saturdays are open.
    #expect(!decoded.isOpen(at: instant("2026-12-26T11:00:00Z")))
    #expect(decoded.isOpen(at: instant("2027-01-02T11:00:00Z")))
  }

  @Test("the documented always-open example decodes")
  func decodesAlwaysOpenExample() throws {
    let decoded = try decode(#"{"timeZone":"UTC","alwaysOpen":true}"#)
    #expect(decoded.isAlwaysOpen)
    #expect(decoded == .alwaysOpen)
  }

  @Test("encoding writes the documented shapes and decodes back to an equal calendar")
  func roundTrip() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let always = String(decoding: try encoder.encode(BusinessCalendar.alwaysOpen), as: UTF8.self)
    #expect(always == #"{"alwaysOpen":true,"timeZone":"UTC"}"#)
    let weekly = try decode(Self.issueExample)
    let encoded = String(decoding: try encoder.encode(weekly), as: UTF8.self)
    #expect(
      encoded == #"{"holidays":["2026-12-25",{"date":"2026-12-26","name":"Boxing Day"}],"timeZone":"Europe/London","#
        + #""weekly":{"monday":[["09:00","17:00"]],"saturday":[["10:00","14:00"]]}}"#)
    #expect(try decode(encoded) == weekly)
    let overnight = try calendar("America/New_York", [.friday: [("22:00", "06:00"), ("12:00", "24:00")]])
    #expect(try JSONDecoder().decode(BusinessCalendar.self, from: encoder.encode(overnight)) == overnight)
  }

  struct InvalidCase: Sendable, CustomTestStringConvertible {
    var json: String
    var code: SLAError.Code
    var field: String
    var testDescription: String { "\(code) at \(field)" }
  }

  @Test(
    "invalid input throws an error naming the field",
    arguments: [
      InvalidCase(json: #"{"timeZone":"Mars/Olympus","alwaysOpen":true}"#, code: .unknownTimeZone, field: "timeZone"),
      InvalidCase(
        json: #"{"timeZone":"UTC","weekly":{"monday":[["09:00","25:00"]]}}"#, code: .invalidTime,
        field: "weekly.monday[0][1]"),
      InvalidCase(
        json: #"{"timeZone":"UTC","weekly":{"monday":[["9am","17:00"]]}}"#, code: .invalidTime,
        field: "weekly.monday[0][0]"),
      InvalidCase(
        json: #"{"timeZone":"UTC","weekly":{"monday":[["09:00","17:00"]],"tuesday":[["09:60","17:00"]]}}"#,
        code: .invalidTime, field: "weekly.tuesday[0][0]"),
      InvalidCase(
        json: #"{"timeZone":"UTC","weekly":{"monday":[["24:00","06:00"]]}}"#, code: .invalidTime,
        field: "weekly.monday[0][0]"),
      InvalidCase(
        json: #"{"timeZone":"UTC","weekly":{"funday":[["09:00","17:00"]]}}"#, code: .invalidWeekday,
        field: "weekly.funday"),
      InvalidCase(
        json: #"{"timeZone":"UTC","weekly":{"monday":[["09:00","17:00"]]},"holidays":["2026-13-01"]}"#,
        code: .invalidDate, field: "holidays[0]"),
      InvalidCase(
        json:
          #"{"timeZone":"UTC","weekly":{"monday":[["09:00","17:00"]]},"holidays":["2026-12-25",{"date":"2026-02-30"}]}"#,
        code: .invalidDate, field: "holidays[1].date"),
      InvalidCase(
        json: #"{"timeZone":"UTC","weekly":{"monday":[["09:00","17:00"]]},"holidays":["25/12/2026"]}"#,
        code: .invalidDate, field: "holidays[0]"),
      InvalidCase(json: #"{"timeZone":"UTC","weekly":{}}"#, code: .emptySchedule, field: "weekly"),
      InvalidCase(json: #"{"timeZone":"UTC","weekly":{"monday":[]}}"#, code: .emptySchedule, field: "weekly"),
      InvalidCase(json: #"{"timeZone":"UTC"}"#, code: .emptySchedule, field: "weekly"),
      InvalidCase(json: #"{"timeZone":"UTC","alwaysOpen":false}"#, code: .emptySchedule, field: "weekly"),
      InvalidCase(json: #"{"weekly":{"monday":[["09:00","17:00"]]}}"#, code: .invalidCalendar, field: "timeZone"),
      InvalidCase(
        json: #"{"timeZone":"UTC","weekly":{"monday":[["09:00"]]}}"#, code: .invalidCalendar, field: "weekly.monday[0]"),
      InvalidCase(
        json: #"{"timeZone":"UTC","weekly":{"monday":["09:00-17:00"]}}"#, code: .invalidCalendar,
        field: "weekly.monday[0]"),
      InvalidCase(json: #"{"timeZone":"UTC","weekly":[["09:00","17:00"]]}"#, code: .invalidCalendar, field: "weekly"),
      InvalidCase(json: #"{"timeZone":"UTC","alwaysOpen":"yes"}"#, code: .invalidCalendar, field: "alwaysOpen"),
      InvalidCase(
        json: #"{"timeZone":"UTC","alwaysOpen":true,"holidays":["2026-12-25"]}"#, code: .invalidCalendar,
        field: "holidays"),
      InvalidCase(
        json: #"{"timeZone":"UTC","alwaysOpen":true,"weekly":{"monday":[["09:00","17:00"]]}}"#,
        code: .invalidCalendar, field: "weekly"),
      InvalidCase(
        json: #"{"timeZone":"UTC","weekly":{"monday":[["09:00","17:00"]]},"holidays":[{"name":"x"}]}"#,
        code: .invalidCalendar, field: "holidays[0].date"),
      InvalidCase(
        json: #"{"timeZone":"UTC","weekly":{"monday":[["09:00","17:00"]]},"holiday":["2026-12-25"]}"#,
        code: .invalidCalendar, field: "holiday"),
      InvalidCase(
        json:
          #"{"timeZone":"UTC","weekly":{"monday":[["09:00","17:00"]]},"holidays":[{"date":"2026-12-25","nmae":"x"}]}"#,
        code: .invalidCalendar, field: "holidays[0].nmae"),
    ])
  func invalidInput(_ case: InvalidCase) throws {
    let error = try #require(throws: SLAError.self) { try decode(`case`.json) }
    #expect(error.code == `case`.code, "\(error)")
    #expect(error.field == `case`.field, "\(error)")
    #expect(error.description.contains("path=\(`case`.field)"))
  }

  @Test("errors inside a larger document name the full path")
  func nestedPath() throws {
    struct Policy: Decodable { var calendar: BusinessCalendar }
    let json = #"{"calendar":{"timeZone":"UTC","weekly":{"friday":[["09:00","5pm"]]}}}"#
    let error = try #require(throws: SLAError.self) { try JSONDecoder().decode(Policy.self, from: Data(json.utf8)) }
    #expect(error.field == "calendar.weekly.friday[0][1]")
  }

  @Test("the decoder never traps on mangled input (seeded fuzz)")
  func fuzzDecoder() {
    var random = SeededGenerator(seed: 0xF022)
    let seed = Array(Self.issueExample.utf8)
    let alphabet = Array(#"{}[]",:0123456789-aeyTZ/ "#.utf8)
    var decodedCount = 0
    for _ in 0..<3000 {
      var bytes = seed
      for _ in 0..<Int.random(in: 1...6, using: &random) {
        let position = Int.random(in: 0..<bytes.count, using: &random)
        switch Int.random(in: 0..<3, using: &random) {
        case 0: bytes[position] = alphabet.randomElement(using: &random)!
        case 1: bytes.remove(at: position)
        default: bytes.insert(alphabet.randomElement(using: &random)!, at: position)
        }
        if bytes.isEmpty { bytes = seed }
      }
      do {
        let calendar = try JSONDecoder().decode(BusinessCalendar.self, from: Data(bytes))
        decodedCount += 1
        _ = calendar.businessTime(from: instant("2026-01-01T00:00:00Z"), to: instant("2027-01-01T00:00:00Z"))
      } catch {
        #expect(error is SLAError || error is DecodingError, "\(error)")
      }
    }
    #expect(decodedCount > 0)
  }

  @Test("times and dates parse strictly")
  func strictParsing() throws {
    #expect(try LocalTime(parsing: "00:00").secondsSinceMidnight == 0)
    #expect(try LocalTime(parsing: "24:00").secondsSinceMidnight == 86_400)
    #expect(try LocalTime(parsing: "17:45").secondsSinceMidnight == 17 * 3600 + 45 * 60)
    for bad in ["9:00", "09:00:00", "24:01", "-1:00", "0900", "", "0a:00"] {
      #expect(throws: SLAError.self) { try LocalTime(parsing: bad) }
    }
    #expect(try CivilDate(parsing: "2024-02-29").dayNumber == 19_782)
    #expect(try CivilDate(parsing: "1970-01-01").dayNumber == 0)
    #expect(try CivilDate(parsing: "1969-12-31").weekday == .wednesday)
    #expect(try CivilDate(parsing: "2026-12-25").weekday == .friday)
    for bad in ["2023-02-29", "2026-00-10", "2026-1-10", "20261210", "0000-01-01"] {
      #expect(throws: SupportCoreError.self) { try CivilDate(parsing: bad) }
    }
  }
}
