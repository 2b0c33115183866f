import Foundation
import SupportSLA
import SupportTickets
import Testing

@Suite("SLA seed rules")
struct SLASeedRulesTests {
  @Test("a critical ticket opened at 03:00 on a Sunday breaches resolution at 04:00")
  func criticalSundayBreachesAtFour() throws {
    let sunday3am = utc("2026-11-22T03:00:00Z")
    #expect(Calendar(identifier: .gregorian).component(.weekday, from: sunday3am) == 1)  // Sunday
    let builder = TimelineBuilder(at: sunday3am, priority: .critical)
    let before = try #require(try evaluateDefault(builder, at: oneHour - 1).current(.resolution))
    #expect(before.state == .running)
    #expect(before.dueAt == utc("2026-11-22T04:00:00Z"))
    let at = try #require(try evaluateDefault(builder, at: oneHour).current(.resolution))
    #expect(at.state == .breached)
    #expect(at.breachedAt == utc("2026-11-22T04:00:00Z"))
    let later = try #require(try evaluateDefault(builder, at: 3 * oneHour).current(.resolution))
    #expect(later.breachedAt == utc("2026-11-22T04:00:00Z"))
    #expect(later.remaining == -2 * oneHour)
  }

  @Test("a normal ticket is never allowed past 24 hours")
  func normalTicketBreachesAfterADay() throws {
    var builder = TimelineBuilder(at: utc("2026-11-23T10:00:00Z"), priority: .normal)
    // Diligent updates every 4 hours keep every response target, but the ticket stays unresolved.
    for step in stride(from: 4 * oneHour, through: 20 * oneHour, by: 4 * oneHour) { builder.agentReply(after: step) }
    let justBefore = try evaluateDefault(builder, at: 24 * oneHour - 1)
    #expect(justBefore.current(.resolution)?.state == .running)
    #expect(justBefore.current(.resolution)?.dueAt == utc("2026-11-24T10:00:00Z"))
    let after = try evaluateDefault(builder, at: 24 * oneHour)
    let resolution = try #require(after.current(.resolution))
    #expect(resolution.state == .breached)
    #expect(resolution.breachedAt == utc("2026-11-24T10:00:00Z"))
    #expect(after.current(.firstResponse)?.state == .achieved)
  }

  @Test("time waiting on the customer does not count")
  func waitingOnCustomerPauses() throws {
    var builder = TimelineBuilder(at: utc("2026-11-23T10:00:00Z"), priority: .normal)
    builder.agentReply(after: 1 * oneHour)
    builder.status(.waitingOnCustomer, after: 2 * oneHour)
    builder.customerReply(after: 12 * oneHour)  // returns the ticket to open
    let status = try evaluateDefault(builder, at: 20 * oneHour)
    let resolution = try #require(status.current(.resolution))
    #expect(resolution.elapsed == 10 * oneHour)  // 0–2 h and 12–20 h
    #expect(resolution.state == .running)
    #expect(resolution.dueAt == utc("2026-11-24T20:00:00Z"))  // 24 h + the 10 h paused
    #expect(
      resolution.events == [
        SLAMetricEvent(.activated, at: utc("2026-11-23T10:00:00Z")),
        SLAMetricEvent(.paused, at: utc("2026-11-23T12:00:00Z")),
        SLAMetricEvent(.resumed, at: utc("2026-11-23T22:00:00Z")),
      ])
    let paused = try #require(try evaluateDefault(builder, at: 5 * oneHour).current(.resolution))
    #expect(paused.state == .paused)
    #expect(paused.elapsed == 2 * oneHour)
    #expect(paused.dueAt == nil)
  }

  @Test("a quick reply that does not resolve still breaches resolution")
  func quickReplyStillBreaches() throws {
    var builder = TimelineBuilder(at: utc("2026-11-23T10:00:00Z"), priority: .critical)
    builder.agentReply(after: 5 * oneMinute)
    let status = try evaluateDefault(builder, at: 2 * oneHour)
    let first = try #require(status.current(.firstResponse))
    #expect(first.state == .achieved)
    #expect(first.elapsed == 5 * oneMinute)
    let resolution = try #require(status.current(.resolution))
    #expect(resolution.state == .breached)
    #expect(resolution.breachedAt == utc("2026-11-23T11:00:00Z"))
  }

  @Test("a public agent reply restarts the next-update clock and an internal note does not")
  func publicReplyRestartsNextUpdate() throws {
    // High priority: an update is due every 2 hours.
    var withReply = TimelineBuilder(at: utc("2026-11-23T10:00:00Z"), priority: .high)
    withReply.agentReply(after: 30 * oneMinute)
    let replied = try #require(try evaluateDefault(withReply, at: 2 * oneHour + 15 * oneMinute).current(.nextResponse))
    #expect(replied.cycle == 2)
    #expect(replied.activatedAt == utc("2026-11-23T10:30:00Z"))
    #expect(replied.dueAt == utc("2026-11-23T12:30:00Z"))
    #expect(replied.state == .running)

    var withNote = TimelineBuilder(at: utc("2026-11-23T10:00:00Z"), priority: .high)
    withNote.internalNote(after: 30 * oneMinute)
    withNote.automatedMessage(after: 45 * oneMinute)
    let noted = try #require(try evaluateDefault(withNote, at: 2 * oneHour + 15 * oneMinute).current(.nextResponse))
    #expect(noted.cycle == 1)
    #expect(noted.activatedAt == utc("2026-11-23T10:00:00Z"))
    #expect(noted.state == .breached)
    #expect(noted.breachedAt == utc("2026-11-23T12:00:00Z"))
  }

  @Test("a 24/7 calendar is never closed at midnight")
  func alwaysOpenAtMidnight() throws {
    let zones = ["UTC", "America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Kuala_Lumpur"]
    // Midnights around DST changes and ordinary days.
    let days = [
      "2026-03-08", "2026-03-09", "2026-03-29", "2026-04-05", "2026-10-04", "2026-10-25", "2026-11-01",
      "2026-12-31",
    ]
    for name in zones {
      let zone = try #require(TimeZone(identifier: name))
      let calendar = BusinessCalendar.alwaysOpen(timeZone: zone)
      var gregorian = Calendar(identifier: .gregorian)
      gregorian.timeZone = zone
      for day in days {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        let midnight = try #require(
          gregorian.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])))
        #expect(calendar.isOpen(at: midnight), "\(name) \(day)")
        #expect(
          calendar.businessTime(from: midnight.addingTimeInterval(-60), to: midnight.addingTimeInterval(60)) == 120)
      }
    }
    // And the default policies, on that calendar, keep counting through midnight.
    let builder = TimelineBuilder(at: utc("2026-11-22T23:30:00Z"), priority: .critical)
    let status = try evaluateDefault(builder, at: 2 * oneHour)
    #expect(status.current(.resolution)?.breachedAt == utc("2026-11-23T00:30:00Z"))
  }
}
