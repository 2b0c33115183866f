import Foundation
import SupportImport
import Testing

@Suite("WHMCS local times become instants in the server's time zone, deterministically around clock changes")
struct TimeZoneTests {
  static func instant(_ zone: String, _ local: String) throws -> Date {
    let date = try CivilDate(parsing: String(local.prefix(10)))
    let parts = local.dropFirst(11).split(separator: ":").compactMap { Int($0) }
    return try ServerTimeZone(identifier: zone).instant(
      on: date, secondOfDay: parts[0] * 3600 + parts[1] * 60 + parts[2])
  }

  @Test(
    "ordinary, skipped and repeated local times",
    arguments: [
      // An ordinary time in a zone without clock changes.
      ("Asia/Vientiane", "2024-03-04 09:12:40", "2024-03-04T02:12:40Z"),
      // New York springs forward at 02:00: 02:30 does not exist and is read as 03:30 EDT.
      ("America/New_York", "2024-03-10 01:59:59", "2024-03-10T06:59:59Z"),
      ("America/New_York", "2024-03-10 02:30:00", "2024-03-10T07:30:00Z"),
      ("America/New_York", "2024-03-10 03:00:00", "2024-03-10T07:00:00Z"),
      // New York falls back at 02:00: 01:30 happens twice and is the first (EDT).
      ("America/New_York", "2024-11-03 01:30:00", "2024-11-03T05:30:00Z"),
      ("America/New_York", "2024-11-03 02:00:00", "2024-11-03T07:00:00Z"),
      // Berlin's gap is 02:00–03:00 on the last Sunday of March.
      ("Europe/Berlin", "2024-03-31 02:30:00", "2024-03-31T01:30:00Z"),
      // Sydney falls back in April: 02:30 is first read with daylight time (+11).
      ("Australia/Sydney", "2024-04-07 02:30:00", "2024-04-06T15:30:00Z"),
      // Lord Howe Island moves its clock by half an hour: 02:15 is skipped and read as 02:45 (+11).
      ("Australia/Lord_Howe", "2024-10-06 02:15:00", "2024-10-05T15:45:00Z"),
    ])
  func resolution(zone: String, local: String, expected: String) throws {
    #expect(try Self.instant(zone, local) == SampleExports.instant(expected))
  }

  @Test(
    "every minute of a clock-change day maps back to itself, or forward by the gap when it was skipped",
    arguments: [
      ("America/New_York", "2024-03-10", 60), ("America/New_York", "2024-11-03", 0),
      ("Europe/London", "2024-03-31", 60),
      ("Australia/Lord_Howe", "2024-10-06", 30), ("Australia/Lord_Howe", "2024-04-07", 0),
    ])
  func roundTrip(zone: String, day: String, skippedMinutes: Int) throws {
    let server = try ServerTimeZone(identifier: zone)
    let date = try CivilDate(parsing: day)
    func local(_ instant: Date) -> Double {
      instant.timeIntervalSince1970 + Double(server.timeZone.secondsFromGMT(for: instant))
    }
    var skipped = 0
    for minute in 0..<(24 * 60) {
      let wanted = Double(date.dayNumber * 86_400 + minute * 60)
      let instant = server.instant(on: date, secondOfDay: minute * 60)
      let shift = local(instant) - wanted
      if shift != 0 {
        skipped += 1
        #expect(shift > 0 && shift <= 3600, "\(zone) \(day) minute \(minute)")
      }
      // Never the later of two readings: half an hour or an hour earlier, the clock showed something else.
      for earlier in [1800.0, 3600.0] {
        #expect(local(instant.addingTimeInterval(-earlier)) != wanted, "\(zone) \(day) minute \(minute)")
      }
    }
    #expect(skipped == skippedMinutes)
  }

  @Test("time zone names are IANA identifiers; abbreviations and inventions are refused")
  func identifiers() throws {
    #expect(try ServerTimeZone(identifier: "Asia/Vientiane").identifier == "Asia/Vientiane")
    #expect(try ServerTimeZone(identifier: "UTC") == .utc)
    for name in ["EST", "Mars/Olympus_Mons", "", "+07:00", "Asia/Vientiane\n"] {
      #expect(throws: ImportError.self) { try ServerTimeZone(identifier: name) }
    }
  }

  @Test("replies written in a repeated hour keep their order: the later one is moved up, never before")
  func overlapOrder() async throws {
    let importer = WHMCSImporter(timeZone: try ServerTimeZone(identifier: "America/New_York"))
    // 01:50 (first pass, EDT) then 01:10 (second pass, EST) as WHMCS wrote them; both read as EDT.
    let document = WHMCSFixtures.ticket(
      status: "Answered", date: "2024-11-03 01:00:00", lastReply: "2024-11-03 01:10:00",
      extraReplies: [
        WHMCSFixtures.reply(id: 7, date: "2024-11-03 01:50:00", message: "Looking", admin: "Ana"),
        WHMCSFixtures.reply(id: 8, date: "2024-11-03 01:10:00", message: "Any news?", admin: ""),
      ])
    let read = try importer.tickets(from: [document])
    let store = InMemoryTicketStore()
    let summary = try await TicketImportWriter().write(read.tickets, to: store)
    let ticket = try #require(await store.ticket("whmcs-T1"))
    #expect(zip(ticket.events, ticket.events.dropFirst()).allSatisfy { $0.instant <= $1.instant })
    #expect(summary.warningCount == 0)
    #expect(ticket.createdAt == SampleExports.instant("2024-11-03T05:00:00Z"))
  }

  @Test("a local time that is not a date is an invalidValue at its path")
  func badLocalTime() throws {
    let document = WHMCSFixtures.ticket(
      extraReplies: [WHMCSFixtures.reply(id: 9, date: "2024-02-30 10:00:00", message: "x", admin: "")])
    #expect {
      _ = try WHMCSImporter(timeZone: .utc).tickets(from: [document])
    } throws: { error in
      let error = error as? ImportError
      return error?.code == .invalidValue && error?.path == "replies.reply[2].date"
    }
  }
}
