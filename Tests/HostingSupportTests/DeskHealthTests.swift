import FeedbackSentiment
import Foundation
import HostingSupport
import HostingSupportTestKit
import SupportTickets
import Testing

@Suite("SupportDesk customer health and churn risk")
struct DeskHealthTests {
  @Test("a long-standing dedicated customer with no trouble is healthy")
  func healthy() async throws {
    let harness = DeskHarness()
    let health = try await harness.desk.health(of: "cust-nordic", now: Fixtures.referenceDate)
    // Dedicated +5 and tenure of four years +5, clamped to 100.
    #expect(health.score == 100)
    #expect(health.revenueAtRisk.minorUnits == 0)
  }

  @Test("breaches, old open tickets, negative feedback and downgrades lower the score, each explained")
  func unhealthy() async throws {
    var customer = try #require(Fixtures.customer("cust-siti"))
    customer.downgrades = [Fixtures.referenceDate - 10 * day]
    let harness = DeskHarness(
      classifier: FixedClassifier(
        result: SentimentResult(label: .negative, score: -0.5, confidence: 1, language: .malay)))
    await harness.desk.register([customer])
    _ = try await harness.desk.openTicket(for: "cust-siti", subject: "Down", body: "Site down", priority: .critical)
    _ = try await harness.desk.tick(now: Fixtures.referenceDate + 2 * hour)  // breaches the critical targets
    _ = try await harness.desk.recordFeedback(
      CustomerFeedback(id: "F", customerID: "cust-siti", text: "teruk", receivedAt: Fixtures.referenceDate + 3 * hour))
    let now = Fixtures.referenceDate + 4 * day
    let health = try await harness.desk.health(of: "cust-siti", now: now)
    let points = Dictionary(uniqueKeysWithValues: health.factors.map { ($0.name, $0.points) })
    // Worked by hand: 1 breached ticket −10; two open tickets (the critical one and the follow-up), the
    // oldest 4 days old −15; sentiment −0.5 × 20 = −10; shared −5; 40 days' tenure −10; one downgrade −15.
    #expect(
      points == [
        "slaBreaches": -10, "openTicketAge": -15, "sentimentTrend": -10, "tier": -5, "tenure": -10,
        "recentDowngrades": -15,
      ])
    #expect(health.score == 35)
    #expect(health.revenueAtRisk.minorUnits == 800 * 65 / 100)
    #expect(health.explanation.hasPrefix("35/100: "))
  }

  @Test("the churn-risk list is ordered by MRR at risk and keeps cheapest-plan customers")
  func churnRiskOrder() async throws {
    let harness = DeskHarness()
    var customers = Fixtures.customers
    for index in customers.indices { customers[index].downgrades = [Fixtures.referenceDate - day] }
    await harness.desk.register(customers)
    let risks = try await harness.desk.churnRisks(now: Fixtures.referenceDate)
    let values = risks.map { $0.monthlyRevenue.minorUnits * Int64(100 - $0.score) }
    #expect(values == values.sorted(by: >))
    #expect(risks.contains { $0.customerID == "cust-lan" }, "the cheapest plan is still listed")
    #expect(risks.allSatisfy { $0.score <= 70 })
  }

  @Test("an unknown customer is notFound")
  func unknown() async throws {
    let harness = DeskHarness()
    await #expect(throws: HostingSupportError.self) {
      try await harness.desk.health(of: "nobody", now: Fixtures.referenceDate)
    }
  }
}
