import Foundation

/// Marks ``IncidentID``.
public enum IncidentTag: Sendable {}
/// Identifies an incident.
public typealias IncidentID = Identifier<IncidentTag>

/// How bad an incident is, as status pages grade it.
public enum IncidentSeverity: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
  /// Degraded: slower, or a part does not work.
  case minor
  /// A service is down for some customers.
  case major
  /// A service is down for everyone it serves.
  case critical

  private var rank: Int {
    switch self {
    case .minor: 0
    case .major: 1
    case .critical: 2
    }
  }

  /// Minor before major before critical.
  public static func < (lhs: IncidentSeverity, rhs: IncidentSeverity) -> Bool { lhs.rank < rhs.rank }
}

/// Unplanned trouble: a server or service is down or degraded now.
///
/// It affects customers by the same rule as ``MaintenanceWindow``: every dimension it names (servers, services,
/// tiers) must match; naming none means every customer.
public struct Incident: Hashable, Sendable, Codable, Identifiable {
  /// The incident's id.
  public var id: IncidentID
  /// How bad it is.
  public var severity: IncidentSeverity
  /// When the trouble started (may be before it was declared).
  public var startedAt: Date
  /// The servers affected (host names as in ``CustomerProfile/servers``).
  public var servers: Set<String>
  /// The services affected (`mail`, `web`…).
  public var services: Set<String>
  /// The plan tiers affected.
  public var tiers: Set<PlanTier>
  /// What customers are told (plain text).
  public var summary: String

  /// An incident.
  /// - Parameters:
  ///   - id: Unique id.
  ///   - severity: How bad it is.
  ///   - startedAt: When it started.
  ///   - servers: Servers affected.
  ///   - services: Services affected.
  ///   - tiers: Plan tiers affected.
  ///   - summary: What customers are told.
  public init(
    id: IncidentID, severity: IncidentSeverity, startedAt: Date, servers: Set<String> = [], services: Set<String> = [],
    tiers: Set<PlanTier> = [], summary: String
  ) {
    self.id = id
    self.severity = severity
    self.startedAt = startedAt
    self.servers = servers
    self.services = services
    self.tiers = tiers
    self.summary = summary
  }

  /// Whether it touches this customer.
  /// - Parameter customer: The customer.
  public func affects(_ customer: CustomerProfile) -> Bool {
    ServiceScope.affects(servers: servers, services: services, tiers: tiers, customer)
  }

  /// What customer texts call the affected services.
  public var affectedSummary: String { ServiceScope.summary(servers: servers, services: services, tiers: tiers) }

  /// Checks the incident can be announced.
  /// - Throws: ``HostingSupportError`` `invalidRequest` naming the field.
  public func validate() throws {
    if summary.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
      throw HostingSupportError.invalidRequest(field: "incident summary", reason: "is empty")
    }
  }
}

/// A public update posted on an incident.
public struct IncidentUpdate: Hashable, Sendable, Codable {
  /// 1 for the first update.
  public var number: Int
  /// When it was posted.
  public var postedAt: Date
  /// What customers are told (plain text).
  public var message: String

  /// An update.
  /// - Parameters:
  ///   - number: Its number.
  ///   - postedAt: When.
  ///   - message: The text.
  public init(number: Int, postedAt: Date, message: String) {
    self.number = number
    self.postedAt = postedAt
    self.message = message
  }
}

/// An incident as the desk tracks it.
public struct IncidentRecord: Hashable, Sendable, Codable, Identifiable {
  /// The incident as declared.
  public var incident: Incident
  /// When it was declared to the desk.
  public var declaredAt: Date
  /// The updates posted, oldest first.
  public var updates: [IncidentUpdate]
  /// When it was resolved, or `nil` while it lasts.
  public var resolvedAt: Date?
  /// What customers were told at the resolution.
  public var resolution: String?
  /// How many bulk updates of the linked tickets were started.
  public var bulkUpdates: Int
  /// Starts at 1; every change adds one.
  public var revision: Int

  /// A newly declared incident.
  /// - Parameters:
  ///   - incident: The incident.
  ///   - declaredAt: When it was declared.
  public init(incident: Incident, declaredAt: Date) {
    self.incident = incident
    self.declaredAt = declaredAt
    self.updates = []
    self.resolvedAt = nil
    self.resolution = nil
    self.bulkUpdates = 0
    self.revision = 1
  }

  /// The incident's id.
  public var id: IncidentID { incident.id }
  /// Whether it still lasts.
  public var isOngoing: Bool { resolvedAt == nil }
  /// How long it lasted (to `now` while it lasts), from its start.
  /// - Parameter now: The instant for an ongoing incident.
  public func duration(now: Date) -> TimeInterval { max(0, (resolvedAt ?? now).timeIntervalSince(incident.startedAt)) }
  /// When customers last heard about it: the latest update, or the declaration.
  public var lastPublicWord: Date { updates.last?.postedAt ?? declaredAt }
  /// When the record last changed.
  var changedAt: Date { max(resolvedAt ?? declaredAt, lastPublicWord) }
}

/// A ticket linked to an incident because its customer is affected.
struct IncidentLink: Hashable, Sendable, Codable {
  var incidentID: IncidentID
  var ticketID: TicketID
  var customerID: CustomerID
  var at: Date
}
