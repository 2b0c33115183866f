import Foundation
import HostingSupport
import HostingSupportTestKit
import Testing

@Suite("Desk state grows sensibly: compaction and retention")
struct DeskStateRetentionTests {
  /// A desk with a manual clock and a recording transport over an in-memory state store.
  static func desk(retention: TimeInterval, compactionThreshold: Int) -> (
    desk: SupportDesk, clock: ManualClock, stateStore: InMemoryDeskStateStore, transport: RecordingTransport
  ) {
    let clock = ManualClock(now: Fixtures.referenceDate)
    let stateStore = InMemoryDeskStateStore()
    let transport = RecordingTransport()
    let desk = SupportDesk(
      classifier: KeywordClassifier(), transport: transport, stateStore: stateStore, customers: Fixtures.customers,
      configuration: DeskConfiguration(stateRetention: retention, stateCompactionThreshold: compactionThreshold),
      now: clock.provider)
    return (desk, clock, stateStore, transport)
  }

  @Test("the state log is compacted as it grows, and history older than the retention is dropped")
  func retention() async throws {
    let (desk, clock, stateStore, transport) = Self.desk(retention: 30 * day, compactionThreshold: 40)
    let farWindow = Fixtures.referenceDate + 200 * day
    try await desk.scheduleMaintenance(
      MaintenanceWindow(id: "MW-later", start: farWindow, end: farWindow + hour, description: "Later"))
    var largest = 0
    for index in 0..<120 {
      _ = try await desk.recordFeedback(
        CustomerFeedback(
          id: "F\(index)", customerID: "cust-aroon", text: "great", receivedAt: clock.now, npsScore: 10))
      largest = max(largest, await stateStore.records.count)
      clock.advance(by: day)
    }
    #expect(await transport.notifications.count == 120)
    #expect(largest < 150, "the log held \(largest) records for 120 days of feedback")
    let outcomes = try await desk.feedbackOutcomes()
    // Compaction runs once the log grew by 40 records (about 14 days of this load): history is dropped then.
    #expect(outcomes.allSatisfy { $0.feedback.receivedAt >= clock.now - (30 + 15) * day })
    #expect(outcomes.count < 50)
    #expect(outcomes.contains { $0.feedback.id == "F119" })
    #expect(try await desk.maintenanceWindows().map(\.id) == ["MW-later"], "a window still ahead is kept")
    #expect(try await desk.wasSent("feedback/F119/referral"))
    #expect(!(try await desk.wasSent("feedback/F0/referral")))
    // What a restart sees is what the running desk had.
    let restarted = SupportDesk(transport: RecordingTransport(), stateStore: stateStore, customers: Fixtures.customers)
    #expect(try await restarted.feedbackOutcomes() == outcomes)
    #expect(try await restarted.maintenanceWindows().map(\.id) == ["MW-later"])
  }

  @Test("queued messages survive compaction and retention until they are delivered")
  func queuedMessagesKept() async throws {
    let (desk, clock, stateStore, transport) = Self.desk(retention: day, compactionThreshold: 5)
    let down = HostingSupportError.ioFailure("send", path: "relay", errno: 5)
    await transport.failNextSends(with: Array(repeating: down, count: 2))
    _ = try await desk.recordFeedback(
      CustomerFeedback(id: "OLD", customerID: "cust-aroon", text: "great", receivedAt: clock.now, npsScore: 10))
    #expect(try await desk.pendingNotifications().map(\.idempotencyKey) == ["feedback/OLD/referral"])
    for index in 0..<10 {
      clock.advance(by: day)
      _ = try await desk.recordFeedback(
        CustomerFeedback(id: "N\(index)", customerID: "cust-siti", text: "fine", receivedAt: clock.now))
    }
    let restarted = SupportDesk(transport: transport, stateStore: stateStore, customers: Fixtures.customers)
    _ = try await restarted.deliverPending(now: clock.now)
    #expect(await transport.idempotencyKeys.contains("feedback/OLD/referral"))
  }
}
