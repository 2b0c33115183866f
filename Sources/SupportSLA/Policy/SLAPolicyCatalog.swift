public import Foundation

/// The host's SLA policy sets: the standard set every customer gets, and named sets that partners select —
/// a reseller's premium support, for example — so a `Partner`'s `slaPolicySetName` applies to its customers only.
///
/// ``policySet(for:)`` folds the catalog into the one ``SLAPolicySet`` the evaluator and the monitor use: for each
/// named set some partners select, a copy of its policies restricted to those partners' customers
/// (``SLAConditions/resellers``), ahead of the standard policies. So a reseller's customer gets the first of its
/// reseller's policies that matches the ticket, and the standard policies for tickets its reseller's set does not
/// cover (a set with only a critical policy tightens critical tickets and leaves the rest standard; end the set
/// with a catch-all policy to replace the standard targets entirely). A direct customer, or another reseller's
/// customer, never matches those policies.
///
/// JSON:
/// ```json
/// {"standard":{"policies":[…]},
///  "named":{"acme-premium":{"policies":[{"name":"Acme critical","conditions":{"priorities":["critical"]},
///                                        "targets":[{"metric":"firstResponse","within":"30m"}]}]}}}
/// ```
/// `standard` is optional (``SLAPolicySet/hostingDefault`` when absent), and so is `named`. A named set's own
/// `ageGuard` is not used: one age guard, the standard set's, watches every ticket.
public struct SLAPolicyCatalog: Hashable, Sendable {
  /// The policies of every customer whose reseller selects no named set (direct customers too).
  public var standard: SLAPolicySet
  /// The sets partners select by name.
  public private(set) var named: [String: SLAPolicySet]

  /// Creates a catalog.
  /// - Parameters:
  ///   - standard: The standard set (default ``SLAPolicySet/hostingDefault``).
  ///   - named: The sets partners select, by name (1…120 bytes, as `Partner.slaPolicySetName` allows).
  /// - Throws: ``SLAError`` with code ``SLAError/Code/invalidPolicy`` for an empty or over-long name.
  public init(standard: SLAPolicySet = .hostingDefault, named: [String: SLAPolicySet] = [:]) throws {
    for name in named.keys.sorted() where name.isEmpty || name.utf8.count > 120 {
      throw SLAError.invalidPolicy(field: "named[\(name)]", message: "a policy set name is 1 to 120 bytes")
    }
    self.standard = standard
    self.named = named
  }

  /// The one policy set for the host and its partners: each named set's policies restricted to the customers of
  /// the partners that select it, then the standard policies, watched by the standard set's age guard.
  ///
  /// Named sets come in name order; within each, the policies keep their order. A policy of a named set that
  /// already lists resellers keeps only those that also select the set. Partners without an SLA policy set name
  /// add nothing.
  /// - Parameter partners: The host's partners (a partner directory's contents).
  /// - Returns: The policy set to give the desk, the evaluator or the monitor.
  /// - Throws: ``SLAError`` with code ``SLAError/Code/invalidPolicy`` when a partner names a set the catalog does
  ///   not have (`path` is `partners[<id>].slaPolicySetName`).
  /// - Complexity: O(*n* + *p*) for *n* partners and *p* policies.
  public func policySet(for partners: [Partner]) throws -> SLAPolicySet {
    var selectors: [String: Set<PartnerID>] = [:]
    for partner in partners {
      guard let name = partner.slaPolicySetName else { continue }
      guard named[name] != nil else {
        throw SLAError.invalidPolicy(
          field: "partners[\(partner.id.rawValue)].slaPolicySetName",
          message: "no SLA policy set named '\(name)'; the catalog has \(named.keys.sorted().joined(separator: ", "))")
      }
      selectors[name, default: []].insert(partner.id)
    }
    var policies: [SLAPolicy] = []
    for name in selectors.keys.sorted() {
      guard let set = named[name], let resellers = selectors[name] else { continue }
      for var policy in set.policies {
        policy.conditions.resellers = policy.conditions.resellers?.intersection(resellers) ?? resellers
        policies.append(policy)
      }
    }
    return SLAPolicySet(policies + standard.policies, ageGuard: standard.ageGuard)
  }

  /// The set a partner selects, or the standard set when it selects none.
  /// - Parameter partner: The customer's reseller, or `nil` for a direct customer.
  /// - Returns: The named set, the standard set, or `nil` when the partner names a set the catalog lacks.
  public func policySet(selectedBy partner: Partner?) -> SLAPolicySet? {
    guard let name = partner?.slaPolicySetName else { return standard }
    return named[name]
  }
}

extension SLAPolicyCatalog: Codable {
  /// Decodes `{"standard":{…},"named":{"<name>":{…}}}`; both fields are optional.
  /// - Throws: ``SLAError`` naming the field.
  public init(from decoder: any Decoder) throws {
    let reader = try PolicyObjectReader(decoder, allowed: ["standard", "named"])
    try self.init(
      standard: try reader.decodeIfPresent(SLAPolicySet.self, "standard") ?? .hostingDefault,
      named: try reader.decodeIfPresent([String: SLAPolicySet].self, "named") ?? [:])
  }

  /// Encodes `{"standard":{…},"named":{…}}`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: PolicyKey.self)
    try container.encode(standard, forKey: PolicyKey("standard"))
    try container.encode(named, forKey: PolicyKey("named"))
  }

  /// Reads a catalog from JSON bytes.
  /// - Parameter data: A `{"standard":{…},"named":{…}}` document.
  /// - Returns: The catalog.
  /// - Throws: ``SLAError`` naming the field that was wrong (`(root)` for text that is not JSON).
  public static func decode(from data: Data) throws -> SLAPolicyCatalog {
    try decodePolicyDocument(SLAPolicyCatalog.self, from: data)
  }
}
