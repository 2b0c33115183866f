import Foundation
import HostingSupport

/// A seeded two-year archive of a host's customers for the demo's "does support experience drive retention?"
/// section: their tickets (some answered late, some left waiting past 24 h), NPS and CSAT answers, follow-ups of
/// negative answers, and monthly subscriptions that end or run on.
///
/// The generator simulates a plausible link — customers who met a breach, answered as detractors or whose
/// complaint went unanswered leave a little more often — but the analysis is not told about it: it has only the
/// tickets, answers and subscriptions, as a host would.
struct DemoExperienceHistory {
  var tickets: [Ticket] = []
  var surveys: [SurveyResponse] = []
  var subscriptions: [Subscription] = []

  /// Customers in the archive.
  static let customers = 600

  /// The support-experience analysis of the archive as of `end`.
  /// - Parameters:
  ///   - seed: The demo's seed.
  ///   - end: The demo's end.
  static func report(seed: UInt64, end: Date) throws -> SupportExperienceReport {
    let history = try generate(seed: seed, end: end)
    return try SupportExperienceAnalysis().report(
      tickets: history.tickets, surveys: history.surveys,
      retention: try RetentionDataset(subscriptions: history.subscriptions), now: end)
  }

  /// Generates the archive up to `end`.
  /// - Parameters:
  ///   - seed: The demo's seed.
  ///   - end: The last instant of the archive (the demo's end).
  static func generate(seed: UInt64, end: Date) throws -> DemoExperienceHistory {
    var random = DemoRandom(seed: seed ^ 0x5EED_E8E7)
    var history = DemoExperienceHistory()
    for index in 0..<customers {
      try history.addCustomer(index, end: end, random: &random)
    }
    return history
  }

  private mutating func addCustomer(_ index: Int, end: Date, random: inout DemoRandom) throws {
    let customer = CustomerID("arc-\(index)")
    let start = end.addingTimeInterval(-random.uniform(60...730).rounded() * 86_400)
    // How the customer's support went (the analysis sees only the tickets that result).
    var breached = false
    var waited = false
    var ticketTime = start
    for number in 0..<Int(random.uniform(0...4.99)) {
      ticketTime += random.uniform(5...90) * 86_400
      guard ticketTime < end.addingTimeInterval(-2 * 86_400) else { break }
      let outcome = random.weighted([(TicketOutcome.good, 0.72), (.late, 0.2), (.waitedPastAgeLimit, 0.08)])
      breached = breached || outcome == .late
      waited = waited || outcome == .waitedPastAgeLimit
      let priority = random.weighted([(Priority.low, 0.2), (.normal, 0.5), (.high, 0.2), (.critical, 0.1)])
      tickets.append(
        try Self.ticket("ARC-\(index)-\(number)", customer: customer, priority: priority, at: ticketTime, outcome))
    }
    // An NPS answer some time after the last ticket: lower after a bad experience.
    var detractor = false
    var unanswered = false
    let answerTime = ticketTime.addingTimeInterval(random.uniform(1...20) * 86_400)
    if answerTime < end, random.chance(0.7) {
      let score = Int(random.uniform(breached || waited ? 0...10.99 : 4...10.99))
      surveys.append(try SurveyResponse(customer: customer, date: CivilDate(answerTime), kind: .nps, score: score))
      detractor = score <= 6
      if detractor {
        // The follow-up: an agent calls back the same day, days later, or never.
        let delay = random.weighted([(0.2, 0.6), (4.0, 0.25), (-1.0, 0.15)])
        unanswered = delay != 0.2
        let reply = CivilDate(answerTime).date.addingTimeInterval(10 * 3_600 + delay * 86_400)
        if delay > 0, reply < end {
          tickets.append(
            try Self.ticket("ARC-\(index)-f", customer: customer, priority: .normal, at: reply - 600, .good))
        }
      }
    }
    // Monthly churn risk: a base rate, a little higher after breaches, low scores and unanswered complaints.
    let hazard = 0.025 + (breached ? 0.02 : 0) + (detractor ? 0.02 : 0) + (unanswered ? 0.015 : 0)
    var months = 1
    while random.chance(1 - hazard), months < 48 { months += 1 }
    let startDay = CivilDate(start)
    let endDay = startDay.addingMonths(months)
    subscriptions.append(
      Subscription(
        id: SubscriptionID("SUB-arc-\(index)"), customer: customer, plan: "shared-standard", tier: .shared,
        mrr: Money(minorUnits: 900, currency: "USD"), start: startDay,
        end: endDay.date <= end ? endDay : nil))
  }

  enum TicketOutcome { case good, late, waitedPastAgeLimit }

  /// A ticket answered in minutes and solved within its targets, answered late (every target of its priority
  /// breached), or answered and then left waiting on the customer past 24 h.
  static func ticket(
    _ id: String, customer: CustomerID, priority: Priority, at opened: Date, _ outcome: TicketOutcome
  ) throws -> Ticket {
    let (reply, resolve): (TimeInterval, TimeInterval) =
      switch outcome {
      case .good: (300, 900)
      case .late: (30 * 3_600, 32 * 3_600)
      case .waitedPastAgeLimit: (600, 40 * 3_600)
      }
    let agent = TicketAuthor.agent("arc-agent")
    var events = [
      TicketEvent(
        id: EventID("\(id)-1"), instant: opened, author: .customer(customer),
        kind: .created(
          TicketOpening(
            ticketID: TicketID(id), customerID: customer, subject: "Help with my hosting", body: "Please help.",
            priority: priority))),
      TicketEvent(id: EventID("\(id)-2"), instant: opened + reply, author: agent, kind: .agentReply(body: "On it.")),
    ]
    if outcome == .waitedPastAgeLimit {
      events.append(
        TicketEvent(
          id: EventID("\(id)-3"), instant: opened + reply, author: agent, kind: .statusChanged(to: .waitingOnCustomer)))
    }
    events.append(
      TicketEvent(id: EventID("\(id)-4"), instant: opened + resolve, author: agent, kind: .statusChanged(to: .resolved))
    )
    return try Ticket(events: events)
  }
}
