import Foundation
import HostingSupport

/// Builds small histories for the experience analysis: one ticket and one monthly subscription per customer.
struct ExperienceHistory {
  static let start = CivilDate(dayNumber: 20_000)
  var tickets: [Ticket] = []
  var subscriptions: [Subscription] = []
  var surveys: [SurveyResponse] = []

  /// How a customer's ticket went.
  enum Service {
    /// Answered in 5 minutes, resolved in 10.
    case good
    /// A critical ticket answered after 2 hours and resolved after 3 (breaches every critical target).
    case criticalBreach
    /// A normal ticket answered after 5 hours, resolved after 6 (breaches the 4 h first response only).
    case normalBreach
    /// Answered in 5 minutes, then waiting on the customer until resolved after 30 hours: no target breached
    /// (the clocks pause), but unsolved once 24 hours old.
    case waitedPastAgeLimit
  }

  /// A ticket opened on `day` (days after ``start``) at 09:00 UTC.
  static func ticket(_ id: String, customer: CustomerID, service: Service, day: Int = 1) throws -> Ticket {
    let opened = start.adding(days: day).date.addingTimeInterval(9 * 3_600)
    let priority: Priority = service == .criticalBreach ? .critical : .normal
    let (reply, resolve): (TimeInterval, TimeInterval) =
      switch service {
      case .good: (300, 600)
      case .criticalBreach: (7_200, 10_800)
      case .normalBreach: (18_000, 21_600)
      case .waitedPastAgeLimit: (300, 30 * 3_600)
      }
    var events = [
      TicketEvent(
        id: EventID("\(id)-1"), instant: opened, author: .customer(customer),
        kind: .created(
          TicketOpening(
            ticketID: TicketID(id), customerID: customer, subject: "Site down", body: "Help", priority: priority)
        )),
      TicketEvent(
        id: EventID("\(id)-2"), instant: opened + reply, author: .agent("agent-1"),
        kind: .agentReply(body: "Looking into it")),
    ]
    if service == .waitedPastAgeLimit {
      events.append(
        TicketEvent(
          id: EventID("\(id)-w"), instant: opened + reply, author: .agent("agent-1"),
          kind: .statusChanged(to: .waitingOnCustomer)))
    }
    events.append(
      TicketEvent(
        id: EventID("\(id)-3"), instant: opened + resolve, author: .agent("agent-1"),
        kind: .statusChanged(to: .resolved)))
    return try Ticket(events: events)
  }

  /// Adds a customer with one ticket (unless `service` is `nil`) and a monthly subscription from ``start``, ending
  /// after `lifetime` days or still running.
  mutating func add(_ customer: String, service: Service?, lifetime: Int?) throws {
    let id = CustomerID(customer)
    if let service { tickets.append(try Self.ticket("T-\(customer)", customer: id, service: service)) }
    subscriptions.append(
      Subscription(
        id: SubscriptionID("S-\(customer)"), customer: id, tier: .shared,
        mrr: Money(minorUnits: 1_000, currency: "USD"),
        start: Self.start, end: lifetime.map { Self.start.adding(days: $0) }))
  }

  /// Adds an answer dated `day` days after ``start``.
  mutating func answer(_ customer: String, _ kind: SurveyKind, _ score: Int, day: Int = 2) throws {
    surveys.append(
      try SurveyResponse(customer: CustomerID(customer), date: Self.start.adding(days: day), kind: kind, score: score))
  }

  /// The analysis as of the start of day `reportDay` (days after ``start``).
  func report(reportDay: Int, minimumGroupSize: Int = 30) throws -> SupportExperienceReport {
    let analysis = SupportExperienceAnalysis(options: SupportExperienceOptions(minimumGroupSize: minimumGroupSize))
    return try analysis.report(
      tickets: tickets, surveys: surveys, retention: try RetentionDataset(subscriptions: subscriptions),
      now: Self.start.adding(days: reportDay).date.addingTimeInterval(12 * 3_600))
  }

  /// Each customer's experience as of day `reportDay`.
  func experiences(reportDay: Int = 100) throws -> [CustomerID: CustomerExperience] {
    let now = Self.start.adding(days: reportDay).date
    let list = try SupportExperienceAnalysis().experiences(tickets: tickets, surveys: surveys, now: now)
    return Dictionary(uniqueKeysWithValues: list.map { ($0.customer, $0) })
  }
}
