import Foundation

/// The host's partners by id: what the desk reads to white-label a reseller's notices and to summarise each
/// partner's customers. A host gives it to the desk in ``DeskConfiguration/partners``; a customer's partners are
/// named by their profile's ``CustomerProfile/partners``.
///
/// JSON: an array of `Partner` objects, `[{"id":"acme","kind":"reseller","name":"Acme Web Sdn Bhd",…}]`.
public struct PartnerDirectory: Hashable, Sendable {
  private var byID: [PartnerID: Partner]

  /// An empty directory: every customer is the host's own.
  public init() { byID = [:] }

  /// A directory of partners.
  /// - Parameter partners: The partners, each id once.
  /// - Throws: ``HostingSupportError`` `invalidConfiguration` naming a partner id listed twice.
  public init(_ partners: [Partner]) throws {
    byID = [:]
    for partner in partners {
      guard byID.updateValue(partner, forKey: partner.id) == nil else {
        throw HostingSupportError.invalidConfiguration(
          field: "partners[\(partner.id.rawValue)]", reason: "the partner id is listed twice")
      }
    }
  }

  /// The partner with that id, if the directory has it.
  /// - Parameter id: A partner id.
  /// - Returns: The partner, or `nil`.
  /// - Complexity: O(1).
  public func partner(_ id: PartnerID) -> Partner? { byID[id] }

  /// Every partner, by id.
  /// - Complexity: O(*n* log *n*) for *n* partners.
  public var partners: [Partner] { byID.values.sorted { $0.id < $1.id } }

  /// Whether the directory has no partner.
  public var isEmpty: Bool { byID.isEmpty }
}

extension PartnerDirectory: Codable {
  /// Decodes an array of partners.
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: `DecodingError` for an invalid partner; ``HostingSupportError`` for an id listed twice.
  public init(from decoder: any Decoder) throws {
    try self.init(try decoder.singleValueContainer().decode([Partner].self))
  }

  /// Encodes the partners as an array, by id.
  /// - Parameter encoder: The encoder to write to.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(partners)
  }
}
