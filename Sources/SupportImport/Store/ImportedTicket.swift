import Foundation
import RetentionMetrics
import SupportTickets

/// A ticket read from a vendor export: its opening and what happened afterwards, with every id derived from the
/// vendor's ids (`whmcs-T123`, `whmcs-T123-r45`), so the same export always gives the same ticket.
///
/// The events are candidates, oldest first: ``TicketImportWriter`` folds them onto the stored ticket (or onto
/// the opening), leaves out those already stored and status changes that change nothing, and routes a status
/// change the kit's transition table does not allow (see <doc:Importing#Statuses>).
public struct ImportedTicket: Hashable, Sendable, Identifiable {
  /// The `created` event.
  public var opening: TicketEvent
  /// The events after the opening, oldest first.
  public var events: [TicketEvent]

  /// Creates an imported ticket.
  /// - Parameters:
  ///   - opening: A `TicketEvent` of kind `created`.
  ///   - events: The later events, oldest first.
  public init(opening: TicketEvent, events: [TicketEvent]) {
    self.opening = opening
    self.events = events
  }

  /// The ticket's id, from the opening.
  public var id: TicketID {
    if case .created(let opening) = opening.kind { return opening.ticketID }
    return TicketID(derived: opening.id.rawValue)
  }
}

/// A satisfaction answer read from an export, with where it came from.
public struct ImportedSurvey: Hashable, Sendable {
  /// The answer as RetentionMetrics reads it.
  public var response: SurveyResponse
  /// A stable id of the rating (`zendesk-R88`, `whmcs-T123-r45`).
  public var id: String
  /// The ticket rated, if any.
  public var ticketID: TicketID?
  /// The customer's comment, secrets redacted; `nil` when there was none.
  public var comment: String?
  /// The vendor's own answer (`good`, `bad`, or a WHMCS star rating `1`…`5`).
  public var vendorScore: String

  /// Creates an imported answer.
  /// - Parameters:
  ///   - response: The answer.
  ///   - id: A stable id of the rating.
  ///   - ticketID: The ticket rated.
  ///   - comment: The customer's comment.
  ///   - vendorScore: The vendor's own answer.
  public init(response: SurveyResponse, id: String, ticketID: TicketID?, comment: String?, vendorScore: String) {
    self.response = response
    self.id = id
    self.ticketID = ticketID
    self.comment = comment
    self.vendorScore = vendorScore
  }
}

/// What an importer read from an export's ticket documents.
public struct TicketImport: Sendable {
  /// The tickets, in the order the export lists them.
  public var tickets: [ImportedTicket]
  /// Satisfaction answers (Zendesk ratings, WHMCS reply ratings).
  public var surveys: [ImportedSurvey]
  /// Records read but not imported, and why (a deleted Zendesk ticket, a WHMCS ticket listed without its
  /// `GetTicket` details…), each with code `skipped` and the record's file and path.
  public var warnings: [ImportError]

  /// Creates a result.
  /// - Parameters:
  ///   - tickets: The tickets.
  ///   - surveys: The satisfaction answers.
  ///   - warnings: Records not imported.
  public init(tickets: [ImportedTicket] = [], surveys: [ImportedSurvey] = [], warnings: [ImportError] = []) {
    self.tickets = tickets
    self.surveys = surveys
    self.warnings = warnings
  }
}
