import Foundation
import SupportCore

/// Seeded `sla-check` input lines for the golden and fast-path tests: instants in many offsets, with and without
/// fractions, clustered around clock changes and holidays, written in the common compact form and, now and then,
/// in the other forms JSON allows (spaces, another key order, extra keys, escapes, `\r\n` endings, blank lines).
struct SLACheckLineGenerator {
  private var random: SplitMix64

  init(seed: UInt64) { random = SplitMix64(seed: seed) }

  /// Instants near which a third of the starts fall: the clock changes of New York, London and Lord Howe Island,
  /// Thanksgiving and Christmas 2026, and the turn of the year.
  static let anchors: [Int64] = [
    utc(2026, 3, 8, 7, 0), utc(2026, 11, 1, 6, 0), utc(2027, 3, 14, 7, 0), utc(2027, 11, 7, 6, 0),
    utc(2026, 3, 29, 1, 0), utc(2026, 10, 25, 1, 0), utc(2026, 4, 4, 15, 0), utc(2026, 10, 3, 15, 30),
    utc(2026, 11, 26, 5, 0), utc(2026, 12, 25, 5, 0), utc(2026, 12, 31, 23, 0),
  ]

  /// Seconds since 1970 of a UTC wall-clock time.
  static func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int) -> Int64 {
    Int64(CivilCalendar.days(year: year, month: month, day: day)) * 86_400 + Int64(hour * 3600 + minute * 60)
  }

  /// `{"start":…,"seconds":…}` (the `deadline` input).
  mutating func deadlineLine() -> String {
    let start = instantText(at: startSeconds())
    return objectLine(("start", quoted(start)), ("seconds", amountText()))
  }

  /// `{"start":…,"end":…}` (the `elapsed` input).
  mutating func elapsedLine() -> String {
    let start = startSeconds()
    let end: Int64
    switch random.below(10) {
    case 0: end = start
    case 1: end = start - Int64(random.below(40 * 86_400))
    case 2: end = Self.anchors[random.below(Self.anchors.count)] + Int64(random.below(7200)) - 3600
    default: end = start + Int64(random.below(200 * 86_400))
    }
    return objectLine(("start", quoted(instantText(at: start))), ("end", quoted(instantText(at: end))))
  }

  /// An instant: near an anchor, anywhere in 2020–2030, or (rarely) anywhere in the years 1900–2200.
  private mutating func startSeconds() -> Int64 {
    switch random.below(20) {
    case 0..<7: return Self.anchors[random.below(Self.anchors.count)] + Int64(random.below(6 * 86_400)) - 3 * 86_400
    case 7: return Self.utc(1900, 1, 2, 0, 0) + Int64(random.below(300 * 365 * 86_400))
    default: return Self.utc(2020, 1, 1, 0, 0) + Int64(random.below(10 * 365 * 86_400))
    }
  }

  /// RFC 3339 text of an instant in a random offset, with a fraction of 0, 1, 3, 6 or 9 digits.
  private mutating func instantText(at seconds: Int64) -> String {
    let offsetMinutes = random.chance(0.5) ? 0 : (random.below(105) - 48) * 15  // −12:00 … +14:00
    let local = seconds + Int64(offsetMinutes * 60)
    let days = Int(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
    let secondOfDay = Int(local - Int64(days) * 86_400)
    let (year, month, day) = CivilCalendar.civil(fromDays: days)
    let separator = random.chance(0.03) ? "t" : "T"
    var text = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))\(separator)\(pad(secondOfDay / 3600, 2)):"
    text += "\(pad(secondOfDay / 60 % 60, 2)):\(pad(secondOfDay % 60, 2))"
    let fractionDigits = [0, 0, 0, 1, 3, 3, 6, 9][random.below(8)]
    if fractionDigits > 0 {
      text += "." + (0..<fractionDigits).map { _ in String(random.below(10)) }.joined()
    }
    if offsetMinutes == 0 && random.chance(0.8) {
      text += random.chance(0.05) ? "z" : "Z"
    } else {
      text += offsetMinutes < 0 ? "-" : "+"
      text += "\(pad(abs(offsetMinutes) / 60, 2)):\(pad(abs(offsetMinutes) % 60, 2))"
    }
    return text
  }

  /// Business seconds to add: whole hours, any whole number, zero, or a decimal.
  private mutating func amountText() -> String {
    switch random.below(10) {
    case 0: return "0"
    case 1: return String(random.below(2_000_000))
    case 2: return "\(random.below(100_000)).\(random.below(10))"
    case 3: return "\(random.below(10_000)).\(pad(random.below(1000), 3))"
    case 4: return String(random.below(120))
    default: return String((1 + random.below(400)) * 3600)
    }
  }

  /// One object line, mostly compact; sometimes spaced, reordered, with an extra key, an escape in a key or
  /// value, a `\r` ending or a blank line before it.
  private mutating func objectLine(_ first: (String, String), _ second: (String, String)) -> String {
    var pairs = [first, second]
    var spaced = false
    switch random.below(50) {
    case 0, 1: pairs.reverse()
    case 2: spaced = true
    case 3: pairs.insert(("id", quoted("t\(random.below(1000))")), at: random.below(3))
    case 4: pairs.append(("priority", String(random.below(5))))
    case 5: pairs[0].0 = pairs[0].0.replacingOccurrences(of: "t", with: #"\u0074"#)
    case 6: pairs[0].1 = pairs[0].1.replacingOccurrences(of: "2", with: #"\u0032"#)
    default: break
    }
    let body = pairs.map { "\"\($0.0)\"" + (spaced ? " : " : ":") + $0.1 }.joined(separator: spaced ? " , " : ",")
    var line = spaced ? "{ " + body + " }" : "{" + body + "}"
    if random.chance(0.02) { line += "\r" }
    if random.chance(0.01) { line = "\n" + line }
    return line
  }

  private func quoted(_ text: String) -> String { "\"\(text)\"" }

  private func pad(_ value: Int, _ width: Int) -> String { CivilCalendar.padded(value, width) }
}
