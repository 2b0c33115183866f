import Foundation
public import SupportTickets

/// What an SLA is evaluated for: a ticket and what the host knows about its customer.
///
/// The ticket is held in a shared box, so copying a subject (into arrays, across calls) costs one reference
/// count instead of one per ticket property. The box also keeps what the SLA clocks read of the ticket — its
/// status changes and public agent replies — extracted once when the subject is created, so evaluating a
/// subject at many instants (monitor scans, reports) walks the ticket's events only once.
public struct SLASubject: Hashable, Sendable {
  /// Holds the ticket and the fields the evaluator reads; the evaluator never copies the ticket.
  final class Box: @unchecked Sendable {
    // Safe to send: every field is immutable after `init`, and the buffers are owned by the box alone.
    let ticket: Ticket
    let id: TicketID
    let priority: Priority
    let department: Department
    let planTier: PlanTier?
    let status: TicketStatus
    let version: Int
    let createdAt: Date
    let updatedAt: Date
    /// The status changes of the whole timeline (see ``SLATicketTimeline/changes``); freed with the box.
    let changes: UnsafeMutableBufferPointer<SLATicketTimeline.Change>
    /// The public agent replies of the whole timeline; freed with the box.
    let publicReplies: UnsafeMutableBufferPointer<Date>

    init(_ ticket: Ticket) {
      self.ticket = ticket
      id = ticket.id
      priority = ticket.priority
      department = ticket.department
      planTier = ticket.service?.tier
      status = ticket.status
      version = ticket.version
      createdAt = ticket.createdAt
      updatedAt = ticket.updatedAt
      (changes, publicReplies) = SLATicketTimeline.extract(from: ticket)
    }

    deinit {
      changes.deallocate()
      publicReplies.deallocate()
    }
  }

  private(set) var box: Box
  /// The customer's segment, if the host has one.
  public var segment: CustomerSegment?

  /// The ticket.
  public var ticket: Ticket {
    get { box.ticket }
    set { box = Box(newValue) }
  }

  /// Pairs a ticket with its customer's segment.
  /// - Parameters:
  ///   - ticket: The ticket.
  ///   - segment: The customer's segment, if any.
  /// - Complexity: O(*e*) for *e* events: the timeline the SLA clocks read is extracted here, once.
  public init(_ ticket: Ticket, segment: CustomerSegment? = nil) {
    self.box = Box(ticket)
    self.segment = segment
  }

  /// Equal when the tickets and segments are.
  public static func == (lhs: SLASubject, rhs: SLASubject) -> Bool {
    lhs.segment == rhs.segment && (lhs.box === rhs.box || lhs.box.ticket == rhs.box.ticket)
  }

  /// Hashes the ticket and the segment.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(box.ticket)
    hasher.combine(segment)
  }
}
