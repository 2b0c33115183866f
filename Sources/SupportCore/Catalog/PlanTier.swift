import Foundation

/// The kind of hosting a plan provides, from the cheapest shared account up to a dedicated server.
///
/// Raw values are the JSON and CSV names: `shared`, `vps`, `dedicated`, `reseller`, `other`.
public enum PlanTier: String, CaseIterable, Hashable, Sendable, Codable {
  /// Shared web hosting: many customers on one server; the cheapest plans.
  case shared
  /// A virtual private server.
  case vps
  /// A dedicated physical server.
  case dedicated
  /// A reseller account that hosts the reseller's own customers.
  case reseller
  /// Anything else the host sells (domains, e-mail, add-ons).
  case other
}
