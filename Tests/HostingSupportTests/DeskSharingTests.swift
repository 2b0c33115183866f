import Foundation
import HostingSupport
import HostingSupportTestKit
import SupportSLA
import SupportTickets
import Testing

/// Desks that share one ticket store and one shared state store, as desk processes behind a load balancer do.
struct SharedDesks {
  let tickets = InMemoryTicketStore()
  let stateStore: any DeskStateStore
  let transports: [RecordingTransport]
  let desks: [SupportDesk]

  /// Desks over one shared store.
  /// - Parameters:
  ///   - configuration: Each desk's configuration, apart from its instance name (`desk-<index>`).
  ///   - opening: The store each desk opens, given its index and the shared store (a wrapper of it, say).
  init(
    count: Int = 2, stateStore: any DeskStateStore = SharedInMemoryDeskStateStore(),
    transports: [RecordingTransport]? = nil, compactionThreshold: Int = 10_000,
    configuration: DeskConfiguration = DeskConfiguration(hostName: "ExampleHost"),
    opening: (Int, any DeskStateStore) -> any DeskStateStore = { $1 }
  ) {
    self.stateStore = stateStore
    let transports = transports ?? (0..<count).map { _ in RecordingTransport() }
    self.transports = transports
    var desks: [SupportDesk] = []
    for index in 0..<count {
      var configuration = configuration
      configuration.stateCompactionThreshold = compactionThreshold
      configuration.instanceName = "desk-\(index)"
      desks.append(
        SupportDesk(
          store: tickets, transport: transports[index], stateStore: opening(index, stateStore),
          customers: Fixtures.customers, configuration: configuration, now: { Fixtures.referenceDate }))
    }
    self.desks = desks
  }

  /// Every key delivered by any desk, with how often.
  func deliveries() async -> [String: Int] {
    var counts: [String: Int] = [:]
    for transport in transports {
      for key in await transport.idempotencyKeys { counts[key, default: 0] += 1 }
    }
    return counts
  }

  /// Every notification any desk delivered.
  func delivered() async -> [HostingSupport.OutboundMessage] {
    var messages: [HostingSupport.OutboundMessage] = []
    for transport in transports { messages += await transport.notifications }
    return messages
  }

  /// Ticks every desk at once at each instant, and returns every alert any desk reported as new.
  func tickAll(at instants: [Date]) async throws -> [SLAAlert] {
    var alerts: [SLAAlert] = []
    for now in instants {
      let reports = try await withThrowingTaskGroup(of: TickReport.self) { group in
        for desk in desks { group.addTask { try await desk.tick(now: now) } }
        return try await group.reduce(into: []) { $0.append($1) }
      }
      alerts += reports.flatMap(\.newAlerts)
    }
    return alerts
  }
}

@Suite("Desks sharing one state store")
struct DeskSharingTests {
  @Test("the shared in-memory store keeps the desk state store contract and the shared-store contract")
  func sharedInMemoryStoreConforms() async throws {
    try await DeskStateStoreConformance(makeStore: { SharedInMemoryDeskStateStore() }).run()
    try await SharedDeskStateStoreConformance(
      makeStore: { SharedInMemoryDeskStateStore() }, openAnotherInstance: { $0 }
    ).run()
  }

  @Test("a store one desk uses is not shared, and the defaults read, append and claim for that one desk")
  func defaultsServeOneDesk() async throws {
    let store = InMemoryDeskStateStore()
    #expect(!store.isShared)
    let start = Fixtures.referenceDate
    let records = (0..<3).map { DeskStateRecord(kind: "sent", instant: start + Double($0), payload: "\($0)") }
    let result = try await store.appendUnique(records.map { KeyedDeskStateRecord(key: "same", record: $0) })
    #expect(result.alreadyStored.isEmpty)
    let whole = try await store.records(after: nil)
    #expect(whole.isWholeLog && whole.records == records)
    let later = try await store.records(after: whole.entries[0].position)
    #expect(!later.isWholeLog && later.records == Array(records.dropFirst()))
    #expect(try await store.claimDeliveries(["a", "b"], for: "x", at: start, until: start) == ["a", "b"])
    #expect(try await store.acquireLease(.slaScan, for: "x", at: start, until: start))
    #expect(try await store.reserveTicketNumber() == nil)
    #expect(try await store.replaceRecords(through: whole.entries[0].position, with: []))
    #expect(await store.loadRecords().isEmpty)
  }

  @Test("two desks ticking at the same instants deliver every notification once and raise every alert once")
  func twoDesksDeliverOnce() async throws {
    let shared = SharedDesks()
    for index in 0..<60 {
      let customer = Fixtures.customers[index % Fixtures.customers.count].id
      let priority = Priority.allCases[index % Priority.allCases.count]
      _ = try await shared.desks[index % 2].openTicket(
        for: customer, subject: "Issue \(index)", body: "Something is wrong.", priority: priority,
        at: Fixtures.referenceDate)
    }
    let instants = stride(from: 0.0, through: 30 * hour, by: 1_800).map { Fixtures.referenceDate + $0 }
    let alerts = try await shared.tickAll(at: instants)
    let deliveries = await shared.deliveries()
    #expect(!deliveries.isEmpty)
    #expect(
      deliveries.filter { $0.value > 1 }.isEmpty,
      "\(deliveries.filter { $0.value > 1 }.count) keys delivered more than once")
    let alertKeys = alerts.map(SupportDesk.idempotencyKey(for:))
    #expect(Set(alertKeys).count == alertKeys.count, "an alert was raised by both desks")
    let slaKeys = Set(deliveries.keys.filter { $0.hasPrefix("sla/") })
    #expect(Set(alertKeys) == slaKeys, "raised alerts and delivered SLA messages differ")
    for desk in shared.desks { #expect(try await desk.pendingNotifications().isEmpty) }
  }

  @Test("two desks on a suspending store and transports, under hundreds of concurrent calls, deliver each key once")
  func concurrentCallsOnTwoDesks() async throws {
    let stateStore = LatencyDeskStateStore(
      wrapping: SharedInMemoryDeskStateStore(), latency: SimulatedLatency(seed: 31))
    let transports = (0..<2).map {
      RecordingTransport(latency: SimulatedLatency(seed: UInt64(40 + $0)), firstTryFailureRate: 0.2, seed: UInt64($0))
    }
    let shared = SharedDesks(stateStore: stateStore, transports: transports)
    let opened = await concurrently(100) { index in
      try await shared.desks[index % 2].openTicket(
        for: Fixtures.customers[index % Fixtures.customers.count].id, subject: "Issue \(index)", body: "Help",
        priority: Priority.allCases[index % Priority.allCases.count], at: Fixtures.referenceDate)
    }
    #expect(opened.allSatisfy { (try? $0.get()) != nil })
    // Hundreds of ticks and delivery rounds at once on both desks, at each instant in turn: the desks' clocks
    // move forward together, as real clocks do (leases are measured in the desks' instants).
    var alertsByDesk: [Set<String>] = [[], []]
    for now in [2.0, 6, 12].map({ Fixtures.referenceDate + $0 * hour }) {
      let calls = await concurrently(300) { index -> [String] in
        let desk = shared.desks[index % 2]
        if index % 3 == 2 {
          _ = try await desk.deliverPending(now: now)
          return []
        }
        return try await desk.tick(now: now).newAlerts.map(SupportDesk.idempotencyKey(for:))
      }
      #expect(calls.allSatisfy { (try? $0.get()) != nil }, "a concurrent call failed")
      for (index, call) in calls.enumerated() { alertsByDesk[index % 2].formUnion((try? call.get()) ?? []) }
    }
    #expect(!alertsByDesk[0].union(alertsByDesk[1]).isEmpty)
    #expect(alertsByDesk[0].isDisjoint(with: alertsByDesk[1]), "both desks reported an alert")
    // Late rounds retry the first tries that failed, once their backoff and the other desk's claims ran out.
    _ = try await shared.tickAll(at: [Fixtures.referenceDate + 20 * hour, Fixtures.referenceDate + 21 * hour])
    // Messages queued by the last tick may have failed their first try on either desk: each transport fails a key
    // only on its first try, so rounds past the claims' lease deliver every one of them.
    for minutes in [10.0, 20, 30] {
      for desk in shared.desks {
        _ = try await desk.deliverPending(now: Fixtures.referenceDate + 21 * hour + minutes * 60)
      }
    }
    let deliveries = await shared.deliveries()
    #expect(deliveries.count > 100)
    #expect(deliveries.values.allSatisfy { $0 == 1 }, "\(deliveries.filter { $0.value > 1 }.count) keys sent twice")
    for desk in shared.desks { #expect(try await desk.pendingNotifications().isEmpty) }
  }

  @Test("tickets opened concurrently on two desks get distinct generated ids from the shared counter")
  func distinctTicketNumbers() async throws {
    let shared = SharedDesks()
    let ids = await concurrently(200) { index in
      try await shared.desks[index % 2].openTicket(for: "cust-aroon", subject: "Request \(index)", body: "Help")
        .ticket.id
    }.compactMap { try? $0.get() }
    #expect(ids.count == 200 && Set(ids).count == 200)
  }

  @Test("a maintenance window scheduled on one desk is announced once, whichever desk ticks")
  func maintenanceAnnouncedOnce() async throws {
    let shared = SharedDesks()
    let start = Fixtures.referenceDate + 80 * hour
    let window = MaintenanceWindow(
      id: "MW-web02", start: start, end: start + 2 * hour, servers: ["web02"], description: "Kernel upgrade")
    try await shared.desks[0].scheduleMaintenance(window)
    await #expect(throws: HostingSupportError.self) { try await shared.desks[1].scheduleMaintenance(window) }
    _ = try await shared.tickAll(at: [start - 71 * hour, start - 23 * hour, start + hour, start + 3 * hour])
    let deliveries = await shared.deliveries()
    let notices = deliveries.filter { $0.key.hasPrefix("maintenance/") }
    #expect(notices.count >= 4, "advance, start and completion notices: \(notices.keys.sorted())")
    #expect(notices.values.allSatisfy { $0 == 1 })
  }

  @Test("a message claimed by a desk whose sends fail is delivered by the other desk once the claim lapses")
  func claimLapses() async throws {
    let failing = RecordingTransport()
    await failing.failNextSends(with: (0..<100).map { _ in HostingSupportError.ioFailure("send", path: "x", errno: 5) })
    let shared = SharedDesks(transports: [failing, RecordingTransport()])
    _ = try await shared.desks[0].openTicket(
      for: "cust-aroon", subject: "Down", body: "Site down", priority: .critical, at: Fixtures.referenceDate)
    let breach = Fixtures.referenceDate + 2 * hour
    _ = try await shared.desks[0].tick(now: breach)
    let heldElsewhere = try await shared.desks[1].deliverPending(now: breach + 60)
    #expect(heldElsewhere.isEmpty, "the other desk sent messages the first desk still holds")
    let afterLease = try await shared.desks[1].deliverPending(now: breach + 301)
    #expect(!afterLease.isEmpty)
    #expect(await shared.deliveries().values.allSatisfy { $0 == 1 })
  }

  @Test("after the shared log was compacted past what a desk had read, the desk reloads it and sends nothing again")
  func compactionByAnotherDesk() async throws {
    let shared = SharedDesks()
    for index in 0..<10 {
      _ = try await shared.desks[0].openTicket(
        for: "cust-aroon", subject: "Issue \(index)", body: "Help", priority: .critical, at: Fixtures.referenceDate)
    }
    _ = try await shared.tickAll(at: [Fixtures.referenceDate + 2 * hour])
    let delivered = await shared.deliveries()
    #expect(!delivered.isEmpty)
    // Another desk's compaction: the same records, rewritten through the last position.
    let whole = try await shared.stateStore.records(after: nil)
    let position = try #require(whole.position)
    let rewritten = whole.records.map { KeyedDeskStateRecord(key: nil, record: $0) }
    #expect(try await shared.stateStore.replaceRecords(through: position, with: rewritten))
    for desk in shared.desks {
      #expect(try await desk.pendingNotifications().isEmpty)
      for key in delivered.keys { #expect(try await desk.wasSent(key)) }
    }
    _ = try await shared.tickAll(at: [Fixtures.referenceDate + 2 * hour + 60])
    #expect(await shared.deliveries() == delivered)
  }
}
