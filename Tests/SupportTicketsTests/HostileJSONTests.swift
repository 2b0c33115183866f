import Foundation
import SupportTickets
import Testing

private let validEvent =
  #"{"id":"e1","type":"statusChanged","at":"2026-11-23T10:00:00Z","author":{"role":"agent","id":"ana"},"#
  + #""status":"resolved"}"#
private let validOpening =
  #"{"id":"e0","type":"created","at":"2026-11-23T09:00:00Z","author":{"role":"customer","id":"c1"},"#
  + #""ticket":"T-1","customer":"c1","subject":"Down","body":"Site down","priority":"high","#
  + #""department":"technical","channel":"email"}"#
private let validTicket = #"{"id":"T-1","events":["# + validOpening + "," + validEvent + "]}"

/// Decodes and returns the issue thrown, failing the test if anything else happens.
private func issue<T: Decodable>(_ type: T.Type, _ text: String) -> DecodingIssue? {
  do {
    _ = try TicketJSON.decode(type, from: Data(text.utf8))
    Issue.record("decoding should have failed: \(text.prefix(200))")
    return nil
  } catch let issue as DecodingIssue {
    return issue
  } catch {
    Issue.record("expected a DecodingIssue, got \(error)")
    return nil
  }
}

private func replacing(_ text: String, _ old: String, _ new: String) -> String {
  precondition(text.contains(old), "fixture does not contain \(old)")
  return text.replacingOccurrences(of: old, with: new)
}

@Suite("Hostile JSON")
struct HostileJSONTests {
  @Test("the fixtures decode, so every failure below is caused by its one change")
  func fixturesAreValid() throws {
    _ = try TicketJSON.decode(TicketEvent.self, from: Data(validEvent.utf8))
    let ticket = try TicketJSON.decode(Ticket.self, from: Data(validTicket.utf8))
    #expect(ticket.status == .resolved)
  }

  @Test(
    "wrong types name the field",
    arguments: [
      (#""id":"e1""#, #""id":5"#, "id"), (#""author":{"role":"agent","id":"ana"}"#, #""author":"ana""#, "author"),
      (#""at":"2026-11-23T10:00:00Z""#, #""at":1795428000"#, "at"),
      (#""status":"resolved""#, #""status":[]"#, "status"),
      (#""role":"agent""#, #""role":null"#, "author.role"),
    ])
  func wrongTypes(old: String, new: String, path: String) {
    let found = issue(TicketEvent.self, replacing(validEvent, old, new))
    #expect(found?.code == .wrongType)
    #expect(found?.path == path)
  }

  @Test(
    "unknown values name the field",
    arguments: [
      (#""status":"resolved""#, #""status":"done""#, "status"),
      (#""type":"statusChanged""#, #""type":"deleted""#, "type"),
      (#""role":"agent""#, #""role":"robot""#, "author.role"), (#""id":"e1""#, #""id":"""#, "id"),
      (#""at":"2026-11-23T10:00:00Z""#, #""at":"2026-02-30T10:00:00Z""#, "at"),
      (#""at":"2026-11-23T10:00:00Z""#, #""at":"yesterday""#, "at"),
    ])
  func unknownValues(old: String, new: String, path: String) {
    let found = issue(TicketEvent.self, replacing(validEvent, old, new))
    #expect(found?.code == .invalidValue)
    #expect(found?.path == path)
  }

  @Test(
    "missing fields are named",
    arguments: [(#""at":"2026-11-23T10:00:00Z","#, "at"), (#","status":"resolved""#, "status"), (#""id":"e1","#, "id")])
  func missingFields(removed: String, path: String) {
    let found = issue(TicketEvent.self, replacing(validEvent, removed, ""))
    #expect(found?.code == .missingField)
    #expect(found?.path == path)
  }

  @Test("nested failures carry the whole path")
  func nestedPaths() {
    let unknownStatus = issue(Ticket.self, replacing(validTicket, #""status":"resolved""#, #""status":"done""#))
    #expect(unknownStatus?.path == "events[1].status")
    let missingCustomer = issue(Ticket.self, replacing(validTicket, #""customer":"c1","#, ""))
    #expect(missingCustomer?.path == "events[0].customer")
    #expect(missingCustomer?.code == .missingField)
    let badTier = issue(
      Ticket.self,
      replacing(validTicket, #""channel":"email""#, #""channel":"email","service":{"tier":"cloud","plan":"x"}"#))
    #expect(badTier?.path == "events[0].service.tier")
    let noEvents = issue(Ticket.self, #"{"id":"T-1"}"#)
    #expect(noEvents?.path == "events")
  }

  @Test("a timeline that breaks a lifecycle rule names the event that broke it")
  func lifecycleInJSON() {
    let reopenedClosed = replacing(validTicket, #""status":"resolved""#, #""status":"closed""#)
    let extra =
      #",{"id":"e2","type":"customerReply","at":"2026-11-23T11:00:00Z","author":{"role":"customer","id":"c1"},"#
      + #""body":"hello?"}]}"#
    let text = String(reopenedClosed.dropLast(2)) + extra
    let found = issue(Ticket.self, text)
    #expect(found?.path == "events[2]")
    #expect(found?.code == .invalidValue)
    #expect(found?.message.contains("ticketClosed") == true)
    let otherID = issue(Ticket.self, replacing(validTicket, #"{"id":"T-1","events""#, #"{"id":"T-2","events""#))
    #expect(otherID?.path == "id")
  }

  @Test("huge strings are refused with the field named, not stored")
  func hugeStrings() {
    let huge = String(repeating: "x", count: (1 << 20) + 10)
    let body = issue(Ticket.self, replacing(validTicket, #""body":"Site down""#, #""body":"\#(huge)""#))
    #expect(body?.path == "events[0].body")
    let id = issue(TicketEvent.self, replacing(validEvent, #""id":"e1""#, #""id":"\#(huge)""#))
    #expect(id?.path == "id")
    let subject = issue(
      Ticket.self, replacing(validTicket, #""subject":"Down""#, #""subject":"\#(huge.prefix(5_000))""#))
    #expect(subject?.path == "events[0].subject")
  }

  @Test("deep nesting is refused without exhausting the stack")
  func deepNesting() {
    for depth in [600, 100_000] {
      let nested = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
      #expect(issue(Ticket.self, nested) != nil)
      #expect(issue(TicketEvent.self, replacing(validEvent, #""id":"e1""#, #""id":\#(nested)"#)) != nil)
      let objects = String(repeating: #"{"a":"#, count: depth) + "1" + String(repeating: "}", count: depth)
      #expect(issue(TicketQuery.self, #"{"customer":\#(objects)}"#) != nil)
    }
  }

  @Test("query limits outside 1…1000 are refused", arguments: ["0", "-1", "1001", "9223372036854775807", "1.5"])
  func queryLimits(limit: String) {
    let found = issue(TicketQuery.self, #"{"limit":\#(limit)}"#)
    #expect(found?.path == "limit")
  }

  @Test("10,000 seeded random and mutated inputs never trap and fail only with a DecodingIssue")
  func fuzz() {
    var generator = SeededGenerator(seed: 0xF022)
    let seeds = [validEvent, validTicket, validOpening]
    let alphabet = Array(#"{}[]":,0123456789-+.eEtrufalsn\ abc"#.utf8) + [0x00, 0xFF, 0xC3, 0xE0]
    var decoded = 0
    for round in 0..<10_000 {
      var bytes: [UInt8]
      if round % 4 == 0 {
        bytes = (0..<Int.random(in: 0...64, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator)
        }
      } else {
        bytes = Array(seeds[round % seeds.count].utf8)
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
          let position = Int.random(in: 0..<bytes.count, using: &generator)
          switch Int.random(in: 0..<4, using: &generator) {
          case 0: bytes[position] = alphabet.randomElement(using: &generator)!
          case 1: bytes.remove(at: position)
          case 2: bytes.insert(alphabet.randomElement(using: &generator)!, at: position)
          default: bytes = Array(bytes.prefix(position))
          }
          if bytes.isEmpty { break }
        }
      }
      let data = Data(bytes)
      for attempt in 0..<3 {
        do {
          switch attempt {
          case 0: _ = try TicketJSON.decode(TicketEvent.self, from: data)
          case 1: _ = try TicketJSON.decode(Ticket.self, from: data)
          default: _ = try TicketJSON.decode(CustomerTicketView.self, from: data)
          }
          decoded += 1
        } catch is DecodingIssue {
          continue
        } catch {
          Issue.record("not a DecodingIssue: \(error)")
        }
      }
    }
    #expect(decoded > 0, "some mutations (e.g. in a body text) still decode")
  }
}
