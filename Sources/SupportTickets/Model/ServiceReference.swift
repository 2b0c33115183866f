import Foundation

/// Which product a ticket is about: the plan and the domain or server concerned.
public struct ServiceReference: Hashable, Sendable, Codable {
  /// The hosted service's id in the host's billing system, if known.
  public var serviceID: ServiceID?
  /// The plan's tier.
  public var tier: PlanTier
  /// The plan's name as sold, e.g. `"Starter"` or `"VPS 4 GB"`.
  public var plan: String
  /// The domain concerned, for shared and reseller plans.
  public var domain: String?
  /// The server's hostname, for VPS and dedicated plans (and the shared server a site lives on).
  public var server: String?

  /// Creates a service reference.
  /// - Parameters:
  ///   - serviceID: The service's id in the billing system.
  ///   - tier: The plan's tier.
  ///   - plan: The plan's name.
  ///   - domain: The domain concerned.
  ///   - server: The server concerned.
  public init(serviceID: ServiceID? = nil, tier: PlanTier, plan: String, domain: String? = nil, server: String? = nil) {
    self.serviceID = serviceID
    self.tier = tier
    self.plan = plan
    self.domain = domain
    self.server = server
  }
}
