import Foundation

/// How a reseller presents itself to its customers: every notice to a reseller's customer carries this brand
/// instead of the host's (white label).
///
/// JSON:
/// ```json
/// {"displayName":"Acme Web","senderAddress":"help@acme.example","supportURL":"https://acme.example/help",
///  "languages":["en","ms"],"logoURL":"https://acme.example/logo.png"}
/// ```
/// `logoURL` is omitted when absent. Decoding validates like ``init(displayName:senderAddress:supportURL:languages:logoURL:)``.
public struct PartnerBrand: Hashable, Sendable, Codable {
  /// The name customers see, such as `"Acme Web"`.
  public var displayName: String
  /// The e-mail address notices are sent from, such as `"help@acme.example"`.
  public var senderAddress: String
  /// Where customers get help: the reseller's support page (`http` or `https`).
  public var supportURL: URL
  /// The languages the reseller supports, as BCP 47 tags (`en`, `ms`, `id`, `lo`), most preferred first.
  public var languages: [String]
  /// An optional logo for HTML notices (`https`).
  public var logoURL: URL?

  /// Creates a brand, checking every field.
  /// - Parameters:
  ///   - displayName: The name customers see (1…120 characters, no control characters).
  ///   - senderAddress: The sender e-mail address (`local@domain`, no spaces or control characters).
  ///   - supportURL: The support page, `http` or `https`.
  ///   - languages: BCP 47 tags, at least one.
  ///   - logoURL: An optional `https` logo.
  /// - Throws: ``SupportCoreError`` with code ``SupportCoreError/Code/invalidPartner`` naming the field.
  public init(
    displayName: String, senderAddress: String, supportURL: URL, languages: [String], logoURL: URL? = nil
  ) throws(SupportCoreError) {
    self.displayName = displayName
    self.senderAddress = senderAddress
    self.supportURL = supportURL
    self.languages = languages
    self.logoURL = logoURL
    if let problem = problem { throw problem }
  }

  private enum CodingKeys: String, CodingKey { case displayName, senderAddress, supportURL, languages, logoURL }

  /// Decodes and validates a brand.
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: `DecodingError.dataCorrupted` naming the invalid field.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    displayName = try container.decode(String.self, forKey: .displayName)
    senderAddress = try container.decode(String.self, forKey: .senderAddress)
    supportURL = try container.decode(URL.self, forKey: .supportURL)
    languages = try container.decode([String].self, forKey: .languages)
    logoURL = try container.decodeIfPresent(URL.self, forKey: .logoURL)
    if let problem {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: container.codingPath + [problem.field.flatMap(CodingKeys.init(stringValue:)) ?? .displayName],
          debugDescription: problem.message))
    }
  }

  /// The first problem with the brand's fields, or `nil` when every field is valid.
  var problem: SupportCoreError? {
    if displayName.trimmingCharacters(in: .whitespaces).isEmpty || displayName.count > 120
      || containsControlCharacters(displayName)
    {
      return .invalidPartner(field: "displayName", reason: "must be 1 to 120 characters without control characters")
    }
    if !isPlausibleEmailAddress(senderAddress) {
      return .invalidPartner(field: "senderAddress", reason: "must be an e-mail address such as help@example.com")
    }
    if !["http", "https"].contains(supportURL.scheme?.lowercased() ?? "") || supportURL.host == nil {
      return .invalidPartner(field: "supportURL", reason: "must be an http or https address")
    }
    if languages.isEmpty || languages.contains(where: { !isLanguageTag($0) }) {
      return .invalidPartner(field: "languages", reason: "must list at least one BCP 47 tag such as en or ms-MY")
    }
    if let logoURL, logoURL.scheme?.lowercased() != "https" || logoURL.host == nil {
      return .invalidPartner(field: "logoURL", reason: "must be an https address")
    }
    return nil
  }
}

private func containsControlCharacters(_ text: String) -> Bool {
  text.unicodeScalars.contains { $0.properties.generalCategory == .control }
}

private func isPlausibleEmailAddress(_ text: String) -> Bool {
  let parts = text.split(separator: "@", omittingEmptySubsequences: false)
  guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
    !parts[1].hasSuffix("."), text.utf8.count <= 254
  else { return false }
  return !text.unicodeScalars.contains { $0.properties.isWhitespace || $0.properties.generalCategory == .control }
}

private func isLanguageTag(_ text: String) -> Bool {
  let subtags = text.split(separator: "-", omittingEmptySubsequences: false)
  guard let first = subtags.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter })
  else { return false }
  return subtags.dropFirst().allSatisfy {
    (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
  }
}
