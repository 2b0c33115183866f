import Foundation
import HostingSupport
import HostingSupportTestKit
import SupportTickets
import Testing

@Suite("OutboundMessage model")
struct NotificationTests {
  @Test("a notification without an idempotency key is refused")
  func idempotencyKeyRequired() {
    for key in ["", "line\nbreak", String(repeating: "k", count: 513)] {
      let error = #expect(throws: HostingSupportError.self) { try Fixtures.notification(key: key).validate() }
      #expect(error?.code == .invalidNotification)
      #expect(error?.context["path"] == "idempotencyKey")
    }
  }

  @Test("a customer notification must name its customer")
  func customerRequired() {
    var notification = Fixtures.customerNotification()
    notification.customerID = nil
    let error = #expect(throws: HostingSupportError.self) { try notification.validate() }
    #expect(error?.context["path"] == "customerID")
  }

  @Test("round-trips through JSON, omitting absent ids")
  func jsonRoundTrip() throws {
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .iso8601
    encoder.outputFormatting = .sortedKeys
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    for notification in [Fixtures.notification(), Fixtures.customerNotification()] {
      let data = try encoder.encode(notification)
      #expect(try decoder.decode(HostingSupport.OutboundMessage.self, from: data) == notification)
      #expect(!String(decoding: data, as: UTF8.self).contains("maintenanceID"))
    }
  }

  @Test("decoding random bytes and mutated JSON throws instead of trapping")
  func decoderFuzz() throws {
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .iso8601
    let valid = Array(try encoder.encode(Fixtures.customerNotification()))
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    var generator = SplitMix(seed: 8)
    for _ in 0..<500 {
      var bytes = valid
      for _ in 0..<Int.random(in: 1...6, using: &generator) {
        bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
      }
      _ = try? decoder.decode(HostingSupport.OutboundMessage.self, from: Data(bytes))
    }
    let emptyKind = String(decoding: valid, as: UTF8.self).replacingOccurrences(
      of: "\"kind\":\"progressUpdate\"",
      with: "\"kind\":\"\""
    )
    #expect(throws: DecodingError.self) {
      try decoder.decode(HostingSupport.OutboundMessage.self, from: Data(emptyKind.utf8))
    }
  }

  @Test(
    "a customer's language tag picks English, Malay (Indonesian too) or Lao",
    arguments: [
      ("en-GB", MessageLocale.english), ("ms_MY", .malay), ("id", .malay), ("lo-LA", .lao), ("LO", .lao),
    ])
  func languageTags(tag: String, locale: MessageLocale) {
    #expect(MessageLocale(languageTag: tag) == locale)
  }

  @Test("an unsupported language tag gives no locale")
  func unsupportedTag() {
    #expect(MessageLocale(languageTag: "th-TH") == nil)
    #expect(MessageLocale(languageTag: "") == nil)
  }

  @Test("times are written in the customer's own time zone")
  func localTime() throws {
    let lao = try #require(Fixtures.customer("cust-kham"))
    let oslo = try #require(Fixtures.customer("cust-nordic"))
    // 2026-11-02 00:00 UTC is 07:00 in Vientiane (UTC+7) and 01:00 in Oslo (CET, UTC+1).
    #expect(lao.localTime(Fixtures.referenceDate) == "2026-11-02 07:00 (Asia/Vientiane)")
    #expect(oslo.localTime(Fixtures.referenceDate) == "2026-11-02 01:00 (Europe/Oslo)")
  }
}
