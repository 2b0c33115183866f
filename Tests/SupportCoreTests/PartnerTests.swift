import Foundation
import SupportCore
import Testing

@Suite("Partners: resellers and affiliates")
struct PartnerTests {
  static let brand = #"""
    {"displayName":"Acme Web","senderAddress":"help@acme.example","supportURL":"https://acme.example/help",
     "languages":["en","ms-MY"],"logoURL":"https://acme.example/logo.png"}
    """#

  @Test("a reseller with a brand and an SLA policy set round-trips through its documented JSON")
  func resellerRoundTrip() throws {
    let json =
      #"{"id":"acme","kind":"reseller","name":"Acme Web Sdn Bhd","brand":\#(Self.brand),"#
      + #""slaPolicySetName":"acme-premium"}"#
    let partner = try JSONDecoder().decode(Partner.self, from: Data(json.utf8))
    #expect(partner.kind == .reseller)
    #expect(partner.brand?.displayName == "Acme Web")
    #expect(partner.brand?.languages == ["en", "ms-MY"])
    #expect(partner.slaPolicySetName == "acme-premium")
    let again = try JSONDecoder().decode(Partner.self, from: try JSONEncoder().encode(partner))
    #expect(again == partner)
  }

  @Test("an affiliate needs no brand and encodes without the absent fields")
  func affiliate() throws {
    let partner = try Partner(id: "blog-42", kind: .affiliate, name: "Hosting Reviews Blog")
    let text = String(decoding: try JSONEncoder().encode(partner), as: UTF8.self)
    #expect(!text.contains("brand") && !text.contains("slaPolicySetName"))
  }

  @Test(
    "a brand with an invalid field is refused naming that field",
    arguments: [
      ("displayName", #""   ""#), ("senderAddress", #""not an address""#),
      ("supportURL", #""ftp://acme.example""#), ("languages", "[]"), ("languages", #"["english!"]"#),
      ("logoURL", #""http://acme.example/logo.png""#),
    ])
  func invalidBrand(field: String, value: String) throws {
    var object = try JSONSerialization.jsonObject(with: Data(Self.brand.utf8)) as! [String: Any]
    object[field] = try JSONSerialization.jsonObject(with: Data(value.utf8), options: .fragmentsAllowed)
    let data = try JSONSerialization.data(withJSONObject: object)
    do {
      _ = try JSONDecoder().decode(PartnerBrand.self, from: data)
      Issue.record("expected \(field) to be refused")
    } catch let DecodingError.dataCorrupted(context) {
      #expect(context.codingPath.last?.stringValue == field)
    }
  }

  @Test("a partner without a name is refused with invalidPartner")
  func namelessPartner() {
    do {
      _ = try Partner(id: "x", kind: .reseller, name: " ")
      Issue.record("expected an error")
    } catch {
      #expect(error.code == .invalidPartner)
      #expect(error.context[ErrorContextKey.path] == "name")
    }
  }

  @Test(
    "a customer's partner links imply their acquisition channel",
    arguments: [
      (CustomerPartners(reseller: "acme", affiliate: "blog"), AcquisitionChannel.reseller),
      (CustomerPartners(affiliate: "blog"), .affiliate), (CustomerPartners.none, .direct),
    ])
  func channel(partners: CustomerPartners, channel: AcquisitionChannel) {
    #expect(partners.channel == channel)
  }
}
