public import Foundation
public import SupportTickets

extension SLAComplianceReport {
  /// How well tickets were resolved, not just how fast: reopenings, first-contact resolutions and tickets answered
  /// in time but resolved late.
  ///
  /// Counted over tickets opened by the report instant (each in the period in which it was opened, like its first
  /// cycles), as the ticket stood at that instant:
  /// - **solved**: resolved or closed at least once;
  /// - **reopened**: solved, then active again (a customer reply or an agent's reopening);
  ///   ``reopenRatePercent`` = reopened ÷ solved × 100;
  /// - **first-contact resolution** (FCR), as Zendesk counts one-touch tickets: solved with exactly one public
  ///   agent reply and never reopened (internal notes and automated messages are not replies);
  ///   ``firstContactResolutionPercent`` = FCR ÷ solved × 100;
  /// - **answered on time, resolved late**: the first-response target was achieved but a resolution cycle
  ///   breached (resolved after its deadline, or still unresolved past it).
  public struct ResolutionQuality: Hashable, Sendable, Codable {
    /// Tickets counted.
    public var tickets: Int
    /// Tickets resolved or closed at least once.
    public var solved: Int
    /// Solved tickets that were reopened.
    public var reopened: Int
    /// `reopened ÷ solved × 100`, or `nil` when nothing was solved.
    public var reopenRatePercent: Double?
    /// Solved tickets with exactly one public agent reply and never reopened.
    public var firstContactResolutions: Int
    /// `firstContactResolutions ÷ solved × 100`, or `nil` when nothing was solved.
    public var firstContactResolutionPercent: Double?
    /// Tickets whose first response was achieved and a resolution cycle breached.
    public var answeredOnTimeResolvedLate: Int

    /// Creates the figures from counts; the rates are computed.
    /// - Parameters:
    ///   - tickets: Tickets counted.
    ///   - solved: Tickets resolved or closed at least once.
    ///   - reopened: Solved tickets that were reopened.
    ///   - firstContactResolutions: Solved tickets with one public agent reply, never reopened.
    ///   - answeredOnTimeResolvedLate: Tickets answered in time whose resolution breached.
    public init(
      tickets: Int, solved: Int, reopened: Int, firstContactResolutions: Int, answeredOnTimeResolvedLate: Int
    ) {
      self.tickets = tickets
      self.solved = solved
      self.reopened = reopened
      self.firstContactResolutions = firstContactResolutions
      self.answeredOnTimeResolvedLate = answeredOnTimeResolvedLate
      reopenRatePercent = solved == 0 ? nil : Double(reopened) / Double(solved) * 100
      firstContactResolutionPercent = solved == 0 ? nil : Double(firstContactResolutions) / Double(solved) * 100
    }
  }

  /// The resolution quality of the tickets opened in one period.
  public struct PeriodQuality: Hashable, Sendable, Codable {
    /// The period label (`2026-W48`, `2026-11`).
    public var period: String
    /// The figures.
    public var quality: ResolutionQuality
  }

  /// One agent's figures. A ticket is attributed to its assignee when it was last resolved or closed; a ticket not
  /// solved at the report instant, to its assignee at that instant.
  public struct AgentFigures: Hashable, Sendable, Codable {
    /// The agent, or `nil` for tickets nobody was assigned.
    public var agent: AgentID?
    /// Attainment per metric over every cycle of the agent's tickets (all periods, priorities and departments).
    public var attainment: [Row]
    /// The resolution quality of the agent's tickets.
    public var quality: ResolutionQuality
  }

  /// One department's figures, by the tickets' department at the report instant.
  public struct DepartmentFigures: Hashable, Sendable, Codable {
    /// The department.
    public var department: Department
    /// Attainment per metric over every cycle of the department's tickets (all periods and priorities).
    public var attainment: [Row]
    /// The resolution quality of the department's tickets.
    public var quality: ResolutionQuality
  }

  /// The tickets the age guard flags at the report instant: "open past 24 h", whatever their pauses.
  public struct OpenPastAgeLimit: Hashable, Sendable, Codable {
    /// The age guard's limit, in seconds (``SLAAgeGuard/limit``).
    public var limit: TimeInterval
    /// How many tickets are open past it.
    public var count: Int
    /// The tickets, oldest first.
    public var tickets: [AgedTicket]
  }

  /// A ticket open past the age limit.
  ///
  /// JSON: `{"ticketID":"T-1","openedAt":"2026-11-27T10:00:00Z","age":223200,"status":"open","priority":"low",
  /// "department":"billing","agent":"ben"}` — `openedAt` in RFC 3339 whatever the encoder's date strategy, `age`
  /// in seconds, `agent` absent when unassigned.
  public struct AgedTicket: Hashable, Sendable, Codable {
    /// The ticket.
    public var ticketID: TicketID
    /// When it was opened.
    public var openedAt: Date
    /// Its wall-clock age at the report instant, in seconds, pauses included.
    public var age: TimeInterval
    /// Its status at the report instant (never resolved or closed).
    public var status: TicketStatus
    /// Its priority.
    public var priority: Priority
    /// Its department.
    public var department: Department
    /// Its assignee at the report instant, if any.
    public var agent: AgentID?

    /// Creates an entry (the report builds these).
    /// - Parameters:
    ///   - ticketID: The ticket.
    ///   - openedAt: When it was opened.
    ///   - age: Its wall-clock age at the report instant.
    ///   - status: Its status.
    ///   - priority: Its priority.
    ///   - department: Its department.
    ///   - agent: Its assignee, if any.
    public init(
      ticketID: TicketID, openedAt: Date, age: TimeInterval, status: TicketStatus, priority: Priority,
      department: Department, agent: AgentID?
    ) {
      self.ticketID = ticketID
      self.openedAt = openedAt
      self.age = age
      self.status = status
      self.priority = priority
      self.department = department
      self.agent = agent
    }

    private enum CodingKeys: String, CodingKey {
      case ticketID, openedAt, age, status, priority, department, agent
    }

    /// Decodes the documented form.
    /// - Throws: `DecodingError` for a missing field or an `openedAt` that is not an RFC 3339 instant.
    public init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      let text = try container.decode(String.self, forKey: .openedAt)
      guard let openedAt = Timestamp.parse(text) else {
        throw DecodingError.dataCorruptedError(
          forKey: .openedAt, in: container, debugDescription: "'\(text)' is not an RFC 3339 instant")
      }
      ticketID = try container.decode(TicketID.self, forKey: .ticketID)
      self.openedAt = openedAt
      age = try container.decode(TimeInterval.self, forKey: .age)
      status = try container.decode(TicketStatus.self, forKey: .status)
      priority = try container.decode(Priority.self, forKey: .priority)
      department = try container.decode(Department.self, forKey: .department)
      agent = try container.decodeIfPresent(AgentID.self, forKey: .agent)
    }

    /// Encodes the documented form.
    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(ticketID, forKey: .ticketID)
      try container.encode(Timestamp.format(openedAt), forKey: .openedAt)
      try container.encode(age, forKey: .age)
      try container.encode(status, forKey: .status)
      try container.encode(priority, forKey: .priority)
      try container.encode(department, forKey: .department)
      try container.encodeIfPresent(agent, forKey: .agent)
    }
  }
}

/// Counts the figures of ``SLAComplianceReport/ResolutionQuality`` ticket by ticket.
struct QualityTally {
  var tickets = 0
  var solved = 0
  var reopened = 0
  var firstContact = 0
  var answeredOnTimeResolvedLate = 0

  mutating func add(_ outcome: SLATicketOutcome, resolvedLate: Bool) {
    tickets += 1
    if outcome.wasSolved { solved += 1 }
    if outcome.wasSolved, outcome.wasReopened { reopened += 1 }
    if outcome.isFirstContactResolution { firstContact += 1 }
    if resolvedLate { answeredOnTimeResolvedLate += 1 }
  }

  var quality: SLAComplianceReport.ResolutionQuality {
    SLAComplianceReport.ResolutionQuality(
      tickets: tickets, solved: solved, reopened: reopened, firstContactResolutions: firstContact,
      answeredOnTimeResolvedLate: answeredOnTimeResolvedLate)
  }
}
