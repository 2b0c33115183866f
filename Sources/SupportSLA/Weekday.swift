import Foundation

/// A day of the week, Monday first (ISO 8601). Raw values are the lowercase English names used in JSON.
public enum Weekday: String, CaseIterable, Sendable, Hashable, Codable, Comparable {
  case monday
  case tuesday
  case wednesday
  case thursday
  case friday
  case saturday
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
  public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.index < rhs.index }
}
