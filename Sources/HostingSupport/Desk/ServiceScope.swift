import Foundation

/// Which customers planned or unplanned work touches: the rule ``MaintenanceWindow`` and ``Incident`` share.
///
/// A customer is affected when every dimension that is named matches them: one of their servers is named (if
/// any are), one of their services is named (if any are), and their tier is named (if any are). Naming nothing
/// means every customer (platform-wide).
enum ServiceScope {
  static func affects(servers: Set<String>, services: Set<String>, tiers: Set<PlanTier>, _ customer: CustomerProfile)
    -> Bool
  {
    (servers.isEmpty || !servers.isDisjoint(with: customer.servers))
      && (services.isEmpty || !services.isDisjoint(with: customer.services))
      && (tiers.isEmpty || tiers.contains(customer.tier))
  }

  /// The named servers, services and tiers, sorted, or `all services`.
  static func summary(servers: Set<String>, services: Set<String>, tiers: Set<PlanTier>) -> String {
    let names = servers.sorted() + services.sorted() + tiers.map(\.rawValue).sorted()
    return names.isEmpty ? "all services" : names.joined(separator: ", ")
  }
}
