import Foundation
import Testing

@testable import RetentionMetrics

@Suite("Money and calendar arithmetic")
struct MoneyAndDateTests {
  @Test(
    "decimal strings parse exactly into minor units",
    arguments: [
      ("7.99", "USD", 799), ("0.1", "USD", 10), ("12", "USD", 1200), ("-0.05", "USD", -5), (" 3.50 ", "EUR", 350),
      ("7.990", "USD", 799), ("1200", "JPY", 1200), ("1.234", "KWD", 1234), ("92233720368547758.07", "USD", Int64.max),
    ] as [(String, String, Int64)])
  func parsing(_ text: String, _ currency: String, _ minor: Int64) throws {
    #expect(try Money(parsing: text, currency: try CurrencyCode(validating: currency)).minorUnits == minor)
  }

  @Test(
    "malformed, over-precise and overflowing amounts are typed errors",
    arguments: [
      "", "-", ".", "7.995", "1e3", "7,99", "0x10", "1.2.3", "92233720368547758.08", "NaN", "７",
    ])
  func badAmounts(_ text: String) {
    #expect(throws: SupportCoreError.self) { try Money(parsing: text, currency: "USD") }
  }

  @Test("amounts print back exactly in major units")
  func printing() {
    #expect(Money(minorUnits: 799, currency: "USD").decimalString == "7.99")
    #expect(Money(minorUnits: -5, currency: "USD").decimalString == "-0.05")
    #expect(Money(minorUnits: 1200, currency: "JPY").decimalString == "1200")
    #expect(Money(minorUnits: 1, currency: "BHD").decimalString == "0.001")
  }

  @Test("parsing and printing round-trip for random amounts (seeded)")
  func roundTrip() throws {
    var generator = SeededGenerator(seed: 1)
    for _ in 0..<2_000 {
      let value = Int64.random(in: -10_000_000_000...10_000_000_000, using: &generator)
      let money = Money(minorUnits: value, currency: "USD")
      #expect(try Money(parsing: money.decimalString, currency: "USD") == money)
    }
  }

  @Test("an annual price is normalised to MRR as price ÷ 12, rounded half away from zero")
  func normalisation() {
    #expect(Money.monthlyRecurringRevenue(ofPrice: usd("95.88"), per: .annual) == usd("7.99"))
    #expect(Money.monthlyRecurringRevenue(ofPrice: usd("100.00"), per: .annual) == usd("8.33"))
    #expect(Money.monthlyRecurringRevenue(ofPrice: usd("0.18"), per: .annual).minorUnits == 2)
    #expect(Money.monthlyRecurringRevenue(ofPrice: usd("30.00"), per: .quarterly) == usd("10.00"))
  }

  @Test("dates convert to day numbers and back, across leap years and centuries (seeded)")
  func dayNumbers() throws {
    #expect(day("1970-01-01").dayNumber == 0)
    #expect(day("2000-03-01").dayNumber == 11_017)
    #expect(CivilDate(Date(timeIntervalSince1970: 86_400 * 19_000 + 5)).description == "2022-01-08")
    var generator = SeededGenerator(seed: 3)
    for _ in 0..<1_000 {
      let date = CivilDate(dayNumber: Int.random(in: -200_000...200_000, using: &generator))
      #expect(try CivilDate(parsing: date.description) == date)
    }
    #expect(throws: SupportCoreError.self) { try CivilDate(parsing: "2023-02-29") }
    #expect(throws: SupportCoreError.self) { try CivilDate(parsing: "2024-1-01") }
  }

  @Test("adding months clamps to the end of shorter months and is computed from the original day")
  func addingMonths() {
    let start = day("2024-01-31")
    #expect(start.addingMonths(1) == day("2024-02-29"))
    #expect(start.addingMonths(2) == day("2024-03-31"))
    #expect(start.addingMonths(13) == day("2025-02-28"))
    #expect(month("2024-02").lastDay == day("2024-02-29"))
    #expect(month("2024-12").advanced(by: 1).description == "2025-01")
  }

  @Test("identifiers and dates encode as plain JSON strings")
  func codable() throws {
    let value = sub("s1", "c1", "7.99", "2024-01-15")
    let data = try JSONEncoder().encode(value)
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.contains("\"customer\":\"c1\"") && text.contains("\"start\":\"2024-01-15\""))
    #expect(try JSONDecoder().decode(Subscription.self, from: data) == value)
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(CivilDate.self, from: Data("\"2024-13-01\"".utf8))
    }
  }
}

@Suite("Grouping identifiers by hash")
struct HashGroupingTests {
  @Test("strings sharing a hash are still told apart, and groups list indices in input order")
  func collisions() throws {
    let strings = ["a", "b", "a", "c"]
    let grouping = HashGrouping(hashes: [5, 5, 5, 1])
    var groups: [[Int]] = []
    let same = { (left: Int, right: Int) in strings[left] == strings[right] }
    try grouping.forEachGroup(where: same) { groups.append($0.map(Int.init)) }
    #expect(groups == [[3], [0, 2], [1]])
    #expect(grouping.firstIndex(hash: 5, matches: { strings[$0] == "b" }) == 1)
    #expect(grouping.firstIndex(hash: 7, matches: { _ in true }) == nil)
  }

  @Test("FNV-1a hashes match the published test vectors")
  func fnv() {
    #expect(HashGrouping.hash("") == 0xCBF2_9CE4_8422_2325)
    #expect(HashGrouping.hash("a") == 0xAF63_DC4C_8601_EC8C)
    #expect(HashGrouping.hash("foobar") == 0x8594_4171_F739_67E8)
  }
}
