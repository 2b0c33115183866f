import Foundation

/// What a customer may see of a ticket: its state and its public events, never an internal note.
///
/// Build it with ``Ticket/customerView``; this is the only type a customer-facing panel should render.
public struct CustomerTicketView: Hashable, Sendable, Identifiable {
  /// The ticket's id.
  public var id: TicketID
  /// The customer the ticket belongs to.
  public var customerID: CustomerID
  /// The one-line subject.
  public var subject: String
  /// The current status.
  public var status: TicketStatus
  /// The current priority.
  public var priority: Priority
  /// The current department.
  public var department: Department
  /// The product concerned, if known.
  public var service: ServiceReference?
  /// When the ticket was opened.
  public var createdAt: Date
  /// The instant of the last event the customer can see.
  public var updatedAt: Date
  /// The public events, oldest first.
  public var events: [TicketEvent]
}

extension Ticket {
  /// The customer's view: every ``EventVisibility/internal`` event (internal notes, assignments, merge
  /// bookkeeping) is left out.
  /// - Complexity: O(n) in the number of events.
  public var customerView: CustomerTicketView {
    let visible = events.filter { $0.visibility == .public }
    return CustomerTicketView(
      id: id,
      customerID: customerID,
      subject: subject,
      status: status,
      priority: priority,
      department: department,
      service: service,
      createdAt: createdAt,
      updatedAt: visible.last?.instant ?? createdAt,
      events: visible
    )
  }
}

/// Closes resolved tickets automatically after a quiet period, as Zendesk and WHMCS do.
///
/// The decision is a pure function of the timeline and `now`: a ticket resolved at `r` and not reopened
/// is due to close at `r + period`.
public struct AutoClosePolicy: Hashable, Sendable {
  /// How long a ticket stays resolved before it closes.
  public var period: TimeInterval

  /// Creates a policy.
  /// - Parameter period: How long a ticket stays resolved before closing; the default is 4 days.
  public init(period: TimeInterval = 4 * 86_400) { self.period = period }

  /// When the ticket closes if nothing else happens, or `nil` if it is not resolved.
  /// - Parameter ticket: The ticket.
  /// - Returns: The instant it is due to close.
  public func closingInstant(for ticket: Ticket) -> Date? {
    guard ticket.status == .resolved, let resolvedAt = ticket.resolvedAt else { return nil }
    return resolvedAt.addingTimeInterval(period)
  }

  /// The status the ticket has at `now` once auto-close is taken into account.
  /// - Parameters:
  ///   - ticket: The ticket.
  ///   - now: The instant to evaluate at.
  /// - Returns: `.closed` for a resolved ticket whose quiet period has passed, else its status.
  public func effectiveStatus(of ticket: Ticket, at now: Date) -> TicketStatus {
    if let closing = closingInstant(for: ticket), closing <= now { return .closed }
    return ticket.status
  }

  /// The event that closes the ticket, if it is due at `now`; append it to make the closing durable.
  /// - Parameters:
  ///   - ticket: The ticket.
  ///   - now: The instant to evaluate at.
  /// - Returns: A system `statusChanged(to: .closed)` event dated at the closing instant, or `nil`.
  public func closingEvent(for ticket: Ticket, at now: Date) -> TicketEvent? {
    guard let closing = closingInstant(for: ticket), closing <= now else { return nil }
    return TicketEvent(
      id: EventID(derived: "\(ticket.id.rawValue)-autoclose-\(ticket.version)"),
      instant: max(closing, ticket.updatedAt),
      author: .system,
      kind: .statusChanged(to: .closed)
    )
  }
}
