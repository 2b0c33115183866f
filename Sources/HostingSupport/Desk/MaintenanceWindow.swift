import Foundation
import SupportTickets

/// Planned work that may interrupt service: when, what it touches, and what customers are told.
///
/// A customer is affected when every dimension the window names matches them: one of their
/// ``CustomerProfile/servers`` is in ``servers`` (if any are named), one of their ``CustomerProfile/services``
/// is in ``services`` (if any), and their ``CustomerProfile/tier`` is in ``tiers`` (if any). A window that
/// names no server, service or tier affects every customer (platform-wide work).
public struct MaintenanceWindow: Hashable, Sendable, Codable, Identifiable {
  /// The window's id.
  public var id: MaintenanceID
  /// When the work starts.
  public var start: Date
  /// When the work is expected to end.
  public var end: Date
  /// The servers touched (host names as in ``CustomerProfile/servers``).
  public var servers: Set<String>
  /// The services touched (`mail`, `dns`…), as in ``CustomerProfile/services``.
  public var services: Set<String>
  /// The plan tiers touched.
  public var tiers: Set<PlanTier>
  /// What is being done, shown to customers (plain text).
  public var description: String

  /// A maintenance window.
  /// - Parameters:
  ///   - id: Unique id.
  ///   - start: Start of the work.
  ///   - end: Expected end (after `start`).
  ///   - servers: Servers touched.
  ///   - services: Services touched.
  ///   - tiers: Plan tiers touched.
  ///   - description: What is being done.
  public init(
    id: MaintenanceID,
    start: Date,
    end: Date,
    servers: Set<String> = [],
    services: Set<String> = [],
    tiers: Set<PlanTier> = [],
    description: String
  ) {
    self.id = id
    self.start = start
    self.end = end
    self.servers = servers
    self.services = services
    self.tiers = tiers
    self.description = description
  }

  /// Whether the work touches this customer (see the type's rule).
  /// - Parameter customer: The customer.
  public func affects(_ customer: CustomerProfile) -> Bool {
    ServiceScope.affects(servers: servers, services: services, tiers: tiers, customer)
  }

  /// What the customer-facing text calls the affected services: the named servers and services, sorted.
  public var affectedSummary: String { ServiceScope.summary(servers: servers, services: services, tiers: tiers) }

  /// Checks the window can be announced.
  /// - Throws: ``HostingSupportError`` `invalidRequest` naming the field.
  public func validate() throws {
    if id.rawValue.isEmpty { throw HostingSupportError.invalidRequest(field: "maintenance id", reason: "is empty") }
    if end <= start {
      throw HostingSupportError.invalidRequest(field: "maintenance end", reason: "must be after the start")
    }
    if description.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
      throw HostingSupportError.invalidRequest(field: "maintenance description", reason: "is empty")
    }
  }
}

/// A maintenance window as the desk tracks it: its current times, its revision, whether it was cancelled, and
/// whether the work is done or overrunning.
///
/// A window is complete only when it is marked done (``SupportDesk/completeMaintenance(_:at:)``), not when the
/// clock reaches its end: until then it is overrunning, and each new estimate is announced.
public struct MaintenanceRecord: Hashable, Sendable, Identifiable {
  /// A change that must be announced to customers who were already told about the window.
  public struct Correction: Hashable, Sendable, Codable {
    /// Cancelled or moved.
    public enum Kind: String, Hashable, Sendable, Codable {
      /// The window will not happen.
      case cancelled
      /// The window moved to new times.
      case rescheduled
    }
    /// Cancelled or moved.
    public var kind: Kind
    /// The revision whose notices this corrects.
    public var correctsRevision: Int
    /// The window as it was announced in that revision.
    public var previous: MaintenanceWindow
  }

  /// The window as currently planned.
  public var window: MaintenanceWindow
  /// Starts at 1; a reschedule increments it, so the new times are announced again.
  public var revision: Int
  /// Whether the window was cancelled.
  public var isCancelled: Bool
  /// Corrections to announce, oldest first.
  public var corrections: [Correction]
  /// When the window was last moved.
  public var revisedAt: Date?
  /// When the work was marked done, or `nil` while it is not. Records written before windows were marked done
  /// read as done at their planned end (what those versions of the desk did).
  public var completedAt: Date?
  /// The end estimates announced while the work overran its planned end, oldest first.
  public var overrunEstimates: [Date]

  /// A newly planned window: revision 1, not cancelled, no corrections.
  /// - Parameter window: The window.
  public init(window: MaintenanceWindow) {
    self.window = window
    self.revision = 1
    self.isCancelled = false
    self.corrections = []
    self.revisedAt = nil
    self.completedAt = nil
    self.overrunEstimates = []
  }

  /// Whether the work was marked done by `now`.
  /// - Parameter now: The instant.
  public func isComplete(at now: Date) -> Bool { completedAt.map { $0 <= now } ?? false }

  /// When the work is now expected to end: the latest overrun estimate, or the planned end.
  public var expectedEnd: Date { overrunEstimates.last ?? window.end }

  /// How many changes the record went through (corrections, overrun estimates, completion): it only grows.
  var changeCount: Int { corrections.count + overrunEstimates.count + (completedAt == nil ? 0 : 1) }

  /// The window's id.
  public var id: MaintenanceID { window.id }
}
