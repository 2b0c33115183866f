public import Foundation

/// Whom a customer message comes from: the host, or — for an end customer of a reseller — the reseller, under its
/// own brand (white label). Transports use it for the `From` header, the reply-to page and the logo.
///
/// JSON: `{"partnerID":"acme","displayName":"Acme Web","address":"help@acme.example",
/// "supportURL":"https://acme.example/help"}`; absent fields are omitted.
public struct MessageSender: Hashable, Sendable, Codable {
  /// The reseller the message is sent for, or `nil` when it comes from the host itself.
  public var partnerID: PartnerID?
  /// The name the customer knows: the reseller's brand name, or the host's name (``DeskConfiguration/hostName``).
  public var displayName: String
  /// The e-mail address to send from, if known.
  public var address: String?
  /// Where the customer gets help, if known.
  public var supportURL: URL?
  /// A logo for HTML messages, if any.
  public var logoURL: URL?

  /// A sender.
  /// - Parameters:
  ///   - partnerID: The reseller, or `nil` for the host.
  ///   - displayName: The name the customer knows.
  ///   - address: The sender address.
  ///   - supportURL: The support page.
  ///   - logoURL: The logo.
  public init(
    partnerID: PartnerID? = nil, displayName: String, address: String? = nil, supportURL: URL? = nil,
    logoURL: URL? = nil
  ) {
    self.partnerID = partnerID
    self.displayName = displayName
    self.address = address
    self.supportURL = supportURL
    self.logoURL = logoURL
  }

  /// A reseller under its brand.
  /// - Parameters:
  ///   - partnerID: The reseller's id.
  ///   - brand: Its brand.
  public init(partnerID: PartnerID, brand: PartnerBrand) {
    self.init(
      partnerID: partnerID, displayName: brand.displayName, address: brand.senderAddress,
      supportURL: brand.supportURL, logoURL: brand.logoURL)
  }
}
