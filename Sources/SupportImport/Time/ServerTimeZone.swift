import Foundation

/// The IANA time zone a vendor's server writes its local timestamps in (WHMCS writes `2024-03-10 02:30:00`
/// with no offset: the time on the server's clock).
///
/// Local times are turned into instants deterministically, including around clock changes (see
/// <doc:Importing#Time-zones>):
/// - A time the clock skipped (in a spring-forward gap, such as 02:30 on the day New York moves from 02:00 to
///   03:00) is read with the offset in force before the change, which moves it forward by the length of the
///   gap (02:30 EST = 03:30 EDT), as `java.time` and most libraries do.
/// - A time the clock showed twice (in an autumn overlap, 01:30 on the day the clock goes back) is the first
///   of the two, the earlier instant.
public struct ServerTimeZone: Hashable, Sendable, CustomStringConvertible {
  /// The zone's IANA identifier, such as `Asia/Vientiane`.
  public let identifier: String
  /// The Foundation time zone.
  public let timeZone: TimeZone

  /// Coordinated Universal Time.
  public static let utc = ServerTimeZone(checked: TimeZone(identifier: "UTC") ?? .gmt, identifier: "UTC")

  /// Looks up an IANA time zone.
  /// - Parameter identifier: An identifier such as `America/New_York`, `Europe/Berlin` or `UTC`.
  /// - Throws: ``ImportError`` `invalidTimeZone` for anything else (abbreviations such as `EST` are refused:
  ///   they do not say which clock changes apply).
  public init(identifier: String) throws(ImportError) {
    let known = identifier == "UTC" || identifier == "GMT" || TimeZone.knownTimeZoneIdentifiers.contains(identifier)
    guard known, let zone = TimeZone(identifier: identifier) else {
      throw ImportError(
        .invalidTimeZone, "not an IANA time zone identifier such as America/New_York", file: nil, value: identifier)
    }
    self.init(checked: zone, identifier: identifier)
  }

  private init(checked zone: TimeZone, identifier: String) {
    timeZone = zone
    self.identifier = identifier
  }

  /// The identifier.
  public var description: String { identifier }

  /// The instant a local wall-clock time names in this zone, resolving gaps and overlaps as described above.
  /// - Parameters:
  ///   - date: The local date.
  ///   - secondOfDay: Seconds since local midnight, 0..<86 400.
  /// - Returns: The instant.
  public func instant(on date: CivilDate, secondOfDay: Int) -> Date {
    var converter = LocalTimeConverter(zone: self)
    return converter.instant(localSeconds: Int64(date.dayNumber) * 86_400 + Int64(secondOfDay))
  }

  /// Two zones are equal when their identifiers are.
  /// - Parameters:
  ///   - lhs: A zone.
  ///   - rhs: Another zone.
  /// - Returns: Whether the identifiers match.
  public static func == (lhs: Self, rhs: Self) -> Bool { lhs.identifier == rhs.identifier }

  /// Hashes the identifier.
  /// - Parameter hasher: The hasher.
  public func hash(into hasher: inout Hasher) { hasher.combine(identifier) }
}

/// Turns local `YYYY-MM-DD HH:MM:SS` texts of one zone into instants, caching each day's offsets.
struct LocalTimeConverter {
  let zone: ServerTimeZone
  /// Per local day: the offsets a day before it and two days after (equal on the ordinary day).
  private var offsets: [Int64: (before: Int, after: Int)] = [:]

  init(zone: ServerTimeZone) { self.zone = zone }

  /// Parses `YYYY-MM-DD HH:MM:SS` (or with a `T`) in the zone; `nil` for anything else, including WHMCS's
  /// zero date `0000-00-00 00:00:00`.
  /// - Complexity: O(1); one dictionary lookup on an ordinary day.
  mutating func instant(_ text: String) -> Date? {
    guard let local = Self.localSeconds(text) else { return nil }
    return instant(localSeconds: local)
  }

  /// The instant of a local time given as seconds since 1970-01-01 00:00 on the local clock.
  mutating func instant(localSeconds local: Int64) -> Date {
    let day = Int64(Self.day(ofLocalSeconds: local).dayNumber)
    let known = offsets[day] ?? lookUp(day: day)
    if known.before == known.after { return Date(timeIntervalSince1970: Double(local - Int64(known.before))) }
    let earlier = local - Int64(max(known.before, known.after))
    let later = local - Int64(min(known.before, known.after))
    let earlierValid = offset(at: earlier) == max(known.before, known.after)
    let laterValid = offset(at: later) == min(known.before, known.after)
    switch (earlierValid, laterValid) {
    case (true, _): return Date(timeIntervalSince1970: Double(earlier))  // unique, or the first of an overlap
    case (false, true): return Date(timeIntervalSince1970: Double(later))
    case (false, false): return Date(timeIntervalSince1970: Double(local - Int64(known.before)))  // in a gap
    }
  }

  private mutating func lookUp(day: Int64) -> (before: Int, after: Int) {
    let midnight = day * 86_400
    let value = (offset(at: midnight - 86_400), offset(at: midnight + 2 * 86_400))
    offsets[day] = value
    return value
  }

  private func offset(at seconds: Int64) -> Int {
    zone.timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds)))
  }

  /// The local date of a local time given as seconds since 1970-01-01 00:00 on the local clock.
  static func day(ofLocalSeconds local: Int64) -> CivilDate {
    CivilDate(dayNumber: Int(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400))
  }

  /// Seconds since 1970-01-01 00:00 on the local clock, or `nil` unless `text` is a valid local date and time.
  static func localSeconds(_ text: String) -> Int64? {
    guard text.utf8.count == 19 else { return nil }
    // One pass over the bytes, no copy: digits at 0–3, 5–6, 8–9, 11–12, 14–15, 17–18.
    var parts = (year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0)
    for (position, byte) in text.utf8.enumerated() {
      switch position {
      case 4, 7: guard byte == UInt8(ascii: "-") else { return nil }
      case 10: guard byte == UInt8(ascii: " ") || byte == UInt8(ascii: "T") else { return nil }
      case 13, 16: guard byte == UInt8(ascii: ":") else { return nil }
      default:
        guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
        let digit = Int(byte - UInt8(ascii: "0"))
        switch position {
        case 0..<4: parts.year = parts.year * 10 + digit
        case 5..<7: parts.month = parts.month * 10 + digit
        case 8..<10: parts.day = parts.day * 10 + digit
        case 11..<13: parts.hour = parts.hour * 10 + digit
        case 14..<16: parts.minute = parts.minute * 10 + digit
        default: parts.second = parts.second * 10 + digit
        }
      }
    }
    let (year, month, day, hour, minute, second) = parts
    guard year >= 1, (1...12).contains(month), day >= 1, day <= CivilCalendar.daysInMonth(year: year, month: month),
      hour < 24, minute < 60, second < 60
    else { return nil }
    let days = Int64(CivilCalendar.days(year: year, month: month, day: day))
    return days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
  }
}
