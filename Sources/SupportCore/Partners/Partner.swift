import Foundation

/// A partner of the host: a reseller who bills and supports its own end customers under its own brand, or an
/// affiliate who refers customers (attribution only).
///
/// A customer has at most one reseller and at most one referring affiliate (``CustomerPartners``). A reseller
/// usually has a ``brand`` (every notice to its customers uses it instead of the host's) and may name the SLA
/// policy set its customers get (``slaPolicySetName``, for example premium support sold by the reseller).
///
/// JSON:
/// ```json
/// {"id":"acme","kind":"reseller","name":"Acme Web Sdn Bhd","brand":{…},"slaPolicySetName":"acme-premium"}
/// ```
/// `brand` and `slaPolicySetName` are omitted when absent.
public struct Partner: Hashable, Sendable, Codable, Identifiable {
  /// The partner's id.
  public var id: PartnerID
  /// What the partner does: reseller, affiliate, or a host-defined kind.
  public var kind: PartnerKind
  /// The partner's legal or trading name, for staff.
  public var name: String
  /// How a reseller presents itself to its customers; `nil` for affiliates and unbranded resellers.
  public var brand: PartnerBrand?
  /// The name of the SLA policy set the partner's customers get, if it differs from the host's default.
  public var slaPolicySetName: String?

  /// Creates a partner.
  /// - Parameters:
  ///   - id: The partner's id.
  ///   - kind: Reseller, affiliate or a host-defined kind.
  ///   - name: The partner's name (1…200 characters).
  ///   - brand: A reseller's brand.
  ///   - slaPolicySetName: The SLA policy set its customers get.
  /// - Throws: ``SupportCoreError`` with code ``SupportCoreError/Code/invalidPartner`` naming the field.
  public init(
    id: PartnerID, kind: PartnerKind, name: String, brand: PartnerBrand? = nil, slaPolicySetName: String? = nil
  ) throws(SupportCoreError) {
    self.id = id
    self.kind = kind
    self.name = name
    self.brand = brand
    self.slaPolicySetName = slaPolicySetName
    if let problem = problem { throw problem }
  }

  private enum CodingKeys: String, CodingKey { case id, kind, name, brand, slaPolicySetName }

  /// Decodes and validates a partner.
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: `DecodingError` naming the invalid field.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(PartnerID.self, forKey: .id)
    kind = try container.decode(PartnerKind.self, forKey: .kind)
    name = try container.decode(String.self, forKey: .name)
    brand = try container.decodeIfPresent(PartnerBrand.self, forKey: .brand)
    slaPolicySetName = try container.decodeIfPresent(String.self, forKey: .slaPolicySetName)
    if let problem {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: container.codingPath + [problem.field.flatMap(CodingKeys.init(stringValue:)) ?? .name],
          debugDescription: problem.message))
    }
  }

  /// Encodes the partner, leaving out absent fields.
  /// - Parameter encoder: The encoder to write to.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(kind, forKey: .kind)
    try container.encode(name, forKey: .name)
    try container.encodeIfPresent(brand, forKey: .brand)
    try container.encodeIfPresent(slaPolicySetName, forKey: .slaPolicySetName)
  }

  private var problem: SupportCoreError? {
    if name.trimmingCharacters(in: .whitespaces).isEmpty || name.count > 200
      || name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
    {
      return .invalidPartner(field: "name", reason: "must be 1 to 200 characters without control characters")
    }
    if let slaPolicySetName, slaPolicySetName.isEmpty || slaPolicySetName.utf8.count > 120 {
      return .invalidPartner(field: "slaPolicySetName", reason: "must be 1 to 120 bytes when present")
    }
    return nil
  }
}

/// The partners a customer came through: at most one reseller, who bills and supports them, and at most one
/// referring affiliate, credited for them.
///
/// JSON: `{"reseller":"acme","affiliate":"blog-42"}` (either omitted when absent).
public struct CustomerPartners: Hashable, Sendable, Codable {
  /// The reseller who bills and supports the customer, if any.
  public var reseller: PartnerID?
  /// The affiliate who referred the customer, if any.
  public var affiliate: PartnerID?

  /// Creates a customer's partner links.
  /// - Parameters:
  ///   - reseller: The reseller who bills and supports the customer.
  ///   - affiliate: The affiliate who referred the customer.
  public init(reseller: PartnerID? = nil, affiliate: PartnerID? = nil) {
    self.reseller = reseller
    self.affiliate = affiliate
  }

  /// No partner: a direct customer.
  public static let none = CustomerPartners()

  /// The acquisition channel these links imply: reseller when there is a reseller, affiliate when only an
  /// affiliate referred the customer, direct otherwise.
  public var channel: AcquisitionChannel {
    if reseller != nil { return .reseller }
    if affiliate != nil { return .affiliate }
    return .direct
  }
}
