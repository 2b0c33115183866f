import Foundation
import HostingSupport
import HostingSupportTestKit
import SupportTickets
import Testing

@Suite("ManualClock")
struct ManualClockTests {
  @Test("moves only when told, and its provider reads the current value")
  func movesWhenTold() {
    let clock = ManualClock(now: Fixtures.referenceDate)
    let provider = clock.provider
    #expect(provider() == Fixtures.referenceDate)
    clock.advance(by: 90)
    #expect(provider() == Fixtures.referenceDate.addingTimeInterval(90))
    clock.set(.distantFuture)
    #expect(clock.now == .distantFuture)
  }
}

@Suite("RecordingTransport")
struct RecordingTransportTests {
  @Test("records in order, filters by kind and reports repeated keys")
  func recordsAndReportsDuplicates() async throws {
    let transport = RecordingTransport()
    try await transport.send(Fixtures.notification(key: "a"))
    try await transport.send(Fixtures.customerNotification(key: "b"))
    try await transport.send(Fixtures.notification(key: "a"))
    #expect(await transport.idempotencyKeys == ["a", "b", "a"])
    #expect(await transport.notifications(of: .progressUpdate).map(\.idempotencyKey) == ["b"])
    #expect(await transport.duplicateKeys == ["a"])
  }

  @Test("injected failures are thrown once each, then sends succeed")
  func injectedFailures() async throws {
    let transport = RecordingTransport()
    await transport.failNextSends(with: [HostingSupportError.ioFailure("write", path: "/x", errno: 5)])
    await #expect(throws: HostingSupportError.self) { try await transport.send(Fixtures.notification()) }
    try await transport.send(Fixtures.notification())
    #expect(await transport.notifications.count == 1)
  }
}

@Suite("Fixtures")
struct FixturesTests {
  @Test("customers cover every plan tier, acquisition channel and notification language")
  func coverage() {
    #expect(Set(Fixtures.customers.map(\.tier)) == Set(PlanTier.allCases).subtracting([.other]))
    #expect(Set(Fixtures.customers.map(\.acquisition)) == Set(AcquisitionChannel.wellKnown))
    #expect(Set(Fixtures.customers.map(\.locale)) == Set(MessageLocale.allCases))
    #expect(Set(Fixtures.customers.map(\.id)).count == Fixtures.customers.count)
  }

  @Test("ticket openings exist for every priority and fold into valid tickets")
  func openings() throws {
    let tickets = try Fixtures.ticketOpenings.map { try Ticket(events: [$0]) }
    #expect(Set(tickets.map(\.priority)) == Set(Priority.allCases))
  }

  @Test("feedback covers the three languages and the three sentiments")
  func feedback() {
    #expect(Set(Fixtures.feedback.map(\.locale)) == Set(MessageLocale.allCases))
    #expect(Set(Fixtures.feedback.map(\.expectedLabel)) == ["negative", "neutral", "positive"])
  }

  @Test("sample notifications are valid")
  func notificationsValid() throws {
    try Fixtures.notification().validate()
    for customer in Fixtures.customers { try Fixtures.customerNotification(customer: customer).validate() }
  }
}
