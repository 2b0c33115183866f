import Foundation

/// How urgent a ticket is. Ordered: `low < normal < high < critical`.
///
/// A web host treats `critical` as "a customer's site or server is down": it must be resolved within one hour.
public enum Priority: String, CaseIterable, Comparable, Hashable, Sendable, Codable {
  /// Questions and requests with no time pressure.
  case low
  /// The default for new tickets.
  case normal
  /// Degraded service, or a problem that blocks the customer's work.
  case high
  /// An outage: a site, mailbox or server is down.
  case critical

  private var rank: Int {
    switch self {
    case .low: return 0
    case .normal: return 1
    case .high: return 2
    case .critical: return 3
    }
  }

  /// Orders priorities from least to most urgent.
  public static func < (lhs: Priority, rhs: Priority) -> Bool { lhs.rank < rhs.rank }
}
