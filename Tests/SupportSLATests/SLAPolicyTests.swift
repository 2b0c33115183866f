import Foundation
import SupportSLA
import SupportTickets
import Testing

@Suite("SLA policies")
struct SLAPolicyTests {
  let opened = utc("2026-11-23T10:00:00Z")

  func subject(
    priority: Priority = .normal, department: Department = .technical, tier: PlanTier? = nil,
    segment: CustomerSegment? = nil
  ) throws -> SLASubject {
    SLASubject(
      try TimelineBuilder(at: opened, priority: priority, department: department, tier: tier).ticket(),
      segment: segment)
  }

  @Test("every condition that is set must hold, and an unset one matches anything")
  func conditions() throws {
    let vipDedicated = SLAConditions(planTiers: [.dedicated], segments: ["vip"])
    #expect(vipDedicated.matches(try subject(tier: .dedicated, segment: "vip")))
    #expect(!vipDedicated.matches(try subject(tier: .dedicated, segment: "standard")))
    #expect(!vipDedicated.matches(try subject(tier: .dedicated)))  // no segment known
    #expect(!vipDedicated.matches(try subject(tier: .vps, segment: "vip")))
    #expect(!vipDedicated.matches(try subject(segment: "vip")))  // no service on the ticket
    let billingUrgent = SLAConditions(priorities: [.high, .critical], departments: [.billing])
    #expect(billingUrgent.matches(try subject(priority: .high, department: .billing)))
    #expect(!billingUrgent.matches(try subject(priority: .normal, department: .billing)))
    #expect(!billingUrgent.matches(try subject(priority: .high, department: .sales)))
    #expect(SLAConditions.any.matches(try subject()))
  }

  @Test("the first policy that matches wins")
  func firstMatchWins() throws {
    let vip = try SLAPolicy(
      name: "VIP", conditions: SLAConditions(segments: ["vip"]), targets: [SLATarget(.resolution, within: oneHour)])
    let critical = try SLAPolicy(
      name: "Critical", conditions: SLAConditions(priorities: [.critical]),
      targets: [SLATarget(.resolution, within: 2 * oneHour)])
    let fallback = try SLAPolicy(name: "Everyone", targets: [SLATarget(.resolution, within: 24 * oneHour)])
    let set = SLAPolicySet([vip, critical, fallback])
    #expect(set.policy(for: try subject(priority: .critical, segment: "vip"))?.name == "VIP")
    #expect(set.policy(for: try subject(priority: .critical))?.name == "Critical")
    #expect(set.policy(for: try subject(priority: .low))?.name == "Everyone")
    #expect(SLAPolicySet([vip]).policy(for: try subject()) == nil)
  }

  @Test("the hosting default is 24/7, resolves critical within 1 h and leaves nothing open past 24 h")
  func hostingDefault() throws {
    let set = SLAPolicySet.hostingDefault
    for priority in Priority.allCases {
      let policy = try #require(set.policy(for: try subject(priority: priority)))
      let resolution = try #require(policy.target(for: .resolution))
      #expect(resolution.goal <= 24 * oneHour)
      #expect(policy.target(for: .nextResponse) != nil, "periodic updates on long issues")
      let first = try #require(policy.target(for: .firstResponse))
      #expect(first.goal < resolution.goal)
      for target in policy.targets {
        #expect(target.calendar.isAlwaysOpen)
        #expect(target.pauseStatuses == [.waitingOnCustomer], "requester wait: only waiting on the customer pauses")
        #expect(target.warningThresholds == [0.75, 0.9])
      }
    }
    #expect(set.policy(for: try subject(priority: .critical))?.target(for: .resolution)?.goal == oneHour)
    #expect(set.ageGuard?.limit == 24 * oneHour, "nothing open past 24 h, in any case")
    // Stricter priorities never get looser goals.
    let goals = Priority.allCases.sorted().map {
      set.policy(for: try! subject(priority: $0))!.target(for: .firstResponse)!.goal
    }
    #expect(goals == goals.sorted(by: >))
  }

  @Test("a policy rejects two targets for one metric and an empty name")
  func invalidPolicies() throws {
    #expect {
      try SLAPolicy(
        name: "Twice", targets: [SLATarget(.resolution, within: oneHour), SLATarget(.resolution, within: 2 * oneHour)])
    } throws: { ($0 as? SLAError)?.code == .invalidPolicy && ($0 as? SLAError)?.field == "targets[1].metric" }
    #expect { try SLAPolicy(name: "", targets: []) } throws: { ($0 as? SLAError)?.code == .invalidPolicy }
  }

  @Test(
    "a target rejects a goal that is not positive and thresholds outside (0, 1)",
    arguments: [
      (0.0, [0.75], [TimeInterval](), SLAError.Code.invalidDuration),
      (-5, [0.75], [], .invalidDuration),
      (.infinity, [0.75], [], .invalidDuration),
      (60, [1.0], [], .invalidThreshold),
      (60, [0], [], .invalidThreshold),
      (60, [0.5], [-1], .invalidThreshold),
    ])
  func invalidTargets(goal: TimeInterval, thresholds: [Double], delays: [TimeInterval], code: SLAError.Code) {
    #expect {
      try SLATarget(.resolution, within: goal, warningThresholds: thresholds, escalationDelays: delays)
    } throws: { ($0 as? SLAError)?.code == code }
  }

  @Test("targets are kept in panel order and thresholds sorted")
  func ordering() throws {
    let policy = try SLAPolicy(
      name: "P",
      targets: [
        SLATarget(.resolution, within: oneHour), SLATarget(.firstResponse, within: 60, warningThresholds: [0.9, 0.5]),
      ])
    #expect(policy.targets.map(\.metric) == [.firstResponse, .resolution])
    #expect(policy.target(for: .firstResponse)?.warningThresholds == [0.5, 0.9])
  }
}
