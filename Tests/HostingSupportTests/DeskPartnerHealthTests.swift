import Foundation
import HostingSupport
import HostingSupportTestKit
import SupportTickets
import Testing

@Suite("SupportDesk partner health")
struct DeskPartnerHealthTests {
  static let now = Fixtures.referenceDate + 10 * day

  /// A customer whose health is low (new, shared, two recent downgrades: 55/100) or high (a VPS customer of four
  /// years: 105 → 100).
  static func customer(_ id: CustomerID, reseller: PartnerID?, affiliate: PartnerID? = nil, atRisk: Bool)
    -> CustomerProfile
  {
    CustomerProfile(
      id: id, name: id.rawValue, tier: atRisk ? .shared : .vps, acquisition: reseller == nil ? .direct : .reseller,
      monthlyRevenue: Money(minorUnits: 2_000, currency: "USD"),
      customerSince: atRisk ? now - 30 * day : now - 4 * 365 * day, servers: ["rs01"],
      downgrades: atRisk ? [now - 5 * day, now - 3 * day] : [],
      partners: CustomerPartners(reseller: reseller, affiliate: affiliate))
  }

  static func customers() -> [CustomerProfile] {
    // Acme: 3 of 4 at risk. Budget: 2 of 8 at risk (25 %). Zen: its only customer at risk. Ghost: not in the
    // directory. One direct customer, referred by the blog.
    var list = (0..<4).map { customer(CustomerID("acme-\($0)"), reseller: "acme", atRisk: $0 < 3) }
    list += (0..<8).map { customer(CustomerID("budget-\($0)"), reseller: "budget", atRisk: $0 < 2) }
    list.append(customer("zen-0", reseller: "zen", atRisk: true))
    list.append(customer("ghost-0", reseller: "ghost", atRisk: false))
    list.append(customer("direct-0", reseller: nil, affiliate: "blog-42", atRisk: true))
    return list
  }

  static func harness() async throws -> DeskHarness {
    var configuration = DeskConfiguration(hostName: WhiteLabel.hostName)
    configuration.partners = try PartnerDirectory(
      WhiteLabel.partners + [try Partner(id: "budget", kind: .reseller, name: "Budget Hosting")])
    let harness = DeskHarness(configuration: configuration)
    await harness.desk.register(customers())
    return harness
  }

  static func summary(_ id: PartnerID, in list: [PartnerHealth]) throws -> PartnerHealth {
    try #require(list.first { $0.partnerID == id }, "no summary for \(id)")
  }

  @Test("a reseller with several at-risk customers is flagged, with the reason")
  func severalAtRiskFlagged() async throws {
    let harness = try await Self.harness()
    let list = try await harness.desk.partnerHealth(now: Self.now)
    let acme = try Self.summary("acme", in: list)
    #expect(acme.customers == 4 && acme.atRiskCount == 3)
    #expect(acme.isFlagged && acme.flagReasons.contains { $0.hasPrefix("3 of its customers are at risk") })
    #expect(acme.name == "Acme Web Sdn Bhd" && acme.kind == .reseller)
    #expect(list.first?.partnerID == "acme", "flagged partners first, most at-risk customers first")
  }

  @Test("tickets the desk opens for a reseller's customer carry the reseller, so only that reseller's panel sees them")
  func deskTicketsCarryTheReseller() async throws {
    let harness = try await Self.harness()
    let resold = try await harness.desk.openTicket(for: "acme-0", subject: "Mail", body: "No mail since noon")
    let direct = try await harness.desk.openTicket(for: "direct-0", subject: "DNS", body: "Zone missing")
    #expect(resold.ticket.resellerID == "acme")
    #expect(direct.ticket.resellerID == nil)
    let acme = PartnerTicketAccess(partnerID: "acme", store: harness.store)
    let budget = PartnerTicketAccess(partnerID: "budget", store: harness.store)
    #expect(try await acme.tickets().tickets.map(\.id) == [resold.ticket.id])
    #expect(try await budget.tickets().tickets.isEmpty)
    #expect(try await budget.ticket(resold.ticket.id) == nil)
  }

  @Test("a large partner is flagged when a quarter of its customers are at risk")
  func shareFlagged() async throws {
    let list = try await Self.harness().desk.partnerHealth(now: Self.now)
    let budget = try Self.summary("budget", in: list)
    #expect(budget.customers == 8 && budget.atRiskCount == 2 && budget.atRiskShare == 0.25)
    #expect(budget.isFlagged && budget.flagReasons.count == 1 && budget.flagReasons[0].hasPrefix("25 % of its 8"))
    let strict = try await Self.harness().desk.partnerHealth(now: Self.now, rule: PartnerRiskRule(atRiskShare: 0.3))
    #expect(!(try Self.summary("budget", in: strict)).isFlagged)
  }

  @Test("a small partner is not over-read from one unhappy customer, and a partner without customers is listed")
  func smallPartnerNotFlagged() async throws {
    let list = try await Self.harness().desk.partnerHealth(now: Self.now)
    let zen = try Self.summary("zen", in: list)
    #expect(zen.customers == 1 && zen.atRiskCount == 1 && zen.atRiskShare == 1 && !zen.isFlagged)
    let plain = try Self.summary("plain", in: list)
    #expect(plain.customers == 0 && plain.meanHealthScore == nil && !plain.isFlagged)
  }

  @Test("a reseller customers name but the directory lacks is flagged, so its unbranded notices are noticed")
  func unknownPartnerFlagged() async throws {
    let ghost = try Self.summary("ghost", in: try await Self.harness().desk.partnerHealth(now: Self.now))
    #expect(ghost.name == nil && ghost.kind == nil && ghost.customers == 1 && ghost.atRiskCount == 0)
    #expect(ghost.isFlagged && ghost.flagReasons.contains { $0.contains("directory") })
  }

  @Test("an affiliate's referred customers count for the affiliate; direct customers for no partner")
  func affiliateCounts() async throws {
    let list = try await Self.harness().desk.partnerHealth(now: Self.now)
    let blog = try Self.summary("blog-42", in: list)
    #expect(blog.customers == 1 && blog.atRiskCustomers == ["direct-0"])
    #expect(list.map(\.customers).reduce(0, +) == Self.customers().count)
  }

  @Test("at-risk customers are those churnRisks lists, in its order, and the mean score is the customers' mean")
  func atRiskMatchesChurnRisks() async throws {
    let harness = try await Self.harness()
    let risks = try await harness.desk.churnRisks(now: Self.now).map(\.customerID)
    let acme = try Self.summary("acme", in: try await harness.desk.partnerHealth(now: Self.now))
    #expect(acme.atRiskCustomers == risks.filter { $0.rawValue.hasPrefix("acme-") })
    var scores: [Int] = []
    for id in ["acme-0", "acme-1", "acme-2", "acme-3"] as [CustomerID] {
      scores.append(try await harness.desk.health(of: id, now: Self.now).score)
    }
    #expect(acme.meanHealthScore == Double(scores.reduce(0, +)) / 4)
  }

  @Test("open tickets, SLA breaches and negative feedback are counted per partner")
  func ticketsBreachesFeedback() async throws {
    let harness = try await Self.harness()
    let opened = Self.now - 3 * hour
    for id in ["acme-3", "zen-0"] as [CustomerID] {
      _ = try await harness.desk.openTicket(
        for: id, subject: "Site down", body: "Everything is down.", priority: .critical, at: opened)
    }
    _ = try await harness.desk.tick(now: Self.now - hour)
    _ = try await harness.desk.recordFeedback(
      CustomerFeedback(
        id: "F1", customerID: "acme-3", text: "Terrible support, very slow response, my site was down for two days!",
        receivedAt: Self.now - hour, npsScore: 2))
    let list = try await harness.desk.partnerHealth(now: Self.now)
    let acme = try Self.summary("acme", in: list)
    // The feedback opened a follow-up ticket for acme-3 too.
    #expect(acme.openTickets == 2 && acme.slaBreaches == 1 && acme.negativeFeedback == 1)
    let zen = try Self.summary("zen", in: list)
    #expect(zen.openTickets == 1 && zen.slaBreaches == 1 && zen.negativeFeedback == 0)
    #expect(try Self.summary("budget", in: list).openTickets == 0)
  }

  @Test("a reseller's customer's ticket is measured with the reseller's SLA; a direct customer's with the standard")
  func resellerSLAOnTheDesk() async throws {
    let premium = SLAPolicySet([
      try SLAPolicy(
        name: "Acme premium critical", conditions: SLAConditions(priorities: [.critical]),
        targets: [SLATarget(.firstResponse, within: 5 * 60), SLATarget(.resolution, within: 30 * 60)])
    ])
    let policies = try SLAPolicyCatalog(named: ["acme-premium": premium]).policySet(for: WhiteLabel.partners)
    let harness = DeskHarness(configuration: WhiteLabel.configuration())
    let desk = SupportDesk(
      store: harness.store, policies: policies, transport: harness.transport,
      customers: Self.customers(), configuration: WhiteLabel.configuration(), now: harness.clock.provider)
    var statuses: [CustomerID: SLAStatus] = [:]
    for id in ["acme-0", "zen-0", "direct-0"] as [CustomerID] {
      let opened = try await desk.openTicket(
        for: id, subject: "Down", body: "All down.", priority: .critical, at: Fixtures.referenceDate)
      statuses[id] = try await desk.slaStatus(of: opened.ticket.id, now: Fixtures.referenceDate + 10 * 60)
    }
    #expect(statuses["acme-0"]?.policyName == "Acme premium critical")
    #expect(statuses["acme-0"]?.current(.firstResponse)?.state == .breached, "5 minutes promised, 10 gone")
    let goal = try #require(statuses["acme-0"]?.current(.resolution)?.goal)
    #expect(abs(goal - 1_800) < 1e-9, "\(goal - 1_800)")
    for other in ["zen-0", "direct-0"] as [CustomerID] {
      #expect(statuses[other]?.policyName == "Critical", "\(other)")
      #expect(statuses[other]?.current(.firstResponse)?.state == .running, "\(other)")
    }
  }
}
