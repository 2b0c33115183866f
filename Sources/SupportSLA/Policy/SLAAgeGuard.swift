public import Foundation
public import SupportTickets

/// "Nothing open past 24 hours, in any case": flags every ticket that is not resolved or closed once its
/// wall-clock age reaches a limit, whatever its policy, calendar or pauses.
///
/// Targets measure business time and stop in their pause statuses, so a ticket waiting on the customer for three
/// days can be within every target. The age guard is the backstop a host promises on top: it counts real time
/// from the ticket's creation. A policy set carries one (``SLAPolicySet/ageGuard``); ``SLAMonitor`` raises
/// ``SLAAlert/Kind/ageLimitExceeded(limit:)`` once per ticket and resolution cycle when a ticket passes it, and
/// ``SLAComplianceReport`` lists such tickets as "open past 24 h".
///
/// The age is `now − createdAt` (the ticket's first event), never reset by a reopening: a ticket reopened two
/// days after it was opened is already past a 24 h limit, and is flagged again in its new cycle.
///
/// JSON, inside a policy set: `{"policies":[…],"ageGuard":{"limit":"24h"}}`; `"ageGuard":null` turns it off,
/// and a document without `ageGuard` gets ``hostingDefault``.
///
/// ```swift
/// var policies = SLAPolicySet.hostingDefault
/// policies.ageGuard = try SLAAgeGuard(limit: 48 * 3600)   // or nil: no age guard
/// ```
public struct SLAAgeGuard: Hashable, Sendable {
  /// The limit unless configured otherwise: 24 hours.
  public static let defaultLimit: TimeInterval = 24 * 3_600
  /// The guard of ``SLAPolicySet/hostingDefault``: 24 hours.
  public static let hostingDefault = SLAAgeGuard(validLimit: defaultLimit)
  /// The name alerts carry (``SLAAlert/policyName``) for a ticket that no policy of the set covers.
  public static let policyName = "Age guard"

  /// The wall-clock age, in seconds, at which an unsolved ticket is flagged (positive).
  public let limit: TimeInterval

  /// Creates a guard.
  /// - Parameter limit: The wall-clock age at which an unsolved ticket is flagged; 24 hours by default.
  /// - Throws: ``SLAError`` with code ``SLAError/Code/invalidDuration`` when the limit is not positive and finite.
  public init(limit: TimeInterval = SLAAgeGuard.defaultLimit) throws {
    guard limit.isFinite, limit > 0 else { throw SLAError.invalidDuration("\(limit)", field: "limit") }
    self.limit = limit
  }

  private init(validLimit: TimeInterval) { limit = validLimit }

  /// A ticket's wall-clock age: the real time since it was created, pauses included.
  /// - Parameters:
  ///   - ticket: The ticket.
  ///   - now: The instant.
  /// - Returns: `now − createdAt` in seconds (negative for a ticket created after `now`).
  public func age(of ticket: Ticket, at now: Date) -> TimeInterval { now.timeIntervalSince(ticket.createdAt) }

  /// Whether a ticket as it stands is open past the limit: not resolved or closed, and at least ``limit`` old.
  /// - Parameters:
  ///   - ticket: The ticket.
  ///   - now: The instant.
  /// - Returns: `true` when the ticket is active and its age has reached the limit.
  public func isExceeded(by ticket: Ticket, at now: Date) -> Bool {
    ticket.status.isActive && age(of: ticket, at: now) >= limit
  }

  /// The instant a ticket created at `createdAt` reaches the limit.
  func deadline(forTicketCreatedAt createdAt: Date) -> Date { createdAt.addingTimeInterval(limit) }
}

extension SLAAgeGuard: Codable {
  /// Decodes `{"limit":"24h"}` (seconds or `d/h/m/s` text); `limit` is required.
  /// - Throws: ``SLAError`` naming the field for a missing, non-positive or malformed limit or an unknown field.
  public init(from decoder: any Decoder) throws {
    let reader = try PolicyObjectReader(decoder, allowed: ["limit"])
    self.init(validLimit: try reader.decodeDuration("limit"))
  }

  /// Encodes `{"limit":"24h"}`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: PolicyKey.self)
    try container.encode(DurationValue(limit), forKey: PolicyKey("limit"))
  }
}
