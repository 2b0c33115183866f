import Foundation
import HostingSupport
import PostgresStore

/// The workloads, each run on PostgreSQL and on the file stores.
enum Workloads {
  static let start = Date(timeIntervalSince1970: 1_795_428_000)

  static func opening(_ ticket: String, customer: String, priority: Priority = .normal) -> TicketEvent {
    TicketEvent(
      id: EventID("\(ticket)-e1"), instant: start, author: .customer(CustomerID(customer)),
      kind: .created(
        TicketOpening(
          ticketID: TicketID(ticket), customerID: CustomerID(customer), subject: "Website returns 500 after update",
          body: "Since this morning the site shows an internal server error. Plan: Business, domain example.com.",
          priority: priority)))
  }

  static func customer(_ index: Int) -> String { String(format: "C%05d", index) }

  // MARK: Appends with 8 writers

  /// 8 writers, each appending one event at a time to a ticket of its own, `rounds` times.
  static func ticketAppends(on store: any TicketStore, rounds: Int) async throws -> Double {
    let prefix = UUID().uuidString.prefix(8)
    for writer in 0..<8 { _ = try await store.create(opening: opening("A\(prefix)-\(writer)", customer: "C00001")) }
    return try await seconds {
      try await withThrowingTaskGroup(of: Void.self) { group in
        for writer in 0..<8 {
          group.addTask {
            for round in 0..<rounds {
              let event = TicketEvent(
                id: EventID("r\(round)"), instant: start, author: .agent("ana"),
                kind: .agentReply(body: "Update \(round): we are migrating your site to the new server"))
              _ = try await store.append([event], to: TicketID("A\(prefix)-\(writer)"), expectedVersion: round + 1)
            }
          }
        }
        try await group.waitForAll()
      }
    }
  }

  /// 8 writers, each appending one keyed desk state record at a time, `rounds` times.
  static func deskStateAppends(on store: any DeskStateStore, rounds: Int) async throws -> Double {
    try await seconds {
      try await withThrowingTaskGroup(of: Void.self) { group in
        for writer in 0..<8 {
          group.addTask {
            for round in 0..<rounds {
              let key = "sla/T-\(writer)-\(round)/resolution/1/breach"
              let record = DeskStateRecord(
                kind: "sent", instant: start + Double(round),
                payload: #"{"at":"2026-11-23T10:00:00.000Z","key":"\#(key)"}"#)
              _ = try await store.appendUnique([KeyedDeskStateRecord(key: "sent/\(key)", record: record)])
            }
          }
        }
        try await group.waitForAll()
      }
    }
  }

  // MARK: Customer-scoped queries

  /// `samples` customer-scoped first pages of 25 on stores of `tickets` tickets over `tickets / 100` customers.
  static func customerQueries(on store: any TicketStore, customers: Int, samples: Int) async throws -> [Double] {
    var generator = SystemRandomNumberGenerator()
    var latencies: [Double] = []
    for _ in 0..<samples {
      let customer = CustomerID(customer(Int.random(in: 0..<customers, using: &generator)))
      latencies.append(
        try await seconds {
          let page = try await store.query(TicketQuery(customerID: customer, limit: 25))
          precondition(page.tickets.count == 25, "a customer has fewer than 25 tickets")
        })
    }
    return latencies
  }

  /// Fills a file store with `count` tickets of one event, `count / 100` customers, in batches.
  static func fillFileStore(_ store: FileTicketStore, count: Int, customers: Int, priority: Priority = .normal)
    async throws
  {
    let batch = 5_000
    for first in stride(from: 0, to: count, by: batch) {
      let timelines = (first..<min(count, first + batch)).map { index in
        [opening("Q-\(index + 1)", customer: customer((index + 1) % customers), priority: priority)]
      }
      for result in await store.create(timelines: timelines) { _ = try result.get() }
    }
  }

  // MARK: Ticks

  /// A desk's first tick over the open tickets (30 minutes after they opened: nothing due), then `repeats`
  /// ticks a minute apart with nothing new; the seconds of each.
  static func ticks(desk: SupportDesk, repeats: Int) async throws -> (first: Double, idle: [Double]) {
    var now = start + 1_800
    let first = try await seconds { _ = try await desk.tick(now: now) }
    var idle: [Double] = []
    for _ in 0..<repeats {
      now += 60
      idle.append(try await seconds { _ = try await desk.tick(now: now) })
    }
    return (first, idle)
  }

  /// Customers `C00000`… for a desk.
  static func profiles(_ count: Int) -> [CustomerProfile] {
    (0..<count).map { (index: Int) -> CustomerProfile in
      CustomerProfile(
        id: CustomerID(customer(index)), name: "Customer \(index)", tier: .shared,
        monthlyRevenue: Money(minorUnits: 900, currency: "USD"), customerSince: start - 86_400 * 400,
        servers: ["web\(index % 8)"], services: ["web"])
    }
  }
}
