import Foundation
import SupportSLA
import SupportTickets

/// Workloads for the SLA policy engine (issue 5): evaluation of many tickets and one monitor scan.
func slaPolicyBenchmarks() -> [Benchmark] {
  [
    Benchmark(
      name: "sla.evaluate-1M-tickets",
      summary: "SLAEvaluator.evaluate(_:now:) (hosting default), 100k varied timelines × 10 instants = 1M tickets",
      operations: 1_000_000, unit: "tickets", goal: .runTime(atMost: 1.0), iterations: 3,
      prepare: {
        let subjects = SLABenchmarkData.shared.mixed
        let instants = (0..<10).map { SLABenchmarkData.now.addingTimeInterval(Double($0) * -3_600) }
        let evaluator = SLAEvaluator()
        return {
          var breached = 0
          subjects.withUnsafeBufferPointer { subjects in
            for now in instants {
              for index in subjects.indices where evaluator.evaluate(subjects[index], now: now)?.hasBreach == true {
                breached += 1
              }
            }
          }
          blackHole(breached)
        }
      }),
    Benchmark(
      name: "sla.monitor-scan-100k-open",
      summary: "one SLAMonitor scan of 100k open tickets, 5 min after the previous scan (steady state)",
      operations: 100_000, unit: "tickets", goal: .runTime(atMost: 0.1),
      prepare: {
        let subjects = SLABenchmarkData.shared.open
        var monitor = SLAMonitor()
        _ = monitor.scan(subjects, now: SLABenchmarkData.now.addingTimeInterval(-300))
        return { blackHole(monitor.scan(subjects, now: SLABenchmarkData.now).count) }
      }),
    Benchmark(
      name: "sla.compliance-report-100k",
      summary: "SLAComplianceReport.make over 100k varied tickets: rows, quality, agents, departments, open past 24 h",
      operations: 100_000, unit: "tickets", goal: .runTime(atMost: 1.0), iterations: 3,
      prepare: {
        let subjects = SLABenchmarkData.shared.mixed
        return {
          let report = SLAComplianceReport.make(
            subjects, evaluator: SLAEvaluator(), now: SLABenchmarkData.now, period: .week)
          blackHole(report.rows.count + (report.openPastAgeLimit?.count ?? 0))
        }
      }),
  ]
}

/// Seeded, varied ticket timelines shared by the SLA policy workloads (built once, outside the clock).
private final class SLABenchmarkData: Sendable {
  static let shared = SLABenchmarkData()
  static let now = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18T…Z

  /// 100k tickets: about half resolved, some reopened, pauses, notes and automated messages.
  let mixed: [SLASubject]
  /// 100k tickets that are all still open.
  let open: [SLASubject]

  private init() {
    var generator = SeededGenerator(seed: 0x51A)
    mixed = (0..<100_000).map { Self.ticket(index: $0, keepOpen: false, using: &generator) }
    open = (0..<100_000).map { Self.ticket(index: $0, keepOpen: true, using: &generator) }
  }

  private static func ticket(index: Int, keepOpen: Bool, using generator: inout SeededGenerator) -> SLASubject {
    let customer = CustomerID("cust-\(index % 5_000)")
    let priority = Priority.allCases.randomElement(using: &generator)!
    let department = [Department.technical, .billing, .sales, .abuse].randomElement(using: &generator)!
    var clock = now.addingTimeInterval(-Double.random(in: 600...(3 * 86_400), using: &generator))
    let opening = TicketOpening(
      ticketID: TicketID("T-\(index)"), customerID: customer, subject: "Site down", body: "It is down",
      priority: priority, department: department,
      service: ServiceReference(tier: PlanTier.allCases.randomElement(using: &generator)!, plan: "Plan"))
    var events = [TicketEvent(id: "e0", instant: clock, author: .customer(customer), kind: .created(opening))]
    var status = TicketStatus.open
    func add(_ author: TicketAuthor, _ kind: TicketEvent.Kind) {
      clock.addTimeInterval(Double.random(in: 60...(4 * 3_600), using: &generator))
      events.append(TicketEvent(id: EventID("e\(events.count)"), instant: clock, author: author, kind: kind))
    }
    for _ in 0..<Int.random(in: 2...8, using: &generator) {
      switch Int.random(in: 0..<10, using: &generator) {
      case 0: add(.system, .automatedMessage(body: "Received"))
      case 1: add(.agent("ana"), .internalNote(body: "Checking"))
      case 2, 3, 4: add(.agent("ana"), .agentReply(body: "Update"))
      case 5:
        if status.isActive, status != .waitingOnCustomer {
          add(.agent("ana"), .statusChanged(to: .waitingOnCustomer))
          status = .waitingOnCustomer
        }
      case 6, 7:
        add(.customer(customer), .customerReply(body: "Still broken"))
        if status != .open { status = .open }
      default:
        if !keepOpen, status.isActive {
          add(.agent("ana"), .statusChanged(to: .resolved))
          status = .resolved
        }
      }
    }
    return SLASubject(try! Ticket(events: events), segment: index % 10 == 0 ? "vip" : nil)
  }
}
