import Foundation
import HostingSupport
import SupportSLA

/// The simulated host's partners: three resellers (two white-label in their customers' languages, one selling
/// premium support) and two affiliates.
enum DemoPartners {
  static let acme: PartnerID = "acme"
  static let resellers: [PartnerID] = [acme, "laocloud", "nusantara"]
  static let affiliates: [PartnerID] = ["blog-42", "forum-7"]
  static let premiumSetName = "acme-premium"

  static func directory() throws -> [Partner] {
    [
      try Partner(
        id: acme, kind: .reseller, name: "Acme Web Sdn Bhd",
        brand: PartnerBrand(
          displayName: "Acme Web", senderAddress: "help@acme.example",
          supportURL: URL(string: "https://acme.example/help")!, languages: ["en", "ms"]),
        slaPolicySetName: premiumSetName),
      try Partner(
        id: "laocloud", kind: .reseller, name: "Lao Cloud Co., Ltd.",
        brand: PartnerBrand(
          displayName: "Lao Cloud", senderAddress: "support@laocloud.example",
          supportURL: URL(string: "https://laocloud.example/support")!, languages: ["lo", "en"])),
      try Partner(
        id: "nusantara", kind: .reseller, name: "Nusantara Host",
        brand: PartnerBrand(
          displayName: "Nusantara Host", senderAddress: "bantuan@nusantara.example",
          supportURL: URL(string: "https://nusantara.example/bantuan")!, languages: ["ms"])),
      try Partner(id: "blog-42", kind: .affiliate, name: "Hosting reviews blog"),
      try Partner(id: "forum-7", kind: .affiliate, name: "Web developers' forum"),
    ]
  }

  /// Acme's premium support: critical tickets answered within 5 minutes and resolved within 30; high ones answered
  /// within 30 minutes. Other priorities keep the standard targets.
  static func catalog() throws -> SLAPolicyCatalog {
    let premium = SLAPolicySet([
      try SLAPolicy(
        name: "Acme premium critical", conditions: SLAConditions(priorities: [.critical]),
        targets: [
          SLATarget(.firstResponse, within: 5 * 60), SLATarget(.nextResponse, within: 20 * 60),
          SLATarget(.resolution, within: 30 * 60),
        ]),
      try SLAPolicy(
        name: "Acme premium high", conditions: SLAConditions(priorities: [.high]),
        targets: [
          SLATarget(.firstResponse, within: 30 * 60), SLATarget(.nextResponse, within: 3_600),
          SLATarget(.resolution, within: 6 * 3_600),
        ]),
    ])
    return try SLAPolicyCatalog(named: [premiumSetName: premium])
  }

  /// Links each reseller and affiliate customer to one of the partners, by their position (no random draw, so the
  /// simulation's other choices stay as they were).
  static func assign(_ customers: inout [CustomerProfile]) {
    for index in customers.indices {
      switch customers[index].acquisition {
      case .reseller: customers[index].partners.reseller = resellers[index % resellers.count]
      case .affiliate: customers[index].partners.affiliate = affiliates[index % affiliates.count]
      default: continue
      }
    }
  }
}
