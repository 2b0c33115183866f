import Foundation

/// A day of the week, Monday first (ISO 8601). Raw values are the lower-case English names used in JSON.
public enum Weekday: String, CaseIterable, Sendable, Hashable, Codable, Comparable {
  /// Monday.
  case monday
  /// Tuesday.
  case tuesday
  /// Wednesday.
  case wednesday
  /// Thursday.
  case thursday
  /// Friday.
  case friday
  /// Saturday.
  case saturday
  /// Sunday.
  case sunday

  /// Monday through Friday.
  public static let workdays: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday]

  /// 0 for Monday … 6 for Sunday.
  public var index: Int {
    switch self {
    case .monday: 0
    case .tuesday: 1
    case .wednesday: 2
    case .thursday: 3
    case .friday: 4
    case .saturday: 5
    case .sunday: 6
    }
  }

  /// Whether `lhs` comes before `rhs` in a Monday-first week.
  /// - Parameters:
  ///   - lhs: A weekday.
  ///   - rhs: Another weekday.
  /// - Returns: Whether `lhs` comes first.
  public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.index < rhs.index }
}
