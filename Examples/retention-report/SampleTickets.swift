import Foundation
import HostingSupport

/// Seeded support tickets for the sample customers: up to three per subscription, of every priority, answered in
/// minutes or (more often for unhappy customers) a day late, so `retention-report experience` has a history to compare. Drawn
/// from their own generator, so the CSV files stay as they were.
enum SampleTickets {
  /// The tickets as JSON lines.
  /// - Parameters:
  ///   - lifetimes: Each subscription's customer, start, end (or the last day) and mood.
  ///   - seed: The sample's seed.
  static func jsonLines(
    for lifetimes: [(customer: String, start: CivilDate, end: CivilDate, unhappy: Bool)], seed: UInt64
  ) -> String {
    var random = SplitMix64(seed: seed ^ 0x7_1C4E7)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    var lines: [String] = []
    for (index, lifetime) in lifetimes.enumerated() {
      let days = lifetime.end.dayNumber - lifetime.start.dayNumber
      guard days > 2 else { continue }
      for number in 0..<random.below(4) {
        let opened = lifetime.start.adding(days: random.below(days - 1)).date.addingTimeInterval(
          Double(8 * 3_600 + random.below(10 * 3_600)))
        let late = random.chance(lifetime.unhappy ? 0.45 : 0.15)
        let priority = Self.priority(random.unit())
        let id = "ST-\(index)-\(number)"
        let customer = CustomerID(lifetime.customer)
        let agent = TicketAuthor.agent("sample-agent")
        let reply: TimeInterval = late ? 26 * 3_600 : 900
        let events = [
          TicketEvent(
            id: EventID("\(id)-1"), instant: opened, author: .customer(customer),
            kind: .created(
              TicketOpening(
                ticketID: TicketID(id), customerID: customer, subject: "Question", body: "Please help.",
                priority: priority))),
          TicketEvent(id: EventID("\(id)-2"), instant: opened + reply, author: agent, kind: .agentReply(body: "Done.")),
          TicketEvent(
            id: EventID("\(id)-3"), instant: opened + reply + 600, author: agent, kind: .statusChanged(to: .resolved)),
        ]
        // The events follow the lifecycle rules, so neither step can fail.
        guard let ticket = try? Ticket(events: events), let data = try? encoder.encode(ticket) else { continue }
        lines.append(String(decoding: data, as: UTF8.self))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A ticket's priority from a uniform draw: one in ten critical, two in ten high or low, the rest normal (a
  /// late answer breaches a critical ticket's one-hour target as it does the others').
  static func priority(_ draw: Double) -> Priority {
    switch draw {
    case ..<0.1: .critical
    case ..<0.3: .high
    case ..<0.5: .low
    default: .normal
    }
  }
}
