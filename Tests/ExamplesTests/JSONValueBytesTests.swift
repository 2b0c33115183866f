import CommandLineSupport
import Foundation
import SupportCore
import Testing

/// The byte-level string literals and four-decimal numbers of `JSONLineBytes` against the `String` forms of
/// `JSONText`, which stay the reference.
@Suite("JSON values, byte by byte")
struct JSONValueBytesTests {
  func written(_ build: (inout JSONLineBytes) -> Void) -> String {
    var output = JSONLineBytes()
    build(&output)
    return String(decoding: output.bytes, as: UTF8.self)
  }

  @Test(
    "four-decimal numbers are the text of %.4f, ties to even and negative zero included",
    arguments: [0, 1, 2, 3])
  func fourDecimalsMatchFormat(seed: UInt64) {
    var random = SplitMix64(seed: seed)
    // Exact ties (k/32 at four decimals), signed zeros, the edges of the exact range and beyond it.
    var values: [Double] = [0, -0.0, 0.03125, 0.09375, -0.03125, 0.00005, -0.00004, 1, -1, 0.99995, 1e14, 1e14 - 1]
    values += [.leastNonzeroMagnitude, -.leastNonzeroMagnitude, .greatestFiniteMagnitude, 123_456.789_05]
    for _ in 0..<20_000 {
      switch random.below(4) {
      case 0: values.append(random.unit() * 2 - 1)
      case 1: values.append(Double(random.below(2_000_001) - 1_000_000) / 32 / 10_000)
      case 2: values.append((random.unit() - 0.5) * pow(10, Double(random.below(30) - 15)))
      default: values.append(Double(bitPattern: random.next()))
      }
    }
    for value in values where value.isFinite {
      let bytes = written { $0.append(fourDecimals: value) }
      #expect(bytes == JSONText.number(value), "\(value.bitPattern)")
    }
    #expect(written { $0.append(fourDecimals: .nan) } == "null")
    #expect(written { $0.append(fourDecimals: -.infinity) } == "null")
  }

  @Test("string literals escape exactly what JSONText.quoted escapes")
  func quotedMatchesJSONText() {
    var random = SplitMix64(seed: 16)
    let alphabet: [Unicode.Scalar] = [
      "a", "Z", " ", "\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1F}", "\u{7F}", "é", "\u{2028}", "\u{2029}",
      "\u{2027}", "\u{202A}", "ບ", "👍", "/",
    ]
    var texts = ["", "plain", "\u{2028}", "a\u{2029}", "\u{E2}"]
    for _ in 0..<2_000 {
      var text = String.UnicodeScalarView()
      for _ in 0..<random.below(12) { text.append(alphabet[random.below(alphabet.count)]) }
      texts.append(String(text))
    }
    for text in texts {
      #expect(written { $0.append(quoted: text) } == JSONText.quoted(text))
    }
  }
}
