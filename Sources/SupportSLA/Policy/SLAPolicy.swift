import Foundation
public import SupportTickets

/// A group of customers that an SLA can single out, such as `"vip"` or `"enterprise"`.
///
/// Segments are not stored on tickets: the host knows them (from billing, contracts…) and passes them in
/// an ``SLASubject``. Open: any non-empty name is a segment.
public struct CustomerSegment: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral,
  CustomStringConvertible
{
  /// The segment's name.
  public let rawValue: String
  /// Creates a segment.
  /// - Parameter rawValue: Its name, e.g. `"vip"`.
  public init(rawValue: String) { self.rawValue = rawValue }
  /// Creates a segment.
  /// - Parameter rawValue: Its name, e.g. `"vip"`.
  public init(_ rawValue: String) { self.rawValue = rawValue }
  /// Creates a segment from a string literal.
  public init(stringLiteral value: String) { self.rawValue = value }
  /// The segment's name.
  public var description: String { rawValue }
}

/// Which tickets a policy applies to. Every condition that is set must hold; an unset (`nil`) one matches all.
public struct SLAConditions: Hashable, Sendable {
  /// The ticket's current priority is one of these.
  public var priorities: Set<Priority>? {
    didSet { priorityMask = priorities.map(Priority.slaMask(of:)) }
  }
  /// ``priorities`` as bits, so matching never hashes.
  private(set) var priorityMask: UInt8?
  /// The ticket's service has one of these plan tiers (a ticket without a service never matches).
  public var planTiers: Set<PlanTier>?
  /// The ticket's current department is one of these.
  public var departments: Set<Department>?
  /// The customer's segment is one of these (a subject without a segment never matches).
  public var segments: Set<CustomerSegment>?
  /// The customer's reseller is one of these (a subject without a reseller — a direct customer — never matches):
  /// how a reseller's premium support applies to its own customers only. ``SLAPolicyCatalog`` sets it for the
  /// policies a `Partner` selects by name.
  public var resellers: Set<PartnerID>?

  /// Creates conditions; leave a parameter `nil` to accept any value.
  /// - Parameters:
  ///   - priorities: Accepted priorities.
  ///   - planTiers: Accepted plan tiers.
  ///   - departments: Accepted departments.
  ///   - segments: Accepted customer segments.
  ///   - resellers: Accepted resellers of the customer.
  public init(
    priorities: Set<Priority>? = nil,
    planTiers: Set<PlanTier>? = nil,
    departments: Set<Department>? = nil,
    segments: Set<CustomerSegment>? = nil,
    resellers: Set<PartnerID>? = nil
  ) {
    self.priorities = priorities
    self.priorityMask = priorities.map(Priority.slaMask(of:))
    self.planTiers = planTiers
    self.departments = departments
    self.segments = segments
    self.resellers = resellers
  }

  /// Conditions that match every ticket.
  public static let any = SLAConditions()

  /// Whether a subject meets every condition that is set.
  /// - Parameter subject: The ticket and what the host knows of its customer (segment, reseller).
  /// - Returns: `true` when every set condition holds.
  public func matches(_ subject: SLASubject) -> Bool {
    // Read the fields the subject extracted once: going through the ticket costs a call and a cache miss each.
    let box = subject.box
    if let priorityMask, priorityMask & box.priority.slaBit == 0 { return false }
    if let departments, !departments.contains(box.department) { return false }
    if let planTiers {
      guard let tier = box.planTier, planTiers.contains(tier) else { return false }
    }
    if let segments {
      guard let segment = subject.segment, segments.contains(segment) else { return false }
    }
    if let resellers {
      guard let reseller = subject.reseller, resellers.contains(reseller) else { return false }
    }
    return true
  }
}

/// A service-level policy: which tickets it covers and the targets it promises them.
///
/// Conditions are read from the ticket's *current* state, so raising a ticket's priority moves it to the
/// stricter policy, whose targets are measured from the original start of each cycle (as Zendesk does).
public struct SLAPolicy: Hashable, Sendable {
  /// A name for reports and alerts, e.g. `"Critical"`.
  public var name: String
  /// Which tickets the policy covers.
  public var conditions: SLAConditions
  /// The promises, at most one per metric, ordered by metric.
  public private(set) var targets: [SLATarget]

  /// Creates a policy.
  ///
  /// - Parameters:
  ///   - name: A name for reports and alerts.
  ///   - conditions: Which tickets it covers; all by default.
  ///   - targets: At most one target per metric.
  /// - Throws: ``SLAError`` with code ``SLAError/Code/invalidPolicy`` when a metric has two targets or the
  ///   name is empty.
  public init(name: String, conditions: SLAConditions = .any, targets: [SLATarget]) throws {
    guard !name.isEmpty else { throw SLAError.invalidPolicy(field: "name", message: "a policy needs a name") }
    var seen = Set<SLAMetric>()
    for (index, target) in targets.enumerated() where !seen.insert(target.metric).inserted {
      throw SLAError.invalidPolicy(
        field: "targets[\(index)].metric", message: "the policy already has a \(target.metric.rawValue) target")
    }
    self.name = name
    self.conditions = conditions
    self.targets = targets.sorted { $0.metric < $1.metric }
  }

  /// The target for a metric, if the policy has one.
  /// - Parameter metric: The metric.
  /// - Returns: Its target, or `nil`.
  public func target(for metric: SLAMetric) -> SLATarget? {
    targets.first { $0.metric == metric }
  }

  /// Whether the policy covers a subject.
  /// - Parameter subject: The ticket and its customer's segment.
  /// - Returns: `true` when ``conditions`` match.
  public func applies(to subject: SLASubject) -> Bool { conditions.matches(subject) }
}

/// An ordered list of policies: a ticket gets the first policy whose conditions it meets; and the age guard that
/// watches every ticket, matched or not.
///
/// Put specific policies (a VIP segment, dedicated servers) before general ones (by priority). A ticket no policy
/// matches has no SLA targets, but the ``ageGuard`` still flags it when it stays open too long.
public struct SLAPolicySet: Hashable, Sendable {
  /// The policies, in matching order.
  public var policies: [SLAPolicy]
  /// The wall-clock backstop for every unsolved ticket, whatever its pauses (see ``SLAAgeGuard``); `nil` turns
  /// it off. ``SLAAgeGuard/hostingDefault`` (24 h) unless set otherwise.
  public var ageGuard: SLAAgeGuard?

  /// Creates a policy set.
  /// - Parameters:
  ///   - policies: The policies, in matching order.
  ///   - ageGuard: The age guard; ``SLAAgeGuard/hostingDefault`` (24 h) by default, `nil` for none.
  public init(_ policies: [SLAPolicy], ageGuard: SLAAgeGuard? = .hostingDefault) {
    self.policies = policies
    self.ageGuard = ageGuard
  }

  /// The first policy that covers a subject.
  /// - Parameter subject: The ticket and its customer's segment.
  /// - Returns: The policy, or `nil` when none matches.
  /// - Complexity: O(*p*) for *p* policies.
  public func policy(for subject: SLASubject) -> SLAPolicy? {
    guard let index = policyIndex(for: subject) else { return nil }
    return policies[index]
  }

  /// The index of the first policy that covers a subject, without copying any policy.
  func policyIndex(for subject: SLASubject) -> Int? {
    policies.withUnsafeBufferPointer { Self.firstMatch(in: $0, for: subject) }
  }

  /// The index of the first policy in `policies` that covers a subject, reading each policy in place.
  static func firstMatch(in policies: UnsafeBufferPointer<SLAPolicy>, for subject: SLASubject) -> Int? {
    for index in policies.indices where policies[index].conditions.matches(subject) { return index }
    return nil
  }
}
