import Foundation
import SupportCore
import Testing

@Suite("Money: exact amounts in the currency's real minor unit")
struct MoneyTests {
  @Test("a currency code is validated and upper-cased", arguments: ["usd", "Usd", "USD"])
  func upperCased(_ text: String) throws {
    #expect(try CurrencyCode(validating: text).code == "USD")
    #expect(Money(minorUnits: 1, currency: try CurrencyCode(validating: text)).currency == "USD")
  }

  @Test(
    "a currency code that is not three ASCII letters is refused", arguments: ["US", "USDT", "12€", "", "U$D", "ÜSD"])
  func refusesBadCodes(_ text: String) {
    #expect(throws: SupportCoreError.self) { try CurrencyCode(validating: text) }
    let json = #"{"minorUnits":1,"currency":"\#(text)"}"#
    #expect(throws: DecodingError.self) { try JSONDecoder().decode(Money.self, from: Data(json.utf8)) }
  }

  @Test(
    "formatting uses the currency's exponent: JPY and KRW have none, KWD and BHD three, most two",
    arguments: [
      ("JPY", Int64(1200), "JPY 1200"), ("KRW", 5000, "KRW 5000"), ("KWD", 1500, "KWD 1.500"),
      ("BHD", -5, "BHD -0.005"), ("USD", 799, "USD 7.99"), ("LAK", -5, "LAK -0.05"), ("MYR", 0, "MYR 0.00"),
    ])
  func formatting(code: String, minorUnits: Int64, expected: String) throws {
    #expect(Money(minorUnits: minorUnits, currency: try CurrencyCode(validating: code)).description == expected)
  }

  @Test(
    "parsing reads decimals exactly in the currency's exponent",
    arguments: [
      ("7.99", "USD", Int64(799)), ("1200", "JPY", 1200), ("1.5", "KWD", 1500), ("-0.05", "USD", -5),
      ("7.990", "USD", 799), (" 12 ", "MYR", 1200), ("-9223372036854775808", "JPY", .min),
    ])
  func parsing(text: String, code: String, minorUnits: Int64) throws {
    #expect(try Money(parsing: text, currency: try CurrencyCode(validating: code)).minorUnits == minorUnits)
  }

  @Test(
    "parsing refuses more precision than the currency has, junk and overflow",
    arguments: [
      ("7.995", "USD"), ("12.5", "JPY"), ("1.2345", "KWD"), ("abc", "USD"), ("", "USD"), ("1.2.3", "USD"),
      ("92233720368547758.08", "USD"), ("9223372036854775808", "JPY"),
    ])
  func parsingRefuses(text: String, code: String) throws {
    let currency = try CurrencyCode(validating: code)
    #expect(throws: SupportCoreError.self) { try Money(parsing: text, currency: currency) }
  }

  @Test("formatting and parsing round-trip for every exponent")
  func roundTrip() throws {
    var random = SplitMix64(seed: 11)
    for code in ["USD", "JPY", "KWD", "CLF"] {
      let currency = try CurrencyCode(validating: code)
      for _ in 0..<500 {
        let amount = Money(minorUnits: Int64(bitPattern: random.next()), currency: currency)
        #expect(try Money(parsing: amount.decimalString, currency: currency) == amount)
      }
    }
  }

  @Test("arithmetic is exact within a currency")
  func arithmetic() throws {
    let price = Money(minorUnits: 799, currency: "USD")
    #expect(try price.adding(Money(minorUnits: 201, currency: "USD")) == Money(minorUnits: 1_000, currency: "USD"))
    #expect(try price.subtracting(Money(minorUnits: 800, currency: "USD")).minorUnits == -1)
    #expect(try price.multiplied(by: 3).minorUnits == 2_397)
    #expect(try Money(minorUnits: 9_588, currency: "USD").dividedRounded(by: 12).minorUnits == 799)
    #expect(try Money(minorUnits: 5, currency: "USD").dividedRounded(by: 2).minorUnits == 3)
    #expect(try Money(minorUnits: -5, currency: "USD").dividedRounded(by: 2).minorUnits == -3)
    #expect(try Money.sum([price, price, price], currency: "USD").minorUnits == 2_397)
  }

  @Test("arithmetic that overflows throws instead of trapping or wrapping")
  func overflowThrows() {
    let big = Money(minorUnits: .max, currency: "USD")
    let small = Money(minorUnits: .min, currency: "USD")
    let cent = Money(minorUnits: 1, currency: "USD")
    #expect(throws: SupportCoreError.self) { try big.adding(cent) }
    #expect(throws: SupportCoreError.self) { try small.subtracting(cent) }
    #expect(throws: SupportCoreError.self) { try big.multiplied(by: 2) }
    #expect(throws: SupportCoreError.self) { try small.negated() }
    #expect(throws: SupportCoreError.self) { try small.dividedRounded(by: -1) }
    #expect(throws: SupportCoreError.self) { try Money.sum([big, big], currency: "USD") }
    do {
      _ = try big.adding(cent)
    } catch {
      #expect(error.code == .overflow)
    }
  }

  @Test("amounts in different currencies are never combined")
  func currencyMismatch() {
    let usd = Money(minorUnits: 1, currency: "USD")
    let myr = Money(minorUnits: 1, currency: "MYR")
    do {
      _ = try usd.adding(myr)
      Issue.record("expected a mismatch")
    } catch {
      #expect(error.code == .currencyMismatch)
      #expect(error.context["lhs"] == "USD" && error.context["rhs"] == "MYR")
    }
  }

  @Test("money encodes as minor units and an upper-case code")
  func json() throws {
    let data = try JSONEncoder().encode(Money(minorUnits: 1500, currency: "kwd"))
    let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    #expect(object?["minorUnits"] as? Int == 1500)
    #expect(object?["currency"] as? String == "KWD")
  }
}
