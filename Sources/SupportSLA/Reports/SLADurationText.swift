import Foundation

/// Reads and writes the duration strings of the policy JSON: `"45s"`, `"15m"`, `"1h30m"`, `"2d"`.
enum SLADurationText {
  /// Parses `<number><unit>` groups (units `d`, `h`, `m`, `s`, largest first, each at most once).
  ///
  /// - Parameters:
  ///   - text: The text, e.g. `"1h30m"`.
  ///   - allowZero: Whether `"0s"` and the like are accepted.
  /// - Returns: Seconds, or `nil` when the text is not a positive (or, if allowed, zero) duration.
  static func seconds(from text: String, allowZero: Bool = false) -> TimeInterval? {
    let units: [(Character, TimeInterval)] = [("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1)]
    var total: TimeInterval = 0
    var digits = ""
    var nextUnit = 0
    var sawGroup = false
    for character in text {
      if character.isASCII, character.isNumber {
        digits.append(character)
        guard digits.count <= 9 else { return nil }
        continue
      }
      guard !digits.isEmpty, let value = Int(digits),
        let index = units[nextUnit...].firstIndex(where: { $0.0 == character })
      else { return nil }
      total += TimeInterval(value) * units[index].1
      nextUnit = index + 1
      digits = ""
      sawGroup = true
    }
    guard digits.isEmpty, sawGroup, total > 0 || allowZero else { return nil }
    return total
  }

  /// Writes whole seconds as the shortest `d/h/m/s` string (`5400` → `"1h30m"`); fractional seconds as a number.
  ///
  /// - Parameter seconds: A positive duration.
  /// - Returns: The text, or `nil` when `seconds` is not a whole number of seconds.
  static func text(for seconds: TimeInterval) -> String? {
    guard seconds > 0, seconds < 1e15, seconds.rounded() == seconds else { return nil }
    var rest = Int64(seconds)
    var text = ""
    for (unit, size) in [("d", Int64(86_400)), ("h", 3_600), ("m", 60), ("s", 1)] where rest >= size {
      text += "\(rest / size)\(unit)"
      rest %= size
    }
    return text
  }
}
