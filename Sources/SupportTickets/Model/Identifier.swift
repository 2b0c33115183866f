import Foundation

/// Tag for ``TicketID``.
public enum TicketTag: Sendable {}
/// Tag for ``EventID``.
public enum EventTag: Sendable {}

/// Identifies a support ticket.
public typealias TicketID = Identifier<TicketTag>
/// Identifies one event of a ticket's timeline.
public typealias EventID = Identifier<EventTag>
