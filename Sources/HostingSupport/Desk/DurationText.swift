import Foundation

/// Short readable durations for staff texts: `45 s`, `15 min`, `1 h 30 min`, `2 d 3 h`.
enum DurationText {
  static func format(_ seconds: TimeInterval) -> String {
    let total = Int(max(0, seconds).rounded())
    let days = total / 86_400
    let hours = total % 86_400 / 3_600
    let minutes = total % 3_600 / 60
    if days > 0 { return hours > 0 ? "\(days) d \(hours) h" : "\(days) d" }
    if hours > 0 { return minutes > 0 ? "\(hours) h \(minutes) min" : "\(hours) h" }
    if minutes > 0 { return "\(minutes) min" }
    return "\(total) s"
  }
}
