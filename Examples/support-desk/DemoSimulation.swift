import FeedbackSentiment
import Foundation
import HostingSupport
import SupportSLA
import SupportTickets

/// The demo's settings.
struct DemoOptions {
  var days = 30
  var customers = 40
  var seed: UInt64 = 42
  var json = false
}

/// Runs the simulated weeks of a small host against a real desk: file ticket store, file outbox, file desk state.
struct DemoSimulation {
  static let start = Date(timeIntervalSince1970: 1_793_577_600)  // Monday 2 November 2026, 00:00 UTC
  static let step: TimeInterval = 15 * 60

  let options: DemoOptions
  let directory: URL

  func run() async throws -> DemoReport {
    var random = DemoRandom(seed: options.seed)
    var customers = DemoCustomers.make(count: options.customers, start: Self.start, random: &random)
    let end = Self.start.addingTimeInterval(Double(options.days) * 86_400)
    let store = try FileTicketStore(directory: directory.appendingPathComponent("tickets"))
    let outboxURL = directory.appendingPathComponent("outbox.jsonl")
    let desk = SupportDesk(
      store: store,
      transport: FileOutboxTransport(fileURL: outboxURL),
      stateStore: FileDeskStateStore(directory: directory.appendingPathComponent("desk")),
      customers: customers,
      configuration: DeskConfiguration(hostName: "Example Hosting"),
      now: { Self.start }
    )
    var retention = DemoRetentionInput()
    for customer in customers {
      retention.plans.append(
        .init(
          id: "S-\(customer.id.rawValue)", customer: customer.id.rawValue, tier: customer.tier.rawValue,
          channel: customer.acquisition.rawValue, mrrMinorUnits: customer.monthlyRevenue.minorUnits,
          start: customer.customerSince, end: nil))
    }
    let maintenance = try await planMaintenance(desk)

    var queue: [DemoAction] = []
    var ticketCount = 0
    var churned: Set<CustomerID> = []
    var feedbackThisWeek: [CustomerID: [String]] = [:]
    var now = Self.start
    while now < end {
      let stepEnd = now + Self.step
      // Arrivals: more during the Asian business day, some all night.
      let hourUTC = Int(now.timeIntervalSince(Self.start).truncatingRemainder(dividingBy: 86_400) / 3_600)
      let busy = (1...11).contains(hourUTC)
      let rate = Double(customers.count) * 0.0065 * (busy ? 1.5 : 0.55) * Self.step / 3_600
      for _ in 0..<Self.poisson(rate, random: &random) {
        let eligible = customers.filter { $0.customerSince <= now && !churned.contains($0.id) }
        guard !eligible.isEmpty else { break }
        ticketCount += 1
        let opened = now + random.uniform(0...(Self.step - 1))
        queue += DemoTicketPlanner.plan(
          ticket: TicketID(String(format: "T-%04d", ticketCount)), customer: random.pick(eligible), at: opened,
          random: &random)
      }
      queue.sort { $0.at < $1.at }
      while let action = queue.first, action.at < stepEnd {
        queue.removeFirst()
        let result = try await perform(action, desk: desk, random: &random, retention: &retention)
        if let mood = result.mood { feedbackThisWeek[action.customer, default: []].append(mood) }
        queue += result.next
        queue.sort { $0.at < $1.at }
      }
      if let rescheduleAt = maintenance.rescheduleAt, rescheduleAt >= now, rescheduleAt < stepEnd,
        let moved = maintenance.rescheduledTo
      {
        try await desk.rescheduleMaintenance(
          maintenance.rescheduled!, start: moved, end: moved + 2 * 3_600, at: rescheduleAt)
      }
      _ = try await desk.tick(now: stepEnd)
      now = stepEnd
      if now.timeIntervalSince(Self.start).truncatingRemainder(dividingBy: 7 * 86_400) == 0 || now >= end {
        try await weeklyReview(
          desk: desk, customers: &customers, churned: &churned, feedback: feedbackThisWeek, now: now,
          random: &random, retention: &retention)
        feedbackThisWeek = [:]
      }
    }
    return try await DemoReporter(desk: desk, store: store, outbox: outboxURL, options: options)
      .report(customers: customers, tickets: ticketCount, retention: retention, start: Self.start, end: end)
  }

  private struct MaintenancePlan {
    var rescheduled: MaintenanceID?
    var rescheduleAt: Date?
    var rescheduledTo: Date?
  }

  /// One window on a shared server mid-month; with enough days, a VPS window that is moved once.
  private func planMaintenance(_ desk: SupportDesk) async throws -> MaintenancePlan {
    var plan = MaintenancePlan()
    guard options.days >= 2 else { return plan }
    let day = options.days / 2
    let start = Self.start + Double(day) * 86_400 + 3_600 * 17  // 17:00 UTC: night in Asia
    try await desk.scheduleMaintenance(
      MaintenanceWindow(
        id: "MW-web02-kernel", start: start, end: start + 2 * 3_600, servers: ["web02"],
        description: "Kernel and PHP security updates on web02."))
    if options.days >= 10 {
      let first = Self.start + 6 * 86_400 + 3_600 * 18
      try await desk.scheduleMaintenance(
        MaintenanceWindow(
          id: "MW-vps-node2-storage", start: first, end: first + 2 * 3_600, servers: ["vps-node2"],
          description: "Storage controller firmware update on vps-node2."))
      plan.rescheduled = "MW-vps-node2-storage"
      plan.rescheduleAt = Self.start + 4 * 86_400 + 3_600 * 9
      plan.rescheduledTo = Self.start + 8 * 86_400 + 3_600 * 18
    }
    return plan
  }

  /// Applies one action; returns the feedback mood when the action was feedback, and what follows from it.
  private func perform(
    _ action: DemoAction,
    desk: SupportDesk,
    random: inout DemoRandom,
    retention: inout DemoRetentionInput
  ) async throws -> (mood: String?, next: [DemoAction]) {
    do {
      switch action.kind {
      case .open(let customer, let priority, let subject, let body):
        _ = try await desk.openTicket(
          TicketOpening(
            ticketID: action.ticket, customerID: customer.id, subject: subject, body: body, priority: priority,
            department: subject.contains("Invoice") ? .billing : .technical, channel: customer.preferredChannel,
            service: ServiceReference(
              tier: customer.tier, plan: customer.tier.rawValue, server: customer.servers.sorted().first)),
          at: action.at)
      case .agentReply(let agent, let text):
        _ = try await desk.addAgentReply(text, to: action.ticket, by: AgentID(agent), at: action.at)
      case .waitOnCustomer:
        _ = try await desk.changeStatus(of: action.ticket, to: .waitingOnCustomer, by: .agent("ana"), at: action.at)
      case .customerReply(let text):
        _ = try await desk.addCustomerReply(text, to: action.ticket, at: action.at)
      case .resolve(let agent):
        _ = try await desk.changeStatus(of: action.ticket, to: .resolved, by: .agent(AgentID(agent)), at: action.at)
      case .feedback(let customer, let mood, let nps):
        let text = random.pick(DemoTexts.feedback[customer.locale]?[mood] ?? ["OK"])
        let outcome = try await desk.recordFeedback(
          CustomerFeedback(
            id: action.ticket.rawValue, customerID: customer.id, text: text, receivedAt: action.at,
            npsScore: nps, ticketID: action.ticket))
        retention.nps.append((customer.id.rawValue, action.at, nps))
        let next =
          outcome.followUpTicketID.map {
            DemoTicketPlanner.handleFollowUp(
              $0, priority: outcome.followUpPriority ?? .normal, at: action.at, random: &random)
          } ?? []
        return (mood, next)
      }
    } catch is TicketError {
      // The simulated world sometimes asks for a move the ticket rules refuse (e.g. waiting on a resolved
      // ticket); the desk refused it, as it should, and the story goes on.
    }
    return (nil, [])
  }

  /// Once a week: unhealthy customers may leave, happy shared customers may upgrade, unhappy dedicated
  /// customers may downgrade.
  private func weeklyReview(
    desk: SupportDesk,
    customers: inout [CustomerProfile],
    churned: inout Set<CustomerID>,
    feedback: [CustomerID: [String]],
    now: Date,
    random: inout DemoRandom,
    retention: inout DemoRetentionInput
  ) async throws {
    for index in customers.indices where !churned.contains(customers[index].id) && customers[index].customerSince < now
    {
      let customer = customers[index]
      let health = try await desk.health(of: customer.id, now: now)
      let planID = "S-\(customer.id.rawValue)"
      // A small base rate (hosting loses a few percent a month), plus more the unhealthier the customer.
      if random.chance(0.006 + Double(max(0, 75 - health.score)) / 150) {
        churned.insert(customer.id)
        for plan in retention.plans.indices where retention.plans[plan].customer == customer.id.rawValue {
          if retention.plans[plan].end == nil { retention.plans[plan].end = now }
        }
        continue
      }
      let moods = feedback[customer.id] ?? []
      if customer.tier == .shared, moods.contains("positive"), random.chance(0.3) {
        if let plan = retention.plans.firstIndex(where: { $0.id == planID && $0.end == nil }) {
          retention.plans[plan].end = now
        }
        retention.plans.append(
          .init(
            id: planID + "-vps", customer: customer.id.rawValue, tier: "vps", channel: customer.acquisition.rawValue,
            mrrMinorUnits: 2_000, start: now, end: nil))
        customers[index].tier = .vps
        customers[index].monthlyRevenue = Money(minorUnits: 2_000, currency: "USD")
      } else if customer.tier == .dedicated, moods.contains("negative"), random.chance(0.4) {
        let lower = customer.monthlyRevenue.minorUnits * 7 / 10
        retention.changes.append(.init(plan: planID, date: now, newMRRMinorUnits: lower))
        customers[index].monthlyRevenue = Money(minorUnits: lower, currency: "USD")
        customers[index].downgrades.append(now)
      }
    }
    await desk.register(customers)
  }

  static func poisson(_ mean: Double, random: inout DemoRandom) -> Int {
    let limit = exp(-mean)
    var product = random.uniform(0...1)
    var count = 0
    while product > limit {
      count += 1
      product *= random.uniform(0...1)
    }
    return count
  }
}

extension DemoAction {
  var customer: CustomerID {
    switch kind {
    case .open(let customer, _, _, _), .feedback(let customer, _, _): return customer.id
    default: return ""
    }
  }
}
