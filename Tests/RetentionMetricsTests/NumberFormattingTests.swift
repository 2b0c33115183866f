import Foundation
import Testing

@testable import RetentionMetrics

@Suite("Numbers written and read byte by byte")
struct NumberFormattingTests {
  static func written(_ value: Double) -> String {
    var output = ByteOutput(capacity: 32)
    output.append(double: value)
    return output.text
  }

  @Test("every number written reads back as the same Double and is Swift's own description (seeded)")
  func roundTrip() {
    var generator = SeededGenerator(seed: 16)
    var values: [Double] = [
      0.1, 1.0 / 3, 0.0001, 0.00001, 1e15, 1e16, 0x1p53, 0x1p53 + 2, .leastNonzeroMagnitude, .greatestFiniteMagnitude,
      .leastNormalMagnitude, 2.5e-5, 100.5, 4.35, 0.857142857142857, 1, 7, 123_456_789,
    ]
    for _ in 0..<100_000 {
      values.append(Double(bitPattern: UInt64.random(in: 0..<0x7FF0_0000_0000_0000, using: &generator)))
      values.append(Double.random(in: 0..<1, using: &generator))
      values.append(Double(Int.random(in: 0..<10_000_000, using: &generator)) / 1000)
    }
    for exponent in -325...308 { values.append(pow(10, Double(exponent))) }
    var mismatches = 0
    for value in values + values.map(-) {
      let text = Self.written(value)
      if Double(text) != value || text != value.description { mismatches += 1 }
    }
    #expect(mismatches == 0)
    #expect(Self.written(0) == "0.0")
    #expect(Self.written(-0.0) == "-0.0")
    #expect(Self.written(.infinity) == "inf")
  }

  @Test("the shortest digits are chosen: 0.3 is written 0.3, not 0.29999999999999999")
  func shortest() {
    #expect(Self.written(0.1 + 0.2) == "0.30000000000000004")
    #expect(Self.written(0.3) == "0.3")
    let decimal = ShortestDecimal(1.5e300)
    #expect(decimal.digits == 15 && decimal.exponent == 299)
  }

  @Test("JSON numbers: whole values below 1e15 without a fraction, others shortest, non-finite as null")
  func jsonNumbers() {
    #expect(JSONValue.doubles([3, 0.5, 1e15, .nan, 1e-7]).rendered() == "[3,0.5,1000000000000000.0,null,1e-07]")
  }

  @Test("plain decimals in CSV are read exactly like Double(String) (seeded)")
  func decimalsRead() {
    var generator = SeededGenerator(seed: 17)
    var texts = ["0", "42", "3.25", "0.05", ".5", "5.", "1081.0", "337.000001", "9007199254740993", "1e3", "-1", ""]
    for _ in 0..<50_000 {
      texts.append(String(Double.random(in: 0..<5000, using: &generator)))
      texts.append(
        "\(Int.random(in: 0..<100_000, using: &generator)).\(Int.random(in: 0..<1_000_000, using: &generator))")
    }
    for text in texts {
      let fast = Array(text.utf8).withUnsafeBufferPointer { DecimalText.double($0) }
      if let fast { #expect(fast == Double(text), "\(text)") }
    }
    #expect(Array("1e3".utf8).withUnsafeBufferPointer { DecimalText.double($0) } == nil)
  }

  @Test("CSV amounts read byte by byte equal Money(parsing:) (seeded)")
  func amountsRead() throws {
    var generator = SeededGenerator(seed: 18)
    for _ in 0..<20_000 {
      let text =
        "\(Int.random(in: 0..<1_000_000, using: &generator)).\(String(format: "%02d", Int.random(in: 0..<100, using: &generator)))"
      let fast = Array(text.utf8).withUnsafeBufferPointer { ASCIIText.minorUnits($0, fractionDigits: 2) }
      #expect(fast == (try Money(parsing: text, currency: "USD")).minorUnits)
    }
    for odd in ["7.995", "-5", "1.2.3", "", "12345678901234567"] {
      #expect(Array(odd.utf8).withUnsafeBufferPointer { ASCIIText.minorUnits($0, fractionDigits: 2) } == nil)
    }
  }
}
