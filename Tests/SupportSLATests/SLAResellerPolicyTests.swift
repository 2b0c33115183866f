import Foundation
import SupportSLA
import SupportTickets
import Testing

@Suite("SLA policies per reseller")
struct SLAResellerPolicyTests {
  let opened = utc("2026-11-23T10:00:00Z")

  /// Acme sells premium support: high tickets answered within 30 minutes, critical ones resolved within 30 minutes.
  static func premium() throws -> SLAPolicySet {
    SLAPolicySet([
      try SLAPolicy(
        name: "Acme premium critical", conditions: SLAConditions(priorities: [.critical]),
        targets: [SLATarget(.firstResponse, within: 5 * oneMinute), SLATarget(.resolution, within: 30 * oneMinute)]),
      try SLAPolicy(
        name: "Acme premium high", conditions: SLAConditions(priorities: [.high]),
        targets: [SLATarget(.firstResponse, within: 30 * oneMinute), SLATarget(.resolution, within: 4 * oneHour)]),
    ])
  }

  static func partners() throws -> [Partner] {
    [
      try Partner(id: "acme", kind: .reseller, name: "Acme Web Sdn Bhd", slaPolicySetName: "acme-premium"),
      try Partner(id: "budget", kind: .reseller, name: "Budget Hosting"),
      try Partner(id: "blog-42", kind: .affiliate, name: "Hosting reviews blog"),
    ]
  }

  func policies() throws -> SLAPolicySet {
    try SLAPolicyCatalog(named: ["acme-premium": try Self.premium()]).policySet(for: try Self.partners())
  }

  func status(_ priority: Priority, reseller: PartnerID?, after offset: TimeInterval) throws -> SLAStatus {
    let ticket = try TimelineBuilder(at: opened, priority: priority).ticket()
    let evaluator = SLAEvaluator(policies: try policies())
    return try #require(
      evaluator.evaluate(SLASubject(ticket, reseller: reseller), now: opened.addingTimeInterval(offset)))
  }

  @Test("a reseller's customer gets the premium targets its reseller's policy set promises")
  func resellerCustomerGetsPremium() throws {
    let high = try status(.high, reseller: "acme", after: 45 * oneMinute)
    #expect(high.policyName == "Acme premium high")
    #expect(high.current(.firstResponse)?.goal == 30 * oneMinute)
    #expect(high.current(.firstResponse)?.state == .breached, "45 minutes without a reply breaks a 30-minute promise")
    let critical = try status(.critical, reseller: "acme", after: 10 * oneMinute)
    #expect(critical.current(.resolution)?.goal == 30 * oneMinute)
  }

  @Test("a direct customer keeps the standard targets")
  func directCustomerKeepsStandard() throws {
    let high = try status(.high, reseller: nil, after: 45 * oneMinute)
    #expect(high.policyName == "High")
    #expect(high.current(.firstResponse)?.goal == oneHour)
    #expect(high.current(.firstResponse)?.state == .running)
  }

  @Test("another reseller's customer does not get the premium targets")
  func otherResellerCustomerKeepsStandard() throws {
    for reseller: PartnerID in ["budget", "blog-42", "unknown-reseller"] {
      let high = try status(.high, reseller: reseller, after: 45 * oneMinute)
      #expect(high.policyName == "High", "\(reseller)")
      #expect(high.current(.firstResponse)?.state == .running, "\(reseller)")
    }
  }

  @Test("tickets the reseller's set does not cover fall back to the standard policies")
  func uncoveredTicketsFallBack() throws {
    let normal = try status(.normal, reseller: "acme", after: oneHour)
    #expect(normal.policyName == "Normal")
  }

  @Test("the standard set's age guard watches every ticket, reseller's or not")
  func oneAgeGuard() throws {
    var standard = SLAPolicySet.hostingDefault
    standard.ageGuard = try SLAAgeGuard(limit: 12 * oneHour)
    var premium = try Self.premium()
    premium.ageGuard = nil
    let set = try SLAPolicyCatalog(standard: standard, named: ["acme-premium": premium])
      .policySet(for: try Self.partners())
    #expect(set.ageGuard?.limit == 12 * oneHour)
    #expect(set.policies.count == standard.policies.count + premium.policies.count)
  }

  @Test("partners that share a named set share one copy of its policies, and a policy's own resellers narrow it")
  func sharedSetAndNarrowing() throws {
    var premium = try Self.premium()
    premium.policies[0].conditions.resellers = ["acme", "elsewhere"]
    let partners =
      try Self.partners() + [
        try Partner(id: "zen", kind: .reseller, name: "Zen Hosting", slaPolicySetName: "acme-premium")
      ]
    let set = try SLAPolicyCatalog(named: ["acme-premium": premium]).policySet(for: partners)
    #expect(set.policies[0].conditions.resellers == ["acme"])
    #expect(set.policies[1].conditions.resellers == ["acme", "zen"])
  }

  @Test("a partner naming a set the catalog lacks is a typed error naming the partner")
  func unknownSetName() throws {
    let partner = try Partner(id: "acme", kind: .reseller, name: "Acme", slaPolicySetName: "gold")
    let error = #expect(throws: SLAError.self) {
      try SLAPolicyCatalog(named: ["acme-premium": try Self.premium()]).policySet(for: [partner])
    }
    #expect(error?.code == .invalidPolicy)
    #expect(error?.context["path"] == "partners[acme].slaPolicySetName")
  }

  @Test("a partner selects its named set, and no partner or no name selects the standard set")
  func setSelectedByPartner() throws {
    let catalog = try SLAPolicyCatalog(named: ["acme-premium": try Self.premium()])
    let partners = try Self.partners()
    #expect(catalog.policySet(selectedBy: partners[0]) == (try Self.premium()))
    #expect(catalog.policySet(selectedBy: partners[1]) == .hostingDefault)
    #expect(catalog.policySet(selectedBy: nil) == .hostingDefault)
  }

  @Test("reseller conditions and the catalog round-trip through their documented JSON")
  func catalogJSON() throws {
    let json = Data(
      """
      {"named":{"acme-premium":{"policies":[{"name":"Acme critical",
        "conditions":{"priorities":["critical"],"resellers":["acme"]},
        "targets":[{"metric":"firstResponse","within":"30m"}]}]}}}
      """.utf8)
    let catalog = try SLAPolicyCatalog.decode(from: json)
    #expect(catalog.standard == .hostingDefault)
    let policy = try #require(catalog.named["acme-premium"]?.policies.first)
    #expect(policy.conditions.resellers == ["acme"])
    #expect(policy.target(for: .firstResponse)?.goal == 30 * oneMinute)
    let again = try SLAPolicyCatalog.decode(from: try JSONEncoder().encode(catalog))
    #expect(again == catalog)
  }

  @Test("an invalid reseller id or an unknown catalog field is an error naming the field")
  func catalogJSONErrors() throws {
    let badReseller = Data(
      #"{"named":{"p":{"policies":[{"name":"x","conditions":{"resellers":[""]},"targets":[{"metric":"resolution","within":"1h"}]}]}}}"#
        .utf8)
    let error = #expect(throws: SLAError.self) { try SLAPolicyCatalog.decode(from: badReseller) }
    #expect(error?.context["path"]?.hasSuffix("conditions.resellers[0]") == true, "\(String(describing: error))")
    let unknown = #expect(throws: SLAError.self) { try SLAPolicyCatalog.decode(from: Data(#"{"sets":{}}"#.utf8)) }
    #expect(unknown?.context["path"] == "sets")
    #expect(throws: SLAError.self) { try SLAPolicyCatalog(named: ["": SLAPolicySet([])]) }
  }
}
