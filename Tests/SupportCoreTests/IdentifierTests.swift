import Foundation
import SupportCore
import Testing

@Suite("Identifier: one typed id for the whole kit")
struct IdentifierTests {
  @Test(
    "an empty or whitespace-only id is rejected by the failable and the throwing initializers",
    arguments: ["", " ", "\t", "\n  ", "\u{00A0}"])
  func rejectsBlank(_ text: String) {
    #expect(CustomerID(rawValue: text) == nil)
    #expect(throws: SupportCoreError.self) { try CustomerID(validating: text) }
  }

  @Test("an id decodes from a plain JSON string and encodes back to one")
  func plainStringJSON() throws {
    let id = try JSONDecoder().decode(CustomerID.self, from: Data(#""cust-42""#.utf8))
    #expect(id == "cust-42")
    #expect(String(decoding: try JSONEncoder().encode(id), as: UTF8.self) == #""cust-42""#)
  }

  @Test(
    "decoding refuses empty, whitespace-only, over-long and control-character ids",
    arguments: [#""""#, #""   ""#, #""a\u0007b""#, "\"" + String(repeating: "x", count: 257) + "\""])
  func decodingRefuses(_ json: String) {
    #expect(throws: DecodingError.self) { try JSONDecoder().decode(CustomerID.self, from: Data(json.utf8)) }
  }

  @Test("an id of 256 bytes is accepted and one of 257 is not")
  func lengthLimit() {
    #expect(CustomerID(rawValue: String(repeating: "x", count: 256)) != nil)
    #expect(CustomerID(rawValue: String(repeating: "x", count: 257)) == nil)
  }

  @Test("coerced(to:) keeps the text and changes only the tag")
  func coercion() {
    let partner: PartnerID = "reseller-7"
    let customer: CustomerID = partner.coerced()
    #expect(customer.rawValue == "reseller-7")
    #expect(partner.coerced(to: AgentTag.self).rawValue == "reseller-7")
  }

  @Test("the validation error names the rule that was broken")
  func errorNamesRule() {
    do {
      _ = try AgentID(validating: "  ")
      Issue.record("expected an error")
    } catch {
      #expect(error.code == .invalidIdentifier)
      #expect(error.message.contains("whitespace"))
      #expect(error.description.hasPrefix("invalidIdentifier: "))
    }
  }

  @Test("ASCII ids are judged by their bytes exactly as the Unicode rules judge them")
  func asciiAgreesWithUnicodeRules() {
    /// The rules written with Unicode properties, as for any other text.
    func expected(_ text: String) -> Bool {
      guard !text.isEmpty else { return false }
      if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) { return false }
      return text.unicodeScalars.contains { !$0.properties.isWhitespace }
    }
    var texts = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
    texts += (0..<128).map { " a" + String(UnicodeScalar(UInt8($0))) + " " }
    texts += ["  ", " \u{7F}", "a\u{85}", " \u{A0}", "ok\u{1B}[2J", "whmcs-T1-r45", "\u{2028}"]
    for text in texts {
      #expect((CustomerID(rawValue: text) != nil) == expected(text), "\(text.unicodeScalars.map(\.value))")
    }
  }
  @Test("an id read from printable ASCII bytes is accepted exactly when the text rules accept it, with the same text")
  func printableASCIIBytesAgreeWithTextRules() {
    var texts = (0..<256).map { String(decoding: [UInt8($0)], as: UTF8.self) }
    texts += (0..<128).map { " a" + String(UnicodeScalar(UInt8($0))) + " " }
    texts += ["", "   ", "CUS-00001", "SUB-000001", "a\u{7F}b", "x\ty", "Kunde-ü", String(repeating: "x", count: 256)]
    texts.append(String(repeating: "x", count: 257))
    for text in texts {
      let fromBytes = Array(text.utf8).withUnsafeBufferPointer { CustomerID(printableASCII: $0) }
      let checked = CustomerID(rawValue: text)
      if let fromBytes {
        #expect(fromBytes == checked, "\(text.unicodeScalars.map(\.value))")
      } else {
        // Only non-ASCII text may be left to the full check and still be valid.
        #expect(checked == nil || !text.utf8.allSatisfy { $0 < 0x80 }, "\(text.unicodeScalars.map(\.value))")
      }
    }
  }
}
