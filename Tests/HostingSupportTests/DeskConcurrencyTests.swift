import FeedbackSentiment
import Foundation
import HostingSupport
import HostingSupportTestKit
import SupportTickets
import Testing

/// Says negative for texts containing "terrible", positive for "great", neutral otherwise.
struct KeywordClassifier: SentimentClassifier {
  func classify(_ text: String) -> SentimentResult {
    if text.contains("terrible") {
      return SentimentResult(label: .negative, score: -0.8, confidence: 0.9, language: .english)
    }
    if text.contains("great") {
      return SentimentResult(label: .positive, score: 0.8, confidence: 0.9, language: .english)
    }
    return SentimentResult(label: .neutral, score: 0, confidence: 0.5, language: .english)
  }
}

/// Runs `count` copies of `body` at once and returns their results in index order.
func concurrently<Value: Sendable>(
  _ count: Int, _ body: @escaping @Sendable (Int) async throws -> Value
) async -> [Result<Value, any Error>] {
  await withTaskGroup(of: (Int, Result<Value, any Error>).self) { group in
    for index in 0..<count {
      group.addTask {
        do { return (index, .success(try await body(index))) } catch { return (index, .failure(error)) }
      }
    }
    var results = [Result<Value, any Error>?](repeating: nil, count: count)
    for await (index, result) in group { results[index] = result }
    return results.map { $0! }
  }
}

@Suite("SupportDesk under concurrent calls")
struct DeskConcurrencyTests {
  enum StoreKind: String, CaseIterable, Sendable { case inMemory, file, latency }

  static func ticketStore(_ kind: StoreKind) throws -> any TicketStore {
    switch kind {
    case .inMemory: return InMemoryTicketStore()
    case .file:
      return try FileTicketStore(directory: try scratchDirectory(), durability: .batched(maxDelay: .milliseconds(2)))
    case .latency:
      return LatencyTicketStore(wrapping: InMemoryTicketStore(), latency: SimulatedLatency(seed: 11))
    }
  }

  @Test(
    "1,000 concurrent openTicket(for:) calls get 1,000 distinct tickets and no error",
    arguments: StoreKind.allCases)
  func thousandConcurrentOpens(kind: StoreKind) async throws {
    let store = try Self.ticketStore(kind)
    let desk = SupportDesk(
      store: store, transport: RecordingTransport(),
      stateStore: LatencyDeskStateStore(wrapping: InMemoryDeskStateStore(), latency: SimulatedLatency(seed: 5)),
      customers: Fixtures.customers, now: { Fixtures.referenceDate })
    let results = await concurrently(1_000) { index in
      try await desk.openTicket(for: "cust-aroon", subject: "Request \(index)", body: "Please help").ticket.id
    }
    let errors = results.compactMap { result -> String? in
      if case .failure(let error) = result { "\(error)" } else { nil }
    }
    #expect(errors.isEmpty, "\(errors.count) calls failed, e.g. \(errors.first ?? "")")
    let ids = results.compactMap { try? $0.get() }
    #expect(Set(ids).count == 1_000)
    #expect(try await store.allTickets().count == 1_000)
  }

  @Test("a caller-given id that is taken still throws duplicateTicket; generated ids skip it")
  func realDuplicateStillThrows() async throws {
    let desk = SupportDesk(transport: RecordingTransport(), customers: Fixtures.customers)
    let opening = TicketOpening(ticketID: "T-1", customerID: "cust-aroon", subject: "Mine", body: "Given id")
    let results = await concurrently(2) { _ in try await desk.openTicket(opening).ticket.id }
    let failures = results.compactMap { result -> StoreError.Code? in
      if case .failure(let error) = result { (error as? StoreError)?.code } else { nil }
    }
    #expect(failures == [StoreError.Code.duplicateTicket])
    let generated = try await desk.openTicket(for: "cust-aroon", subject: "Next", body: "Next one")
    #expect(generated.ticket.id == "T-2")
  }

  @Test("50 concurrent first calls on a fresh desk load the state once and keep every change")
  func singleFlightLoad() async throws {
    let stateStore = LatencyDeskStateStore(wrapping: InMemoryDeskStateStore(), latency: SimulatedLatency(seed: 9))
    let desk = SupportDesk(
      transport: RecordingTransport(), stateStore: stateStore, customers: Fixtures.customers,
      now: { Fixtures.referenceDate })
    let start = Fixtures.referenceDate + 10 * day
    let results = await concurrently(50) { index in
      try await desk.scheduleMaintenance(
        MaintenanceWindow(
          id: MaintenanceID("MW-\(index)"), start: start, end: start + hour, description: "Work \(index)"))
    }
    #expect(results.allSatisfy { (try? $0.get()) != nil })
    #expect(await stateStore.loadCount == 1)
    #expect(try await desk.maintenanceWindows().count == 50)
    let restarted = SupportDesk(transport: RecordingTransport(), stateStore: stateStore, customers: Fixtures.customers)
    let reloaded = try await restarted.maintenanceWindows().map { $0.id }
    #expect(Set(reloaded) == Set((0..<50).map { MaintenanceID("MW-\($0)") }))
  }

  @Test("concurrent ticks at one instant raise each alert once and send each message once, one send at a time")
  func concurrentTicksCoalesce() async throws {
    let transport = RecordingTransport(latency: SimulatedLatency(maximum: .milliseconds(1), seed: 3))
    let desk = SupportDesk(
      store: LatencyTicketStore(wrapping: InMemoryTicketStore(), latency: SimulatedLatency(seed: 4)),
      transport: transport, customers: Fixtures.customers, now: { Fixtures.referenceDate })
    for index in 0..<10 {
      _ = try await desk.openTicket(for: "cust-nordic", subject: "Down \(index)", body: "Down", priority: .critical)
    }
    let now = Fixtures.referenceDate + 20 * 60
    let reports = await concurrently(20) { _ in try await desk.tick(now: now) }
    let alerts = reports.flatMap { (try? $0.get())?.newAlerts ?? [] }.map(SupportDesk.idempotencyKey(for:))
    #expect(reports.allSatisfy { (try? $0.get()) != nil })
    #expect(!alerts.isEmpty)
    #expect(await transport.duplicateKeys.isEmpty)
    #expect(Set(await transport.idempotencyKeys) == Set(alerts))
    #expect(await transport.mostConcurrentSends == 1)
  }

  @Test("messages queued while a delivery round runs are delivered once, and none is lost")
  func queuedDuringFlushKept() async throws {
    let transport = GatedTransport(gatedKeyPrefix: "feedback/F1/")
    let desk = SupportDesk(
      classifier: KeywordClassifier(), transport: transport, customers: Fixtures.customers,
      now: { Fixtures.referenceDate })
    let first = Task {
      try await desk.recordFeedback(
        CustomerFeedback(id: "F1", customerID: "cust-aroon", text: "terrible", receivedAt: Fixtures.referenceDate))
    }
    await transport.waitForGatedSend()
    let second = Task {
      try await desk.recordFeedback(
        CustomerFeedback(id: "F2", customerID: "cust-siti", text: "terrible", receivedAt: Fixtures.referenceDate))
    }
    // Let the second call queue its messages while the first round is blocked in the transport.
    for _ in 0..<200 { await Task.yield() }
    await transport.open()
    _ = try await first.value
    _ = try await second.value
    _ = try await desk.deliverPending()
    let keys = await transport.keys
    #expect(keys.count == Set(keys).count, "sent twice: \(keys)")
    #expect(
      Set(keys) == [
        "feedback/F1/staff-alert", "feedback/F1/follow-up", "feedback/F2/staff-alert", "feedback/F2/follow-up",
      ])
    #expect(try await desk.pendingNotifications().isEmpty)
  }

  @Test("each delivered message's sent mark is written before the next message is sent")
  func sentMarkPerMessage() async throws {
    let stateStore = InMemoryDeskStateStore()
    let transport = CheckingTransport { delivered in
      let reader = SupportDesk(transport: RecordingTransport(), stateStore: stateStore)
      for key in delivered where !(try await reader.wasSent(key)) { return false }
      return true
    }
    let desk = SupportDesk(
      classifier: KeywordClassifier(), transport: transport, stateStore: stateStore, customers: Fixtures.customers,
      now: { Fixtures.referenceDate })
    try await desk.scheduleMaintenance(
      MaintenanceWindow(
        id: "MW-all", start: Fixtures.referenceDate + 2 * day, end: Fixtures.referenceDate + 2 * day + hour,
        description: "Network"))
    let report = try await desk.tick(now: Fixtures.referenceDate)
    #expect(report.delivered.count == Fixtures.customers.count)
    #expect(await transport.unrecordedBeforeNextSend == 0)
  }

  @Test(
    "recordFeedback, tick, scheduleMaintenance and deliverPending at once over a flaky transport: each message once")
  func mixedWorkloadExactlyOnce() async throws {
    let clock = ManualClock(now: Fixtures.referenceDate)
    let transport = RecordingTransport(
      latency: SimulatedLatency(maximum: .microseconds(500), seed: 21), firstTryFailureRate: 1.0 / 3, seed: 21)
    let desk = SupportDesk(
      store: LatencyTicketStore(wrapping: InMemoryTicketStore(), latency: SimulatedLatency(seed: 22)),
      classifier: KeywordClassifier(), transport: transport,
      stateStore: LatencyDeskStateStore(wrapping: InMemoryDeskStateStore(), latency: SimulatedLatency(seed: 23)),
      customers: Fixtures.customers, now: clock.provider)
    _ = try await desk.openTicket(for: "cust-nordic", subject: "Down", body: "Down", priority: .critical)
    let now = Fixtures.referenceDate + 12 * 60
    let windowStart = Fixtures.referenceDate + 2 * day
    let customers = Fixtures.customers.map(\.id)
    let results = await concurrently(160) { index in
      switch index % 4 {
      case 0:
        let customer = customers[index % customers.count]
        _ = try await desk.recordFeedback(
          CustomerFeedback(
            id: "F\(index)", customerID: customer, text: index % 8 == 0 ? "terrible" : "great",
            receivedAt: Fixtures.referenceDate, npsScore: index % 8 == 0 ? 2 : 10))
      case 1: _ = try await desk.tick(now: now)
      case 2:
        try await desk.scheduleMaintenance(
          MaintenanceWindow(
            id: MaintenanceID("MW-\(index)"), start: windowStart, end: windowStart + hour,
            servers: ["web0\(index % 2 + 1)"], description: "Work \(index)"))
      default: _ = try await desk.deliverPending()
      }
    }
    #expect(results.allSatisfy { (try? $0.get()) != nil })
    // Recovery: later rounds retry what failed.
    for step in 1...12 {
      clock.advance(by: 15 * 60)
      _ = try await desk.tick(now: now + Double(step) * 60)
      _ = try await desk.deliverPending()
    }
    var expected: Set<String> = ["sla/T-1/firstResponse/1/warning-75"]
    for index in stride(from: 0, to: 160, by: 4) {
      expected.formUnion(
        index % 8 == 0
          ? ["feedback/F\(index)/staff-alert", "feedback/F\(index)/follow-up"] : ["feedback/F\(index)/referral"])
    }
    for index in stride(from: 2, to: 160, by: 4) {
      let server = "web0\(index % 2 + 1)"
      for customer in Fixtures.customers where customer.servers.contains(server) {
        expected.insert("maintenance/MW-\(index)/r1/advance-72h/\(customer.id.rawValue)")
      }
    }
    let keys = await transport.idempotencyKeys
    let duplicates = await transport.duplicateKeys
    #expect(duplicates.isEmpty, "sent more than once: \(duplicates.sorted())")
    #expect(expected.subtracting(keys).isEmpty, "never delivered: \(expected.subtracting(keys).sorted())")
    #expect(try await desk.pendingNotifications().isEmpty)
  }
}

/// Blocks sends of keys with a prefix until `open()`; records every key delivered.
actor GatedTransport: NotificationTransport {
  let gatedKeyPrefix: String
  private(set) var keys: [String] = []
  private var isOpen = false
  private var gatedSendStarted = false
  private var waiters: [CheckedContinuation<Void, Never>] = []
  private var startWaiters: [CheckedContinuation<Void, Never>] = []

  init(gatedKeyPrefix: String) { self.gatedKeyPrefix = gatedKeyPrefix }

  func send(_ notification: HostingSupport.OutboundMessage) async throws {
    if !isOpen, notification.idempotencyKey.hasPrefix(gatedKeyPrefix) {
      gatedSendStarted = true
      for waiter in startWaiters { waiter.resume() }
      startWaiters = []
      await withCheckedContinuation { waiters.append($0) }
    }
    keys.append(notification.idempotencyKey)
  }

  func waitForGatedSend() async {
    if gatedSendStarted { return }
    await withCheckedContinuation { startWaiters.append($0) }
  }

  func open() {
    isOpen = true
    for waiter in waiters { waiter.resume() }
    waiters = []
  }
}

/// Before each send, checks that every message delivered before it is recorded as sent.
actor CheckingTransport: NotificationTransport {
  private let isRecorded: @Sendable ([String]) async throws -> Bool
  private var delivered: [String] = []
  private(set) var unrecordedBeforeNextSend = 0

  init(isRecorded: @escaping @Sendable ([String]) async throws -> Bool) { self.isRecorded = isRecorded }

  func send(_ notification: HostingSupport.OutboundMessage) async throws {
    if !(try await isRecorded(delivered)) { unrecordedBeforeNextSend += 1 }
    delivered.append(notification.idempotencyKey)
  }
}
