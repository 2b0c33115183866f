import FeedbackSentiment
import Foundation
import HostingSupport
import SupportTickets

/// Workloads for HostingSupport (issues 8 and 12). Issue 8 sets one figure, the end-to-end demo under 10 s in a
/// debug build, which `support-desk demo` itself shows; issue 12 asks for concurrent opens (throughput and p99
/// latency) and an idle tick over 10,000 open tickets within 10 ms. These measure the desk's own hot paths.
func deskBenchmarks() -> [Benchmark] {
  let openLatencies = LatencySamples()
  return [
    Benchmark(
      name: "desk.open-ticket-10k-concurrent",
      summary: "10,000 concurrent openTicket(for:) calls on an in-memory desk (throughput, per-call latency)",
      operations: 10_000,
      unit: "tickets",
      iterations: 5,
      prepare: {
        let desk = SupportDesk(transport: DiscardingTransport(), customers: DeskWorkload.customers(200))
        return {
          try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<10_000 {
              group.addTask {
                _ = try await openLatencies.measure {
                  try await desk.openTicket(
                    for: CustomerID(String(format: "C%05d", index % 200)), subject: "Issue \(index)",
                    body: "Something is wrong.", at: DeskWorkload.start)
                }
              }
            }
            try await group.waitForAll()
          }
        }
      },
      latencies: openLatencies
    ),
    Benchmark(
      name: "desk.idle-tick-10k-open-tickets",
      summary: "a tick over 10,000 open tickets when nothing changed since the last one (issue 12: ≤ 10 ms)",
      operations: 10_000,
      unit: "tickets",
      goal: .runTime(atMost: 0.010),
      iterations: 5,
      prepare: {
        let desk = try await DeskWorkload.deskWithOpenTickets(10_000)
        _ = try await desk.tick(now: DeskWorkload.start + 20 * 3_600)
        _ = try await desk.tick(now: DeskWorkload.start + 20 * 3_600 + 60)
        return { _ = try await desk.tick(now: DeskWorkload.start + 20 * 3_600 + 60) }
      }
    ),
    Benchmark(
      name: "desk.tick-1k-open-tickets",
      summary: "one SupportDesk tick over 1,000 open tickets (SLA alerts, progress updates) in memory",
      operations: 1_000,
      unit: "tickets",
      iterations: 5,
      prepare: {
        let desk = try await DeskWorkload.deskWithOpenTickets(1_000)
        return { _ = try await desk.tick(now: DeskWorkload.start + 20 * 3_600) }
      }
    ),
    Benchmark(
      name: "desk.idle-tick-1k-open-tickets",
      summary: "a repeated tick at the same instant over 1,000 open tickets: nothing new to send",
      operations: 1_000,
      unit: "tickets",
      iterations: 5,
      prepare: {
        let desk = try await DeskWorkload.deskWithOpenTickets(1_000)
        _ = try await desk.tick(now: DeskWorkload.start + 20 * 3_600)
        return { _ = try await desk.tick(now: DeskWorkload.start + 20 * 3_600) }
      }
    ),
    Benchmark(
      name: "desk.maintenance-notices-10k-customers",
      summary: "a tick announcing a maintenance window to 10,000 affected customers (all 8 servers in the window)",
      operations: 10_000,
      unit: "customers",
      iterations: 3,
      prepare: {
        let desk = SupportDesk(
          transport: DiscardingTransport(), customers: DeskWorkload.customers(10_000), now: { DeskWorkload.start })
        try await desk.scheduleMaintenance(
          MaintenanceWindow(
            id: "MW", start: DeskWorkload.start + 72 * 3_600, end: DeskWorkload.start + 74 * 3_600,
            servers: Set((0..<8).map { "web0\($0)" }), description: "Kernel update"))
        return {
          let report = try await desk.tick(now: DeskWorkload.start)
          guard report.delivered.count == 10_000 else {
            throw BenchmarkFailure("notified \(report.delivered.count) customers, not 10,000")
          }
          blackHole(report.delivered.count)
          keep(report)
        }
      }
    ),
    Benchmark(
      name: "desk.record-feedback-1k",
      summary: "1,000 feedback texts classified and acted on (follow-up tickets for the negative ones)",
      operations: 1_000,
      unit: "feedback",
      iterations: 3,
      prepare: {
        let desk = SupportDesk(
          transport: DiscardingTransport(), customers: DeskWorkload.customers(200), now: { DeskWorkload.start })
        let texts = [
          "Support was very slow and my site was down for hours.", "Excellent support, thank you!",
          "Sokongan sangat lambat, sangat kecewa.", "ຂອບໃຈຫຼາຍ ພະນັກງານຊ່ວຍເຫຼືອດີຫຼາຍ", "The invoice arrived.",
        ]
        return {
          for index in 0..<1_000 {
            _ = try await desk.recordFeedback(
              CustomerFeedback(
                id: "F\(index)", customerID: CustomerID(String(format: "C%05d", index % 200)),
                text: texts[index % texts.count], receivedAt: DeskWorkload.start + Double(index), npsScore: index % 11))
          }
        }
      }
    ),
    Benchmark(
      name: "desk.webhook-signature-1KiB",
      summary: "HMAC-SHA256 webhook signatures over 1 KiB bodies",
      operations: 10_000,
      unit: "signatures",
      iterations: 3,
      prepare: {
        let body = Data((0..<1_024).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let secret = Array("benchmark-secret".utf8)
        return {
          var length = 0
          for index in 0..<10_000 {
            length &+= WebhookSignature.signature(body: body, timestamp: Int64(index), secret: secret).utf8.count
          }
          blackHole(length)
        }
      }
    ),
  ]
}

/// Accepts every notification and keeps nothing.
private struct DiscardingTransport: NotificationTransport {
  func send(_ notification: HostingSupport.OutboundMessage) async throws { try notification.validate() }
}

private enum DeskWorkload {
  static let start = Date(timeIntervalSince1970: 1_793_577_600)

  static func customers(_ count: Int) -> [CustomerProfile] {
    let tiers: [PlanTier] = [.shared, .shared, .shared, .vps, .dedicated, .reseller]
    let locales: [MessageLocale] = [.english, .malay, .lao]
    return (0..<count).map { (index: Int) -> CustomerProfile in
      let mrr = Money(minorUnits: Int64(500 + (index % 40) * 100), currency: "USD")
      let since = start.addingTimeInterval(-Double(index % 1_000) * 86_400)
      return CustomerProfile(
        id: CustomerID(String(format: "C%05d", index)), name: "Customer \(index)", locale: locales[index % 3],
        tier: tiers[index % tiers.count], monthlyRevenue: mrr, customerSince: since,
        servers: ["web0\(index % 8)"], services: ["web"])
    }
  }

  static func deskWithOpenTickets(_ count: Int) async throws -> SupportDesk {
    let desk = SupportDesk(transport: DiscardingTransport(), customers: customers(200), now: { start })
    let priorities = Priority.allCases
    for index in 0..<count {
      _ = try await desk.openTicket(
        for: CustomerID(String(format: "C%05d", index % 200)), subject: "Issue \(index)",
        body: "Something is wrong with service \(index).", priority: priorities[index % 4],
        at: start + Double(index % 600) * 60)
    }
    return desk
  }
}
