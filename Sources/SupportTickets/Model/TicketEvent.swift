import Foundation

/// What a new ticket says when it is opened: the first event of every timeline.
public struct TicketOpening: Hashable, Sendable {
  /// The new ticket's id.
  public var ticketID: TicketID
  /// The customer the ticket belongs to.
  public var customerID: CustomerID
  /// The one-line subject.
  public var subject: String
  /// The first message.
  public var body: String
  /// The initial priority.
  public var priority: Priority
  /// The initial department.
  public var department: Department
  /// How the ticket arrived.
  public var channel: Channel
  /// The product concerned, if known.
  public var service: ServiceReference?
  /// The customer's reseller when the ticket is opened (who bills and supports them), or `nil` for a direct
  /// customer. Set it from the customer's `CustomerPartners/reseller`: it decides which reseller's panel
  /// sees the ticket (``TicketQuery/partnerID``). Later moves are ``TicketEvent/Kind/resellerChanged(to:)``.
  public var resellerID: PartnerID?

  /// Describes a new ticket.
  /// - Parameters:
  ///   - ticketID: The new ticket's id (unique in its store).
  ///   - customerID: The owner.
  ///   - subject: The one-line subject.
  ///   - body: The first message.
  ///   - priority: The initial priority.
  ///   - department: The initial department.
  ///   - channel: How it arrived.
  ///   - service: The product concerned.
  ///   - resellerID: The customer's reseller, `nil` for a direct customer.
  public init(
    ticketID: TicketID,
    customerID: CustomerID,
    subject: String,
    body: String,
    priority: Priority = .normal,
    department: Department = .technical,
    channel: Channel = .panel,
    service: ServiceReference? = nil,
    resellerID: PartnerID? = nil
  ) {
    self.ticketID = ticketID
    self.customerID = customerID
    self.subject = subject
    self.body = body
    self.priority = priority
    self.department = department
    self.channel = channel
    self.service = service
    self.resellerID = resellerID
  }
}

/// One entry of a ticket's append-only timeline.
///
/// A ticket's state is the fold of its events (see ``Ticket/init(events:)``). Instants are kept to the
/// millisecond so that every store returns exactly what it was given.
public struct TicketEvent: Hashable, Sendable, Identifiable {
  /// What happened.
  public enum Kind: Hashable, Sendable {
    /// The ticket was opened. Always the first event and only there.
    ///
    /// Stored indirectly, so that every other event stays small.
    indirect case created(TicketOpening)
    /// The customer wrote. Reopens a resolved ticket and returns a waiting or on-hold ticket to `open`.
    case customerReply(body: String)
    /// An agent answered the customer publicly. This is what counts as a response for SLAs.
    case agentReply(body: String)
    /// A message the software sent to the customer (acknowledgement, progress update). Not a response.
    case automatedMessage(body: String)
    /// A note for staff only; always ``EventVisibility/internal``.
    case internalNote(body: String)
    /// The status moved, following ``TicketStatus/allowedTransitions``.
    case statusChanged(to: TicketStatus)
    /// The priority changed.
    case priorityChanged(to: Priority)
    /// The ticket moved to another department.
    case departmentChanged(to: Department)
    /// The ticket was assigned to an agent, or unassigned (`nil`).
    case assigneeChanged(to: AgentID?)
    /// This ticket was merged into another one; it closes.
    case merged(into: TicketID)
    /// Another ticket was merged into this one.
    case mergedFrom(TicketID)
    /// An agent reopened a resolved ticket (status becomes `open`).
    case reopened
    /// The ticket moved to another reseller's customers (`nil`: the customer is now a direct customer),
    /// because the customer changed reseller. Internal by default; customers cannot make it. See
    /// ``TicketStore/moveTickets(ofCustomer:toReseller:at:author:)``.
    case resellerChanged(to: PartnerID?)
  }

  /// The event's id, unique within its ticket.
  public var id: EventID
  /// When it happened (UTC, millisecond precision).
  public var instant: Date
  /// Who caused it.
  public var author: TicketAuthor
  /// Who may see it.
  public var visibility: EventVisibility
  /// What happened.
  public var kind: Kind

  /// Creates an event. The instant is rounded to the millisecond.
  /// - Parameters:
  ///   - id: Unique within the ticket.
  ///   - instant: When it happened.
  ///   - author: Who caused it.
  ///   - visibility: Who may see it; defaults to `internal` for notes and assignments, `public` otherwise.
  ///   - kind: What happened.
  public init(id: EventID, instant: Date, author: TicketAuthor, visibility: EventVisibility? = nil, kind: Kind) {
    self.id = id
    self.instant = Timestamp.millisecondPrecision(instant)
    self.author = author
    self.kind = kind
    self.visibility = visibility ?? kind.defaultVisibility
  }

  /// The message text the event carries (replies, notes, the opening message), if any.
  public var body: String? {
    switch kind {
    case .created(let opening): return opening.body
    case .customerReply(let body), .agentReply(let body), .automatedMessage(let body), .internalNote(let body):
      return body
    default: return nil
    }
  }

  /// Whether this is a public reply by a human agent: the only thing that counts as a response for SLAs.
  public var isPublicAgentReply: Bool {
    if case .agentReply = kind, visibility == .public, case .agent = author { return true }
    return false
  }

  /// A copy with every text field (bodies and the subject) passed through `transform`.
  /// - Parameter transform: Rewrites a text, e.g. ``SensitiveDataRedactor/redact(_:)``.
  /// - Returns: The rewritten event; events without text are returned unchanged.
  public func mappingText(_ transform: (String) -> String) -> TicketEvent {
    var copy = self
    switch kind {
    case .created(var opening):
      let subject = transform(opening.subject)
      let body = transform(opening.body)
      // Unchanged texts (the usual case) keep the event as it is, without boxing a new opening.
      guard subject != opening.subject || body != opening.body else { return self }
      opening.subject = subject
      opening.body = body
      copy.kind = .created(opening)
    case .customerReply(let body): copy.kind = .customerReply(body: transform(body))
    case .agentReply(let body): copy.kind = .agentReply(body: transform(body))
    case .automatedMessage(let body): copy.kind = .automatedMessage(body: transform(body))
    case .internalNote(let body): copy.kind = .internalNote(body: transform(body))
    default: break
    }
    return copy
  }
}

extension TicketEvent.Kind {
  /// The JSON `type` name of the kind.
  public var name: String {
    switch self {
    case .created: return "created"
    case .customerReply: return "customerReply"
    case .agentReply: return "agentReply"
    case .automatedMessage: return "automatedMessage"
    case .internalNote: return "internalNote"
    case .statusChanged: return "statusChanged"
    case .priorityChanged: return "priorityChanged"
    case .departmentChanged: return "departmentChanged"
    case .assigneeChanged: return "assigneeChanged"
    case .merged: return "merged"
    case .mergedFrom: return "mergedFrom"
    case .reopened: return "reopened"
    case .resellerChanged: return "resellerChanged"
    }
  }

  var defaultVisibility: EventVisibility {
    switch self {
    case .internalNote, .assigneeChanged, .mergedFrom, .resellerChanged: return .internal
    default: return .public
    }
  }
}
