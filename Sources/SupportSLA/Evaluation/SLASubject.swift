import Foundation
public import SupportTickets

/// What an SLA is evaluated for: a ticket and what the host knows about its customer.
///
/// The ticket is held in a shared box, so copying a subject (into arrays, across calls) costs one reference
/// count instead of one per ticket property. The box also keeps what the SLA clocks read of the ticket — its
/// status changes and public agent replies — extracted once when the subject is created, so evaluating a
/// subject at many instants (monitor scans, reports) walks the ticket's events only once.
public struct SLASubject: Hashable, @unchecked Sendable {
  // Safe to send: the box is immutable once made (ManagedBuffer cannot declare Sendable itself).
  /// The fields of a ticket the evaluator and the monitor read, kept next to its timeline.
  struct Facts {
    let createdAt: Date
    let priority: Priority
    let planTier: PlanTier?
    let status: TicketStatus
    let changeCount: Int32
    let replyCount: Int32
    let id: TicketID
    let department: Department
    let updatedAt: Date
    let version: Int
    let ticket: Ticket
  }

  /// Holds the ticket, the fields the evaluator reads and, in the same allocation, its SLA timeline: the instants
  /// of the status changes, of the public agent replies, then the changes' statuses packed one byte each (see
  /// ``SLATicketTimeline``). One compact object per ticket keeps a scan
  /// of many tickets within the processor's caches; the evaluator never copies the ticket.
  final class Box: ManagedBuffer<Facts, Date> {
    // The header and the elements are written once, in `make`, and never mutated.

    /// Boxes a ticket, folding its timeline once.
    /// - Complexity: O(*e*) for *e* events.
    static func make(_ ticket: Ticket) -> Box {
      SLATicketTimeline.extract(from: ticket) { changes, replies in
        let slots = SLATicketTimeline.slotCount(changes: changes.count, replies: replies.count)
        let buffer = Box.create(minimumCapacity: slots) { _ in
          Facts(
            createdAt: ticket.createdAt, priority: ticket.priority, planTier: ticket.service?.tier,
            status: ticket.status, changeCount: Int32(changes.count), replyCount: Int32(replies.count), id: ticket.id,
            department: ticket.department, updatedAt: ticket.updatedAt, version: ticket.version, ticket: ticket)
        }
        buffer.withUnsafeMutablePointerToElements { elements in
          let statusSlots = slots - changes.count - replies.count
          for index in changes.indices { (elements + index).initialize(to: changes[index].instant) }
          for index in replies.indices { (elements + changes.count + index).initialize(to: replies[index]) }
          (elements + changes.count + replies.count).initialize(
            repeating: Date(timeIntervalSinceReferenceDate: 0), count: statusSlots)
          let statuses = UnsafeMutableRawPointer(elements + changes.count + replies.count)
          for index in changes.indices {
            statuses.storeBytes(of: changes[index].status, toByteOffset: index, as: TicketStatus.self)
          }
        }
        // Dates and statuses are trivial: the buffer needs no deinitialization.
        return unsafeDowncast(buffer, to: Box.self)
      }
    }

    /// The header, read without the dynamic exclusivity check `header` costs (it is never written after `make`).
    var facts: UnsafePointer<Facts> { withUnsafeMutablePointerToHeader { UnsafePointer($0) } }

    var ticket: Ticket { facts.pointee.ticket }
    var id: TicketID { facts.pointee.id }
    var priority: Priority { facts.pointee.priority }
    var department: Department { facts.pointee.department }
    var planTier: PlanTier? { facts.pointee.planTier }
    var status: TicketStatus { facts.pointee.status }
    var version: Int { facts.pointee.version }
    var createdAt: Date { facts.pointee.createdAt }
    var updatedAt: Date { facts.pointee.updatedAt }
  }

  private(set) var box: Box
  /// The customer's segment, if the host has one.
  public var segment: CustomerSegment?
  /// The customer's reseller (`CustomerPartners.reseller`), `nil` for a customer the host supports directly.
  public var reseller: PartnerID?

  /// The ticket.
  public var ticket: Ticket {
    get { box.ticket }
    set { box = Box.make(newValue) }
  }

  /// Pairs a ticket with what the host knows of its customer.
  /// - Parameters:
  ///   - ticket: The ticket.
  ///   - segment: The customer's segment, if any.
  ///   - reseller: The customer's reseller, if a reseller bills and supports them.
  /// - Complexity: O(*e*) for *e* events: the timeline the SLA clocks read is extracted here, once.
  public init(_ ticket: Ticket, segment: CustomerSegment? = nil, reseller: PartnerID? = nil) {
    self.box = Box.make(ticket)
    self.segment = segment
    self.reseller = reseller
  }

  /// Equal when the tickets, segments and resellers are.
  public static func == (lhs: SLASubject, rhs: SLASubject) -> Bool {
    lhs.segment == rhs.segment && lhs.reseller == rhs.reseller
      && (lhs.box === rhs.box || lhs.box.ticket == rhs.box.ticket)
  }

  /// Hashes the ticket, the segment and the reseller.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(box.ticket)
    hasher.combine(segment)
    hasher.combine(reseller)
  }
}
