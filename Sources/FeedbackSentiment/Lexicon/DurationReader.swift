/// Reads English durations and points in time in scored items, for the rules on implicit statements
/// (``LexiconScorer``): "five minutes", "72", "24h", "3 seconds", "50 ms", "over a week", "Tuesday".
struct DurationReader {
  let words: NegationScope

  /// A duration that starts at `index`: its length in seconds (0 when the unit is missing: "It's been 72") and the
  /// index after it. Qualifiers ("over", "almost", "nearly", "about", "the") before the number are skipped.
  func duration(at start: Int) -> (seconds: Double, end: Int)? {
    var index = start
    while index < words.items.count && isQualifier(index) { index += 1 }
    guard index < words.items.count, let bytes = words.wordBytes(index) else { return nil }
    var digits = 0
    var number = 0.0
    while digits < bytes.count, bytes[digits] >= UInt8(ascii: "0"), bytes[digits] <= UInt8(ascii: "9") {
      number = number * 10 + Double(bytes[digits] - UInt8(ascii: "0"))
      digits += 1
    }
    if digits > 0 {
      // "24h", "200ms": the unit written onto the number.
      if digits < bytes.count {
        guard let unit = Self.unitSeconds(UnsafeBufferPointer(rebasing: bytes[digits...])) else { return nil }
        return (number * unit, index + 1)
      }
    } else {
      guard let value = numberWord(index) else { return nil }
      number = value
    }
    if index + 1 < words.items.count, let unitBytes = words.wordBytes(index + 1),
      let unit = Self.unitSeconds(unitBytes)
    {
      return (number * unit, index + 2)
    }
    return digits > 0 ? (0, index + 1) : nil
  }

  /// A day of the week that starts at `index` ("Tuesday", "last Tuesday"): the index after it.
  func weekday(at index: Int) -> Int? {
    let day = index < words.items.count && words.isWord(index, "last") ? index + 1 : index
    return day < words.items.count && isWeekday(day) ? day + 1 : nil
  }

  private func isWeekday(_ index: Int) -> Bool {
    words.isWord(index, "monday") || words.isWord(index, "tuesday") || words.isWord(index, "wednesday")
      || words.isWord(index, "thursday") || words.isWord(index, "friday") || words.isWord(index, "saturday")
      || words.isWord(index, "sunday")
  }

  private func isQualifier(_ index: Int) -> Bool {
    words.isWord(index, "over") || words.isWord(index, "almost") || words.isWord(index, "nearly")
      || words.isWord(index, "about") || words.isWord(index, "already") || words.isWord(index, "the")
  }

  private func numberWord(_ index: Int) -> Double? {
    let names: [(StaticString, Double)] = [
      ("a", 1), ("an", 1), ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7),
      ("eight", 8), ("nine", 9), ("ten", 10), ("eleven", 11), ("twelve", 12), ("fifteen", 15), ("twenty", 20),
      ("thirty", 30), ("forty", 40), ("fifty", 50), ("few", 3), ("several", 3),
    ]
    for (name, value) in names where words.isWord(index, name) { return value }
    return nil
  }

  /// Seconds per unit for an English unit of time, singular, plural or abbreviated.
  static func unitSeconds(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    var word = ""
    for byte in bytes { word.unicodeScalars.append(Unicode.Scalar(byte | (byte >= 65 && byte <= 90 ? 0x20 : 0))) }
    switch word {
    case "ms", "millisecond", "milliseconds": return 0.001
    case "s", "sec", "secs", "second", "seconds": return 1
    case "m", "min", "mins", "minute", "minutes": return 60
    case "h", "hr", "hrs", "hour", "hours": return 3600
    case "d", "day", "days": return 86_400
    case "week", "weeks": return 604_800
    case "month", "months": return 2_629_800
    case "year", "years": return 31_557_600
    default: return nil
    }
  }
}
